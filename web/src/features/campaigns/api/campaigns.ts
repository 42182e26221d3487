import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError, http, withQuery } from '../../../api/http';
import type {
  CampaignCompetences,
  CampaignDetail,
  CampaignStatus,
  CampaignSummary,
  CreateCampaignBody,
  InvitationList,
  IssuedLinks,
  IssueLinksBody,
  UpdateCampaignBody,
} from '../../../../../src/modules/campaigns/schemas';
import type { CompetenceSearchResult } from '../../../../../src/modules/frameworks/schemas';
import type { Locale } from '../../../../../src/shared/roles';
import type { Problem } from '../../../../../src/shared/errors';

export type {
  CampaignCompetences,
  CampaignDetail,
  CampaignStatus,
  CampaignSummary,
  CreateCampaignBody,
  InvitationList,
  IssuedLinks,
  UpdateCampaignBody,
};
export type NamedInvitations = Extract<InvitationList, { mode: 'named' }>;
export type AnonymousInvitations = Extract<InvitationList, { mode: 'anonymous' }>;

interface TeamView {
  id: string;
  name: string;
  people: number;
}
interface ProfileSummary {
  id: string;
  name: string;
}

const base = (orgId: string) => `/api/organisations/${orgId}/campaigns`;
export const campaignsKey = (orgId: string) => ['campaigns', orgId] as const;
export const campaignKey = (orgId: string, id: string) => ['campaign', orgId, id] as const;

export function useCampaigns(orgId: string, status?: CampaignStatus) {
  return useQuery({
    queryKey: [...campaignsKey(orgId), status ?? 'all'],
    queryFn: () => http.get<CampaignSummary[]>(withQuery(base(orgId), { status })),
  });
}

export function useCampaign(orgId: string, id: string) {
  return useQuery({ queryKey: campaignKey(orgId, id), queryFn: () => http.get<CampaignDetail>(`${base(orgId)}/${id}`) });
}

export function useCampaignCompetences(orgId: string, id: string) {
  return useQuery({
    queryKey: [...campaignKey(orgId, id), 'competences'],
    queryFn: () => http.get<CampaignCompetences>(`${base(orgId)}/${id}/competences`),
  });
}

/** Named campaigns come in pages of 500 people; anonymous ones in one piece. */
export function useInvitations(orgId: string, id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...campaignKey(orgId, id), 'invitations'],
    initialPageParam: '',
    queryFn: ({ pageParam }) => http.get<InvitationList>(withQuery(`${base(orgId)}/${id}/invitations`, { cursor: pageParam })),
    getNextPageParam: (last) => (last.mode === 'named' && last.nextCursor ? last.nextCursor : undefined),
    enabled,
  });
}

export function useTeams(orgId: string) {
  return useQuery({ queryKey: ['teams', orgId], queryFn: () => http.get<TeamView[]>(`/api/organisations/${orgId}/teams`) });
}

export function useProfileOptions(orgId: string) {
  return useQuery({
    queryKey: ['function-profiles', orgId],
    queryFn: () => http.get<ProfileSummary[]>(`/api/organisations/${orgId}/function-profiles`),
  });
}

export function useCompetenceHits(q: string, lang: Locale, orgId: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['campaign-competence-search', query, lang, orgId],
    queryFn: ({ signal }) =>
      http.get<CompetenceSearchResult[]>(withQuery('/api/competences', { q: query, lang, orgId, limit: 10 }), { signal }),
    enabled: query.length >= 2,
    placeholderData: (previous) => previous,
  });
}

export const createCampaign = (orgId: string, body: CreateCampaignBody) => http.post<CampaignDetail>(base(orgId), body);
export const updateCampaign = (orgId: string, id: string, body: UpdateCampaignBody) =>
  http.patch<CampaignDetail>(`${base(orgId)}/${id}`, body);
export const deleteCampaign = (orgId: string, id: string) => http.delete<void>(`${base(orgId)}/${id}`);
export const openCampaign = (orgId: string, id: string) => http.post<CampaignDetail>(`${base(orgId)}/${id}/open`);
export const closeCampaign = (orgId: string, id: string) => http.post<CampaignDetail>(`${base(orgId)}/${id}/close`);
export const issueLinks = (orgId: string, id: string, body: IssueLinksBody) =>
  http.post<IssuedLinks>(`${base(orgId)}/${id}/invitations/issue`, body);
export const revokeInvitation = (orgId: string, id: string, invitationId: string) =>
  http.post<void>(`${base(orgId)}/${id}/invitations/${invitationId}/revoke`);

/**
 * POST that answers with a file (the QR sheet). The JSON client cannot read binary answers, so
 * this one call uses fetch itself, with the session's CSRF token, and maps problems the same way.
 */
export async function downloadQrSheet(
  orgId: string,
  id: string,
  body: { teamId: string | null; locale: Locale },
  csrfToken: string,
): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${base(orgId)}/${id}/invitations/sheet`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/pdf, application/problem+json', 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network.offline', 'The server could not be reached.');
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Partial<Problem> | null;
    throw new ApiError(response.status, problem?.code ?? 'server.internal', problem?.detail ?? response.statusText, {}, problem?.requestId);
  }
  return response.blob();
}

/** Offers a file to the browser's downloads. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** RFC 4180 CSV of issued links (the same columns as the server's issue.csv), for a mail merge. */
export function linksCsv(links: IssuedLinks['links']): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const rows = [['name', 'team', 'link', 'invitation_id'], ...links.map((l) => [l.personName, l.teamName ?? '', l.url, l.invitationId])];
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
