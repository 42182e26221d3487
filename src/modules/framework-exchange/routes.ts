import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OrgParams } from '../../shared/schemas.js';
import { EXCHANGE_BODY_LIMIT, ExportParams, ExportQuery, ImportBody, ImportQuery, ImportResult } from './schemas.js';
import type { FrameworkExchangeService } from './service.js';

/** Import and export of competence frameworks as Moodle CSV and 1EdTech CASE JSON. */
export function frameworkExchangeRoutes(service: FrameworkExchangeService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['framework-exchange'];
    // Scoped to this plugin: CSV bodies, and JSON bodies up to 10 MB (the app's default is smaller).
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: EXCHANGE_BODY_LIMIT }, (_request, body, done) => done(null, body));
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: EXCHANGE_BODY_LIMIT },
      app.getDefaultJsonParser('error', 'error'),
    );

    app.post(
      '/organisations/:orgId/framework-imports',
      {
        bodyLimit: EXCHANGE_BODY_LIMIT,
        schema: {
          operationId: 'importFramework',
          tags,
          description:
            'Imports a Moodle competency-framework CSV (text/csv, format=moodle) or a CASE 1.1 package (application/json, format=case) as a framework of the organisation. See docs/api.md, "Framework exchange formats".',
          consumes: ['text/csv', 'application/json'],
          params: OrgParams,
          querystring: ImportQuery,
          body: ImportBody,
          response: { 200: ImportResult },
        },
      },
      (request) =>
        service.importFramework({
          actor: request.actor,
          organisationId: request.params.orgId,
          format: request.query.format,
          lang: request.query.lang ?? 'nl',
          body: request.body,
          ip: request.ip,
        }),
    );

    app.get(
      '/frameworks/:id/export',
      {
        schema: {
          operationId: 'exportFramework',
          tags,
          description:
            'The framework as a Moodle competency-framework CSV (format=moodle) or a CASE 1.1 package (format=case), texts in lang.',
          params: ExportParams,
          querystring: ExportQuery,
          response: {
            200: {
              description: 'The file, with a Content-Disposition filename',
              content: {
                'text/csv': { schema: Type.String() },
                'application/json': { schema: Type.Object({}, { additionalProperties: true }) },
              },
            },
          },
        },
      },
      async (request, reply) => {
        const file = await service.exportFramework({
          actor: request.actor,
          framework: { id: request.params.id },
          format: request.query.format,
          lang: request.query.lang ?? 'nl',
          baseUrl: `${request.protocol}://${request.host}`,
          ip: request.ip,
        });
        return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
      },
    );
  };
}
