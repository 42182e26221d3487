import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from '../../shared/schemas.js';
import { LocalizedTextView } from '../frameworks/schemas.js';

/*
 * Request/response schemas of the needs register, triage and prioritisation (issue 4 items 1–3,
 * domain-rules §5–6). The web app imports these (types only).
 *
 * Routes (all under /api/organisations/:orgId):
 *   GET    needs                      NeedListQuery     → NeedPage        (need:read)
 *   POST   needs                      CreateNeedBody    → NeedDetail      (need:write)
 *   POST   needs/from-diagnosis       FromDiagnosisBody → NeedDetail      (need:write + diagnosis:read)
 *   GET    needs/ranked               RankedQuery       → RankedNeeds     (need:read)
 *   GET    needs/ranked.csv|.xlsx     RankedExportQuery → file            (need:read + data:export)
 *   GET    needs/:id                                    → NeedDetail      (need:read)
 *   PATCH  needs/:id                  UpdateNeedBody    → NeedDetail      (need:write)
 *   DELETE needs/:id                                    → 204             (need:write)
 *   POST   needs/:id/triage           TriageBody        → TriageOutcome   (need:write)
 *   GET    needs/:id/triages                            → TriageView[]    (need:read)
 *   POST   learning-questions/:id/triage TriageBody     → TriageOutcome   (learning-question:write, visible question)
 *   GET    learning-questions/:id/triages               → TriageView[]    (learning-question:read, visible question)
 *   GET    needs/:id/priority                           → PriorityView    (need:read)
 *   PUT    needs/:id/priority         PutPriorityBody   → PriorityView    (need:write)
 *   GET    priority-weights                             → WeightsView     (need:read)
 *   PUT    priority-weights           WeightsBody       → WeightsView     (priority:configure)
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const NeedStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('triaged'),
  Type.Literal('planned'),
  Type.Literal('in_progress'),
  Type.Literal('met'),
  Type.Literal('dismissed'),
]);
export type NeedStatus = Static<typeof NeedStatus>;

export const NeedSource = Type.Union([
  Type.Literal('diagnosis'),
  Type.Literal('learning_question'),
  Type.Literal('organisation_issue'),
  Type.Literal('prognosis'),
  Type.Literal('manual'),
]);
export type NeedSource = Static<typeof NeedSource>;

export const Classification = Type.Union([Type.Literal('training_need'), Type.Literal('non_training'), Type.Literal('unclear')]);
export type Classification = Static<typeof Classification>;

export const TargetGroup = Type.Union([
  Type.Literal('target_group_employee'),
  Type.Literal('supervisory_staff'),
  Type.Literal('other_staff'),
]);
export type TargetGroup = Static<typeof TargetGroup>;

export const GroupBy = Type.Union([Type.Literal('team'), Type.Literal('function_profile'), Type.Literal('target_group')]);
export type GroupBy = Static<typeof GroupBy>;

export const Criterion = Type.Union([
  Type.Literal('investment'),
  Type.Literal('urgency'),
  Type.Literal('success'),
  Type.Literal('fairness'),
  Type.Literal('feasibility'),
  Type.Literal('core_task'),
  Type.Literal('strategic_fit'),
]);
export type Criterion = Static<typeof Criterion>;

export const NonTrainingKind = Type.Union([
  Type.Literal('communication'),
  Type.Literal('tools'),
  Type.Literal('hr_policy'),
  Type.Literal('work_organisation'),
  Type.Literal('coaching'),
]);
export type NonTrainingKind = Static<typeof NonTrainingKind>;

export const NeedParams = Type.Object({ orgId: Uuid, id: Uuid }, { additionalProperties: false });

const Named = Type.Object({ id: Uuid, name: Type.String() });
const CompetenceRef = Type.Object({ id: Uuid, key: Type.String(), label: LocalizedTextView });

// ---------------------------------------------------------------- register

export const NeedSort = Type.Union([Type.Literal('created'), Type.Literal('title'), Type.Literal('urgency'), Type.Literal('priority')]);
export type NeedSort = Static<typeof NeedSort>;

const filterProps = {
  status: Type.Optional(NeedStatus),
  classification: Type.Optional(Classification),
  source: Type.Optional(NeedSource),
  teamId: Type.Optional(Uuid),
  competenceId: Type.Optional(Uuid),
};

export const NeedListQuery = Type.Object(
  {
    ...filterProps,
    /** created: newest first (default); title: A–Z; urgency: earliest date first; priority: highest first. */
    sort: Type.Optional(NeedSort),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    /** nextCursor of the previous page (opaque). */
    cursor: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type NeedListQuery = Static<typeof NeedListQuery>;

