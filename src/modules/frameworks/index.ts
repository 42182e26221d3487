import type { Db } from '../../db/client.js';
import { frameworkRoutes } from './routes.js';
import { createFrameworksService } from './service.js';

export function createFrameworksModule(deps: { db: Db }) {
  const service = createFrameworksService(deps);
  return { service, routes: frameworkRoutes(service) };
}
