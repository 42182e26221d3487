import type { Db } from '../../db/client.js';
import { jobRoutes } from './routes.js';
import { createJobsService } from './service.js';

export function createJobsModule(deps: { db: Db }) {
  const service = createJobsService(deps);
  return { service, routes: jobRoutes(service) };
}
