import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../api/http';
import type { SavedAnswer, SurveyView, SurveyVisibility } from '../../../../../src/modules/survey/schemas';
import type { SurveyLocale } from '../../../../../src/shared/survey';

export type { SavedAnswer, SurveyView, SurveyVisibility };

/**
 * The survey behind a personal link. The token comes from the link's fragment (`/s#<token>`) and
 * travels only in the `x-survey-token` header, never in a URL.
 */
const withToken = (token: string) => ({ headers: { 'x-survey-token': token } });

export type AnswerChoice = { level: number } | { dontKnow: true };

export const surveyApi = {
  get: (token: string) => request<SurveyView>('GET', '/api/survey', undefined, withToken(token)),
  answer: (token: string, competenceId: string, choice: AnswerChoice) =>
    request<SavedAnswer>('PUT', `/api/survey/answers/${competenceId}`, choice, withToken(token)),
  learningWish: (token: string, text: string) => request<void>('PUT', '/api/survey/learning-wish', { text }, withToken(token)),
  visibility: (token: string, visibility: SurveyVisibility) =>
    request<void>('PUT', '/api/survey/visibility', { visibility }, withToken(token)),
  locale: (token: string, locale: SurveyLocale) => request<void>('PUT', '/api/survey/locale', { locale }, withToken(token)),
  submit: (token: string) => request<SurveyView>('POST', '/api/survey/submit', {}, withToken(token)),
};

export const surveyQuery = (token: string) =>
  queryOptions({
    // The token stays in memory only (never in storage); the cache is per page load.
    queryKey: ['survey', token],
    queryFn: () => surveyApi.get(token),
    staleTime: Infinity,
    retry: false,
  });

export function useSurvey(token: string | null) {
  return useQuery({ ...surveyQuery(token ?? ''), enabled: token !== null });
}
