import { useQueries, useQuery } from '@tanstack/react-query';
import { http, withQuery } from '../../../api/http';
import type {
  ActionBody,
  ActionPatch,
  ActionStatus,
  ActionView,
  BudgetView,
  EvaluationBody,
  FollowUpView,
  FundingHints,
  FundingInstrumentView,
  FundingStatus,
  NeedOption,
  ParticipantView,
  ParticipationBody,
  PersonOption,
  PlanDetail,
  PlanSummary,
  PlanVersionSummary,
  ReassessBody,
  ReassessResult,
} from '../../../../../src/modules/training-plans/schemas';
import type { RecommendationsResult, RecommendationView } from '../../../../../src/modules/matching/schemas';
import type { OfferDetail, SearchResult } from '../../../../../src/modules/offers/schemas';
import type { EnrolmentView, OrgEnrolBody } from '../../../../../src/modules/enrolment/schemas';

export type {
  ActionBody,
  ActionPatch,
  ActionStatus,
  ActionView,
  BudgetView,
  FollowUpView,
  FundingHints,
  FundingInstrumentView,
  FundingStatus,
  NeedOption,
  PersonOption,
  PlanDetail,
  PlanSummary,
  PlanVersionSummary,
  RecommendationView,
  EnrolmentView,
};
export type LinkedOffer = NonNullable<ActionView['offer']>;
export type OfferHit = SearchResult['items'][number];
export type OfferEdition = OfferDetail['editions'][number];
export type FollowUpAction = FollowUpView['actions'][number];
export type FundingHint = FundingHints['hints'][number];

const plans = (orgId: string) => `/api/organisations/${orgId}/plans`;
const plan = (orgId: string, planId: string) => `${plans(orgId)}/${planId}`;
const action = (orgId: string, planId: string, actionId: string) => `${plan(orgId, planId)}/actions/${actionId}`;

export const plansKey = (orgId: string) => ['plans', orgId] as const;
export const planKey = (orgId: string, planId: string) => ['plan', orgId, planId] as const;

export function usePlans(orgId: string) {
  return useQuery({ queryKey: plansKey(orgId), queryFn: () => http.get<PlanSummary[]>(plans(orgId)) });
}

export function usePlan(orgId: string, planId: string | undefined) {
  return useQuery({
    queryKey: planKey(orgId, planId ?? ''),
    queryFn: () => http.get<PlanDetail>(plan(orgId, planId!)),
    enabled: Boolean(planId),
  });
}

export function useVersions(orgId: string, planId: string, enabled = true) {
  return useQuery({
    queryKey: [...planKey(orgId, planId), 'versions'],
    queryFn: () => http.get<PlanVersionSummary[]>(`${plan(orgId, planId)}/versions`),
    enabled,
  });
}

export function useFollowUp(orgId: string, planId: string) {
  return useQuery({
    queryKey: [...planKey(orgId, planId), 'follow-up'],
    queryFn: () => http.get<FollowUpView>(`${plan(orgId, planId)}/follow-up`),
  });
}

export function useNeedOptions(orgId: string, planId: string) {
  return useQuery({
    queryKey: [...planKey(orgId, planId), 'need-options'],
    queryFn: () => http.get<NeedOption[]>(`${plan(orgId, planId)}/need-options`),
  });
}

export function usePeopleSearch(orgId: string, planId: string, q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: [...planKey(orgId, planId), 'people', query],
    queryFn: ({ signal }) =>
      http.get<PersonOption[]>(withQuery(`${plan(orgId, planId)}/people-options`, { q: query, limit: 20 }), { signal }),
    enabled: query.length >= 2,
    placeholderData: (previous) => previous,
  });
}

export const peopleByIds = (orgId: string, planId: string, ids: string[]) =>
  http.get<PersonOption[]>(withQuery(`${plan(orgId, planId)}/people-options`, { ids: ids.join(',') }));

export function useInstruments(orgId: string) {
  return useQuery({
    queryKey: ['funding-instruments', orgId],
    queryFn: () => http.get<FundingInstrumentView[]>(`/api/organisations/${orgId}/funding-instruments`),
  });
}

export function useFundingHints(orgId: string, planId: string, actionId: string | undefined) {
  return useQuery({
    queryKey: [...planKey(orgId, planId), 'hints', actionId ?? ''],
    queryFn: () => http.get<FundingHints>(`${action(orgId, planId, actionId!)}/funding-hints`),
    enabled: Boolean(actionId),
  });
}

