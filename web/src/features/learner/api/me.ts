import { useQueries, useQuery } from '@tanstack/react-query';
import { ApiError, http } from '../../../api/http';
import type { RecommendationsResult, RecommendationView } from '../../../../../src/modules/matching/schemas';
import type { MyQuestionView } from '../../../../../src/modules/learning-questions/schemas';
import type { PersonDiagnosis, PersonDiagnosisItem } from '../../../../../src/modules/diagnosis/schemas';
import type { ScaleView } from '../../../../../src/modules/frameworks/schemas';

export type { MyQuestionView, PersonDiagnosis, PersonDiagnosisItem, RecommendationView, RecommendationsResult, ScaleView };

/** How many recommendations the home page asks for. */
export const RECOMMENDATION_LIMIT = 10;

/** Offers ranked for the person's own gaps, each with the parts of its "why" sentence. */
export function useMyRecommendations(limit = RECOMMENDATION_LIMIT) {
  return useQuery({
    queryKey: ['me', 'recommendations', limit],
    queryFn: ({ signal }) => http.get<RecommendationsResult>(`/api/me/recommendations?limit=${limit}`, { signal }),
  });
}

export function useMyLearningQuestions() {
  return useQuery({
    queryKey: ['me', 'learning-questions'],
    queryFn: ({ signal }) => http.get<MyQuestionView[]>('/api/me/learning-questions?limit=20', { signal }),
  });
}

/**
 * The person's own result (their competences from their own assessments) in each organisation
 * they work for. An organisation where the account is not linked to a person answers 404: left out.
 */
export function useMyCompetences(organisationIds: string[]) {
  const results = useQueries({
    queries: organisationIds.map((orgId) => ({
      queryKey: ['learner', 'my-result', orgId],
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        try {
          return await http.get<PersonDiagnosis>(`/api/organisations/${orgId}/me/diagnosis`, { signal });
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }
      },
    })),
  });
  return {
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
    data: results.flatMap((r, i) => (r.data ? [{ organisationId: organisationIds[i], result: r.data }] : [])),
  };
}

const DEFAULT_SCALE_KEY = 'lk-default-0-4';

/** The default 0–4 scale: level words and pictograms. */
export function useDefaultScale() {
  return useQuery({
    queryKey: ['scales'],
    queryFn: ({ signal }) => http.get<ScaleView[]>('/api/scales', { signal }),
    staleTime: 60 * 60_000,
    select: (scales) => scales.find((s) => s.key === DEFAULT_SCALE_KEY) ?? scales[0] ?? null,
  });
}
