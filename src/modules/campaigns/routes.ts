import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { OrgParams } from '../../shared/schemas.js';
import {
  CampaignCompetences,
  CampaignDetail,
  CampaignListQuery,
  CampaignParams,
  CampaignSummary,
  CreateCampaignBody,
  InvitationList,
  InvitationListQuery,
  InvitationParams,
  IssuedLinks,
  IssueLinksBody,
  QrSheetBody,
  UpdateCampaignBody,
} from './schemas.js';
import type { CampaignsService } from './service.js';

/** The address the caller used (behind a trusted proxy: the forwarded one). */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export function campaignRoutes(service: CampaignsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['campaigns'];
    const base = '/organisations/:orgId/campaigns';

    app.get(
      base,
      {
        schema: {
          operationId: 'listCampaigns',
          tags,
          params: OrgParams,
          querystring: CampaignListQuery,
          response: { 200: Type.Array(CampaignSummary) },
        },
      },
      (request) => service.listCampaigns(request.actor, request.params.orgId, request.query.status),
    );
    app.post(
      base,
      { schema: { operationId: 'createCampaign', tags, params: OrgParams, body: CreateCampaignBody, response: { 201: CampaignDetail } } },
      async (request, reply) => reply.code(201).send(await service.createCampaign(request.actor, request.params.orgId, request.body)),
    );
    app.get(
      `${base}/:id`,
      { schema: { operationId: 'getCampaign', tags, params: CampaignParams, response: { 200: CampaignDetail } } },
      (request) => service.getCampaign(request.actor, request.params.orgId, request.params.id),
    );
    app.patch(
      `${base}/:id`,
      {
        schema: {
          operationId: 'updateCampaign',
          tags,
          params: CampaignParams,
          body: UpdateCampaignBody,
          response: { 200: CampaignDetail },
        },
      },
      (request) => service.updateCampaign(request.actor, request.params.orgId, request.params.id, request.body),
    );
    app.delete(
      `${base}/:id`,
      { schema: { operationId: 'deleteCampaign', tags, params: CampaignParams, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.deleteCampaign(request.actor, request.params.orgId, request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      `${base}/:id/competences`,
      { schema: { operationId: 'getCampaignCompetences', tags, params: CampaignParams, response: { 200: CampaignCompetences } } },
      (request) => service.previewCompetences(request.actor, request.params.orgId, request.params.id),
    );
    app.post(
      `${base}/:id/open`,
      { schema: { operationId: 'openCampaign', tags, params: CampaignParams, response: { 200: CampaignDetail } } },
      (request) => service.openCampaign(request.actor, request.params.orgId, request.params.id, request.ip),
    );
    app.post(
      `${base}/:id/close`,
      { schema: { operationId: 'closeCampaign', tags, params: CampaignParams, response: { 200: CampaignDetail } } },
      (request) => service.closeCampaign(request.actor, request.params.orgId, request.params.id, request.ip),
    );
    app.get(
      `${base}/:id/invitations`,
      {
        schema: {
          operationId: 'listCampaignInvitations',
          tags,
          params: CampaignParams,
          querystring: InvitationListQuery,
          response: { 200: InvitationList },
        },
      },
      (request) => service.listInvitations(request.actor, request.params.orgId, request.params.id, request.query),
    );
    app.post(
      `${base}/:id/invitations/issue`,
      { schema: { operationId: 'issueCampaignLinks', tags, params: CampaignParams, body: IssueLinksBody, response: { 200: IssuedLinks } } },
      async (request, reply) => {
        const links = await service.issueLinks(request.actor, request.params.orgId, request.params.id, request.body, originOf(request));
        // The links are secrets: never cache them anywhere.
        return reply.header('cache-control', 'no-store').send(links);
      },
    );
    app.post(
      `${base}/:id/invitations/issue.csv`,
      {
        schema: {
          operationId: 'issueCampaignLinksCsv',
          tags,
          params: CampaignParams,
          body: IssueLinksBody,
          response: {
            200: { description: 'RFC 4180 CSV: name, team, link, invitation_id', content: { 'text/csv': { schema: Type.String() } } },
          },
        },
      },
      async (request, reply) => {
        const csv = await service.issueLinksCsv(request.actor, request.params.orgId, request.params.id, request.body, originOf(request));
        return reply
          .header('cache-control', 'no-store')
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="invitation-links.csv"')
          .send(csv);
      },
    );
    app.post(
      `${base}/:id/invitations/sheet`,
      {
        schema: {
          operationId: 'printCampaignQrSheet',
          tags,
          params: CampaignParams,
          body: QrSheetBody,
          response: {
            200: {
              description: 'PDF with one QR card per person of the team',
              content: { 'application/pdf': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } },
            },
          },
        },
      },
      async (request, reply) => {
        const pdf = await service.printQrSheet(request.actor, request.params.orgId, request.params.id, request.body, originOf(request));
        return reply
          .header('cache-control', 'no-store')
          .type('application/pdf')
          .header('content-disposition', 'attachment; filename="qr-codes.pdf"')
          .send(pdf);
      },
    );
    app.post(
      `${base}/:id/invitations/:invitationId/revoke`,
      { schema: { operationId: 'revokeCampaignInvitation', tags, params: InvitationParams, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.revokeInvitation(request.actor, request.params.orgId, request.params.id, request.params.invitationId, request.ip);
        return reply.code(204).send(null);
      },
    );
  };
}
