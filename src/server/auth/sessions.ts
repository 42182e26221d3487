import { and, eq, gt, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db, Executor } from '../../db/client.js';
import { memberships, organisations, sessions, users } from '../../db/schema/index.js';
import { AppError } from '../errors.js';
import { requireActor, type Actor } from '../tenancy.js';
import { hashToken, randomToken } from './tokens.js';

export const SESSION_COOKIE = 'lk_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. Set for every request by the session plugin. */
    actor: Actor | null;
    session: { tokenHash: string; csrfToken: string } | null;
  }
  interface FastifyContextConfig {
    /**
     * The route never uses the session cookie (the survey answered from a personal link): no actor,
     * no CSRF check, so a signed-in user's cookie changes nothing there.
     */
    sessionless?: boolean;
  }
}

export async function loadActor(db: Executor, userId: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabled) return null;
  const rows = await db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    memberships: rows,
    isPlatformAdmin: rows.some((m) => m.role === 'platform_admin'),
  };
}

/**
 * Creates a new session (a fresh token every login, so a planted session id is useless). A session
 * that replaces the caller's own (after a password change) may keep its CSRF token: the token only
 * works together with the new cookie, which nobody else has.
 */
export async function createSession(tx: Executor, userId: string, hours: number, keepCsrfToken?: string) {
  const token = randomToken();
  const csrfToken = keepCsrfToken ?? randomToken();
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  await tx.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
  // Expired sessions are cleaned up here rather than by a timer: logins are frequent enough.
  await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { token, csrfToken, expiresAt };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves the session cookie to an actor for every request, and enforces CSRF on mutations made
 * with that cookie: the client must echo the session's CSRF token in a header, which a cross-site
 * form or image cannot do.
 */
export const sessionPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  // onRequest, so the actor is known before validation and the organisation check below.
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.sessionless) return;
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token || token.length > 200) return;
    const tokenHash = hashToken(token);
    const [row] = await opts.db
      .select({ userId: sessions.userId, csrfToken: sessions.csrfToken })
      .from(sessions)
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())));
    if (!row) return;
    const actor = await loadActor(opts.db, row.userId);
    if (!actor) return;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== row.csrfToken) {
        throw new AppError('auth.csrf', {
          status: 403,
          detail: `Missing or wrong ${CSRF_HEADER} header. Get the token from GET /api/auth/session.`,
          errors: [{ path: `/headers/${CSRF_HEADER}`, message: 'is missing or does not match the session' }],
        });
      }
    }
    request.actor = actor;
    request.session = { tokenHash, csrfToken: row.csrfToken };
  });

  // Defence in depth for every route with an :orgId parameter: callers who are not members of
  // that organisation get 401/404 before their input is even validated, so a foreign caller
  // learns nothing (not even which fields a route expects). Services still check permissions.
  app.addHook('preValidation', async (request) => {
    if (!request.routeOptions.url?.includes(':orgId')) return;
    const orgId = (request.params as Record<string, string> | undefined)?.orgId;
    const actor = requireActor(request.actor);
    const notFound = () =>
      new AppError('tenancy.not_found', { status: 404, detail: 'The organisation does not exist or you are not a member.' });
    if (actor.isPlatformAdmin) {
      // Platform administrators pass every membership check, so the organisation itself must exist:
      // otherwise their writes to it fail on a foreign key (a 500) instead of a 404. A malformed id
      // is left to the schema (400 naming /params/orgId).
      if (!orgId || !UUID.test(orgId)) return;
      const [org] = await opts.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, orgId));
      if (!org) throw notFound();
      return;
    }
    if (!orgId || !actor.memberships.some((m) => m.organisationId === orgId)) throw notFound();
  });
});
