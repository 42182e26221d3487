import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { version } from '../../src/version.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { canonical, registeredRoutes } from '../support/access-matrix.js';

/*
 * The API contract: docs/api/openapi.json is the OpenAPI document exactly as GET /api/openapi.json
 * serves it, pretty-printed (2 spaces, key order as served, trailing newline), so that every change
 * to a route's parameters, body or response shows in review. After an intended API change:
 *
 *   npx vitest run test/integration/openapi.test.ts -u
 *
 * and commit the rewritten file with the change. The document does not depend on the database,
 * the configuration or the web build (checked when this test was written), so PGlite alone is
 * enough. The app is built as createTestApp builds it, but with the package version (as
 * src/main.ts does) instead of 'test': that is what production serves as `info.version`, so a
 * version bump rewrites that one line too.
 */

const regenerate = 'if this API change is intended: npx vitest run test/integration/openapi.test.ts -u, then commit docs/api/openapi.json';

/** Routes under /api that are deliberately left out of the document (`schema: { hide: true }`). */
const hidden: Record<string, string> = {
  'GET /api/openapi.json': 'the document itself (src/modules/system/routes.ts)',
  'GET /api/docs': 'Swagger UI (@fastify/swagger-ui hides its own routes)',
  'GET /api/docs/': 'Swagger UI',
  'GET /api/docs/*': 'Swagger UI',
  'GET /api/docs/json': 'Swagger UI',
  'GET /api/docs/yaml': 'Swagger UI',
  'GET /api/docs/static/index.html': 'Swagger UI',
  'GET /api/docs/static/swagger-initializer.js': 'Swagger UI',
};

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe('the OpenAPI document', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let doc: { paths: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    const config = loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    app = await buildApp({ config, database: db.database, version });
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('equals the committed contract, docs/api/openapi.json', async () => {
    await expect(`${JSON.stringify(doc, null, 2)}\n`).toMatchFileSnapshot('../../docs/api/openapi.json', regenerate);
  });

  it('documents every route under /api except the deliberately hidden ones', () => {
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item).filter((m) => methods.includes(m))) documented.add(canonical(method, path));
    }
    const routes = registeredRoutes(app).filter((r) => r.slice(r.indexOf(' ') + 1).startsWith('/api'));
    const hiddenRoutes = new Set(Object.keys(hidden).map((key) => canonical(key.split(' ')[0], key.slice(key.indexOf(' ') + 1))));
    expect(routes.length).toBeGreaterThan(150);
    expect(
      routes.filter((r) => !documented.has(r) && !hiddenRoutes.has(r)),
      'routes missing from the OpenAPI document (give them a schema, or list them in `hidden` with the reason)',
    ).toEqual([]);
    expect(
      [...hiddenRoutes].filter((r) => !routes.includes(r) || documented.has(r)),
      'entries of `hidden` that no longer exist or are documented after all',
    ).toEqual([]);
    expect(
      [...documented].filter((r) => !routes.includes(r)),
      'documented operations the app does not have',
    ).toEqual([]);
  });

  it('gives every operation its problem+json error answers, and the Problem schema fits what the app sends', async () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => methods.includes(method))
        .map(([method, op]) => ({
          key: `${method.toUpperCase()} ${path}`,
          responses: (op as { responses: Record<string, unknown> }).responses,
        })),
    );
    const problemAnswer = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    const lacking = operations.filter(
      ({ responses }) => !['4XX', '5XX'].every((range) => expect.objectContaining(problemAnswer).asymmetricMatch(responses[range])),
    );
    expect(lacking.map((o) => o.key)).toEqual([]);

    const problem = (
      doc as unknown as { components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> } }
    ).components.schemas.Problem;
    const bad = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 42 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = bad.json() as Record<string, unknown>;
    expect(Object.keys(body).filter((key) => !(key in problem.properties))).toEqual([]);
    expect(problem.required.filter((key) => !(key in body))).toEqual([]);
  });
});
