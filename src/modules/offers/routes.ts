import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OrgParams } from '../../shared/schemas.js';
import {
  CreateEditionBody,
  CreateOfferBody,
  EditionParams,
  ExportJson,
  ImportCsvBody,
  ImportJsonBody,
  ImportResult,
  ListOffersQuery,
  OfferDetail,
  OfferParams,
  OfferSummary,
  PublicOfferParams,
  SearchQuery,
  SearchResult,
  SuggestionsView,
  UpdateEditionBody,
  UpdateOfferBody,
} from './schemas.js';
import type { OfferSearch } from './search.js';
import type { OffersService } from './service.js';

/** Largest CSV accepted by the import. */
export const CSV_BODY_LIMIT = 2_097_152;

export function offerRoutes(service: OffersService, search: OfferSearch): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['offers'];
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_request, body, done) => done(null, body));

    // Public catalog: published offers, no sign-in.
    app.get(
      '/offers',
      { schema: { operationId: 'searchOffers', tags, querystring: SearchQuery, response: { 200: SearchResult } } },
      (request) => search(request.query),
    );
    app.get(
      '/offers/:id',
      { schema: { operationId: 'getPublishedOffer', tags, params: PublicOfferParams, response: { 200: OfferDetail } } },
      (request) => service.getPublishedOffer(request.params.id),
    );

    // A provider's own offers.
    const base = '/organisations/:orgId/offers';
    app.get(
      base,
      {
        schema: {
          operationId: 'listOffers',
          tags,
          params: OrgParams,
          querystring: ListOffersQuery,
          response: { 200: Type.Array(OfferSummary) },
        },
      },
      (request) => service.listOffers(request.actor, request.params.orgId, request.query),
    );
    app.post(
      base,
      { schema: { operationId: 'createOffer', tags, params: OrgParams, body: CreateOfferBody, response: { 201: OfferDetail } } },
      async (request, reply) => reply.code(201).send(await service.createOffer(request.actor, request.params.orgId, request.body)),
    );
    app.get(
      `${base}/export.csv`,
      {
        schema: {
          operationId: 'exportOffersCsv',
          tags,
          params: OrgParams,
          response: { 200: { description: 'RFC 4180 CSV, columns as in docs/api.md', content: { 'text/csv': { schema: Type.String() } } } },
        },
      },
      async (request, reply) => {
        const csv = await service.exportCsv(request.actor, request.params.orgId, request.ip);
        return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="offers.csv"').send(csv);
      },
    );
    app.get(
      `${base}/export.json`,
      { schema: { operationId: 'exportOffersJson', tags, params: OrgParams, response: { 200: ExportJson } } },
      (request) => service.exportJson(request.actor, request.params.orgId, request.ip),
    );
    app.post(
      `${base}/import`,
      {
        schema: {
          operationId: 'importOffersCsv',
          tags,
          consumes: ['text/csv'],
          params: OrgParams,
          body: ImportCsvBody,
          response: { 200: ImportResult },
        },
      },
      (request) => service.importCsv(request.actor, request.params.orgId, request.body, request.ip),
    );
    app.post(
      `${base}/import.json`,
      { schema: { operationId: 'importOffersJson', tags, params: OrgParams, body: ImportJsonBody, response: { 200: ImportResult } } },
      (request) => service.importJson(request.actor, request.params.orgId, request.body, request.ip),
    );
    app.get(`${base}/:id`, { schema: { operationId: 'getOffer', tags, params: OfferParams, response: { 200: OfferDetail } } }, (request) =>
      service.getOffer(request.actor, request.params.orgId, request.params.id),
    );
    app.patch(
      `${base}/:id`,
      { schema: { operationId: 'updateOffer', tags, params: OfferParams, body: UpdateOfferBody, response: { 200: OfferDetail } } },
      (request) => service.updateOffer(request.actor, request.params.orgId, request.params.id, request.body),
    );
    app.delete(
      `${base}/:id`,
      { schema: { operationId: 'deleteOffer', tags, params: OfferParams, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.deleteOffer(request.actor, request.params.orgId, request.params.id);
        return reply.code(204).send(null);
      },
    );
    for (const [action, target, operationId] of [
      ['publish', 'published', 'publishOffer'],
      ['archive', 'archived', 'archiveOffer'],
      ['unpublish', 'draft', 'unpublishOffer'],
    ] as const) {
      app.post(`${base}/:id/${action}`, { schema: { operationId, tags, params: OfferParams, response: { 200: OfferDetail } } }, (request) =>
        service.setStatus(request.actor, request.params.orgId, request.params.id, target, request.ip),
      );
    }
    app.post(
      `${base}/:id/suggest-competences`,
      { schema: { operationId: 'suggestOfferCompetences', tags, params: OfferParams, response: { 200: SuggestionsView } } },
      (request) => service.suggestCompetences(request.actor, request.params.orgId, request.params.id),
    );
    app.post(
      `${base}/:id/editions`,
      { schema: { operationId: 'createOfferEdition', tags, params: OfferParams, body: CreateEditionBody, response: { 201: OfferDetail } } },
      async (request, reply) =>
        reply.code(201).send(await service.createEdition(request.actor, request.params.orgId, request.params.id, request.body)),
    );
    app.patch(
      `${base}/:id/editions/:editionId`,
      {
        schema: { operationId: 'updateOfferEdition', tags, params: EditionParams, body: UpdateEditionBody, response: { 200: OfferDetail } },
      },
      (request) => service.updateEdition(request.actor, request.params.orgId, request.params.id, request.params.editionId, request.body),
    );
    app.delete(
      `${base}/:id/editions/:editionId`,
      { schema: { operationId: 'deleteOfferEdition', tags, params: EditionParams, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.deleteEdition(request.actor, request.params.orgId, request.params.id, request.params.editionId);
        return reply.code(204).send(null);
      },
    );
  };
}
