import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OrgParams } from '../../shared/schemas.js';
import {
  CreateFunctionProfileBody,
  FunctionProfileDetail,
  FunctionProfileSummary,
  ImportCsvBody,
  ImportResult,
  ProfileParams,
  ReplaceItemsBody,
  UpdateFunctionProfileBody,
} from './schemas.js';
import type { FunctionProfilesService } from './service.js';

/** Largest CSV accepted by the import (the JSON body limit of the app does not apply to text/csv). */
export const CSV_BODY_LIMIT = 1_048_576;

export function functionProfileRoutes(service: FunctionProfilesService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['function-profiles'];
    // Scoped to this plugin: only the import route takes CSV.
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_request, body, done) => done(null, body));

    const base = '/organisations/:orgId/function-profiles';
    app.get(
      base,
      { schema: { operationId: 'listFunctionProfiles', tags, params: OrgParams, response: { 200: Type.Array(FunctionProfileSummary) } } },
      (request) => service.listProfiles(request.actor, request.params.orgId),
    );
    app.post(
      base,
      {
        schema: {
          operationId: 'createFunctionProfile',
          tags,
          params: OrgParams,
          body: CreateFunctionProfileBody,
          response: { 201: FunctionProfileDetail },
        },
      },
      async (request, reply) => reply.code(201).send(await service.createProfile(request.actor, request.params.orgId, request.body)),
    );
    app.get(
      `${base}/export.csv`,
      {
        schema: {
          operationId: 'exportFunctionProfilesCsv',
          tags,
          params: OrgParams,
          response: { 200: { description: 'RFC 4180 CSV, columns as in docs/api.md', content: { 'text/csv': { schema: Type.String() } } } },
        },
      },
      async (request, reply) => {
        const csv = await service.exportCsv(request.actor, request.params.orgId, request.ip);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="function-profiles.csv"')
          .send(csv);
      },
    );
    app.post(
      `${base}/import`,
      {
        schema: {
          operationId: 'importFunctionProfilesCsv',
          tags,
          consumes: ['text/csv'],
          params: OrgParams,
          body: ImportCsvBody,
          response: { 200: ImportResult },
        },
      },
      (request) => service.importCsv(request.actor, request.params.orgId, request.body, request.ip),
    );
    app.get(
      `${base}/:id`,
      { schema: { operationId: 'getFunctionProfile', tags, params: ProfileParams, response: { 200: FunctionProfileDetail } } },
      (request) => service.getProfile(request.actor, request.params.orgId, request.params.id),
    );
    app.patch(
      `${base}/:id`,
      {
        schema: {
          operationId: 'updateFunctionProfile',
          tags,
          params: ProfileParams,
          body: UpdateFunctionProfileBody,
          response: { 200: FunctionProfileDetail },
        },
      },
      (request) => service.updateProfile(request.actor, request.params.orgId, request.params.id, request.body),
    );
    app.delete(
      `${base}/:id`,
      { schema: { operationId: 'deleteFunctionProfile', tags, params: ProfileParams, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.deleteProfile(request.actor, request.params.orgId, request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.put(
      `${base}/:id/competences`,
      {
        schema: {
          operationId: 'replaceFunctionProfileCompetences',
          tags,
          params: ProfileParams,
          body: ReplaceItemsBody,
          response: { 200: FunctionProfileDetail },
        },
      },
      (request) => service.replaceItems(request.actor, request.params.orgId, request.params.id, request.body.items),
    );
  };
}
