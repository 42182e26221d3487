import { useQuery } from '@tanstack/react-query';
import { http, withQuery } from '../../../api/http';
import type { CreateIssueBody, IssueListQuery, IssueView, UpdateIssueBody } from '../../../../../src/modules/organisation-issues/schemas';

export type { CreateIssueBody, IssueListQuery, IssueView, UpdateIssueBody };

const base = (orgId: string) => `/api/organisations/${orgId}/organisation-issues`;
export const issuesKey = (orgId: string) => ['organisation-issues', orgId] as const;

export function useIssues(orgId: string, filter: IssueListQuery) {
  return useQuery({ queryKey: [...issuesKey(orgId), filter], queryFn: () => http.get<IssueView[]>(withQuery(base(orgId), { ...filter })) });
}

export function useIssue(orgId: string, id: string | undefined) {
  return useQuery({
    queryKey: [...issuesKey(orgId), 'one', id],
    queryFn: () => http.get<IssueView>(`${base(orgId)}/${id}`),
    enabled: Boolean(id),
  });
}

export const createIssue = (orgId: string, body: CreateIssueBody) => http.post<IssueView>(base(orgId), body);
export const updateIssue = (orgId: string, id: string, body: UpdateIssueBody) => http.patch<IssueView>(`${base(orgId)}/${id}`, body);
export const deleteIssue = (orgId: string, id: string) => http.delete<void>(`${base(orgId)}/${id}`);

export function useTeams(orgId: string) {
  return useQuery({
    queryKey: ['teams', orgId],
    queryFn: () => http.get<Array<{ id: string; name: string }>>(`/api/organisations/${orgId}/teams`),
  });
}

/** Campaigns to link an issue to (HR only; others get none). */
export function useCampaignChoices(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['issue-campaigns', orgId],
    queryFn: () => http.get<Array<{ id: string; title: string }>>(`/api/organisations/${orgId}/campaigns`),
    enabled,
    retry: false,
  });
}
