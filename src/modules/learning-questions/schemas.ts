import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from '../../shared/schemas.js';
import { CompetenceKind, LocalizedTextView } from '../frameworks/schemas.js';

/* Request/response schemas of learning questions (issue 3 item 6). */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const QuestionSource = Type.Union([Type.Literal('survey'), Type.Literal('hr'), Type.Literal('manager'), Type.Literal('employee')]);
export type QuestionSource = Static<typeof QuestionSource>;
/** Sources a person can enter through the API: `survey` questions come only from submitted surveys. */
export const EnteredSource = Type.Union([Type.Literal('hr'), Type.Literal('manager'), Type.Literal('employee')]);
export const QuestionStatus = Type.Union([Type.Literal('new'), Type.Literal('confirmed'), Type.Literal('dismissed')]);
export type QuestionStatus = Static<typeof QuestionStatus>;
/** private = the person and the author; supervisor = also the supervisor; hr = also HR. */
export const Visibility = Type.Union([Type.Literal('private'), Type.Literal('supervisor'), Type.Literal('hr')]);
export type Visibility = Static<typeof Visibility>;

export const QuestionParams = Type.Object({ orgId: Uuid, id: Uuid }, { additionalProperties: false });

export const QuestionListQuery = Type.Object(
  {
    status: Type.Optional(QuestionStatus),
    source: Type.Optional(QuestionSource),
    teamId: Type.Optional(Uuid),
    personId: Type.Optional(Uuid),
    campaignId: Type.Optional(Uuid),
    /** Only questions linked (suggested or confirmed) to this competence. */
    competenceId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    /** nextCursor of the previous page. */
    cursor: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type QuestionListQuery = Static<typeof QuestionListQuery>;

export const QuestionCompetenceView = Type.Object({
  competenceId: Uuid,
  key: Type.String(),
  kind: CompetenceKind,
  label: LocalizedTextView,
  frameworkKey: Type.String(),
  confirmed: Type.Boolean(),
  /** 1 = best suggestion; null = added by hand. */
  suggestionRank: Nullable(Type.Integer()),
});
export type QuestionCompetenceView = Static<typeof QuestionCompetenceView>;

export const QuestionView = Type.Object({
  id: Uuid,
  text: Type.String(),
  source: QuestionSource,
  status: QuestionStatus,
  visibility: Visibility,
  /** null for anonymous survey answers and questions about a whole team. */
  person: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  team: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  campaignId: Nullable(Uuid),
  /** Confirmed first, then suggestions by rank. */
  competences: Type.Array(QuestionCompetenceView),
  createdBy: Nullable(Uuid),
  decidedBy: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  decidedAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type QuestionView = Static<typeof QuestionView>;

export const QuestionPage = Type.Object({
  items: Type.Array(QuestionView),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: Nullable(Uuid),
});
export type QuestionPage = Static<typeof QuestionPage>;

export const CreateQuestionBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 2000 }),
    /** Default: hr for HR, manager for managers; employee = written down for the person. */
    source: Type.Optional(EnteredSource),
    personId: Type.Optional(Uuid),
    /** Default: the person's team. */
    teamId: Type.Optional(Uuid),
    campaignId: Type.Optional(Uuid),
    /** Default: hr. */
    visibility: Type.Optional(Visibility),
  },
  { additionalProperties: false },
);
export type CreateQuestionBody = Static<typeof CreateQuestionBody>;

export const ReplaceQuestionCompetencesBody = Type.Object(
  {
    /** The full list: competences left out are unlinked. */
    competences: Type.Array(Type.Object({ competenceId: Uuid, confirmed: Type.Boolean() }, { additionalProperties: false }), {
      maxItems: 50,
    }),
  },
  { additionalProperties: false },
);
export type ReplaceQuestionCompetencesBody = Static<typeof ReplaceQuestionCompetencesBody>;

export const DecisionBody = Type.Object(
  {
    /** confirmed = a real learning question; dismissed = not one; new = undecided again. */
    status: QuestionStatus,
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

/* The signed-in person's own learning questions (leerportaal): GET /api/me/learning-questions. */

export const MyQuestionsQuery = Type.Object(
  {
    status: Type.Optional(QuestionStatus),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type MyQuestionsQuery = Static<typeof MyQuestionsQuery>;

export const MyQuestionView = Type.Object({
  id: Uuid,
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  text: Type.String(),
  source: QuestionSource,
  status: QuestionStatus,
  /** Confirmed first, then suggestions by rank. */
  competences: Type.Array(QuestionCompetenceView),
  decidedAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
});
export type MyQuestionView = Static<typeof MyQuestionView>;
