import type { Db } from '../../db/client.js';
import { teamAssessmentRoutes } from './routes.js';
import { createTeamAssessmentService } from './service.js';

export function createTeamAssessmentModule(deps: { db: Db; now?: () => Date }) {
  const service = createTeamAssessmentService(deps);
  return { service, routes: teamAssessmentRoutes(service) };
}
