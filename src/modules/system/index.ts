import type { Database } from '../../db/client.js';
import { systemRoutes } from './routes.js';

export function createSystemModule(deps: { database: Database; version: string }) {
  return { routes: systemRoutes(deps) };
}
