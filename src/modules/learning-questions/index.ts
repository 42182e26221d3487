import type { Db } from '../../db/client.js';
import { learningQuestionRoutes } from './routes.js';
import { createLearningQuestionsService } from './service.js';

export { createLearningQuestionFromSurvey } from './from-survey.js';

export function createLearningQuestionsModule(deps: { db: Db; now?: () => Date }) {
  const service = createLearningQuestionsService(deps);
  return { service, routes: learningQuestionRoutes(service) };
}
