import type { Db } from '../../db/client.js';
import { authRoutes } from './routes.js';
import { createAuthService } from './service.js';

export function createAuthModule(deps: { db: Db; sessionHours: number; loginPerMinute: number }) {
  const service = createAuthService(deps);
  return { service, routes: authRoutes(service, { loginPerMinute: deps.loginPerMinute }) };
}
