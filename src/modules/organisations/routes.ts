import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OrgParams } from '../../shared/schemas.js';
import {
  AuditEntryView,
  AuditQuery,
  CreateOrganisationBody,
  GrantRoleBody,
  MemberView,
  MembershipParams,
  OrganisationSettings,
  OrganisationView,
  SectorMemberBody,
  SectorMemberView,
  TeamView,
} from './schemas.js';
import type { OrganisationsService } from './service.js';

export function organisationRoutes(service: OrganisationsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['organisations'];
    app.get(
      '/organisations',
      { schema: { operationId: 'listOrganisations', tags, response: { 200: Type.Array(OrganisationView) } } },
      (request) => service.listOrganisations(request.actor),
    );
    app.post(
      '/organisations',
      { schema: { operationId: 'createOrganisation', tags, body: CreateOrganisationBody, response: { 201: OrganisationView } } },
      async (request, reply) => reply.code(201).send(await service.createOrganisation(request.actor, request.body)),
    );
    app.get(
      '/organisations/:orgId',
      { schema: { operationId: 'getOrganisation', tags, params: OrgParams, response: { 200: OrganisationView } } },
      (request) => service.getOrganisation(request.actor, request.params.orgId),
    );
    app.patch(
      '/organisations/:orgId/settings',
      {
        schema: {
          operationId: 'updateOrganisationSettings',
          tags,
          params: OrgParams,
          body: OrganisationSettings,
          response: { 200: OrganisationView },
        },
      },
      (request) => service.updateSettings(request.actor, request.params.orgId, request.body),
    );
    app.get(
      '/organisations/:orgId/members',
      { schema: { operationId: 'listMembers', tags, params: OrgParams, response: { 200: Type.Array(MemberView) } } },
      (request) => service.listMembers(request.actor, request.params.orgId),
    );
    app.post(
      '/organisations/:orgId/members',
      { schema: { operationId: 'grantRole', tags, params: OrgParams, body: GrantRoleBody, response: { 201: MemberView } } },
      async (request, reply) =>
        reply.code(201).send(await service.grantRole(request.actor, request.params.orgId, { ...request.body, ip: request.ip })),
    );
    app.delete(
      '/organisations/:orgId/members/:membershipId',
      { schema: { operationId: 'revokeRole', tags, params: MembershipParams, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.revokeRole(request.actor, request.params.orgId, request.params.membershipId, request.ip);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/organisations/:orgId/sector-members',
      { schema: { operationId: 'listSectorMembers', tags, params: OrgParams, response: { 200: Type.Array(SectorMemberView) } } },
      (request) => service.listSectorMembers(request.actor, request.params.orgId),
    );
    app.post(
      '/organisations/:orgId/sector-members',
      { schema: { operationId: 'addSectorMember', tags, params: OrgParams, body: SectorMemberBody, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.addSectorMember(request.actor, request.params.orgId, request.body.memberId);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/organisations/:orgId/teams',
      { schema: { operationId: 'listTeams', tags, params: OrgParams, response: { 200: Type.Array(TeamView) } } },
      (request) => service.listTeams(request.actor, request.params.orgId),
    );
    app.get(
      '/organisations/:orgId/audit',
      {
        schema: {
          operationId: 'listAuditLog',
          tags,
          params: OrgParams,
          querystring: AuditQuery,
          response: { 200: Type.Array(AuditEntryView) },
        },
      },
      (request) => service.listAudit(request.actor, request.params.orgId, request.query),
    );
  };
}
