import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from '../../shared/schemas.js';
import { LocalizedTextView } from '../frameworks/schemas.js';

/*
 * Request/response schemas of the training plan, its funding and follow-up (issue 4 items 4–6,
 * domain-rules §7). Money is in integer euro cents everywhere, durations in minutes. The web app
 * imports these (types only).
 *
 * Routes (all under /api/organisations/:orgId):
 *   GET    plans                                          → PlanSummary[]      (plan:read)
 *   POST   plans                        CreatePlanBody    → PlanDetail         (plan:write; 409 when the year has a plan)
 *   GET    plans/:planId                                  → PlanDetail         (plan:read)
 *   PATCH  plans/:planId                UpdatePlanBody    → PlanDetail         (plan:write; draft only)
 *   POST   plans/:planId/approve                          → PlanDetail         (plan:approve; writes a version snapshot)
 *   POST   plans/:planId/close                            → PlanDetail         (plan:approve)
 *   POST   plans/:planId/new-version                      → PlanDetail         (plan:write; approved → draft, version + 1)
 *   GET    plans/:planId/versions                         → PlanVersionSummary[] (plan:read)
 *   GET    plans/:planId/versions/:version                → PlanSnapshot       (plan:read)
 *   GET    plans/:planId/budget                           → BudgetView         (plan:read)
 *   GET    plans/:planId/follow-up                        → FollowUpView       (plan:read)
 *   GET    plans/:planId/export.pdf|.xlsx  ExportQuery    → file               (plan:read)
 *   GET    plans/:planId/need-options                     → NeedOption[]       (plan:read)
 *   GET    plans/:planId/people-options PeopleQuery       → PersonOption[]     (plan:write)
 *   POST   plans/:planId/actions        ActionBody        → ActionView         (plan:write; draft only)
 *   PATCH  plans/:planId/actions/:actionId ActionPatch    → ActionView         (plan:write; draft only)
 *   DELETE plans/:planId/actions/:actionId                → 204                (plan:write; draft only)
 *   POST   plans/:planId/actions/:actionId/status          ActionStatusBody  → ActionView (plan:write; not closed)
 *   POST   plans/:planId/actions/:actionId/funding/:lineId/status FundingStatusBody → ActionView (plan:write; not closed)
 *   GET    plans/:planId/actions/:actionId/funding-hints   → FundingHints      (plan:read)
 *   PUT    plans/:planId/actions/:actionId/participants/:personId ParticipationBody → ParticipantView (plan:write; not closed)
 *   PUT    plans/:planId/actions/:actionId/evaluations     EvaluationBody    → 204 (plan:write)
 *   POST   plans/:planId/actions/:actionId/reassess        ReassessBody      → ReassessResult (assessment:write + HR or supervisor)
 *   GET    funding-instruments                            → FundingInstrumentView[] (plan:read)
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
/** Whole euro cents, 0 or more; at most 20 million euro per field (the columns are 32-bit). */
export const Cents = Type.Integer({ minimum: 0, maximum: 2_000_000_000, description: 'integer euro cents' });

export const PlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('approved'), Type.Literal('closed')]);
export type PlanStatus = Static<typeof PlanStatus>;
export const ActionKind = Type.Union([
  Type.Literal('external_offer'),
  Type.Literal('internal_training'),
  Type.Literal('coaching_intervision'),
  Type.Literal('workplace_learning'),
  Type.Literal('train_the_trainer'),
  Type.Literal('non_training'),
]);
export type ActionKind = Static<typeof ActionKind>;
export const NonTrainingKind = Type.Union([
  Type.Literal('communication'),
  Type.Literal('tools'),
  Type.Literal('hr_policy'),
  Type.Literal('work_organisation'),
  Type.Literal('coaching'),
]);
export type NonTrainingKind = Static<typeof NonTrainingKind>;
export const ActionStatus = Type.Union([
  Type.Literal('planned'),
  Type.Literal('in_progress'),
  Type.Literal('done'),
  Type.Literal('cancelled'),
]);
export type ActionStatus = Static<typeof ActionStatus>;
export const FundingStatus = Type.Union([Type.Literal('planned'), Type.Literal('committed'), Type.Literal('spent')]);
export type FundingStatus = Static<typeof FundingStatus>;
export const ParticipationStatus = Type.Union([
  Type.Literal('planned'),
  Type.Literal('enrolled'),
  Type.Literal('attended'),
  Type.Literal('completed'),
  Type.Literal('no_show'),
  Type.Literal('cancelled'),
]);
export type ParticipationStatus = Static<typeof ParticipationStatus>;
export const EvaluationKind = Type.Union([Type.Literal('reaction'), Type.Literal('application')]);
export type EvaluationKind = Static<typeof EvaluationKind>;
export const DocumentLocale = Type.Union([Type.Literal('nl'), Type.Literal('fr'), Type.Literal('en')]);
export type DocumentLocale = Static<typeof DocumentLocale>;

