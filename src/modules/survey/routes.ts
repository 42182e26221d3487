import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AnswerBody,
  AnswerParams,
  LearningWishBody,
  LocaleBody,
  SavedAnswer,
  SURVEY_TOKEN_HEADER,
  SurveyHeaders,
  SurveyView,
  VisibilityBody,
} from './schemas.js';
import type { SurveyService } from './service.js';

/**
 * The survey answered from a personal link. No account and no session: the routes ignore the
 * session cookie (`sessionless`, see src/server/auth/sessions.ts), so a signed-in HR user who opens
 * a link acts as the link's holder, not as themselves. CSRF needs no token here: a cross-site form
 * cannot set the `x-survey-token` header.
 */
export function surveyRoutes(service: SurveyService, options: { perMinute: number }): FastifyPluginAsyncTypebox {
  return async (app) => {
    // One budget per IP address for all survey routes together. A workshop answering over one
    // wifi shares an address, so the limit is generous; it stops floods, not people.
    app.addHook('onRequest', app.rateLimit({ max: options.perMinute, timeWindow: '1 minute' }));

    const tags = ['survey'];
    const config = { sessionless: true };
    const security = [{ surveyToken: [] }];
    const token = (headers: Record<string, unknown>) => headers[SURVEY_TOKEN_HEADER] as string | undefined;

    app.get(
      '/survey',
      { config, schema: { operationId: 'getSurvey', tags, security, headers: SurveyHeaders, response: { 200: SurveyView } } },
      (request) => service.getSurvey(token(request.headers)),
    );

    app.put(
      '/survey/answers/:competenceId',
      {
        config,
        schema: {
          operationId: 'saveSurveyAnswer',
          tags,
          security,
          headers: SurveyHeaders,
          params: AnswerParams,
          body: AnswerBody,
          response: { 200: SavedAnswer },
        },
      },
      (request) => service.saveAnswer(token(request.headers), request.params.competenceId, request.body),
    );

    app.put(
      '/survey/learning-wish',
      {
        config,
        schema: {
          operationId: 'saveSurveyLearningWish',
          tags,
          security,
          headers: SurveyHeaders,
          body: LearningWishBody,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await service.saveLearningWish(token(request.headers), request.body.text);
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/survey/visibility',
      {
        config,
        schema: {
          operationId: 'setSurveyVisibility',
          tags,
          security,
          headers: SurveyHeaders,
          body: VisibilityBody,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await service.setVisibility(token(request.headers), request.body.visibility);
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/survey/locale',
      {
        config,
        schema: {
          operationId: 'setSurveyLocale',
          tags,
          security,
          headers: SurveyHeaders,
          body: LocaleBody,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await service.setLocale(token(request.headers), request.body.locale);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/survey/submit',
      { config, schema: { operationId: 'submitSurvey', tags, security, headers: SurveyHeaders, response: { 200: SurveyView } } },
      (request) => service.submit(token(request.headers), request.ip),
    );
  };
}
