import type { Db } from '../../db/client.js';
import { organisationRoutes } from './routes.js';
import { createOrganisationsService } from './service.js';

export function createOrganisationsModule(deps: { db: Db }) {
  const service = createOrganisationsService(deps);
  return { service, routes: organisationRoutes(service) };
}
