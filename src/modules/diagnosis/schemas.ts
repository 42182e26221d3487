import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from '../../shared/schemas.js';
import { LocalizedTextView } from '../frameworks/schemas.js';

/*
 * Request/response schemas of the diagnosis module (issue 3 items 7–10): heat map, top needs,
 * disagreements, a person's own result, prognosis, exports and the PDF report. The web app imports
 * these. Anonymity (domain-rules §3, docs/domain.md "Anonymity"): every aggregate number is null
 * when `shown` is false; `reason` says why.
 *
 * Routes (all under /api/organisations/:orgId):
 *   GET diagnosis/heatmap            HeatmapQuery        → Heatmap              (diagnosis:read)
 *   GET diagnosis/top-needs          TopNeedsQuery       → TopNeeds             (diagnosis:read)
 *   GET diagnosis/disagreements      DisagreementsQuery  → Disagreements        (diagnosis:read; managers: their own people)
 *   GET diagnosis/prognosis          PrognosisQuery      → Prognosis            (diagnosis:read)
 *   GET people/:personId/diagnosis                       → PersonDiagnosis      (HR, the person's supervisor, the person)
 *   GET me/diagnosis                                     → PersonDiagnosis      (any member linked to a person)
 *   GET diagnosis/heatmap/export     HeatmapExportQuery  → text/csv or xlsx     (data:export and diagnosis:read)
 *   GET diagnosis/top-needs/export   TopNeedsExportQuery → text/csv or xlsx     (idem)
 *   GET diagnosis/prognosis/export   PrognosisExportQuery→ text/csv or xlsx     (idem)
 *   GET diagnosis/report.pdf         ReportQuery         → application/pdf      (idem)
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const TargetGroup = Type.Union([
  Type.Literal('target_group_employee'),
  Type.Literal('supervisory_staff'),
  Type.Literal('other_staff'),
]);
export type TargetGroup = Static<typeof TargetGroup>;

export const GroupBy = Type.Union([Type.Literal('team'), Type.Literal('function_profile'), Type.Literal('target_group')]);
export type GroupBy = Static<typeof GroupBy>;

/** Why an aggregate is hidden: fewer than k persons, hidden so a hidden neighbour cannot be computed, or a filter isolating < k persons. */
export const SuppressionReason = Type.Union([Type.Literal('below_threshold'), Type.Literal('complementary'), Type.Literal('differencing')]);
export type SuppressionReason = Static<typeof SuppressionReason>;

export const DiagnosisOrgParams = Type.Object({ orgId: Uuid }, { additionalProperties: false });
export const PersonDiagnosisParams = Type.Object({ orgId: Uuid, personId: Uuid }, { additionalProperties: false });

/** Shared filters. Without campaignId: all named people of the organisation. */
const filterProps = {
  /** Only subjects of this campaign (named: people who answered or were rated in it; anonymous: its submitted responses) and only its competences. */
  campaignId: Type.Optional(Uuid),
  teamId: Type.Optional(Uuid),
  functionProfileId: Type.Optional(Uuid),
  targetGroup: Type.Optional(TargetGroup),
};

export const HeatmapQuery = Type.Object(
  {
    /** Default: team. */
    groupBy: Type.Optional(GroupBy),
    ...filterProps,
  },
  { additionalProperties: false },
);
export type HeatmapQuery = Static<typeof HeatmapQuery>;

export const CompetenceHeader = Type.Object({ id: Uuid, key: Type.String(), label: LocalizedTextView });
export type CompetenceHeader = Static<typeof CompetenceHeader>;

/**
 * A column of the heat map. id: team / function profile uuid, the target-group enum value, or
 * 'none' (people without a team / profile). label: the team or profile name; for target groups
 * and 'none' it is the id (the web app translates it).
 */
export const HeatmapGroup = Type.Object({ id: Type.String(), label: Type.String() });
export type HeatmapGroup = Static<typeof HeatmapGroup>;

