import type { Db } from '../../db/client.js';
import { enrolmentRoutes } from './routes.js';
import { createEnrolmentService } from './service.js';

export function createEnrolmentModule(deps: { db: Db; now?: () => Date }) {
  const service = createEnrolmentService(deps);
  return { service, routes: enrolmentRoutes(service) };
}
