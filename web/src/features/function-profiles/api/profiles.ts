import { useQuery } from '@tanstack/react-query';
import { http, withQuery } from '../../../api/http';
import type {
  CreateFunctionProfileBody,
  FunctionProfileDetail,
  FunctionProfileItemInput,
  FunctionProfileSummary,
  UpdateFunctionProfileBody,
} from '../../../../../src/modules/function-profiles/schemas';
import type { CompetenceSearchResult } from '../../../../../src/modules/frameworks/schemas';
import type { Locale } from '../../../../../src/shared/roles';

export type { FunctionProfileDetail, FunctionProfileItemInput, FunctionProfileSummary };

interface OccupationHit {
  id: string;
  key: string;
  code: string | null;
  label: string;
}

const base = (orgId: string) => `/api/organisations/${orgId}/function-profiles`;
export const profilesKey = (orgId: string) => ['function-profiles', orgId] as const;
export const profileKey = (orgId: string, id: string) => ['function-profile', orgId, id] as const;

export function useProfiles(orgId: string) {
  return useQuery({
    queryKey: profilesKey(orgId),
    queryFn: async () => {
      const data = await http.get<FunctionProfileSummary[] | { items: FunctionProfileSummary[] }>(base(orgId));
      return Array.isArray(data) ? data : data.items;
    },
  });
}

export function useProfile(orgId: string, id: string) {
  return useQuery({ queryKey: profileKey(orgId, id), queryFn: () => http.get<FunctionProfileDetail>(`${base(orgId)}/${id}`) });
}

export const createProfile = (orgId: string, body: CreateFunctionProfileBody) => http.post<FunctionProfileDetail>(base(orgId), body);
export const updateProfile = (orgId: string, id: string, body: UpdateFunctionProfileBody) =>
  http.patch<FunctionProfileDetail>(`${base(orgId)}/${id}`, body);
export const deleteProfile = (orgId: string, id: string) => http.delete<void>(`${base(orgId)}/${id}`);
export const replaceItems = (orgId: string, id: string, items: FunctionProfileItemInput[]) =>
  http.put<FunctionProfileDetail>(`${base(orgId)}/${id}/competences`, { items });

export function useCompetenceHits(q: string, lang: Locale, orgId: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['profile-competence-search', query, lang, orgId],
    queryFn: ({ signal }) =>
      http.get<CompetenceSearchResult[]>(withQuery('/api/competences', { q: query, lang, orgId, limit: 10 }), { signal }),
    enabled: query.length >= 2,
    placeholderData: (previous) => previous,
  });
}

export function useOccupationHits(q: string, lang: Locale) {
  const query = q.trim();
  return useQuery({
    queryKey: ['occupation-search', query, lang],
    queryFn: ({ signal }) => http.get<OccupationHit[]>(withQuery('/api/occupations', { q: query, lang, limit: 10 }), { signal }),
    enabled: query.length >= 2,
    placeholderData: (previous) => previous,
  });
}
