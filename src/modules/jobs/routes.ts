import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams } from '../../shared/schemas.js';
import { JobListQuery, JobView } from './schemas.js';
import type { JobsService } from './service.js';

export function jobRoutes(service: JobsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['jobs'];
    app.get(
      '/jobs',
      { schema: { operationId: 'listJobs', tags, querystring: JobListQuery, response: { 200: Type.Array(JobView) } } },
      (request) => service.listJobs(request.actor, request.query),
    );
    app.get('/jobs/:id', { schema: { operationId: 'getJob', tags, params: IdParams, response: { 200: JobView } } }, (request) =>
      service.getJob(request.actor, request.params.id),
    );
  };
}
