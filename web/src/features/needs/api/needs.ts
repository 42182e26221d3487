import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { http, withQuery } from '../../../api/http';
import type {
  CreateNeedBody,
  Criterion,
  FromDiagnosisBody,
  NeedDetail,
  NeedListQuery,
  NeedPage,
  NeedSummary,
  PriorityView,
  PutPriorityBody,
  RankedNeeds,
  RankedQuery,
  TriageBody,
  TriageOutcome,
  TriageView,
  UpdateNeedBody,
  Weights,
  WeightsView,
} from '../../../../../src/modules/needs/schemas';

export type {
  CreateNeedBody,
  Criterion,
  FromDiagnosisBody,
  NeedDetail,
  NeedListQuery,
  NeedSummary,
  PriorityView,
  PutPriorityBody,
  RankedNeeds,
  RankedQuery,
  TriageBody,
  TriageOutcome,
  TriageView,
  UpdateNeedBody,
  Weights,
  WeightsView,
};

/** The seven criteria in the order of domain-rules §6 (the server uses the same order). */
export const criteria: Criterion[] = ['investment', 'urgency', 'success', 'fairness', 'feasibility', 'core_task', 'strategic_fit'];
export const factors = ['information', 'resources', 'incentives', 'knowledge_skills', 'capacity', 'motives'] as const;
export type Factor = (typeof factors)[number];

const base = (orgId: string) => `/api/organisations/${orgId}/needs`;
export const needsKey = (orgId: string) => ['needs', orgId] as const;

type ListFilter = Omit<NeedListQuery, 'cursor' | 'limit'>;

export function useNeeds(orgId: string, filter: ListFilter) {
  return useInfiniteQuery({
    queryKey: [...needsKey(orgId), 'list', filter],
    queryFn: ({ pageParam }) => http.get<NeedPage>(withQuery(base(orgId), { ...filter, limit: 25, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useNeed(orgId: string, id: string) {
  return useQuery({ queryKey: [...needsKey(orgId), 'one', id], queryFn: () => http.get<NeedDetail>(`${base(orgId)}/${id}`) });
}

export function useTriages(orgId: string, id: string) {
  return useQuery({ queryKey: [...needsKey(orgId), 'triages', id], queryFn: () => http.get<TriageView[]>(`${base(orgId)}/${id}/triages`) });
}

export function usePriority(orgId: string, id: string) {
  return useQuery({
    queryKey: [...needsKey(orgId), 'priority', id],
    queryFn: () => http.get<PriorityView>(`${base(orgId)}/${id}/priority`),
  });
}

export function useRanked(orgId: string, query: RankedQuery) {
  return useQuery({
    queryKey: [...needsKey(orgId), 'ranked', query],
    queryFn: () => http.get<RankedNeeds>(withQuery(`${base(orgId)}/ranked`, { ...query })),
  });
}

export function useWeights(orgId: string) {
  return useQuery({
    queryKey: [...needsKey(orgId), 'weights'],
    queryFn: () => http.get<WeightsView>(`/api/organisations/${orgId}/priority-weights`),
  });
}

export function useTeams(orgId: string) {
  return useQuery({
    queryKey: ['teams', orgId],
    queryFn: () => http.get<Array<{ id: string; name: string }>>(`/api/organisations/${orgId}/teams`),
  });
}

export const createNeed = (orgId: string, body: CreateNeedBody) => http.post<NeedDetail>(base(orgId), body);
export const updateNeed = (orgId: string, id: string, body: UpdateNeedBody) => http.patch<NeedDetail>(`${base(orgId)}/${id}`, body);
export const deleteNeed = (orgId: string, id: string) => http.delete<void>(`${base(orgId)}/${id}`);
export const needFromDiagnosis = (orgId: string, body: FromDiagnosisBody) => http.post<NeedDetail>(`${base(orgId)}/from-diagnosis`, body);
export const triageNeed = (orgId: string, id: string, body: TriageBody) => http.post<TriageOutcome>(`${base(orgId)}/${id}/triage`, body);
export const putPriority = (orgId: string, id: string, body: PutPriorityBody) =>
  http.put<PriorityView>(`${base(orgId)}/${id}/priority`, body);
export const putWeights = (orgId: string, weights: Weights) =>
  http.put<WeightsView>(`/api/organisations/${orgId}/priority-weights`, { weights });

/** Download address of the ranked list (a plain link: the browser saves the file). */
export const rankedExportUrl = (orgId: string, format: 'csv' | 'xlsx', query: RankedQuery & { locale?: string }) =>
  withQuery(`${base(orgId)}/ranked.${format}`, { ...query });