export const PlanParams = Type.Object({ orgId: Uuid, planId: Uuid }, { additionalProperties: false });
export const VersionParams = Type.Object(
  { orgId: Uuid, planId: Uuid, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export const ActionParams = Type.Object({ orgId: Uuid, planId: Uuid, actionId: Uuid }, { additionalProperties: false });
export const FundingLineParams = Type.Object({ orgId: Uuid, planId: Uuid, actionId: Uuid, lineId: Uuid }, { additionalProperties: false });
export const ParticipantParams = Type.Object(
  { orgId: Uuid, planId: Uuid, actionId: Uuid, personId: Uuid },
  { additionalProperties: false },
);

// ---------------------------------------------------------------- plans

export const CreatePlanBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CreatePlanBody = Static<typeof CreatePlanBody>;

export const UpdatePlanBody = Type.Object({ title: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type UpdatePlanBody = Static<typeof UpdatePlanBody>;

export const BudgetFigures = Type.Object({ planned: Type.Integer(), committed: Type.Integer(), spent: Type.Integer() });
export type BudgetFigures = Static<typeof BudgetFigures>;

export const BudgetLine = Type.Object({
  /** 'own_budget' or the instrument's key. */
  source: Type.String(),
  instrumentId: Nullable(Uuid),
  name: LocalizedTextView,
  planned: Type.Integer(),
  committed: Type.Integer(),
  spent: Type.Integer(),
});
export type BudgetLine = Static<typeof BudgetLine>;

export const BudgetView = Type.Object({
  bySource: Type.Array(BudgetLine),
  total: BudgetFigures,
  /** Sum of the actions' costs. */
  costCents: Type.Integer(),
  /** Cost not covered by any funding line (never negative). */
  unfundedCents: Type.Integer(),
});
export type BudgetView = Static<typeof BudgetView>;

export const PlanSummary = Type.Object({
  id: Uuid,
  year: Type.Integer(),
  title: Type.String(),
  status: PlanStatus,
  version: Type.Integer(),
  actions: Type.Integer(),
  costCents: Type.Integer(),
  approvedAt: Nullable(IsoDateTime),
  closedAt: Nullable(IsoDateTime),
});
export type PlanSummary = Static<typeof PlanSummary>;

export const LinkedNeed = Type.Object({ id: Uuid, title: Type.String(), status: Type.String(), competenceId: Nullable(Uuid) });
export type LinkedNeed = Static<typeof LinkedNeed>;

export const ParticipantView = Type.Object({
  personId: Uuid,
  displayName: Type.String(),
  teamName: Nullable(Type.String()),
  status: ParticipationStatus,
  minutesAttended: Type.Integer(),
  completedOn: Nullable(IsoDate),
});
export type ParticipantView = Static<typeof ParticipantView>;

export const FundingLineView = Type.Object({
  id: Uuid,
  instrumentId: Nullable(Uuid),
  /** 'own_budget' or the instrument's key. */
  source: Type.String(),
  name: LocalizedTextView,
  amountCents: Type.Integer(),
  status: FundingStatus,
  note: Type.String(),
});
export type FundingLineView = Static<typeof FundingLineView>;

/** The catalog edition an action is linked to, as it is now (capacity and seats change). */
export const LinkedEdition = Type.Object({
  id: Uuid,
  startsOn: IsoDate,
  endsOn: IsoDate,
  enrolmentDeadline: Nullable(IsoDate),
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]),
  capacity: Type.Integer(),
  seatsLeft: Type.Integer(),
});
export type LinkedEdition = Static<typeof LinkedEdition>;

/** The catalog offer an action is linked to (issue 5 item 4), with the chosen edition if any. */
export const LinkedOffer = Type.Object({
  id: Uuid,
  title: LocalizedTextView,
  providerId: Uuid,
  providerName: Type.String(),
  /** An offer can be archived after it was linked; the link stays. */
  status: Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]),
  format: Type.String(),
  languages: Type.Array(Type.String()),
  durationMinutes: Type.Integer(),
  priceCents: Type.Integer(),
  /** Funding recognitions of the offer (keys of funding instruments). */
  recognitions: Type.Array(Type.String()),
  edition: Nullable(LinkedEdition),
});
export type LinkedOffer = Static<typeof LinkedOffer>;

