import type { Db } from '../../db/client.js';
import { diagnosisRoutes } from './routes.js';
import { createDiagnosisService } from './service.js';

export function createDiagnosisModule(deps: { db: Db; now?: () => Date }) {
  const service = createDiagnosisService(deps);
  return { service, routes: diagnosisRoutes(service) };
}
