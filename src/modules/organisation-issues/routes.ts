import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OrgParams } from '../../shared/schemas.js';
import { CreateIssueBody, IssueListQuery, IssueParams, IssueView, UpdateIssueBody } from './schemas.js';
import type { OrganisationIssuesService } from './service.js';

export function organisationIssueRoutes(service: OrganisationIssuesService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['organisation-issues'];
    const base = '/organisations/:orgId/organisation-issues';
    app.get(
      base,
      {
        schema: {
          operationId: 'listOrganisationIssues',
          tags,
          params: OrgParams,
          querystring: IssueListQuery,
          response: { 200: Type.Array(IssueView) },
        },
      },
      (request) => service.listIssues(request.actor, request.params.orgId, request.query),
    );
    app.post(
      base,
      { schema: { operationId: 'createOrganisationIssue', tags, params: OrgParams, body: CreateIssueBody, response: { 201: IssueView } } },
      async (request, reply) => reply.code(201).send(await service.createIssue(request.actor, request.params.orgId, request.body)),
    );
    app.get(
      `${base}/:id`,
      { schema: { operationId: 'getOrganisationIssue', tags, params: IssueParams, response: { 200: IssueView } } },
      (request) => service.getIssue(request.actor, request.params.orgId, request.params.id),
    );
    app.patch(
      `${base}/:id`,
      {
        schema: { operationId: 'updateOrganisationIssue', tags, params: IssueParams, body: UpdateIssueBody, response: { 200: IssueView } },
      },
      (request) => service.updateIssue(request.actor, request.params.orgId, request.params.id, request.body),
    );
    app.delete(
      `${base}/:id`,
      { schema: { operationId: 'deleteOrganisationIssue', tags, params: IssueParams, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.deleteIssue(request.actor, request.params.orgId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
