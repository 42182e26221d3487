import { useQuery } from '@tanstack/react-query';
import { http } from '../../../api/http';
import type { OrganisationView } from '../../../../../src/modules/organisations/schemas';

export type { OrganisationView };

export function useOrganisations() {
  return useQuery({ queryKey: ['organisations'], queryFn: () => http.get<OrganisationView[]>('/api/organisations') });
}
