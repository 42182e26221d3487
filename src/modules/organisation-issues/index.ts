import type { Db } from '../../db/client.js';
import { organisationIssueRoutes } from './routes.js';
import { createOrganisationIssuesService } from './service.js';

export function createOrganisationIssuesModule(deps: { db: Db }) {
  const service = createOrganisationIssuesService(deps);
  return { service, routes: organisationIssueRoutes(service) };
}
