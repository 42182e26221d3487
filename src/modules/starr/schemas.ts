import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from '../../shared/schemas.js';
import { LocalizedTextView } from '../frameworks/schemas.js';

/* Request/response schemas of STARR interviews (issue 3 item 4). */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
/** A calendar date, YYYY-MM-DD. */
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
/** private = the person and the interviewer; supervisor = also the supervisor; hr = also HR. */
export const Visibility = Type.Union([Type.Literal('private'), Type.Literal('supervisor'), Type.Literal('hr')]);

export const PersonParams = Type.Object({ orgId: Uuid, personId: Uuid }, { additionalProperties: false });

const Text = Type.String({ maxLength: 4000 });

export const StarrView = Type.Object({
  id: Uuid,
  personId: Uuid,
  situation: Type.String(),
  task: Type.String(),
  action: Type.String(),
  result: Type.String(),
  reflection: Type.String(),
  heldOn: IsoDate,
  competence: Nullable(Type.Object({ id: Uuid, key: Type.String(), label: LocalizedTextView })),
  learningQuestion: Nullable(Type.Object({ id: Uuid, text: Type.String() })),
  interviewer: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  visibility: Visibility,
  createdAt: IsoDateTime,
});
export type StarrView = Static<typeof StarrView>;

export const StarrList = Type.Object({
  person: Type.Object({ id: Uuid, displayName: Type.String() }),
  /** Newest interview first; only those the reader may see. */
  interviews: Type.Array(StarrView),
});
export type StarrList = Static<typeof StarrList>;

export const CreateStarrBody = Type.Object(
  {
    situation: Type.Optional(Text),
    task: Type.Optional(Text),
    action: Type.Optional(Text),
    result: Type.Optional(Text),
    reflection: Type.Optional(Text),
    /** Not in the future. */
    heldOn: IsoDate,
    competenceId: Type.Optional(Uuid),
    /** A learning question of the organisation about this person (or about no person). */
    learningQuestionId: Type.Optional(Uuid),
    /** Default: the organisation's default visibility (hr unless set). */
    visibility: Type.Optional(Visibility),
  },
  { additionalProperties: false },
);
export type CreateStarrBody = Static<typeof CreateStarrBody>;
