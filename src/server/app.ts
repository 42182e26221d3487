import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Database } from '../db/client.js';
import type { Config } from './config.js';
import { withErrorResponses } from './openapi.js';
import { securityHeaders } from './security-headers.js';
import { handleFrameworkError, installErrorHandler, rejectNonFiniteNumbers, sendProblem } from './errors.js';
import { sessionPlugin } from './auth/sessions.js';
import { ProblemSchema } from '../shared/schemas.js';
import { createAuthModule } from '../modules/auth/index.js';
import { createSystemModule } from '../modules/system/index.js';
import { createOrganisationsModule } from '../modules/organisations/index.js';
import { createJobsModule } from '../modules/jobs/index.js';
import { createFrameworksModule } from '../modules/frameworks/index.js';
import { createFunctionProfilesModule } from '../modules/function-profiles/index.js';
import { createFrameworkExchangeModule } from '../modules/framework-exchange/index.js';
import { createOrganisationIssuesModule } from '../modules/organisation-issues/index.js';
import { createLearningQuestionsModule } from '../modules/learning-questions/index.js';
import { createStarrModule } from '../modules/starr/index.js';
import { createTeamAssessmentModule } from '../modules/team-assessment/index.js';
import { createCampaignsModule } from '../modules/campaigns/index.js';
import { createDiagnosisModule } from '../modules/diagnosis/index.js';
import { createNeedsModule } from '../modules/needs/index.js';
import { createSurveyModule } from '../modules/survey/index.js';
import { createTrainingPlansModule } from '../modules/training-plans/index.js';
import { createOffersModule } from '../modules/offers/index.js';
import { createEnrolmentModule } from '../modules/enrolment/index.js';
import { createMatchingModule } from '../modules/matching/index.js';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Version string reported by /api/health. */
  version: string;
  /** Directory with the built web app; omitted in API-only tests. */
  webDir?: string;
}

export const defaultWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Builds the whole app; never listens (main.ts and tests do that). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.http.trustProxy,
    bodyLimit: config.http.bodyLimit,
    // Every schema error is reported, unknown fields are rejected instead of silently dropped,
    // and no type coercion of bodies beyond query strings.
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    genReqId: () => crypto.randomUUID(),
    // Undecodable addresses and over-long path segments: problem+json like every other error.
    frameworkErrors: handleFrameworkError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // 1. Security and infrastructure.
  installErrorHandler(app);
  app.addHook('preHandler', rejectNonFiniteNumbers);
  app.addSchema(ProblemSchema);
  // Helmet's defaults plus a strict Content-Security-Policy: scripts and styles only from our own
  // origin, no inline code or style attributes (React's style props and ECharts write styles
  // through the CSSOM, which CSP allows), no framing. The browser tests fail on any violation
  // (test/e2e/support.ts). Only Swagger UI at /api/docs has its own policy (below).
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // The app also runs over plain HTTP on a local network; HTTPS is the proxy's job.
        upgradeInsecureRequests: null,
      },
    },
    xFrameOptions: { action: 'deny' },
    // HSTS only on requests that arrived over HTTPS (below): over plain HTTP it means nothing.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    done();
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Leerkompas API', version: deps.version, description: 'Training needs, plans and offers for Flemish organisations.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lk_session' },
          surveyToken: { type: 'apiKey', in: 'header', name: 'x-survey-token' },
        },
      },
    },
    transform: withErrorResponses,
    // Shared schemas keep their $id as their name in the document (components.schemas.Problem).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI's bundle adds <style> elements at run time, so its pages (and only these: the
    // hook is scoped to the plugin) allow inline styles. Scripts stay 'self'; no validator badge
    // (it would send the document's address to validator.swagger.io).
    staticCSP: {
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'connect-src': ["'self'"],
      'font-src': ["'self'", 'data:'],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'img-src': ["'self'", 'data:'],
      'object-src': ["'none'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
    },
    uiConfig: { validatorUrl: null },
  });

  // 2. Authentication.
  await app.register(sessionPlugin, { db: database.db });

  // 3. Feature modules, all under /api. Needs reads through the diagnosis and learning-question services.
  const diagnosis = createDiagnosisModule({ db: database.db });
  const learningQuestions = createLearningQuestionsModule({ db: database.db });
  const modules = [
    createSystemModule({ database, version: deps.version }),
    createAuthModule({ db: database.db, sessionHours: config.auth.sessionHours, loginPerMinute: config.auth.loginPerMinute }),
    createOrganisationsModule({ db: database.db }),
    createJobsModule({ db: database.db }),
    createFrameworksModule({ db: database.db }),
    createFunctionProfilesModule({ db: database.db }),
    createFrameworkExchangeModule({ db: database.db }),
    createOrganisationIssuesModule({ db: database.db }),
    learningQuestions,
    createStarrModule({ db: database.db }),
    createTeamAssessmentModule({ db: database.db }),
    createCampaignsModule({ db: database.db, publicUrl: config.http.publicUrl }),
    diagnosis,
    createNeedsModule({ db: database.db, diagnosis: diagnosis.service, questions: learningQuestions.service }),
    createSurveyModule({ db: database.db, perMinute: config.auth.surveyPerMinute }),
    createTrainingPlansModule({ db: database.db }),
    createOffersModule({ db: database.db }),
    createEnrolmentModule({ db: database.db }),
    createMatchingModule({ db: database.db }),
  ];
  await app.register(
    async (api) => {
      for (const module of modules) await api.register(module.routes);
    },
    { prefix: '/api' },
  );

  // 4. The web app: static files, and index.html for client-side routes.
  const webDir = deps.webDir;
  if (webDir && fs.existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
    const indexHtml = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
    // A catch-all GET route (errors.ts owns the not-found handler): index.html for client routes.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) {
        return sendProblem(reply, {
          type: 'https://leerkompas.be/problems/resource/not_found',
          title: 'Not Found',
          status: 404,
          detail: `No route ${request.method} ${request.url.split('?')[0]}.`,
          code: 'resource.not_found',
        });
      }
      return reply.type('text/html').send(indexHtml);
    });
  }

  return app;
}
