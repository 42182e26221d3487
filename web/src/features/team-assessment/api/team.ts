import { useQuery } from '@tanstack/react-query';
import { http } from '../../../api/http';
import type { PersonAssessments, RecordAssessmentsBody, SupervisorTeam } from '../../../../../src/modules/team-assessment/schemas';

export type { PersonAssessments, RecordAssessmentsBody, SupervisorTeam };

export const teamKey = (orgId: string) => ['supervisor-team', orgId] as const;
export const personAssessmentsKey = (orgId: string, personId: string) => ['person-assessments', orgId, personId] as const;

export function useSupervisorTeam(orgId: string) {
  return useQuery({ queryKey: teamKey(orgId), queryFn: () => http.get<SupervisorTeam>(`/api/organisations/${orgId}/supervisor/team`) });
}

export function usePersonAssessments(orgId: string, personId: string) {
  return useQuery({
    queryKey: personAssessmentsKey(orgId, personId),
    queryFn: () => http.get<PersonAssessments>(`/api/organisations/${orgId}/people/${personId}/assessments`),
  });
}

export const recordAssessments = (orgId: string, personId: string, body: RecordAssessmentsBody) =>
  http.post<PersonAssessments>(`/api/organisations/${orgId}/people/${personId}/assessments`, body);
