import type { Db } from '../../db/client.js';
import { needRoutes } from './routes.js';
import { createNeedsService } from './service.js';

export function createNeedsModule(deps: { db: Db; now?: () => Date }) {
  const service = createNeedsService(deps);
  return { service, routes: needRoutes(service) };
}
