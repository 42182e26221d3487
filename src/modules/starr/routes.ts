import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateStarrBody, PersonParams, StarrList } from './schemas.js';
import type { StarrService } from './service.js';

export function starrRoutes(service: StarrService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['starr'];
    const base = '/organisations/:orgId/people/:personId/starr';
    app.get(base, { schema: { operationId: 'listStarrInterviews', tags, params: PersonParams, response: { 200: StarrList } } }, (request) =>
      service.listInterviews(request.actor, request.params.orgId, request.params.personId),
    );
    app.post(
      base,
      { schema: { operationId: 'createStarrInterview', tags, params: PersonParams, body: CreateStarrBody, response: { 201: StarrList } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.createInterview(request.actor, request.params.orgId, request.params.personId, request.body, request.ip)),
    );
  };
}
