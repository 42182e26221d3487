import { useQuery } from '@tanstack/react-query';
import { http, withQuery } from '../../../api/http';
import type {
  Disagreements,
  GroupBy,
  Heatmap,
  HeatmapCell,
  HeatmapTotal,
  PersonDiagnosis,
  PersonDiagnosisItem,
  Prognosis,
  PrognosisRow,
  TargetGroup,
  TopNeed,
  TopNeeds,
} from '../../../../../src/modules/diagnosis/schemas';
import type { CampaignSummary } from '../../../../../src/modules/campaigns/schemas';
import type { FunctionProfileSummary } from '../../../../../src/modules/function-profiles/schemas';
import type { ScaleView } from '../../../../../src/modules/frameworks/schemas';

export type {
  Disagreements,
  GroupBy,
  Heatmap,
  HeatmapCell,
  HeatmapTotal,
  PersonDiagnosis,
  PersonDiagnosisItem,
  Prognosis,
  PrognosisRow,
  TargetGroup,
  TopNeed,
  TopNeeds,
  ScaleView,
};

export const targetGroups: readonly TargetGroup[] = ['target_group_employee', 'supervisory_staff', 'other_staff'];
export const groupings: readonly GroupBy[] = ['team', 'function_profile', 'target_group'];

/** The filters of the diagnosis screens, as they sit in the page's address (so a view can be shared and downloaded as shown). */
export interface DiagnosisFilters {
  campaignId?: string;
  groupBy?: GroupBy;
  teamId?: string;
  functionProfileId?: string;
  targetGroup?: TargetGroup;
  horizonYear?: number;
}

type Query = Record<string, string | number | undefined>;

const base = (orgId: string) => `/api/organisations/${orgId}`;
const diagnosis = (orgId: string) => `${base(orgId)}/diagnosis`;

export function useHeatmap(orgId: string, f: DiagnosisFilters) {
  const query: Query = {
    groupBy: f.groupBy,
    campaignId: f.campaignId,
    teamId: f.teamId,
    functionProfileId: f.functionProfileId,
    targetGroup: f.targetGroup,
  };
  return useQuery({
    queryKey: ['diagnosis', orgId, 'heatmap', query],
    queryFn: ({ signal }) => http.get<Heatmap>(withQuery(`${diagnosis(orgId)}/heatmap`, query), { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useTopNeeds(orgId: string, f: DiagnosisFilters) {
  const query: Query = { campaignId: f.campaignId };
  return useQuery({
    queryKey: ['diagnosis', orgId, 'top-needs', query],
    queryFn: ({ signal }) => http.get<TopNeeds>(withQuery(`${diagnosis(orgId)}/top-needs`, query), { signal }),
  });
}

export function useDisagreements(orgId: string, f: DiagnosisFilters) {
  const query: Query = { campaignId: f.campaignId };
  return useQuery({
    queryKey: ['diagnosis', orgId, 'disagreements', query],
    queryFn: ({ signal }) => http.get<Disagreements>(withQuery(`${diagnosis(orgId)}/disagreements`, query), { signal }),
  });
}

export function usePrognosis(orgId: string, f: DiagnosisFilters) {
  const query: Query = { campaignId: f.campaignId, horizonYear: f.horizonYear };
  return useQuery({
    queryKey: ['diagnosis', orgId, 'prognosis', query],
    queryFn: ({ signal }) => http.get<Prognosis>(withQuery(`${diagnosis(orgId)}/prognosis`, query), { signal }),
    placeholderData: (previous) => previous,
  });
}

export function usePersonDiagnosis(orgId: string, personId: string) {
  return useQuery({
    queryKey: ['diagnosis', orgId, 'person', personId],
    queryFn: ({ signal }) => http.get<PersonDiagnosis>(`${base(orgId)}/people/${personId}/diagnosis`, { signal }),
  });
}

export function useMyDiagnosis(orgId: string) {
  return useQuery({
    queryKey: ['diagnosis', orgId, 'me'],
    queryFn: ({ signal }) => http.get<PersonDiagnosis>(`${base(orgId)}/me/diagnosis`, { signal }),
  });
}

/** Campaigns for the filter (HR and organisation admins only; others see all data without the choice). */
export function useCampaignChoices(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['diagnosis', orgId, 'campaign-choices'],
    queryFn: ({ signal }) => http.get<CampaignSummary[]>(`${base(orgId)}/campaigns`, { signal }),
    enabled,
    select: (list) => list.filter((c) => c.status !== 'draft'),
  });
}

export function useTeamChoices(orgId: string) {
  return useQuery({
    queryKey: ['diagnosis', orgId, 'teams'],
    queryFn: ({ signal }) => http.get<Array<{ id: string; name: string }>>(`${base(orgId)}/teams`, { signal }),
  });
}

export function useProfileChoices(orgId: string) {
  return useQuery({
    queryKey: ['diagnosis', orgId, 'profiles'],
    queryFn: ({ signal }) => http.get<FunctionProfileSummary[]>(`${base(orgId)}/function-profiles`, { signal }),
  });
}

/** The default 0–4 scale (levels with pictograms and plain words); the diagnosis speaks in its levels. */
export const DEFAULT_SCALE_KEY = 'lk-default-0-4';
export function useDefaultScale() {
  return useQuery({
    queryKey: ['scales'],
    queryFn: ({ signal }) => http.get<ScaleView[]>('/api/scales', { signal }),
    staleTime: 60 * 60_000,
    select: (scales) => scales.find((s) => s.key === DEFAULT_SCALE_KEY) ?? scales[0] ?? null,
  });
}

export type ExportTable = 'heatmap' | 'top-needs' | 'prognosis';

/** Download address of a table as CSV or XLSX, with the filters on screen (the server applies the same suppression). */
export function exportUrl(orgId: string, table: ExportTable, format: 'csv' | 'xlsx', f: DiagnosisFilters, locale: string): string {
  const query: Query =
    table === 'heatmap'
      ? {
          groupBy: f.groupBy,
          campaignId: f.campaignId,
          teamId: f.teamId,
          functionProfileId: f.functionProfileId,
          targetGroup: f.targetGroup,
        }
      : table === 'prognosis'
        ? { campaignId: f.campaignId, horizonYear: f.horizonYear }
        : { campaignId: f.campaignId };
  return withQuery(`${diagnosis(orgId)}/${table}/export`, { ...query, format, locale });
}

/** Download address of the printable PDF report. */
export function reportUrl(orgId: string, f: DiagnosisFilters, locale: string): string {
  return withQuery(`${diagnosis(orgId)}/report.pdf`, { campaignId: f.campaignId, groupBy: f.groupBy, horizonYear: f.horizonYear, locale });
}
