import type { Db } from '../../db/client.js';
import { matchingRoutes } from './routes.js';
import { createMatchingService } from './service.js';

export function createMatchingModule(deps: { db: Db; now?: () => Date }) {
  const service = createMatchingService(deps);
  return { service, routes: matchingRoutes(service) };
}