/** The standard aggregate of domain-rules §3; numbers are null when not shown. */
const aggregateProps = {
  shown: Type.Boolean(),
  reason: Type.Optional(SuppressionReason),
  /** Persons with a known current level and a required level. */
  assessed: Nullable(Type.Integer()),
  /** Mean of max(0, required − current). */
  meanGap: Nullable(Type.Number()),
  /** Share (0..1) with gap ≥ 1. */
  shareGap1: Nullable(Type.Number()),
  /** Share (0..1) with gap ≥ 2. */
  shareGap2: Nullable(Type.Number()),
};

export const HeatmapCell = Type.Object({ competenceId: Uuid, groupId: Type.String(), ...aggregateProps });
export type HeatmapCell = Static<typeof HeatmapCell>;

export const HeatmapTotal = Type.Object({ competenceId: Uuid, ...aggregateProps });
export type HeatmapTotal = Static<typeof HeatmapTotal>;

export const Heatmap = Type.Object({
  /** k: the organisation's anonymity threshold (never below 3). */
  threshold: Type.Integer(),
  groupBy: GroupBy,
  campaignId: Nullable(Uuid),
  groups: Type.Array(HeatmapGroup),
  competences: Type.Array(CompetenceHeader),
  /** One per competence × group (every combination present). */
  cells: Type.Array(HeatmapCell),
  /** One per competence: all groups together (within the filters). */
  totals: Type.Array(HeatmapTotal),
});
export type Heatmap = Static<typeof Heatmap>;

