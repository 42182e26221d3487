import type { Db } from '../../db/client.js';
import { trainingPlanRoutes } from './routes.js';
import { createTrainingPlansService } from './service.js';

export function createTrainingPlansModule(deps: { db: Db; now?: () => Date }) {
  const service = createTrainingPlansService(deps);
  return { service, routes: trainingPlanRoutes(service) };
}
