import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OrgParams } from '../../shared/schemas.js';
import {
  CreateNeedBody,
  FromDiagnosisBody,
  NeedDetail,
  NeedListQuery,
  NeedPage,
  NeedParams,
  PriorityView,
  PutPriorityBody,
  RankedExportQuery,
  RankedNeeds,
  RankedQuery,
  TriageBody,
  TriageOutcome,
  TriageView,
  UpdateNeedBody,
  WeightsBody,
  WeightsView,
} from './schemas.js';
import type { ExportFile, NeedsService } from './service.js';

const fileResponse = (description: string, type: string) => ({
  200: { description, content: { [type]: { schema: Type.Unsafe<Buffer | string>({ type: 'string', format: 'binary' }) } } },
});
const headers = (file: ExportFile) => ({ 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'no-store' });

export function needRoutes(service: NeedsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['needs'];
    const base = '/organisations/:orgId/needs';

    app.get(
      base,
      { schema: { operationId: 'listNeeds', tags, params: OrgParams, querystring: NeedListQuery, response: { 200: NeedPage } } },
      (request) => service.listNeeds(request.actor, request.params.orgId, request.query),
    );
    app.post(
      base,
      { schema: { operationId: 'createNeed', tags, params: OrgParams, body: CreateNeedBody, response: { 201: NeedDetail } } },
      async (request, reply) => reply.code(201).send(await service.createNeed(request.actor, request.params.orgId, request.body)),
    );
    app.post(
      `${base}/from-diagnosis`,
      {
        schema: {
          operationId: 'createNeedFromDiagnosis',
          tags,
          params: OrgParams,
          body: FromDiagnosisBody,
          response: { 200: NeedDetail, 201: NeedDetail },
        },
      },
      async (request, reply) => {
        const result = await service.fromDiagnosis(request.actor, request.params.orgId, request.body);
        return reply.code(result.created ? 201 : 200).send(result.need);
      },
    );
    app.get(
      `${base}/ranked`,
      { schema: { operationId: 'listRankedNeeds', tags, params: OrgParams, querystring: RankedQuery, response: { 200: RankedNeeds } } },
      (request) => service.ranked(request.actor, request.params.orgId, request.query),
    );
    for (const format of ['csv', 'xlsx'] as const) {
      app.get(
        `${base}/ranked.${format}`,
        {
          schema: {
            operationId: format === 'csv' ? 'exportRankedNeedsCsv' : 'exportRankedNeedsXlsx',
            tags,
            params: OrgParams,
            querystring: RankedExportQuery,
            response: fileResponse(
              `The ranked needs with the score breakdown as ${format.toUpperCase()}`,
              format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            ),
          },
        },
        async (request, reply) => {
          const file = await service.exportRanked(request.actor, request.params.orgId, format, request.query, request.ip);
          return reply.type(file.contentType).headers(headers(file)).send(file.body);
        },
      );
    }
    app.get(`${base}/:id`, { schema: { operationId: 'getNeed', tags, params: NeedParams, response: { 200: NeedDetail } } }, (request) =>
      service.getNeed(request.actor, request.params.orgId, request.params.id),
    );
    app.patch(
      `${base}/:id`,
      { schema: { operationId: 'updateNeed', tags, params: NeedParams, body: UpdateNeedBody, response: { 200: NeedDetail } } },
      (request) => service.updateNeed(request.actor, request.params.orgId, request.params.id, request.body),
    );
    app.delete(
      `${base}/:id`,
      { schema: { operationId: 'deleteNeed', tags, params: NeedParams, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.deleteNeed(request.actor, request.params.orgId, request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      `${base}/:id/triage`,
      { schema: { operationId: 'triageNeed', tags, params: NeedParams, body: TriageBody, response: { 201: TriageOutcome } } },
      async (request, reply) =>
        reply.code(201).send(await service.triageNeed(request.actor, request.params.orgId, request.params.id, request.body, request.ip)),
    );
    app.get(
      `${base}/:id/triages`,
      { schema: { operationId: 'listNeedTriages', tags, params: NeedParams, response: { 200: Type.Array(TriageView) } } },
      (request) => service.needTriages(request.actor, request.params.orgId, request.params.id),
    );
    app.get(
      `${base}/:id/priority`,
      { schema: { operationId: 'getNeedPriority', tags, params: NeedParams, response: { 200: PriorityView } } },
      (request) => service.getPriority(request.actor, request.params.orgId, request.params.id),
    );
    app.put(
      `${base}/:id/priority`,
      { schema: { operationId: 'putNeedPriority', tags, params: NeedParams, body: PutPriorityBody, response: { 200: PriorityView } } },
      (request) => service.putPriority(request.actor, request.params.orgId, request.params.id, request.body, request.ip),
    );

    const questions = '/organisations/:orgId/learning-questions/:id';
    app.post(
      `${questions}/triage`,
      { schema: { operationId: 'triageLearningQuestion', tags, params: NeedParams, body: TriageBody, response: { 201: TriageOutcome } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.triageQuestion(request.actor, request.params.orgId, request.params.id, request.body, request.ip)),
    );
    app.get(
      `${questions}/triages`,
      { schema: { operationId: 'listLearningQuestionTriages', tags, params: NeedParams, response: { 200: Type.Array(TriageView) } } },
      (request) => service.questionTriages(request.actor, request.params.orgId, request.params.id),
    );

    const weights = '/organisations/:orgId/priority-weights';
    app.get(
      weights,
      { schema: { operationId: 'getPriorityWeights', tags, params: OrgParams, response: { 200: WeightsView } } },
      (request) => service.getWeights(request.actor, request.params.orgId),
    );
    app.put(
      weights,
      { schema: { operationId: 'putPriorityWeights', tags, params: OrgParams, body: WeightsBody, response: { 200: WeightsView } } },
      (request) => service.putWeights(request.actor, request.params.orgId, request.body.weights, request.ip),
    );
  };
}
