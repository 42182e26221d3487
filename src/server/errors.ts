import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode, FieldError, Problem } from '../shared/errors.js';

/** The one error family of the app. Services throw these; the handler below maps them. */
export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly errors?: FieldError[];
  constructor(code: ErrorCode, options: { status: number; detail: string; errors?: FieldError[] }) {
    super(options.detail);
    this.code = code;
    this.status = options.status;
    this.errors = options.errors;
  }
}

export const notFound = (what = 'resource') =>
  new AppError('resource.not_found', { status: 404, detail: `The ${what} does not exist or is not visible to you.` });

export const badRequest = (path: string, message: string, code: ErrorCode = 'validation.failed') =>
  new AppError(code, { status: 400, detail: message, errors: [{ path, message }] });

export const conflict = (detail: string, path?: string) =>
  new AppError('resource.conflict', { status: 409, detail, errors: path ? [{ path, message: detail }] : undefined });

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  507: 'Insufficient Storage',
};

interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Ajv issue → `{path, message}`, naming the field (also for missing and unknown properties). */
function toFieldError(context: string, issue: ValidationIssue): FieldError {
  let pointer = issue.instancePath;
  if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
    pointer += `/${issue.params.missingProperty}`;
  } else if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') {
    pointer += `/${issue.params.additionalProperty}`;
    return { path: `/${context}${pointer}`, message: 'is not an allowed field' };
  }
  return { path: `/${context}${pointer}`, message: issue.message ?? 'is invalid' };
}

/** The error and its causes: drizzle wraps driver errors in DrizzleQueryError (`cause`). */
function causeChain(error: unknown): Array<{ code?: unknown; message?: unknown }> {
  const chain: Array<{ code?: unknown; message?: unknown }> = [];
  for (let e = error; e && typeof e === 'object' && chain.length < 5; e = (e as { cause?: unknown }).cause) {
    chain.push(e as { code?: unknown; message?: unknown });
  }
  return chain;
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down, in recovery)
  '57P01',
  '57P02',
  '57P03',
  // connection_exception family
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);
/** node-postgres reports a lost or refused connection by message only. */
const unavailableMessages = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * Connection-level database failures (server down, restarting, unreachable): 503, the client may
 * retry. Looks through drizzle's wrapper to the driver error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causeChain(error).some(
    (e) =>
      (typeof e.code === 'string' && unavailableCodes.has(e.code)) ||
      (typeof e.message === 'string' && unavailableMessages.test(e.message)),
  );
}

/** The database's disk is full (SQLSTATE 53100 disk_full): 507, nothing was written. */
export function isDiskFull(error: unknown): boolean {
  return causeChain(error).some((e) => e.code === '53100' || e.code === 'ENOSPC');
}

function problem(status: number, code: ErrorCode, detail: string, errors?: FieldError[]): Problem {
  return {
    type: `https://leerkompas.be/problems/${code.replace(/\./g, '/')}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors?.length ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  body.requestId = String(reply.request.id);
  return reply.code(body.status).type('application/problem+json').send(body);
}

/**
 * Every number a handler receives is finite. Ajv coerces the strings "Infinity" and "1e999" to
 * Infinity and then skips `minimum`/`maximum` (it only compares finite numbers), so
 * `?limit=1e999` passed validation and reached the database as LIMIT Infinity (a 500). Runs as a
 * preHandler hook, after validation and before every handler; reports like a validation error.
 */
export async function rejectNonFiniteNumbers(request: FastifyRequest): Promise<void> {
  const errors: FieldError[] = [];
  const walk = (value: unknown, path: string, depth: number): void => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) errors.push({ path, message: 'must be a finite number' });
      return;
    }
    if (value === null || typeof value !== 'object' || depth > 32 || Buffer.isBuffer(value)) return;
    for (const [key, item] of Object.entries(value)) walk(item, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1);
  };
  walk(request.params, '/params', 0);
  walk(request.query, '/querystring', 0);
  walk(request.body, '/body', 0);
  if (errors.length) {
    throw new AppError('validation.failed', {
      status: 400,
      detail: `The request is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      errors,
    });
  }
}

/**
 * Errors the router raises before any route or error handler runs (Fastify's `frameworkErrors`):
 * an address that does not decode (`%zz`, a lone surrogate as `%ED%A0%80`) or a path segment longer
 * than the router allows. Without this Fastify answers them with its own plain JSON.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(
      reply,
      problem(414, 'validation.failed', 'A part of the address is too long.', [
        { path: '/url', message: 'has a path segment that is too long' },
      ]),
    );
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProblem(
      reply,
      problem(400, 'validation.failed', 'The address is not valid: it has a broken %-escape.', [
        { path: '/url', message: 'is not a valid URL' },
      ]),
    );
  }
  request.log.error({ err: error }, 'router error');
  return sendProblem(reply, problem(500, 'server.internal', 'Something went wrong on our side. It has been logged.'));
}

/** Maps every error of the app to problem+json; 5xx bodies say nothing about internals. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { validationContext?: string }, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, problem(error.status, error.code, error.message, error.errors));
    }
    if (error.validation) {
      const context = error.validationContext ?? 'body';
      const errors = (error.validation as ValidationIssue[]).map((issue) => toFieldError(context, issue));
      return sendProblem(
        reply,
        problem(
          400,
          'validation.failed',
          `The request ${context} is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
          errors,
        ),
      );
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(
          reply,
          problem(400, 'request.malformed_json', 'The request body is not valid JSON.', [{ path: '/body', message: error.message }]),
        );
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(
          reply,
          problem(413, 'request.too_large', 'The request body is too large.', [{ path: '/body', message: 'is too large' }]),
        );
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(
          reply,
          problem(415, 'request.unsupported_media_type', 'Send JSON (application/json).', [
            { path: '/headers/content-type', message: 'is not supported' },
          ]),
        );
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(
          reply,
          problem(400, 'validation.failed', 'The Content-Length header does not match the body.', [
            { path: '/headers/content-length', message: 'does not match the body' },
          ]),
        );
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', '5');
      return sendProblem(reply, problem(503, 'database.unavailable', 'The database is not reachable right now. Try again shortly.'));
    }
    if (isDiskFull(error)) {
      request.log.error({ err: error }, 'database disk full');
      return sendProblem(
        reply,
        problem(
          507,
          'database.disk_full',
          'The database has no disk space left, so nothing was saved. Reading still works; ask the administrator to free space.',
        ),
      );
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 429) {
      return sendProblem(reply, problem(429, 'auth.rate_limited', 'Too many attempts. Wait a minute and try again.'));
    }
    if (status < 500) {
      return sendProblem(reply, problem(status, 'validation.failed', error.message, [{ path: '/', message: error.message }]));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problem(500, 'server.internal', 'Something went wrong on our side. It has been logged.'));
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'resource.not_found', `No route ${request.method} ${request.url.split('?')[0]}.`)),
  );
}
