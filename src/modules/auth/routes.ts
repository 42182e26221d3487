import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clearSessionCookie, setSessionCookie } from '../../server/auth/sessions.js';
import { requireActor } from '../../server/tenancy.js';
import { LocaleBody, LoginBody, PasswordChangeBody, SessionView } from './schemas.js';
import type { AuthService } from './service.js';

export function authRoutes(service: AuthService, options: { loginPerMinute: number }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        schema: { operationId: 'logIn', tags: ['auth'], body: LoginBody, response: { 200: SessionView } },
        // Per IP: slows password guessing; a 429 is answered before the password is checked.
        config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const session = await service.logIn({ ...request.body, ip: request.ip });
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return session.view;
      },
    );

    app.post(
      '/auth/logout',
      { schema: { operationId: 'logOut', tags: ['auth'], response: { 204: Type.Null() } } },
      async (request, reply) => {
        const actor = requireActor(request.actor);
        await service.logOut({ actor, tokenHash: request.session!.tokenHash, ip: request.ip });
        clearSessionCookie(request, reply);
        return reply.code(204).send(null);
      },
    );

    app.get('/auth/session', { schema: { operationId: 'getSession', tags: ['auth'], response: { 200: SessionView } } }, async (request) =>
      service.describeSession(requireActor(request.actor), request.session!.csrfToken),
    );

    app.post(
      '/auth/password',
      { schema: { operationId: 'changePassword', tags: ['auth'], body: PasswordChangeBody, response: { 204: Type.Null() } } },
      async (request, reply) => {
        const actor = requireActor(request.actor);
        const session = await service.changePassword({ actor, csrfToken: request.session!.csrfToken, ...request.body, ip: request.ip });
        // A new session id after the credentials change; the old cookie is dead server-side.
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/auth/locale',
      { schema: { operationId: 'setLocale', tags: ['auth'], body: LocaleBody, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await service.setLocale({ actor: requireActor(request.actor), locale: request.body.locale });
        return reply.code(204).send(null);
      },
    );
  };
}