export const TopNeedsQuery = Type.Object(
  {
    campaignId: Type.Optional(Uuid),
    /** Per target group; default 10. */
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type TopNeedsQuery = Static<typeof TopNeedsQuery>;

export const TopNeed = Type.Object({
  competenceId: Uuid,
  key: Type.String(),
  label: LocalizedTextView,
  assessed: Type.Integer(),
  meanGap: Type.Number(),
  shareGap1: Type.Number(),
  shareGap2: Type.Number(),
});
export type TopNeed = Static<typeof TopNeed>;

export const TopNeeds = Type.Object({
  threshold: Type.Integer(),
  campaignId: Nullable(Uuid),
  /** Always the three target groups, in this order: target_group_employee, supervisory_staff, other_staff. */
  groups: Type.Array(
    Type.Object({
      targetGroup: TargetGroup,
      /** Ranked by shareGap1 desc, then meanGap desc, then label. Only shown cells. */
      items: Type.Array(TopNeed),
      /** Competences of this target group left out because their aggregate is suppressed. */
      suppressed: Type.Integer(),
    }),
  ),
});
export type TopNeeds = Static<typeof TopNeeds>;

export const DisagreementsQuery = Type.Object({ campaignId: Type.Optional(Uuid) }, { additionalProperties: false });
export type DisagreementsQuery = Static<typeof DisagreementsQuery>;

export const Disagreement = Type.Object({
  personId: Uuid,
  personName: Type.String(),
  team: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  competence: CompetenceHeader,
  selfLevel: Type.Integer(),
  supervisorLevel: Type.Integer(),
  /** The level used in the diagnosis (the supervisor's, unless there is evidence). */
  currentLevel: Type.Integer(),
});
export type Disagreement = Static<typeof Disagreement>;

export const Disagreements = Type.Object({
  campaignId: Nullable(Uuid),
  /** True when the campaign is anonymous: then there is never individual data (items is empty). */
  anonymousCampaign: Type.Boolean(),
  items: Type.Array(Disagreement),
});
export type Disagreements = Static<typeof Disagreements>;

export const AssessmentSourceView = Type.Union([
  Type.Literal('self'),
  Type.Literal('third_party'),
  Type.Literal('supervisor'),
  Type.Literal('evidence'),
]);

export const PersonDiagnosisItem = Type.Object({
  competence: CompetenceHeader,
  /** null when the competence is not in the person's function profile (assessed anyway). */
  importance: Nullable(Type.Union([Type.Literal('core'), Type.Literal('supporting')])),
  required: Nullable(Type.Integer()),
  futureLevel: Nullable(Type.Integer()),
  horizonYear: Nullable(Type.Integer()),
  /** Latest self / supervisor rating visible to the viewer. */
  self: Nullable(Type.Integer()),
  supervisor: Nullable(Type.Integer()),
  /** null = unknown (no visible rating), never zero. */
  current: Nullable(Type.Integer()),
  source: Nullable(AssessmentSourceView),
  gap: Nullable(Type.Integer()),
  stale: Type.Boolean(),
  disagreement: Type.Boolean(),
  assessedAt: Nullable(IsoDateTime),
});
export type PersonDiagnosisItem = Static<typeof PersonDiagnosisItem>;

export const PersonDiagnosis = Type.Object({
  person: Type.Object({
    id: Uuid,
    displayName: Type.String(),
    team: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
    functionProfile: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
    targetGroup: TargetGroup,
  }),
  /** Which ratings the viewer sees: the person's own view includes private ratings. */
  viewer: Type.Union([Type.Literal('self'), Type.Literal('hr'), Type.Literal('supervisor')]),
  /** Profile competences in profile order, then other assessed competences. */
  items: Type.Array(PersonDiagnosisItem),
});
export type PersonDiagnosis = Static<typeof PersonDiagnosis>;

export const PrognosisQuery = Type.Object(
  {
    /** Default: the latest horizon year in the organisation's profiles, else this year + 3. */
    horizonYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    /** Only subjects of this campaign; default: all people of the organisation. */
    campaignId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type PrognosisQuery = Static<typeof PrognosisQuery>;

export const PrognosisPoint = Type.Object({
  needed: Type.Integer(),
  holders: Type.Integer(),
  /** holders / needed; null when needed is 0. */
  coverage: Nullable(Type.Number()),
  /** coverage < 0.8 or holders < 2 ("dreigt te verdwijnen"). */
  atRisk: Type.Boolean(),
});
export type PrognosisPoint = Static<typeof PrognosisPoint>;

export const PrognosisRow = Type.Object({
  competence: CompetenceHeader,
  shown: Type.Boolean(),
  reason: Type.Optional(SuppressionReason),
  /** null when not shown. */
  now: Nullable(PrognosisPoint),
  horizon: Nullable(PrognosisPoint),
});
export type PrognosisRow = Static<typeof PrognosisRow>;

export const Prognosis = Type.Object({
  threshold: Type.Integer(),
  campaignId: Nullable(Uuid),
  currentYear: Type.Integer(),
  horizonYear: Type.Integer(),
  /** At-risk rows at the horizon first, then by coverage at the horizon, then label. */
  competences: Type.Array(PrognosisRow),
});
export type Prognosis = Static<typeof Prognosis>;

// ---------------------------------------------------------------- exports

export const ExportFormat = Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]);
export type ExportFormat = Static<typeof ExportFormat>;
export const ReportLocale = Type.Union([Type.Literal('nl'), Type.Literal('fr'), Type.Literal('en')]);
export type ReportLocale = Static<typeof ReportLocale>;

const exportProps = {
  /** Default csv. */
  format: Type.Optional(ExportFormat),
  /** Language of labels and headers: locale, else the signed-in user's language, else nl. */
  locale: Type.Optional(ReportLocale),
};

/** GET …/diagnosis/heatmap/export?format=csv|xlsx&… (same parameters as the screen; same suppression). */
export const HeatmapExportQuery = Type.Object({ ...HeatmapQuery.properties, ...exportProps }, { additionalProperties: false });
export type HeatmapExportQuery = Static<typeof HeatmapExportQuery>;
/** GET …/diagnosis/top-needs/export?format=csv|xlsx&… */
export const TopNeedsExportQuery = Type.Object({ ...TopNeedsQuery.properties, ...exportProps }, { additionalProperties: false });
export type TopNeedsExportQuery = Static<typeof TopNeedsExportQuery>;
/** GET …/diagnosis/prognosis/export?format=csv|xlsx&… */
export const PrognosisExportQuery = Type.Object({ ...PrognosisQuery.properties, ...exportProps }, { additionalProperties: false });
export type PrognosisExportQuery = Static<typeof PrognosisExportQuery>;

/** GET …/diagnosis/report.pdf. Language: locale, else the signed-in user's language (nl/fr/en), else Dutch. */
export const ReportQuery = Type.Object(
  {
    campaignId: Type.Optional(Uuid),
    locale: Type.Optional(ReportLocale),
    /** Grouping of the heat map in the report; default team. */
    groupBy: Type.Optional(GroupBy),
    horizonYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;
