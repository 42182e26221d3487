import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/server/config.js';
import { buildApp } from '../../src/server/app.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  close(): Promise<void>;
}

/** The real app on a fresh database, quiet logs; no web assets unless `webDir` is given. */
export async function createTestApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  options: { webDir?: string } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(kind);
  const config = loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', LEERKOMPAS_LOGIN_LIMIT: '1000', ...env });
  const app = await buildApp({ config, database: db.database, version: 'test', webDir: options.webDir });
  await app.ready();
  return {
    app,
    db,
    async close() {
      await app.close();
      await db.dispose();
    },
  };
}

/** A signed-in client: carries the session cookie and the CSRF header, like the web app. */
export interface Session {
  cookie: string;
  csrf: string;
  request(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export async function logIn(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed for ${email}: ${response.statusCode} ${response.body}`);
  const setCookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('lk_session='))!;
  const cookie = setCookie.split(';')[0];
  const csrf = response.json().csrfToken as string;
  return {
    cookie,
    csrf,
    request: (method, url, body) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrf },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}
