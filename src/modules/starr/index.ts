import type { Db } from '../../db/client.js';
import { starrRoutes } from './routes.js';
import { createStarrService } from './service.js';

export function createStarrModule(deps: { db: Db; now?: () => Date }) {
  const service = createStarrService(deps);
  return { service, routes: starrRoutes(service) };
}
