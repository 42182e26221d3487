import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OrgParams } from '../../shared/schemas.js';
import {
  EditionEnrolmentParams,
  EditionParams,
  EnrolmentList,
  EnrolmentView,
  MeEnrolmentParams,
  OrgEnrolBody,
  OrgEnrolmentParams,
  OrgEnrolmentsQuery,
  RecordAttendanceBody,
  SavedOfferParams,
  SavedOfferView,
  SelfEnrolBody,
} from './schemas.js';
import type { EnrolmentService } from './service.js';

export function enrolmentRoutes(service: EnrolmentService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['enrolment'];

    // The signed-in learner (leerportaal).
    app.get('/me/enrolments', { schema: { operationId: 'listMyEnrolments', tags, response: { 200: EnrolmentList } } }, (request) =>
      service.listMine(request.actor),
    );
    app.post(
      '/me/enrolments',
      { schema: { operationId: 'enrolMe', tags, body: SelfEnrolBody, response: { 201: EnrolmentView } } },
      async (request, reply) => reply.code(201).send(await service.enrolSelf(request.actor, request.body.editionId)),
    );
    app.post(
      '/me/enrolments/:enrolmentId/cancel',
      { schema: { operationId: 'cancelMyEnrolment', tags, params: MeEnrolmentParams, response: { 200: EnrolmentView } } },
      (request) => service.cancelMine(request.actor, request.params.enrolmentId),
    );
    app.get(
      '/me/saved-offers',
      { schema: { operationId: 'listMySavedOffers', tags, response: { 200: Type.Array(SavedOfferView) } } },
      (request) => service.listSaved(request.actor),
    );
    app.put(
      '/me/saved-offers/:offerId',
      { schema: { operationId: 'saveOffer', tags, params: SavedOfferParams, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.save(request.actor, request.params.offerId);
        return reply.code(204).send(null);
      },
    );
    app.delete(
      '/me/saved-offers/:offerId',
      { schema: { operationId: 'unsaveOffer', tags, params: SavedOfferParams, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.unsave(request.actor, request.params.offerId);
        return reply.code(204).send(null);
      },
    );

    // The employer (HR).
    const org = '/organisations/:orgId/enrolments';
    app.get(
      org,
      {
        schema: {
          operationId: 'listOrganisationEnrolments',
          tags,
          params: OrgParams,
          querystring: OrgEnrolmentsQuery,
          response: { 200: EnrolmentList },
        },
      },
      (request) => service.listForOrganisation(request.actor, request.params.orgId, request.query),
    );
    app.post(
      org,
      { schema: { operationId: 'enrolPeople', tags, params: OrgParams, body: OrgEnrolBody, response: { 201: EnrolmentList } } },
      async (request, reply) => reply.code(201).send(await service.enrolForOrganisation(request.actor, request.params.orgId, request.body)),
    );
    app.post(
      `${org}/:enrolmentId/cancel`,
      { schema: { operationId: 'cancelOrganisationEnrolment', tags, params: OrgEnrolmentParams, response: { 200: EnrolmentView } } },
      (request) => service.cancelForOrganisation(request.actor, request.params.orgId, request.params.enrolmentId),
    );

    // The training provider.
    const edition = '/organisations/:orgId/editions/:editionId/enrolments';
    app.get(
      edition,
      { schema: { operationId: 'listEditionEnrolments', tags, params: EditionParams, response: { 200: EnrolmentList } } },
      (request) => service.listForEdition(request.actor, request.params.orgId, request.params.editionId),
    );
    app.get(
      `${edition}.csv`,
      {
        schema: {
          operationId: 'exportEditionEnrolmentsCsv',
          tags,
          params: EditionParams,
          response: { 200: { description: 'RFC 4180 CSV, columns as in docs/api.md', content: { 'text/csv': { schema: Type.String() } } } },
        },
      },
      async (request, reply) => {
        const csv = await service.exportEditionCsv(request.actor, request.params.orgId, request.params.editionId, request.ip);
        return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="enrolments.csv"').send(csv);
      },
    );
    app.put(
      `${edition}/:enrolmentId`,
      {
        schema: {
          operationId: 'recordAttendance',
          tags,
          params: EditionEnrolmentParams,
          body: RecordAttendanceBody,
          response: { 200: EnrolmentView },
        },
      },
      (request) =>
        service.recordAttendance(request.actor, request.params.orgId, request.params.editionId, request.params.enrolmentId, request.body),
    );
  };
}
