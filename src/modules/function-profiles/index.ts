import type { Db } from '../../db/client.js';
import { functionProfileRoutes } from './routes.js';
import { createFunctionProfilesService } from './service.js';

export function createFunctionProfilesModule(deps: { db: Db; now?: () => Date }) {
  const service = createFunctionProfilesService(deps);
  return { service, routes: functionProfileRoutes(service) };
}