export const NeedSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  competence: Nullable(CompetenceRef),
  team: Nullable(Named),
  functionProfile: Nullable(Named),
  targetGroup: Nullable(TargetGroup),
  /** Persons concerned: the named people, or only a count for anonymous groups. */
  peopleCount: Type.Integer(),
  sources: Type.Array(NeedSource),
  urgencyDate: Nullable(IsoDate),
  status: NeedStatus,
  /** The latest triage's result; null before the first triage. */
  classification: Nullable(Classification),
  /** Weighted priority 1–5 (2 decimals); null until a criterion is scored. */
  priority: Nullable(Type.Number()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type NeedSummary = Static<typeof NeedSummary>;

export const NeedPage = Type.Object({
  items: Type.Array(NeedSummary),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: Nullable(Type.String()),
});
export type NeedPage = Static<typeof NeedPage>;

export const TriageFactorView = Type.Object({
  answer: Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('unknown')]),
  note: Type.String(),
});
export const TriageAnswer = Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('unknown')]);
export type TriageAnswer = Static<typeof TriageAnswer>;

export const Factor = Type.Union([
  Type.Literal('information'),
  Type.Literal('resources'),
  Type.Literal('incentives'),
  Type.Literal('knowledge_skills'),
  Type.Literal('capacity'),
  Type.Literal('motives'),
]);
export type Factor = Static<typeof Factor>;

const factorsOf = <T extends Parameters<typeof Type.Object>[0][string]>(schema: T) =>
  Type.Object(
    { information: schema, resources: schema, incentives: schema, knowledge_skills: schema, capacity: schema, motives: schema },
    { additionalProperties: false },
  );

export const TriageView = Type.Object({
  id: Uuid,
  needId: Nullable(Uuid),
  learningQuestionId: Nullable(Uuid),
  factors: factorsOf(TriageFactorView),
  wishToLearn: TriageAnswer,
  wishNote: Type.String(),
  classification: Classification,
  deadline: Nullable(IsoDate),
  starrInterviewId: Nullable(Uuid),
  decidedBy: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  decidedAt: IsoDateTime,
});
export type TriageView = Static<typeof TriageView>;

export const NeedActionView = Type.Object({
  id: Uuid,
  planId: Uuid,
  planYear: Type.Integer(),
  title: Type.String(),
  kind: Type.String(),
  nonTrainingKind: Nullable(NonTrainingKind),
  status: Type.String(),
});
export type NeedActionView = Static<typeof NeedActionView>;

export const GapSummary = Type.Object({
  assessed: Type.Integer(),
  meanGap: Type.Number(),
  shareGap1: Type.Number(),
  shareGap2: Type.Number(),
});

export const NeedDetail = Type.Object({
  ...NeedSummary.properties,
  description: Type.String(),
  learningQuestionId: Nullable(Uuid),
  organisationIssue: Nullable(Type.Object({ id: Uuid, title: Type.String() })),
  /** The named people the reader may see (managers: only the people they supervise). */
  people: Type.Array(Type.Object({ id: Uuid, displayName: Type.String() })),
  /** Named people of the need the reader may not see (counted, never named). */
  hiddenPeople: Type.Integer(),
  /** Diagnosis figures when the need was made from the heat map. */
  gapSummary: Nullable(GapSummary),
  latestTriage: Nullable(TriageView),
  /** Plan actions answering this need (non-training actions from triage included). */
  actions: Type.Array(NeedActionView),
  createdBy: Nullable(Uuid),
});
export type NeedDetail = Static<typeof NeedDetail>;

const needFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 4000 }),
  competenceId: Nullable(Uuid),
  learningQuestionId: Nullable(Uuid),
  organisationIssueId: Nullable(Uuid),
  teamId: Nullable(Uuid),
  functionProfileId: Nullable(Uuid),
  targetGroup: Nullable(TargetGroup),
  /** Named people concerned; replaces the list. */
  personIds: Type.Array(Uuid, { maxItems: 5000, uniqueItems: true }),
  /** Only for anonymous groups (no personIds). */
  peopleCount: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  sources: Type.Array(NeedSource, { minItems: 1, maxItems: 5, uniqueItems: true }),
  urgencyDate: Nullable(IsoDate),
};

