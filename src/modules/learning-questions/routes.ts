import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OrgParams } from '../../shared/schemas.js';
import {
  CreateQuestionBody,
  DecisionBody,
  MyQuestionView,
  MyQuestionsQuery,
  QuestionListQuery,
  QuestionPage,
  QuestionParams,
  QuestionView,
  ReplaceQuestionCompetencesBody,
} from './schemas.js';
import type { LearningQuestionsService } from './service.js';

export function learningQuestionRoutes(service: LearningQuestionsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['learning-questions'];
    // The signed-in person's own questions (leerportaal).
    app.get(
      '/me/learning-questions',
      {
        schema: {
          operationId: 'listMyLearningQuestions',
          tags,
          querystring: MyQuestionsQuery,
          response: { 200: Type.Array(MyQuestionView) },
        },
      },
      (request) => service.listMine(request.actor, request.query),
    );
    const base = '/organisations/:orgId/learning-questions';
    app.get(
      base,
      {
        schema: {
          operationId: 'listLearningQuestions',
          tags,
          params: OrgParams,
          querystring: QuestionListQuery,
          response: { 200: QuestionPage },
        },
      },
      (request) => service.listQuestions(request.actor, request.params.orgId, request.query),
    );
    app.post(
      base,
      {
        schema: {
          operationId: 'createLearningQuestion',
          tags,
          params: OrgParams,
          body: CreateQuestionBody,
          response: { 201: QuestionView },
        },
      },
      async (request, reply) => reply.code(201).send(await service.createQuestion(request.actor, request.params.orgId, request.body)),
    );
    app.get(
      `${base}/:id`,
      { schema: { operationId: 'getLearningQuestion', tags, params: QuestionParams, response: { 200: QuestionView } } },
      (request) => service.getQuestion(request.actor, request.params.orgId, request.params.id),
    );
    app.post(
      `${base}/:id/suggest`,
      { schema: { operationId: 'suggestLearningQuestionCompetences', tags, params: QuestionParams, response: { 200: QuestionView } } },
      (request) => service.suggestAgain(request.actor, request.params.orgId, request.params.id),
    );
    app.put(
      `${base}/:id/competences`,
      {
        schema: {
          operationId: 'replaceLearningQuestionCompetences',
          tags,
          params: QuestionParams,
          body: ReplaceQuestionCompetencesBody,
          response: { 200: QuestionView },
        },
      },
      (request) => service.replaceCompetences(request.actor, request.params.orgId, request.params.id, request.body),
    );
    app.post(
      `${base}/:id/decision`,
      {
        schema: {
          operationId: 'decideLearningQuestion',
          tags,
          params: QuestionParams,
          body: DecisionBody,
          response: { 200: QuestionView },
        },
      },
      (request) => service.decide(request.actor, request.params.orgId, request.params.id, request.body),
    );
  };
}
