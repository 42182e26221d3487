import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OrgParams } from '../../shared/schemas.js';
import { PersonAssessments, PersonParams, RecordAssessmentsBody, SupervisorTeam } from './schemas.js';
import type { TeamAssessmentService } from './service.js';

export function teamAssessmentRoutes(service: TeamAssessmentService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['team-assessment'];
    const base = '/organisations/:orgId/people/:personId/assessments';
    app.get(
      base,
      { schema: { operationId: 'getPersonAssessments', tags, params: PersonParams, response: { 200: PersonAssessments } } },
      (request) => service.getPersonAssessments(request.actor, request.params.orgId, request.params.personId),
    );
    app.post(
      base,
      {
        schema: {
          operationId: 'recordPersonAssessments',
          tags,
          params: PersonParams,
          body: RecordAssessmentsBody,
          response: { 201: PersonAssessments },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.recordRatings(request.actor, request.params.orgId, request.params.personId, request.body, request.ip)),
    );
    app.get(
      '/organisations/:orgId/supervisor/team',
      { schema: { operationId: 'getSupervisorTeam', tags, params: OrgParams, response: { 200: SupervisorTeam } } },
      (request) => service.getSupervisorTeam(request.actor, request.params.orgId),
    );
  };
}
