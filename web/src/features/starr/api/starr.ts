import { useQuery } from '@tanstack/react-query';
import { http } from '../../../api/http';
import type { CreateStarrBody, StarrList } from '../../../../../src/modules/starr/schemas';
import type { PersonAssessments } from '../../../../../src/modules/team-assessment/schemas';

export type { CreateStarrBody, StarrList };

export const starrKey = (orgId: string, personId: string) => ['starr', orgId, personId] as const;

export function useStarr(orgId: string, personId: string) {
  return useQuery({
    queryKey: starrKey(orgId, personId),
    queryFn: () => http.get<StarrList>(`/api/organisations/${orgId}/people/${personId}/starr`),
  });
}

export const createStarr = (orgId: string, personId: string, body: CreateStarrBody) =>
  http.post<StarrList>(`/api/organisations/${orgId}/people/${personId}/starr`, body);

/** The competences an interview can be about: the person's job and open surveys (only for those who may rate the person). */
export function usePersonCompetences(orgId: string, personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['starr-competences', orgId, personId],
    queryFn: async () => {
      const data = await http.get<PersonAssessments>(`/api/organisations/${orgId}/people/${personId}/assessments`);
      const all = new Map<string, PersonAssessments['profileCompetences'][number]['label']>();
      for (const c of data.profileCompetences) all.set(c.id, c.label);
      for (const campaign of data.campaigns) for (const c of campaign.competences) all.set(c.id, c.label);
      return [...all].map(([id, label]) => ({ id, label }));
    },
    enabled,
    retry: false,
  });
}
