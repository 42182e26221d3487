import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { http, withQuery } from '../../../api/http';
import type {
  CreateQuestionBody,
  QuestionListQuery,
  QuestionPage,
  QuestionView,
  ReplaceQuestionCompetencesBody,
} from '../../../../../src/modules/learning-questions/schemas';
import type { SupervisorTeam } from '../../../../../src/modules/team-assessment/schemas';

export type { CreateQuestionBody, QuestionView };

const base = (orgId: string) => `/api/organisations/${orgId}/learning-questions`;
export const questionsKey = (orgId: string) => ['learning-questions', orgId] as const;

export function useQuestions(orgId: string, filter: Pick<QuestionListQuery, 'status' | 'source'>) {
  return useInfiniteQuery({
    queryKey: [...questionsKey(orgId), filter],
    queryFn: ({ pageParam }) => http.get<QuestionPage>(withQuery(base(orgId), { ...filter, limit: 20, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const createQuestion = (orgId: string, body: CreateQuestionBody) => http.post<QuestionView>(base(orgId), body);
export const suggestAgain = (orgId: string, id: string) => http.post<QuestionView>(`${base(orgId)}/${id}/suggest`);
export const replaceCompetences = (orgId: string, id: string, body: ReplaceQuestionCompetencesBody) =>
  http.put<QuestionView>(`${base(orgId)}/${id}/competences`, body);
export const decide = (orgId: string, id: string, status: QuestionView['status']) =>
  http.post<QuestionView>(`${base(orgId)}/${id}/decision`, { status });

export function useTeams(orgId: string) {
  return useQuery({
    queryKey: ['teams', orgId],
    queryFn: () => http.get<Array<{ id: string; name: string }>>(`/api/organisations/${orgId}/teams`),
  });
}

/** The people a manager supervises (to write a question for one of them). */
export function useMyPeople(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['supervisor-team', orgId],
    queryFn: () => http.get<SupervisorTeam>(`/api/organisations/${orgId}/supervisor/team`),
    enabled,
  });
}
