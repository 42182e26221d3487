import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';

describe.each(databaseKinds)('platform basics on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t?.close());

  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: kind, version: 'test' });
  });

  it('serves an OpenAPI 3 document listing the routes', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/auth/login');
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('answers malformed JSON, unknown fields and wrong types with problem+json naming the field', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(malformed.json().code).toBe('request.malformed_json');

    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.be', password: 'x', admin: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual({ path: '/body/admin', message: 'is not an allowed field' });

    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 42, password: 'x'.repeat(500) } });
    expect(wrong.statusCode).toBe(400);
    const paths = wrong.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/body/email', '/body/password']));
  });

  it('rejects oversize bodies with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.be', password: 'x'.repeat(2_000_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('request.too_large');
  });

  it('logs in, requires CSRF on mutations, changes the password and logs out', async () => {
    const org = await buildOrganisation(t.db.database);
    const user = await buildUser(t.db.database, { organisationId: org.id, role: 'hr' });
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'wrong-password' } });
    expect(bad.statusCode).toBe(401);

    const session = await logIn(t.app, user.email, TEST_PASSWORD);
    const cookieHeader = [
      (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } })).headers[
        'set-cookie'
      ],
    ]
      .flat()
      .join(';');
    expect(cookieHeader).toMatch(/HttpOnly/i);
    expect(cookieHeader).toMatch(/SameSite=Lax/i);

    const me = await session.request('GET', '/api/auth/session');
    expect(me.json().memberships).toEqual([expect.objectContaining({ organisationId: org.id, role: 'hr' })]);

    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: session.cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'another-long-password' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('auth.csrf');

    const changed = await session.request('POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'another-long-password',
    });
    expect(changed.statusCode).toBe(204);
    const oldPassword = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(oldPassword.statusCode).toBe(401);

    // The change replaced the session: its answer carries the new cookie (security.test.ts).
    const renewed = [changed.headers['set-cookie']]
      .flat()
      .find((c) => c?.startsWith('lk_session='))!
      .split(';')[0];
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: renewed, 'x-csrf-token': session.csrf },
    });
    expect(logout.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: renewed } })).statusCode).toBe(401);

    const audit = await t.db.database.query<{ event: string }>('select event from audit_log where actor_user_id = $1 order by at', [
      user.id,
    ]);
    expect(audit.map((a) => a.event)).toEqual(expect.arrayContaining(['login_failed', 'login', 'password_changed', 'logout']));
  });
});

describe('login protection', () => {
  it('rate-limits login attempts per IP with a 429 problem', async () => {
    const t = await createTestApp('pglite', { LEERKOMPAS_LOGIN_LIMIT: '3' });
    try {
      const attempt = () =>
        t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.org', password: 'guess-guess' } });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(limited.json().code).toBe('auth.rate_limited');
    } finally {
      await t.close();
    }
  });

  it('marks the session cookie Secure behind an HTTPS proxy and issues a new token on every login', async () => {
    const t = await createTestApp('pglite', { LEERKOMPAS_TRUST_PROXY: 'true' });
    try {
      const org = await buildOrganisation(t.db.database);
      const user = await buildUser(t.db.database, { organisationId: org.id, role: 'employee' });
      const login = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-proto': 'https' },
          payload: { email: user.email, password: TEST_PASSWORD },
        });
      const first = [(await login()).headers['set-cookie']].flat().join(';');
      const second = [(await login()).headers['set-cookie']].flat().join(';');
      expect(first).toMatch(/Secure/);
      // A fixed (planted) session id is useless: each login gets a fresh token.
      expect(first.match(/lk_session=([^;]+)/)![1]).not.toBe(second.match(/lk_session=([^;]+)/)![1]);
    } finally {
      await t.close();
    }
  });
});
