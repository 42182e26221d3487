import { useQuery } from '@tanstack/react-query';
import { http, withQuery } from '../../../api/http';
import type {
  CompetenceDetail,
  CompetenceSearchResult,
  FrameworkDetail,
  FrameworkView,
  TreeNodeView,
} from '../../../../../src/modules/frameworks/schemas';
import type { Locale } from '../../../../../src/shared/roles';

export type { CompetenceDetail, CompetenceSearchResult, FrameworkDetail, FrameworkView, TreeNodeView };

export function useFrameworks(orgId: string | undefined) {
  return useQuery({ queryKey: ['frameworks', orgId], queryFn: () => http.get<FrameworkView[]>(withQuery('/api/frameworks', { orgId })) });
}

export function useFramework(id: string | undefined) {
  return useQuery({ queryKey: ['framework', id], queryFn: () => http.get<FrameworkDetail>(`/api/frameworks/${id}`), enabled: !!id });
}

/** Children of a tree node (or the roots), fetched only when the node is opened. */
export function useChildren(frameworkId: string, parentId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['framework-children', frameworkId, parentId],
    queryFn: () => http.get<TreeNodeView[]>(withQuery(`/api/frameworks/${frameworkId}/children`, { parentId })),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCompetenceSearch(params: { q: string; lang: Locale; frameworkId?: string; orgId?: string; limit?: number }) {
  const q = params.q.trim();
  return useQuery({
    queryKey: ['competence-search', q, params.lang, params.frameworkId, params.orgId, params.limit],
    queryFn: ({ signal }) =>
      http.get<CompetenceSearchResult[]>(
        withQuery('/api/competences', {
          q,
          lang: params.lang,
          frameworkId: params.frameworkId,
          orgId: params.orgId,
          limit: params.limit ?? 20,
        }),
        { signal },
      ),
    enabled: q.length >= 2,
    placeholderData: (previous) => previous,
  });
}

export function useCompetence(id: string | undefined) {
  return useQuery({ queryKey: ['competence', id], queryFn: () => http.get<CompetenceDetail>(`/api/competences/${id}`), enabled: !!id });
}