export const createPlan = (orgId: string, year: number) => http.post<PlanDetail>(plans(orgId), { year });
export const approvePlan = (orgId: string, planId: string) => http.post<PlanDetail>(`${plan(orgId, planId)}/approve`);
export const closePlan = (orgId: string, planId: string) => http.post<PlanDetail>(`${plan(orgId, planId)}/close`);
export const startNewVersion = (orgId: string, planId: string) => http.post<PlanDetail>(`${plan(orgId, planId)}/new-version`);
export const createAction = (orgId: string, planId: string, body: ActionBody) =>
  http.post<ActionView>(`${plan(orgId, planId)}/actions`, body);
export const updateAction = (orgId: string, planId: string, actionId: string, body: ActionPatch) =>
  http.patch<ActionView>(action(orgId, planId, actionId), body);
export const deleteAction = (orgId: string, planId: string, actionId: string) => http.delete<void>(action(orgId, planId, actionId));
export const setActionStatus = (orgId: string, planId: string, actionId: string, status: ActionStatus) =>
  http.post<ActionView>(`${action(orgId, planId, actionId)}/status`, { status });
export const setFundingStatus = (orgId: string, planId: string, actionId: string, lineId: string, status: FundingStatus) =>
  http.post<ActionView>(`${action(orgId, planId, actionId)}/funding/${lineId}/status`, { status });
export const recordParticipation = (orgId: string, planId: string, actionId: string, personId: string, body: ParticipationBody) =>
  http.put<ParticipantView>(`${action(orgId, planId, actionId)}/participants/${personId}`, body);
export const recordEvaluation = (orgId: string, planId: string, actionId: string, body: EvaluationBody) =>
  http.put<void>(`${action(orgId, planId, actionId)}/evaluations`, body);
export const reassess = (orgId: string, planId: string, actionId: string, body: ReassessBody) =>
  http.post<ReassessResult>(`${action(orgId, planId, actionId)}/reassess`, body);

/** Download links (GET, the session cookie goes along). */
export const exportUrl = (orgId: string, planId: string, format: 'pdf' | 'xlsx', query: { locale?: string; version?: number } = {}) =>
  withQuery(`${plan(orgId, planId)}/export.${format}`, query);

// ---------------------------------------------------------------- catalog (issue 5): offers for an action

/** Matching offers per need (GET …/needs/:needId/recommendations), one query per need. */
export function useNeedRecommendations(orgId: string, needIds: string[]) {
  return useQueries({
    queries: needIds.map((needId) => ({
      queryKey: ['need-recommendations', orgId, needId] as const,
      queryFn: () =>
        http.get<RecommendationsResult>(withQuery(`/api/organisations/${orgId}/needs/${needId}/recommendations`, { limit: 5 })),
      staleTime: 60_000,
    })),
  });
}

/** The public catalog search (published offers). */
export function useOfferSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['offer-search', query],
    queryFn: ({ signal }) => http.get<SearchResult>(withQuery('/api/offers', { q: query, limit: 8 }), { signal }),
    enabled: query.length >= 2,
    placeholderData: (previous) => previous,
  });
}

/** A published offer with its editions from today on (404 once it is archived). */
export function useOffer(offerId: string | null) {
  return useQuery({
    queryKey: ['offer', offerId ?? ''],
    queryFn: () => http.get<OfferDetail>(`/api/offers/${offerId}`),
    enabled: Boolean(offerId),
    retry: false,
  });
}

export const actionEnrolmentsKey = (orgId: string, actionId: string) => ['enrolments', orgId, 'action', actionId] as const;

export function useActionEnrolments(orgId: string, actionId: string, enabled = true) {
  return useQuery({
    queryKey: actionEnrolmentsKey(orgId, actionId),
    queryFn: () => http.get<EnrolmentView[]>(withQuery(`/api/organisations/${orgId}/enrolments`, { planActionId: actionId })),
    enabled,
  });
}

/** HR enrols people in an edition for a plan action (POST /api/organisations/:orgId/enrolments). */
export const enrolPeople = (orgId: string, body: OrgEnrolBody) =>
  http.post<EnrolmentView[]>(`/api/organisations/${orgId}/enrolments`, body);
