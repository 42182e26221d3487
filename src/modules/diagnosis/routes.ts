import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  DiagnosisOrgParams,
  Disagreements,
  DisagreementsQuery,
  Heatmap,
  HeatmapExportQuery,
  HeatmapQuery,
  PersonDiagnosis,
  PersonDiagnosisParams,
  Prognosis,
  PrognosisExportQuery,
  PrognosisQuery,
  ReportQuery,
  TopNeeds,
  TopNeedsExportQuery,
  TopNeedsQuery,
} from './schemas.js';
import type { DiagnosisService, ExportFile } from './service.js';

const fileResponse = (description: string, types: string[]) => ({
  200: {
    description,
    content: Object.fromEntries(
      types.map((type) => [type, { schema: Type.Unsafe<Buffer | string>({ type: 'string', format: 'binary' }) }]),
    ),
  },
});
const tableTypes = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

export function diagnosisRoutes(service: DiagnosisService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['diagnosis'];
    const base = '/organisations/:orgId/diagnosis';
    const headers = (file: ExportFile) => ({
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
    });

    app.get(
      `${base}/heatmap`,
      {
        schema: {
          operationId: 'getDiagnosisHeatmap',
          tags,
          params: DiagnosisOrgParams,
          querystring: HeatmapQuery,
          response: { 200: Heatmap },
        },
      },
      (request) => service.heatmap(request.actor, request.params.orgId, request.query),
    );
    app.get(
      `${base}/top-needs`,
      {
        schema: {
          operationId: 'getDiagnosisTopNeeds',
          tags,
          params: DiagnosisOrgParams,
          querystring: TopNeedsQuery,
          response: { 200: TopNeeds },
        },
      },
      (request) => service.topNeeds(request.actor, request.params.orgId, request.query),
    );
    app.get(
      `${base}/disagreements`,
      {
        schema: {
          operationId: 'getDiagnosisDisagreements',
          tags,
          params: DiagnosisOrgParams,
          querystring: DisagreementsQuery,
          response: { 200: Disagreements },
        },
      },
      (request) => service.disagreements(request.actor, request.params.orgId, request.query),
    );
    app.get(
      `${base}/prognosis`,
      {
        schema: {
          operationId: 'getDiagnosisPrognosis',
          tags,
          params: DiagnosisOrgParams,
          querystring: PrognosisQuery,
          response: { 200: Prognosis },
        },
      },
      (request) => service.prognosis(request.actor, request.params.orgId, request.query),
    );
    app.get(
      '/organisations/:orgId/people/:personId/diagnosis',
      { schema: { operationId: 'getPersonDiagnosis', tags, params: PersonDiagnosisParams, response: { 200: PersonDiagnosis } } },
      (request) => service.personDiagnosis(request.actor, request.params.orgId, request.params.personId, request.ip),
    );
    app.get(
      '/organisations/:orgId/me/diagnosis',
      { schema: { operationId: 'getMyDiagnosis', tags, params: DiagnosisOrgParams, response: { 200: PersonDiagnosis } } },
      (request) => service.myDiagnosis(request.actor, request.params.orgId),
    );

    app.get(
      `${base}/heatmap/export`,
      {
        schema: {
          operationId: 'exportDiagnosisHeatmap',
          tags,
          params: DiagnosisOrgParams,
          querystring: HeatmapExportQuery,
          response: fileResponse('The heat map as CSV or XLSX', tableTypes),
        },
      },
      async (request, reply) => {
        const file = await service.exportHeatmap(request.actor, request.params.orgId, request.query, request.ip);
        return reply.type(file.contentType).headers(headers(file)).send(file.body);
      },
    );
    app.get(
      `${base}/top-needs/export`,
      {
        schema: {
          operationId: 'exportDiagnosisTopNeeds',
          tags,
          params: DiagnosisOrgParams,
          querystring: TopNeedsExportQuery,
          response: fileResponse('The top needs as CSV or XLSX', tableTypes),
        },
      },
      async (request, reply) => {
        const file = await service.exportTopNeeds(request.actor, request.params.orgId, request.query, request.ip);
        return reply.type(file.contentType).headers(headers(file)).send(file.body);
      },
    );
    app.get(
      `${base}/prognosis/export`,
      {
        schema: {
          operationId: 'exportDiagnosisPrognosis',
          tags,
          params: DiagnosisOrgParams,
          querystring: PrognosisExportQuery,
          response: fileResponse('The prognosis as CSV or XLSX', tableTypes),
        },
      },
      async (request, reply) => {
        const file = await service.exportPrognosis(request.actor, request.params.orgId, request.query, request.ip);
        return reply.type(file.contentType).headers(headers(file)).send(file.body);
      },
    );
    app.get(
      `${base}/report.pdf`,
      {
        schema: {
          operationId: 'getDiagnosisReportPdf',
          tags,
          params: DiagnosisOrgParams,
          querystring: ReportQuery,
          response: fileResponse('The printable diagnosis report', ['application/pdf']),
        },
      },
      async (request, reply) => {
        const file = await service.report(request.actor, request.params.orgId, request.query, request.ip);
        return reply.type(file.contentType).headers(headers(file)).send(file.body);
      },
    );
  };
}
