import type { Db } from '../../db/client.js';
import { frameworkExchangeRoutes } from './routes.js';
import { createFrameworkExchangeService } from './service.js';

export function createFrameworkExchangeModule(deps: { db: Db }) {
  const service = createFrameworkExchangeService(deps);
  return { service, routes: frameworkExchangeRoutes(service) };
}
