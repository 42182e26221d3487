import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../db/client.js';

export const HealthView = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  version: Type.String(),
});

export function systemRoutes(deps: { database: Database; version: string }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/health', { schema: { operationId: 'getHealth', tags: ['system'], response: { 200: HealthView } } }, async () => {
      // A real round trip, so a dead database shows up as 503 (problem+json) rather than "ok".
      await deps.database.query('select 1');
      return { status: 'ok' as const, database: deps.database.kind, version: deps.version };
    });

    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  };
}
