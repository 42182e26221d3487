import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from '../../shared/schemas.js';
import { LocalizedTextView, ScaleView } from '../frameworks/schemas.js';

/* Request/response schemas of supervisor and third-party assessment (issue 3 item 4). */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
/** A calendar date, YYYY-MM-DD. */
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const RatingSource = Type.Union([Type.Literal('supervisor'), Type.Literal('third_party')]);
export type RatingSource = Static<typeof RatingSource>;
export const Visibility = Type.Union([Type.Literal('private'), Type.Literal('supervisor'), Type.Literal('hr')]);

export const PersonParams = Type.Object({ orgId: Uuid, personId: Uuid }, { additionalProperties: false });

export const RecordAssessmentsBody = Type.Object(
  {
    ratings: Type.Array(
      Type.Object(
        {
          competenceId: Uuid,
          /** A level of the person's scale (0..max; the default scale is 0..4). */
          level: Type.Integer({ minimum: 0, maximum: 100 }),
          note: Type.Optional(Type.String({ maxLength: 1000 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    /** supervisor: the person's own supervisor; third_party: HR writing down an observation (a coach, a colleague). */
    source: RatingSource,
    /** An open campaign with supervisor assessment that asks these competences; rating again replaces the earlier ratings. */
    campaignId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type RecordAssessmentsBody = Static<typeof RecordAssessmentsBody>;

export const CompetenceRef = Type.Object({ id: Uuid, key: Type.String(), label: LocalizedTextView, frameworkKey: Type.String() });
export type CompetenceRef = Static<typeof CompetenceRef>;

export const RatingCampaign = Type.Object({
  id: Uuid,
  title: Type.String(),
  closesOn: IsoDate,
  /** In the campaign's order. */
  competences: Type.Array(CompetenceRef),
});
export type RatingCampaign = Static<typeof RatingCampaign>;

export const RatingView = Type.Object({
  id: Uuid,
  competenceId: Uuid,
  source: RatingSource,
  level: Type.Integer(),
  note: Nullable(Type.String()),
  campaignId: Nullable(Uuid),
  author: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  visibility: Visibility,
  assessedAt: IsoDateTime,
});
export type RatingView = Static<typeof RatingView>;

const PersonSummary = {
  id: Uuid,
  displayName: Type.String(),
  team: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  functionProfile: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
};

export const PersonAssessments = Type.Object({
  person: Type.Object(PersonSummary),
  /** The scale of the person's function profile, or the default scale. */
  scale: ScaleView,
  /** Open campaigns with supervisor assessment that include the person. */
  campaigns: Type.Array(RatingCampaign),
  /** The competences of the person's function profile (for ratings outside a campaign). */
  profileCompetences: Type.Array(Type.Object({ ...CompetenceRef.properties, requiredLevel: Type.Integer() })),
  /** Supervisor and third-party ratings the reader may see, newest first (self-ratings are in the diagnosis). */
  ratings: Type.Array(RatingView),
  /** What the reader may enter for this person. */
  canRate: Type.Object({ supervisor: Type.Boolean(), thirdParty: Type.Boolean() }),
});
export type PersonAssessments = Static<typeof PersonAssessments>;

export const SupervisorTeam = Type.Object({
  /** Open campaigns with supervisor assessment that include at least one of the people. */
  campaigns: Type.Array(RatingCampaign),
  people: Type.Array(
    Type.Object({
      ...PersonSummary,
      campaigns: Type.Array(
        Type.Object({
          campaignId: Uuid,
          /** Per competence of the campaign: whether a self-rating and a supervisor rating exist (no levels). */
          competences: Type.Array(Type.Object({ competenceId: Uuid, selfRated: Type.Boolean(), supervisorRated: Type.Boolean() })),
        }),
      ),
    }),
  ),
});
export type SupervisorTeam = Static<typeof SupervisorTeam>;
