/**
 * What the OpenAPI document adds to each route's own schema: the error answers. Every error of the
 * API is a problem+json body (src/server/errors.ts), so every operation documents one 4XX and one
 * 5XX answer of that shape. Only the document changes; replies are serialised as before.
 */
import type { FastifySchema } from 'fastify';

const problemContent = { 'application/problem+json': { schema: { $ref: 'Problem#' } } };

export const ERROR_RESPONSES = {
  '4XX': {
    description:
      'The request cannot be served as sent (problem+json, see docs/api.md): 400 validation (errors[] names each field), ' +
      '401 not signed in, 403 not allowed, 404 not found or not yours, 409/410/422 not in this state, ' +
      '413 body too large, 414 address too long, 415 not JSON, 429 too many requests.',
    content: problemContent,
  },
  '5XX': {
    description: 'Not the request’s fault (problem+json): 500 logged internal error, 503 database unreachable, 507 disk full.',
    content: problemContent,
  },
} as const;

/** @fastify/swagger's `transform`: the route's schema with the error answers added. */
export function withErrorResponses({ schema, url }: { schema: FastifySchema; url: string }): { schema: FastifySchema; url: string } {
  if (!schema || schema.hide) return { schema, url };
  const response = (schema.response ?? {}) as Record<string, unknown>;
  return { schema: { ...schema, response: { ...response, ...ERROR_RESPONSES } }, url };
}