export const CreateNeedBody = Type.Object(
  {
    title: needFields.title,
    description: Type.Optional(needFields.description),
    competenceId: Type.Optional(needFields.competenceId),
    learningQuestionId: Type.Optional(needFields.learningQuestionId),
    organisationIssueId: Type.Optional(needFields.organisationIssueId),
    teamId: Type.Optional(needFields.teamId),
    functionProfileId: Type.Optional(needFields.functionProfileId),
    targetGroup: Type.Optional(needFields.targetGroup),
    personIds: Type.Optional(needFields.personIds),
    peopleCount: Type.Optional(needFields.peopleCount),
    /** Default: manual, plus learning_question / organisation_issue when those are linked. */
    sources: Type.Optional(needFields.sources),
    urgencyDate: Type.Optional(needFields.urgencyDate),
  },
  { additionalProperties: false },
);
export type CreateNeedBody = Static<typeof CreateNeedBody>;

export const UpdateNeedBody = Type.Object(
  {
    title: Type.Optional(needFields.title),
    description: Type.Optional(needFields.description),
    competenceId: Type.Optional(needFields.competenceId),
    learningQuestionId: Type.Optional(needFields.learningQuestionId),
    organisationIssueId: Type.Optional(needFields.organisationIssueId),
    teamId: Type.Optional(needFields.teamId),
    functionProfileId: Type.Optional(needFields.functionProfileId),
    targetGroup: Type.Optional(needFields.targetGroup),
    personIds: Type.Optional(needFields.personIds),
    peopleCount: Type.Optional(needFields.peopleCount),
    sources: Type.Optional(needFields.sources),
    urgencyDate: Type.Optional(needFields.urgencyDate),
    status: Type.Optional(NeedStatus),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateNeedBody = Static<typeof UpdateNeedBody>;

/** One click from a heat-map cell (any grouping) or a top-need row (groupBy target_group). */
export const FromDiagnosisBody = Type.Object(
  {
    competenceId: Uuid,
    groupBy: GroupBy,
    /** The heat map's group id: a team / function profile id, 'none', or a target group. */
    groupId: Type.String({ minLength: 1, maxLength: 64 }),
    campaignId: Type.Optional(Uuid),
    urgencyDate: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type FromDiagnosisBody = Static<typeof FromDiagnosisBody>;

// ---------------------------------------------------------------- triage

export const TriageFactorInput = Type.Object(
  {
    answer: TriageAnswer,
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const TriageBody = Type.Object(
  {
    /** "Is this factor a cause?" for each of Gilbert's six factors. */
    factors: factorsOf(TriageFactorInput),
    /** Does the person (or organisation) want to close it through learning? */
    wishToLearn: TriageAnswer,
    wishNote: Type.Optional(Type.String({ maxLength: 500 })),
    deadline: Type.Optional(IsoDate),
    starrInterviewId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type TriageBody = Static<typeof TriageBody>;

export const TriageReason = Type.Union([
  Type.Literal('knowledge_and_wish'),
  Type.Literal('other_causes'),
  Type.Literal('knowledge_without_wish'),
  Type.Literal('no_cause_known'),
  Type.Literal('knowledge_unknown'),
]);

export const TriageOutcome = Type.Object({
  triage: TriageView,
  reason: TriageReason,
  /** Non-training: one action per other factor answered yes (domain-rules §5). */
  proposedActions: Type.Array(Type.Object({ factor: Factor, kind: NonTrainingKind })),
  actions: Type.Object({
    /** True when the proposed actions were written to the plan of the year (only for a need, only while that plan is a draft). */
    written: Type.Boolean(),
    planId: Nullable(Uuid),
    planYear: Nullable(Type.Integer()),
    planStatus: Nullable(Type.Union([Type.Literal('draft'), Type.Literal('approved'), Type.Literal('closed')])),
    /** Actions created now (existing ones of the same kind for this need are not created twice). */
    created: Type.Array(NeedActionView),
  }),
});
export type TriageOutcome = Static<typeof TriageOutcome>;

// ---------------------------------------------------------------- priority

export const Weights = Type.Object(
  {
    investment: Type.Number({ minimum: 0, maximum: 10 }),
    urgency: Type.Number({ minimum: 0, maximum: 10 }),
    success: Type.Number({ minimum: 0, maximum: 10 }),
    fairness: Type.Number({ minimum: 0, maximum: 10 }),
    feasibility: Type.Number({ minimum: 0, maximum: 10 }),
    core_task: Type.Number({ minimum: 0, maximum: 10 }),
    strategic_fit: Type.Number({ minimum: 0, maximum: 10 }),
  },
  { additionalProperties: false },
);
export type Weights = Static<typeof Weights>;

export const WeightsBody = Type.Object({ weights: Weights }, { additionalProperties: false });
export type WeightsBody = Static<typeof WeightsBody>;

export const WeightsView = Type.Object({
  weights: Weights,
  /** True when the organisation has not set its own weights (all 1). */
  isDefault: Type.Boolean(),
});
export type WeightsView = Static<typeof WeightsView>;

export const InputValue = Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()]);

export const SuggestionView = Type.Object({
  score: Type.Integer(),
  /** Message key, e.g. core_task.core, fairness.well_below (web: needs:reasons.<key>). */
  reason: Type.String(),
  /** The figures the suggestion was computed from. */
  inputs: Type.Record(Type.String(), InputValue),
});
export type SuggestionView = Static<typeof SuggestionView>;

export const CriterionView = Type.Object({
  criterion: Criterion,
  weight: Type.Number(),
  /** null when there is no data to suggest from (then `missingReason` says why). */
  suggestion: Nullable(SuggestionView),
  /** Message key explaining a missing or partial suggestion (e.g. feasibility.catalog_pending). */
  note: Nullable(Type.String()),
  /** The stored score; for origin suggested the reason is a message key, else the person's words. */
  current: Nullable(
    Type.Object({
      score: Type.Integer(),
      origin: Type.Union([Type.Literal('suggested'), Type.Literal('override'), Type.Literal('manual')]),
      reason: Type.String(),
      suggestedScore: Nullable(Type.Integer()),
      setBy: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
      setAt: IsoDateTime,
    }),
  ),
});
export type CriterionView = Static<typeof CriterionView>;

export const PriorityView = Type.Object({
  needId: Uuid,
  weights: Weights,
  /** Σ wᵢ·sᵢ / Σ wᵢ over the stored scores; null when none. */
  value: Nullable(Type.Number()),
  counted: Type.Array(Criterion),
  missing: Type.Array(Criterion),
  /** Always the seven criteria, in the order of domain-rules §6. */
  criteria: Type.Array(CriterionView),
});
export type PriorityView = Static<typeof PriorityView>;

export const ScoreInput = Type.Object(
  {
    score: Type.Integer({ minimum: 1, maximum: 5 }),
    /** Required when the score differs from the suggestion (override) or there is none (manual). */
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const PutPriorityBody = Type.Object(
  {
    /** Criteria left out keep their stored score. */
    scores: Type.Object(
      {
        investment: Type.Optional(ScoreInput),
        urgency: Type.Optional(ScoreInput),
        success: Type.Optional(ScoreInput),
        fairness: Type.Optional(ScoreInput),
        feasibility: Type.Optional(ScoreInput),
        core_task: Type.Optional(ScoreInput),
        strategic_fit: Type.Optional(ScoreInput),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
  },
  { additionalProperties: false },
);
export type PutPriorityBody = Static<typeof PutPriorityBody>;

// ---------------------------------------------------------------- ranked list

export const RankedSort = Type.Union([
  Type.Literal('priority'),
  Type.Literal('title'),
  Type.Literal('urgency'),
  Type.Literal('people'),
  Type.Literal('created'),
]);
export type RankedSort = Static<typeof RankedSort>;

export const RankedQuery = Type.Object(
  {
    ...filterProps,
    /** priority (default): the ranking rule (priority, then urgency score, then people, then title). */
    sort: Type.Optional(RankedSort),
    /** Default: desc for priority, people, created; asc for title, urgency (date). */
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  },
  { additionalProperties: false },
);
export type RankedQuery = Static<typeof RankedQuery>;

export const RankedExportQuery = Type.Object(
  {
    ...RankedQuery.properties,
    locale: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('fr'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type RankedExportQuery = Static<typeof RankedExportQuery>;

export const RankedItem = Type.Object({
  /** 1-based position by the ranking rule (independent of the chosen sort). */
  rank: Type.Integer(),
  need: NeedSummary,
  breakdown: Type.Array(
    Type.Object({
      criterion: Criterion,
      weight: Type.Number(),
      score: Nullable(Type.Integer()),
      origin: Nullable(Type.Union([Type.Literal('suggested'), Type.Literal('override'), Type.Literal('manual')])),
    }),
  ),
});
export type RankedItem = Static<typeof RankedItem>;

export const RankedNeeds = Type.Object({ weights: Weights, items: Type.Array(RankedItem) });
export type RankedNeeds = Static<typeof RankedNeeds>;
