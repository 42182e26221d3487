import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OrgParams } from '../../shared/schemas.js';
import {
  ActionBody,
  ActionParams,
  ActionPatch,
  ActionStatusBody,
  ActionView,
  BudgetView,
  CreatePlanBody,
  EvaluationBody,
  ExportQuery,
  FollowUpView,
  FundingHints,
  FundingInstrumentView,
  FundingLineParams,
  FundingStatusBody,
  NeedOption,
  ParticipantParams,
  ParticipantView,
  ParticipationBody,
  PeopleQuery,
  PersonOption,
  PlanDetail,
  PlanParams,
  PlanSnapshot,
  PlanSummary,
  PlanVersionSummary,
  ReassessBody,
  ReassessResult,
  UpdatePlanBody,
  VersionParams,
} from './schemas.js';
import type { TrainingPlansService } from './service.js';

const fileResponse = (description: string, type: string) => ({
  200: { description, content: { [type]: { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } } },
});

export function trainingPlanRoutes(service: TrainingPlansService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['training-plans'];
    const plans = '/organisations/:orgId/plans';
    const plan = `${plans}/:planId`;
    const action = `${plan}/actions/:actionId`;

    app.get(
      plans,
      { schema: { operationId: 'listPlans', tags, params: OrgParams, response: { 200: Type.Array(PlanSummary) } } },
      (request) => service.listPlans(request.actor, request.params.orgId),
    );
    app.post(
      plans,
      { schema: { operationId: 'createPlan', tags, params: OrgParams, body: CreatePlanBody, response: { 201: PlanDetail } } },
      async (request, reply) =>
        reply.code(201).send(await service.createPlan(request.actor, request.params.orgId, request.body, request.ip)),
    );
    app.get(plan, { schema: { operationId: 'getPlan', tags, params: PlanParams, response: { 200: PlanDetail } } }, (request) =>
      service.getPlan(request.actor, request.params.orgId, request.params.planId),
    );
    app.patch(
      plan,
      { schema: { operationId: 'updatePlan', tags, params: PlanParams, body: UpdatePlanBody, response: { 200: PlanDetail } } },
      (request) => service.updatePlan(request.actor, request.params.orgId, request.params.planId, request.body),
    );
    app.post(
      `${plan}/approve`,
      { schema: { operationId: 'approvePlan', tags, params: PlanParams, response: { 200: PlanDetail } } },
      (request) => service.approvePlan(request.actor, request.params.orgId, request.params.planId, request.ip),
    );
    app.post(
      `${plan}/close`,
      { schema: { operationId: 'closePlan', tags, params: PlanParams, response: { 200: PlanDetail } } },
      (request) => service.closePlan(request.actor, request.params.orgId, request.params.planId, request.ip),
    );
    app.post(
      `${plan}/new-version`,
      { schema: { operationId: 'startNewPlanVersion', tags, params: PlanParams, response: { 200: PlanDetail } } },
      (request) => service.startNewVersion(request.actor, request.params.orgId, request.params.planId, request.ip),
    );
    app.get(
      `${plan}/versions`,
      { schema: { operationId: 'listPlanVersions', tags, params: PlanParams, response: { 200: Type.Array(PlanVersionSummary) } } },
      (request) => service.listVersions(request.actor, request.params.orgId, request.params.planId),
    );
    app.get(
      `${plan}/versions/:version`,
      { schema: { operationId: 'getPlanVersion', tags, params: VersionParams, response: { 200: PlanSnapshot } } },
      (request) => service.getVersion(request.actor, request.params.orgId, request.params.planId, request.params.version),
    );
    app.get(
      `${plan}/budget`,
      { schema: { operationId: 'getPlanBudget', tags, params: PlanParams, response: { 200: BudgetView } } },
      (request) => service.getBudget(request.actor, request.params.orgId, request.params.planId),
    );
    app.get(
      `${plan}/follow-up`,
      { schema: { operationId: 'getPlanFollowUp', tags, params: PlanParams, response: { 200: FollowUpView } } },
      (request) => service.followUp(request.actor, request.params.orgId, request.params.planId),
    );
    for (const format of ['pdf', 'xlsx'] as const) {
      app.get(
        `${plan}/export.${format}`,
        {
          schema: {
            operationId: format === 'pdf' ? 'exportPlanPdf' : 'exportPlanXlsx',
            tags,
            params: PlanParams,
            querystring: ExportQuery,
            response: fileResponse(
              format === 'pdf' ? 'The plan as a printable PDF (A4)' : 'The plan as XLSX: sheets Actions, Funding, Budget',
              format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            ),
          },
        },
        async (request, reply) => {
          const file = await service.exportPlan(
            request.actor,
            request.params.orgId,
            request.params.planId,
            format,
            request.query,
            request.ip,
          );
          return reply
            .type(file.contentType)
            .headers({ 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'no-store' })
            .send(file.body);
        },
      );
    }
    app.get(
      `${plan}/need-options`,
      { schema: { operationId: 'listPlanNeedOptions', tags, params: PlanParams, response: { 200: Type.Array(NeedOption) } } },
      (request) => service.needOptions(request.actor, request.params.orgId, request.params.planId),
    );
    app.get(
      `${plan}/people-options`,
      {
        schema: {
          operationId: 'listPlanPeopleOptions',
          tags,
          params: PlanParams,
          querystring: PeopleQuery,
          response: { 200: Type.Array(PersonOption) },
        },
      },
      (request) => service.peopleOptions(request.actor, request.params.orgId, request.params.planId, request.query),
    );

    app.post(
      `${plan}/actions`,
      { schema: { operationId: 'createPlanAction', tags, params: PlanParams, body: ActionBody, response: { 201: ActionView } } },
      async (request, reply) =>
        reply.code(201).send(await service.createAction(request.actor, request.params.orgId, request.params.planId, request.body)),
    );
    app.patch(
      action,
      { schema: { operationId: 'updatePlanAction', tags, params: ActionParams, body: ActionPatch, response: { 200: ActionView } } },
      (request) => service.updateAction(request.actor, request.params.orgId, request.params.planId, request.params.actionId, request.body),
    );
    app.delete(
      action,
      { schema: { operationId: 'deletePlanAction', tags, params: ActionParams, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.deleteAction(request.actor, request.params.orgId, request.params.planId, request.params.actionId);
        return reply.code(204).send(null);
      },
    );
    app.post(
      `${action}/status`,
      { schema: { operationId: 'setPlanActionStatus', tags, params: ActionParams, body: ActionStatusBody, response: { 200: ActionView } } },
      (request) =>
        service.setActionStatus(request.actor, request.params.orgId, request.params.planId, request.params.actionId, request.body.status),
    );
    app.post(
      `${action}/funding/:lineId/status`,
      {
        schema: {
          operationId: 'setFundingLineStatus',
          tags,
          params: FundingLineParams,
          body: FundingStatusBody,
          response: { 200: ActionView },
        },
      },
      (request) =>
        service.setFundingStatus(
          request.actor,
          request.params.orgId,
          request.params.planId,
          request.params.actionId,
          request.params.lineId,
          request.body.status,
          request.ip,
        ),
    );
    app.get(
      `${action}/funding-hints`,
      { schema: { operationId: 'getFundingHints', tags, params: ActionParams, response: { 200: FundingHints } } },
      (request) => service.fundingHints(request.actor, request.params.orgId, request.params.planId, request.params.actionId),
    );
    app.put(
      `${action}/participants/:personId`,
      {
        schema: {
          operationId: 'recordParticipation',
          tags,
          params: ParticipantParams,
          body: ParticipationBody,
          response: { 200: ParticipantView },
        },
      },
      (request) =>
        service.recordParticipation(
          request.actor,
          request.params.orgId,
          request.params.planId,
          request.params.actionId,
          request.params.personId,
          request.body,
        ),
    );
    app.put(
      `${action}/evaluations`,
      { schema: { operationId: 'recordEvaluation', tags, params: ActionParams, body: EvaluationBody, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.recordEvaluation(request.actor, request.params.orgId, request.params.planId, request.params.actionId, request.body);
        return reply.code(204).send(null);
      },
    );
    app.post(
      `${action}/reassess`,
      { schema: { operationId: 'reassessAfterAction', tags, params: ActionParams, body: ReassessBody, response: { 200: ReassessResult } } },
      (request) =>
        service.reassess(request.actor, request.params.orgId, request.params.planId, request.params.actionId, request.body, request.ip),
    );

    app.get(
      '/organisations/:orgId/funding-instruments',
      { schema: { operationId: 'listFundingInstruments', tags, params: OrgParams, response: { 200: Type.Array(FundingInstrumentView) } } },
      (request) => service.listInstruments(request.actor, request.params.orgId),
    );
  };
}