export const ActionView = Type.Object({
  id: Uuid,
  planId: Uuid,
  kind: ActionKind,
  nonTrainingKind: Nullable(NonTrainingKind),
  title: Type.String(),
  description: Type.String(),
  status: ActionStatus,
  offerId: Nullable(Uuid),
  offerEditionId: Nullable(Uuid),
  /** The linked offer and edition; null when the action has no offer. */
  offer: Nullable(LinkedOffer),
  needs: Type.Array(LinkedNeed),
  participants: Type.Array(ParticipantView),
  /** Planned participants when nobody is named. */
  participantsCount: Type.Integer(),
  /** Named participants when there are any, else participantsCount. */
  effectiveParticipants: Type.Integer(),
  durationMinutes: Type.Integer(),
  plannedStart: Nullable(IsoDate),
  plannedEnd: Nullable(IsoDate),
  costPerParticipantCents: Type.Integer(),
  fixedCostCents: Type.Integer(),
  /** effectiveParticipants × costPerParticipantCents + fixedCostCents. */
  costCents: Type.Integer(),
  fundedCents: Type.Integer(),
  responsible: Type.String(),
  position: Type.Integer(),
  funding: Type.Array(FundingLineView),
});
export type ActionView = Static<typeof ActionView>;

export const PlanDetail = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  year: Type.Integer(),
  title: Type.String(),
  status: PlanStatus,
  version: Type.Integer(),
  approvedAt: Nullable(IsoDateTime),
  approvedByName: Nullable(Type.String()),
  closedAt: Nullable(IsoDateTime),
  actions: Type.Array(ActionView),
  budget: BudgetView,
  /** What the caller may do (the screens hide what is not allowed). */
  can: Type.Object({ write: Type.Boolean(), approve: Type.Boolean() }),
});
export type PlanDetail = Static<typeof PlanDetail>;

/** The plan as approved, kept in training_plan_versions: the whole plan, its actions, funding and budget. */
export const PlanSnapshot = Type.Object({
  version: Type.Integer(),
  approvedAt: IsoDateTime,
  approvedByName: Nullable(Type.String()),
  plan: Type.Object({
    id: Uuid,
    organisationId: Uuid,
    year: Type.Integer(),
    title: Type.String(),
    status: PlanStatus,
    version: Type.Integer(),
  }),
  actions: Type.Array(ActionView),
  budget: BudgetView,
});
export type PlanSnapshot = Static<typeof PlanSnapshot>;

export const PlanVersionSummary = Type.Object({
  version: Type.Integer(),
  approvedAt: IsoDateTime,
  approvedByName: Nullable(Type.String()),
  actions: Type.Integer(),
  costCents: Type.Integer(),
  plannedCents: Type.Integer(),
});
export type PlanVersionSummary = Static<typeof PlanVersionSummary>;

// ---------------------------------------------------------------- actions

