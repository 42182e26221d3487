import { needRoutes } from './routes.js';
import { createNeedsService, type NeedsDeps } from './service.js';

export function createNeedsModule(deps: NeedsDeps) {
  const service = createNeedsService(deps);
  return { service, routes: needRoutes(service) };
}
