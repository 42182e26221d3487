import { useQuery } from '@tanstack/react-query';
import { http, withQuery } from '../../../api/http';
import type { JobView } from '../../../../../src/modules/jobs/schemas';

export type { JobView };

/** Recent jobs; polls every 2 s while one of them is still queued or running. */
export function useJobs() {
  return useQuery({
    queryKey: ['jobs'],
    queryFn: () => http.get<JobView[]>(withQuery('/api/jobs', { limit: 50 })),
    refetchInterval: (query) => (query.state.data?.some((j) => j.status === 'queued' || j.status === 'running') ? 2000 : false),
  });
}