export const FundingLineInput = Type.Object(
  {
    /** A funding instrument, or null for the organisation's own budget. */
    instrumentId: Nullable(Uuid),
    amountCents: Cents,
    status: Type.Optional(FundingStatus),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type FundingLineInput = Static<typeof FundingLineInput>;

const actionFields = {
  kind: ActionKind,
  nonTrainingKind: Type.Optional(Nullable(NonTrainingKind)),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  /** Needs this action answers; each must belong to the organisation. */
  needIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
  /** Named participants (people of the organisation). */
  personIds: Type.Optional(Type.Array(Uuid, { maxItems: 1000, uniqueItems: true })),
  /** Planned participants when they are not named (anonymous needs). */
  participantsCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  durationMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })),
  plannedStart: Type.Optional(Nullable(IsoDate)),
  plannedEnd: Type.Optional(Nullable(IsoDate)),
  costPerParticipantCents: Type.Optional(Cents),
  fixedCostCents: Type.Optional(Cents),
  responsible: Type.Optional(Type.String({ maxLength: 200 })),
  /**
   * A published catalog offer (any provider), or null to unlink. Not for non-training actions.
   * Changing the offer drops the edition unless offerEditionId is given too.
   */
  offerId: Type.Optional(Nullable(Uuid)),
  /** One edition of that offer (not cancelled), or null for "offer chosen, edition later". */
  offerEditionId: Type.Optional(Nullable(Uuid)),
  /** The action's funding lines; on update the list replaces the lines. */
  funding: Type.Optional(Type.Array(FundingLineInput, { maxItems: 20 })),
};

export const ActionBody = Type.Object(actionFields, { additionalProperties: false });
export type ActionBody = Static<typeof ActionBody>;

export const ActionPatch = Type.Object(
  { ...actionFields, kind: Type.Optional(ActionKind), title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);
export type ActionPatch = Static<typeof ActionPatch>;

export const ActionStatusBody = Type.Object({ status: ActionStatus }, { additionalProperties: false });
export const FundingStatusBody = Type.Object({ status: FundingStatus }, { additionalProperties: false });

// ---------------------------------------------------------------- funding

export const FundingInstrumentView = Type.Object({
  id: Uuid,
  key: Type.String(),
  /** true for an organisation's own instrument. */
  own: Type.Boolean(),
  name: LocalizedTextView,
  description: LocalizedTextView,
  conditionsText: LocalizedTextView,
  coverageBasisPoints: Type.Integer(),
  amountPerHourCents: Nullable(Type.Integer()),
  capPerParticipantCents: Nullable(Type.Integer()),
  capPerActionCents: Nullable(Type.Integer()),
  sourceUrl: Nullable(Type.String()),
  validFrom: Nullable(IsoDate),
  validUntil: Nullable(IsoDate),
});
export type FundingInstrumentView = Static<typeof FundingInstrumentView>;

export const ConditionCheckView = Type.Object({
  condition: Type.Union([
    Type.Literal('actionKinds'),
    Type.Literal('recognition'),
    Type.Literal('employerKinds'),
    Type.Literal('targetGroups'),
    Type.Literal('minHours'),
    Type.Literal('maxEmployees'),
  ]),
  met: Nullable(Type.Boolean()),
});

export const FundingHintView = Type.Object({
  instrument: FundingInstrumentView,
  verdict: Type.Union([Type.Literal('likely'), Type.Literal('check'), Type.Literal('no')]),
  checks: Type.Array(ConditionCheckView),
  manualChecks: Type.Array(Type.String()),
  coverageBasisPoints: Type.Integer(),
  estimatedCents: Type.Integer(),
});
export type FundingHintView = Static<typeof FundingHintView>;

export const FundingHints = Type.Object({
  actionId: Uuid,
  /** Always shown with the hints: a hint, not legal advice (in the caller's language). */
  disclaimer: Type.String(),
  /** What the hints knew about the action and the organisation. */
  basis: Type.Object({
    hours: Nullable(Type.Number()),
    participants: Type.Integer(),
    costCents: Type.Integer(),
    peopleInOrganisation: Type.Integer(),
    offerLinked: Type.Boolean(),
  }),
  hints: Type.Array(FundingHintView),
});
export type FundingHints = Static<typeof FundingHints>;

// ---------------------------------------------------------------- follow-up

export const ParticipationBody = Type.Object(
  {
    status: ParticipationStatus,
    /** Defaults to the action's duration for attended and completed; 0 otherwise. */
    minutesAttended: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 600_000 }))),
    /** Only for completed; defaults to today. */
    completedOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export type ParticipationBody = Static<typeof ParticipationBody>;

