import { Type, type Static } from 'typebox';
import { LocalizedText, Uuid } from '../../shared/schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const GapView = Type.Object({
  competenceId: Uuid,
  label: LocalizedText(),
  required: Type.Integer(),
  gap: Type.Number(),
  importance: Nullable(Type.String()),
  /** People behind the gap (1 for a person). */
  people: Type.Integer(),
});
export type GapView = Static<typeof GapView>;

export const RecommendationView = Type.Object({
  offerId: Uuid,
  title: LocalizedText(),
  providerName: Type.String(),
  format: Type.String(),
  languages: Type.Array(Type.String()),
  municipality: Nullable(Type.String()),
  durationMinutes: Type.Integer(),
  priceCents: Type.Integer(),
  priceAfterFundingCents: Type.Integer(),
  score: Type.Number(),
  coverage: Type.Number(),
  nextEdition: Type.Object({ id: Uuid, startsOn: Type.String(), enrolmentDeadline: Nullable(Type.String()), freeSeats: Type.Integer() }),
  /** The parts the UI phrases: "covers X and Y of your 3 gaps; in Dutch; 12 km; free with opleidingscheques". */
  explanation: Type.Object({
    covers: Type.Array(
      Type.Object({
        competenceId: Uuid,
        label: LocalizedText(),
        share: Type.Number(),
        via: Type.Union([Type.Literal('tag'), Type.Literal('text')]),
      }),
    ),
    gapCount: Type.Integer(),
    uncovered: Type.Array(Type.Object({ competenceId: Uuid, label: LocalizedText() })),
    /** The language of instruction that matched the wishes. */
    language: Type.String(),
    /** Null when the distance is unknown (factor 0.8) or the offer is online. */
    distanceKm: Nullable(Type.Number()),
    online: Type.Boolean(),
    free: Type.Boolean(),
    funding: Nullable(
      Type.Object({
        instrument: Type.String(),
        name: Type.Record(Type.String(), Type.String()),
        cents: Type.Integer(),
        verdict: Type.String(),
      }),
    ),
    reductions: Type.Array(Type.Object({ factor: Type.String(), multiplier: Type.Number() })),
    textMatch: Type.Boolean(),
  }),
});
export type RecommendationView = Static<typeof RecommendationView>;

export const RecommendationsResult = Type.Object({
  subject: Type.Object({ kind: Type.String(), id: Nullable(Uuid), name: Type.String() }),
  gaps: Type.Array(GapView),
  recommendations: Type.Array(RecommendationView),
  /** Offers left out by a hard filter, per reason. */
  excluded: Type.Record(Type.String(), Type.Integer()),
});
export type RecommendationsResult = Static<typeof RecommendationsResult>;

export const RecommendationsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    /** Languages of instruction accepted, comma separated (default: the person's language, else nl). */
    languages: Type.Optional(Type.String({ pattern: '^[a-z]{2}(,[a-z]{2}){0,5}$' })),
    preferredFormat: Type.Optional(
      Type.Union([Type.Literal('classroom'), Type.Literal('online'), Type.Literal('blended'), Type.Literal('workplace')]),
    ),
    budgetCapCents: Type.Optional(Type.Integer({ minimum: 0 })),
    maxHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
export type RecommendationsQuery = Static<typeof RecommendationsQuery>;

export const RegisterRecommendations = Type.Object({
  needs: Type.Array(
    Type.Object({
      needId: Uuid,
      title: Type.String(),
      gaps: Type.Array(GapView),
      recommendations: Type.Array(RecommendationView),
    }),
  ),
  offersConsidered: Type.Integer(),
});
export type RegisterRecommendations = Static<typeof RegisterRecommendations>;

export const PersonParams = Type.Object({ orgId: Uuid, personId: Uuid }, { additionalProperties: false });
export const TeamParams = Type.Object({ orgId: Uuid, teamId: Uuid }, { additionalProperties: false });
export const NeedParams = Type.Object({ orgId: Uuid, needId: Uuid }, { additionalProperties: false });
