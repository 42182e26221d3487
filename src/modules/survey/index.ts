import type { Db } from '../../db/client.js';
import { surveyRoutes } from './routes.js';
import { createSurveyService } from './service.js';

export function createSurveyModule(deps: { db: Db; perMinute: number; now?: () => Date }) {
  const service = createSurveyService(deps);
  return { service, routes: surveyRoutes(service, { perMinute: deps.perMinute }) };
}