export const EvaluationBody = Type.Object(
  {
    personId: Uuid,
    kind: EvaluationKind,
    score: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type EvaluationBody = Static<typeof EvaluationBody>;

export const ScoreSummaryView = Type.Object({ count: Type.Integer(), shown: Type.Boolean(), mean: Nullable(Type.Number()) });

export const FollowUpAction = Type.Object({
  actionId: Uuid,
  title: Type.String(),
  kind: ActionKind,
  status: ActionStatus,
  durationMinutes: Type.Integer(),
  byStatus: Type.Record(Type.String(), Type.Integer()),
  participants: Type.Array(
    Type.Object({
      personId: Uuid,
      displayName: Type.String(),
      teamName: Nullable(Type.String()),
      status: ParticipationStatus,
      minutesAttended: Type.Integer(),
      completedOn: Nullable(IsoDate),
      /** Whether each evaluation was given (never the score: scores are only shown as means). */
      reactionGiven: Type.Boolean(),
      applicationGiven: Type.Boolean(),
      applicationDueOn: Nullable(IsoDate),
    }),
  ),
  reaction: ScoreSummaryView,
  application: ScoreSummaryView,
  /** Comments, only when the mean of that evaluation is shown; not linked to persons. */
  comments: Type.Array(Type.Object({ kind: EvaluationKind, text: Type.String() })),
  /** People whose application evaluation is due (completed 3 months ago or more) and not given. */
  dueApplication: Type.Array(Type.Object({ personId: Uuid, displayName: Type.String(), completedOn: IsoDate, dueOn: IsoDate })),
  /** A re-assessment can close the loop: the action answers a need with a competence. */
  canReassess: Type.Boolean(),
  competences: Type.Array(Type.Object({ id: Uuid, label: LocalizedTextView })),
});
export type FollowUpAction = Static<typeof FollowUpAction>;

export const FollowUpView = Type.Object({
  planId: Uuid,
  /** The anonymity threshold k in force. */
  threshold: Type.Integer(),
  today: IsoDate,
  actions: Type.Array(FollowUpAction),
});
export type FollowUpView = Static<typeof FollowUpView>;

export const ReassessBody = Type.Object(
  {
    ratings: Type.Array(
      Type.Object(
        {
          personId: Uuid,
          level: Type.Integer({ minimum: 0, maximum: 10 }),
          /** Needed only when the action's needs have more than one competence. */
          competenceId: Type.Optional(Uuid),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type ReassessBody = Static<typeof ReassessBody>;

export const ReassessResult = Type.Object({
  recorded: Type.Integer(),
  needs: Type.Array(Type.Object({ id: Uuid, title: Type.String(), status: Type.String(), met: Type.Boolean() })),
});
export type ReassessResult = Static<typeof ReassessResult>;

// ---------------------------------------------------------------- options and documents

export const NeedOption = Type.Object({
  id: Uuid,
  title: Type.String(),
  status: Type.String(),
  classification: Nullable(Type.String()),
  competenceId: Nullable(Uuid),
  peopleCount: Type.Integer(),
  /** Named people of the need (for suggesting participants). */
  personIds: Type.Array(Uuid),
});
export type NeedOption = Static<typeof NeedOption>;

export const PeopleQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ids: Type.Optional(Type.String({ maxLength: 40_000, description: 'comma-separated person ids' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type PeopleQuery = Static<typeof PeopleQuery>;

export const PersonOption = Type.Object({ id: Uuid, displayName: Type.String(), teamName: Nullable(Type.String()) });
export type PersonOption = Static<typeof PersonOption>;

export const ExportQuery = Type.Object(
  {
    /** Dutch by default (documents for the board); else the language asked for. */
    locale: Type.Optional(DocumentLocale),
    /** Print an approved version's snapshot instead of the plan as it is now. */
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;
