import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OrgParams } from '../../shared/schemas.js';
import { NeedParams, PersonParams, RecommendationsQuery, RecommendationsResult, RegisterRecommendations, TeamParams } from './schemas.js';
import type { MatchingService } from './service.js';

export function matchingRoutes(service: MatchingService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['matching'];
    const base = '/organisations/:orgId';
    app.get(
      '/me/recommendations',
      { schema: { operationId: 'myRecommendations', tags, querystring: RecommendationsQuery, response: { 200: RecommendationsResult } } },
      (request) => service.forMe(request.actor, request.query),
    );
    app.get(
      `${base}/people/:personId/recommendations`,
      {
        schema: {
          operationId: 'personRecommendations',
          tags,
          params: PersonParams,
          querystring: RecommendationsQuery,
          response: { 200: RecommendationsResult },
        },
      },
      (request) => service.forPerson(request.actor, request.params.orgId, request.params.personId, request.query),
    );
    app.get(
      `${base}/teams/:teamId/recommendations`,
      {
        schema: {
          operationId: 'teamRecommendations',
          tags,
          params: TeamParams,
          querystring: RecommendationsQuery,
          response: { 200: RecommendationsResult },
        },
      },
      (request) => service.forTeam(request.actor, request.params.orgId, request.params.teamId, request.query),
    );
    app.get(
      `${base}/needs/:needId/recommendations`,
      {
        schema: {
          operationId: 'needRecommendations',
          tags,
          params: NeedParams,
          querystring: RecommendationsQuery,
          response: { 200: RecommendationsResult },
        },
      },
      (request) => service.forNeed(request.actor, request.params.orgId, request.params.needId, request.query),
    );
    app.get(
      `${base}/needs-register/recommendations`,
      {
        schema: {
          operationId: 'registerRecommendations',
          tags,
          params: OrgParams,
          querystring: RecommendationsQuery,
          response: { 200: RegisterRecommendations },
        },
      },
      (request) => service.forRegister(request.actor, request.params.orgId, request.query),
    );
  };
}
