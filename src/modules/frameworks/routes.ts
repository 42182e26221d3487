import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OrgParams } from '../../shared/schemas.js';
import {
  ChildrenQuery,
  CompetenceDetail,
  CompetenceParams,
  CompetenceSearchQuery,
  CompetenceSearchResult,
  CompetenceWriteView,
  CreateCompetenceBody,
  CreateFrameworkBody,
  FrameworkDetail,
  FrameworkListQuery,
  FrameworkParams,
  FrameworkView,
  OccupationDetail,
  OccupationParams,
  OccupationSearchQuery,
  OccupationSearchResult,
  OrgCompetenceParams,
  OrgFrameworkParams,
  ScaleView,
  TreeNodeView,
  UpdateCompetenceBody,
} from './schemas.js';
import type { FrameworksService } from './service.js';

/** Frameworks, competences, scales and occupations. Public data is readable without signing in. */
export function frameworkRoutes(service: FrameworksService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['frameworks'];
    app.get(
      '/frameworks',
      { schema: { operationId: 'listFrameworks', tags, querystring: FrameworkListQuery, response: { 200: Type.Array(FrameworkView) } } },
      (request) => service.listFrameworks(request.actor, request.query),
    );
    app.get(
      '/frameworks/:id',
      { schema: { operationId: 'getFramework', tags, params: FrameworkParams, response: { 200: FrameworkDetail } } },
      (request) => service.getFramework(request.actor, request.params.id),
    );
    app.get(
      '/frameworks/:id/children',
      {
        schema: {
          operationId: 'listFrameworkChildren',
          tags,
          params: FrameworkParams,
          querystring: ChildrenQuery,
          response: { 200: Type.Array(TreeNodeView) },
        },
      },
      (request) => service.listChildren(request.actor, request.params.id, request.query.parentId),
    );
    app.get(
      '/competences',
      {
        schema: {
          operationId: 'searchCompetences',
          tags,
          querystring: CompetenceSearchQuery,
          response: { 200: Type.Array(CompetenceSearchResult) },
        },
      },
      (request) => service.searchCompetences(request.actor, request.query),
    );
    app.get(
      '/competences/:id',
      { schema: { operationId: 'getCompetence', tags, params: CompetenceParams, response: { 200: CompetenceDetail } } },
      (request) => service.getCompetence(request.actor, request.params.id),
    );
    app.get('/scales', { schema: { operationId: 'listScales', tags, response: { 200: Type.Array(ScaleView) } } }, (request) =>
      service.listScales(request.actor),
    );
    app.get(
      '/scales/:id',
      { schema: { operationId: 'getScale', tags, params: FrameworkParams, response: { 200: ScaleView } } },
      (request) => service.getScale(request.actor, request.params.id),
    );
    app.get(
      '/occupations',
      {
        schema: {
          operationId: 'searchOccupations',
          tags,
          querystring: OccupationSearchQuery,
          response: { 200: Type.Array(OccupationSearchResult) },
        },
      },
      (request) => service.searchOccupations(request.actor, request.query),
    );
    app.get(
      '/occupations/:id',
      { schema: { operationId: 'getOccupation', tags, params: OccupationParams, response: { 200: OccupationDetail } } },
      (request) => service.getOccupation(request.actor, request.params.id),
    );

    // An organisation's own frameworks. Public frameworks are read-only over HTTP.
    app.post(
      '/organisations/:orgId/frameworks',
      {
        schema: {
          operationId: 'createOwnFramework',
          tags,
          params: OrgParams,
          body: CreateFrameworkBody,
          response: { 201: FrameworkDetail },
        },
      },
      async (request, reply) => reply.code(201).send(await service.createFramework(request.actor, request.params.orgId, request.body)),
    );
    app.post(
      '/organisations/:orgId/frameworks/:id/competences',
      {
        schema: {
          operationId: 'addOwnCompetence',
          tags,
          params: OrgFrameworkParams,
          body: CreateCompetenceBody,
          response: { 201: CompetenceWriteView },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.addCompetence(request.actor, request.params.orgId, request.params.id, request.body)),
    );
    app.patch(
      '/organisations/:orgId/frameworks/:id/competences/:competenceId',
      {
        schema: {
          operationId: 'updateOwnCompetence',
          tags,
          params: OrgCompetenceParams,
          body: UpdateCompetenceBody,
          response: { 200: CompetenceWriteView },
        },
      },
      (request) =>
        service.updateCompetence(request.actor, request.params.orgId, request.params.id, request.params.competenceId, request.body),
    );
    app.delete(
      '/organisations/:orgId/frameworks/:id/competences/:competenceId',
      { schema: { operationId: 'deleteOwnCompetence', tags, params: OrgCompetenceParams, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.deleteCompetence(request.actor, request.params.orgId, request.params.id, request.params.competenceId);
        return reply.code(204).send(null);
      },
    );
  };
}
