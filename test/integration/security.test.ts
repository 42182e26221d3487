import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { hashToken, randomToken } from '../../src/server/auth/tokens.js';
import { databaseKinds, type DatabaseKind } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildPerson } from '../factories/people.js';
import { buildCampaign, buildInvitation } from '../factories/campaigns.js';

/**
 * Security headers, sessions, CSRF and rate limits, through the real app (src/server/app.ts,
 * src/server/auth/sessions.ts). The browser side of the Content-Security-Policy is in
 * test/e2e/security.spec.ts; every e2e spec fails on a violation.
 */

/** The app as production builds it, with a tiny built web app (index.html and one asset). */
async function serve(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestApp> {
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-security-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(
    path.join(webDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>',
  );
  fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'export {};\n');
  const served = await createTestApp(kind, env, { webDir });
  return {
    ...served,
    async close() {
      await served.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    },
  };
}

/** `directive → sources` of a Content-Security-Policy header. */
function parsePolicy(header: unknown): Map<string, string[]> {
  expect(typeof header, 'content-security-policy header').toBe('string');
  const directives = new Map<string, string[]>();
  for (const part of (header as string).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const sessionCookieOf = (response: LightMyRequestResponse): string | undefined =>
  [response.headers['set-cookie']].flat().find((c) => c?.startsWith('lk_session='));
const cookieValue = (setCookie: string) => setCookie.split(';')[0].slice('lk_session='.length);

async function expectProblem(response: LightMyRequestResponse, status: number, code: string, where = '') {
  expect(response.statusCode, `${where} ${response.body}`).toBe(status);
  expect(response.headers['content-type'], where).toContain('application/problem+json');
  expect(response.json().code, where).toBe(code);
}

/**
 * Every route the app registered, read from Fastify's route tree (hidden routes included), as
 * `METHOD /path/:param`. New routes are picked up without touching this test.
 */
function routeTable(app: FastifyInstance): Array<{ method: string; url: string }> {
  const found: Array<{ method: string; url: string }> = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )?(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match || !match[2].trim()) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack[depth] = match[2];
    for (const method of (match[3] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean))
      found.push({ method, url: stack.join('') });
  }
  return found;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe.each(databaseKinds)('security headers, sessions and CSRF on %s', (kind) => {
  let s: TestApp;
  let orgId: string;
  let email: string;

  beforeAll(async () => {
    s = await serve(kind);
    orgId = (await buildOrganisation(s.db.database)).id;
    email = (await buildUser(s.db.database, { organisationId: orgId, role: 'hr' })).email;
  });
  afterAll(() => s?.close());

  const login = (headers: Record<string, string> = {}, password = TEST_PASSWORD) =>
    s.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { email, password } });
  const sessionWith = (cookie: string) => s.app.inject({ url: '/api/auth/session', headers: { cookie } });

  it('sends a strict policy and the other security headers on pages, assets, API answers and errors', async () => {
    const answers: Record<string, LightMyRequestResponse> = {
      'index.html (client route)': await s.app.inject({ url: '/organisations' }),
      'static asset': await s.app.inject({ url: '/assets/app.js' }),
      'API answer': await s.app.inject({ url: '/api/health' }),
      'OpenAPI document': await s.app.inject({ url: '/api/openapi.json' }),
      '401': await s.app.inject({ url: '/api/auth/session' }),
      '400': await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x' } }),
      '404': await s.app.inject({ url: '/api/no-such-route' }),
    };
    expect(answers['index.html (client route)'].headers['content-type']).toContain('text/html');
    expect(answers['static asset'].statusCode).toBe(200);
    for (const [where, response] of Object.entries(answers)) {
      const policy = parsePolicy(response.headers['content-security-policy']);
      expect(policy.get('default-src'), where).toEqual(["'self'"]);
      expect(policy.get('script-src'), where).toEqual(["'self'"]);
      expect(policy.get('script-src-attr'), where).toEqual(["'none'"]);
      expect(policy.get('style-src'), where).toEqual(["'self'"]);
      expect(policy.get('img-src'), where).toEqual(["'self'", 'data:']);
      expect(policy.get('connect-src'), where).toEqual(["'self'"]);
      expect(policy.get('object-src'), where).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors'), where).toEqual(["'none'"]);
      expect(policy.get('base-uri'), where).toEqual(["'self'"]);
      expect(policy.get('form-action'), where).toEqual(["'self'"]);
      // No escape hatches anywhere in the policy, and no wildcard or scheme-wide sources.
      for (const [directive, sources] of policy) {
        for (const source of sources) expect(source, `${where}: ${directive}`).toMatch(/^('self'|'none'|data:)$/);
      }
      expect(response.headers['x-content-type-options'], where).toBe('nosniff');
      expect(response.headers['referrer-policy'], where).toBe('no-referrer');
      expect(response.headers['x-frame-options'], where).toBe('DENY');
      expect(response.headers['cross-origin-opener-policy'], where).toBe('same-origin');
      expect(response.headers['cross-origin-resource-policy'], where).toBe('same-origin');
      expect(response.headers['x-powered-by'], where).toBeUndefined();
      // Plain HTTP: HSTS would mean nothing here (browsers ignore it) and is not sent.
      expect(response.headers['strict-transport-security'], where).toBeUndefined();
    }
    // A client cannot ask for HSTS by claiming HTTPS: proxy headers are not trusted by default.
    const spoofed = await s.app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });

  it('relaxes the policy for the Swagger UI pages only, and only for styles', async () => {
    for (const url of ['/api/docs', '/api/docs/', '/api/docs/static/swagger-ui.css', '/api/docs/static/swagger-initializer.js']) {
      const response = await s.app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      const policy = parsePolicy(response.headers['content-security-policy']);
      expect(policy.get('style-src'), url).toEqual(["'self'", "'unsafe-inline'"]);
      expect(policy.get('script-src'), url).toEqual(["'self'"]);
      expect(policy.get('script-src-attr'), url).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(policy.get('img-src'), url).toEqual(["'self'", 'data:']);
      expect(response.headers['x-frame-options'], url).toBe('DENY');
    }
    // Everything else keeps the strict policy, including addresses that only look like the docs.
    for (const url of ['/api/openapi.json', '/api/docsx', '/docs', '/api/health', '/']) {
      const policy = parsePolicy((await s.app.inject({ url })).headers['content-security-policy']);
      expect(policy.get('style-src'), url).toEqual(["'self'"]);
    }
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, expiring with the session, not Secure over plain HTTP', async () => {
    const response = await login();
    expect(response.statusCode).toBe(200);
    const setCookie = sessionCookieOf(response)!;
    const attributes = setCookie
      .split(';')
      .slice(1)
      .map((a) => a.trim());
    expect(attributes).toContain('HttpOnly');
    expect(attributes).toContain('SameSite=Lax');
    expect(attributes).toContain('Path=/');
    expect(attributes).not.toContain('Secure');
    expect(attributes.some((a) => a.startsWith('Domain='))).toBe(false);
    // LEERKOMPAS_SESSION_HOURS (12 by default), the same end as the row on the server.
    const expires = new Date(attributes.find((a) => a.startsWith('Expires='))!.slice('Expires='.length));
    const [row] = await s.db.database.query<{ expires_at: Date }>('select expires_at from sessions where token_hash = $1', [
      hashToken(cookieValue(setCookie)),
    ]);
    expect(Math.abs(expires.getTime() - new Date(row.expires_at).getTime())).toBeLessThan(1_000);
    expect(expires.getTime() - Date.now()).toBeGreaterThan(11.9 * 3_600_000);
    expect(expires.getTime() - Date.now()).toBeLessThanOrEqual(12 * 3_600_000);
    // The server keeps only the token's hash: a copy of the sessions table opens no session.
    expect(await s.db.database.query('select 1 from sessions where token_hash = $1 or csrf_token = $1', [cookieValue(setCookie)])).toEqual(
      [],
    );
  });

  it('never accepts a session id chosen before login: every login issues a fresh id', async () => {
    // A value planted in the browser before login (by a subdomain, a shared computer, …).
    const planted = randomToken();
    const first = await login({ cookie: `lk_session=${planted}` });
    expect(first.statusCode).toBe(200);
    const issued = cookieValue(sessionCookieOf(first)!);
    expect(issued).not.toBe(planted);
    await expectProblem(await sessionWith(`lk_session=${planted}`), 401, 'auth.required');
    expect((await sessionWith(`lk_session=${issued}`)).json().user.email).toBe(email);

    // Logging in again from a signed-in browser also gets a new id and a new CSRF token.
    const again = await login({ cookie: `lk_session=${issued}`, 'x-csrf-token': first.json().csrfToken });
    expect(again.statusCode).toBe(200);
    const reissued = cookieValue(sessionCookieOf(again)!);
    expect(reissued).not.toBe(issued);
    expect(again.json().csrfToken).not.toBe(first.json().csrfToken);

    // A logged-out id planted again is just as useless.
    const old = await logIn(s.app, email, TEST_PASSWORD);
    expect((await old.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    const afterPlant = await login({ cookie: old.cookie });
    expect(`lk_session=${cookieValue(sessionCookieOf(afterPlant)!)}`).not.toBe(old.cookie);
    await expectProblem(await sessionWith(old.cookie), 401, 'auth.required');
  });

  it('ends the session on the server at logout: the old cookie is refused afterwards', async () => {
    const session = await logIn(s.app, email, TEST_PASSWORD);
    const other = await logIn(s.app, email, TEST_PASSWORD);
    const logout = await session.request('POST', '/api/auth/logout');
    expect(logout.statusCode).toBe(204);
    // The answer tells the browser to drop the cookie …
    expect(sessionCookieOf(logout)).toMatch(/^lk_session=;.*Expires=Thu, 01 Jan 1970/);
    // … but a copy kept elsewhere (replayed with its CSRF token) no longer works either.
    await expectProblem(await session.request('GET', '/api/auth/session'), 401, 'auth.required');
    await expectProblem(await session.request('PUT', '/api/auth/locale', { locale: 'fr' }), 401, 'auth.required');
    await expectProblem(await session.request('POST', '/api/auth/logout'), 401, 'auth.required');
    // Logout ends that session only; the user's other browser stays signed in.
    expect((await other.request('GET', '/api/auth/session')).statusCode).toBe(200);
  });

  it('ends every session of the user at a password change, the current one included, and hands out a new one', async () => {
    const user = await buildUser(s.db.database, { organisationId: orgId, role: 'employee' });
    const here = await logIn(s.app, user.email, TEST_PASSWORD);
    const elsewhere = await logIn(s.app, user.email, TEST_PASSWORD);
    const changed = await here.request('POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a-new-long-password',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const renewed = sessionCookieOf(changed)!;
    expect(renewed).toMatch(/HttpOnly/);
    const renewedCookie = renewed.split(';')[0];
    expect(renewedCookie).not.toBe(here.cookie);

    // Both old cookies are refused: a stolen copy of either dies with the password.
    for (const old of [here, elsewhere]) {
      await expectProblem(await old.request('GET', '/api/auth/session'), 401, 'auth.required');
      await expectProblem(await old.request('PUT', '/api/auth/locale', { locale: 'fr' }), 401, 'auth.required');
    }
    // The page that changed the password goes on with the new cookie and the CSRF token it has.
    const me = await s.app.inject({ url: '/api/auth/session', headers: { cookie: renewedCookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(here.csrf);
    const locale = await s.app.inject({
      method: 'PUT',
      url: '/api/auth/locale',
      headers: { cookie: renewedCookie, 'x-csrf-token': here.csrf },
      payload: { locale: 'fr' },
    });
    expect(locale.statusCode).toBe(204);
    const rows = await s.db.database.query<{ token_hash: string }>('select token_hash from sessions where user_id = $1', [user.id]);
    expect(rows).toEqual([{ token_hash: hashToken(cookieValue(renewed)) }]);
  });

  it('refuses an expired session', async () => {
    const session = await logIn(s.app, email, TEST_PASSWORD);
    expect((await session.request('GET', '/api/auth/session')).statusCode).toBe(200);
    await s.db.database.query(`update sessions set expires_at = now() - interval '1 second' where token_hash = $1`, [
      hashToken(session.cookie.slice('lk_session='.length)),
    ]);
    await expectProblem(await session.request('GET', '/api/auth/session'), 401, 'auth.required');
    await expectProblem(await session.request('PUT', '/api/auth/locale', { locale: 'en' }), 401, 'auth.required');
  });

  it('refuses every state-changing route called with the session cookie but without the right CSRF header', async () => {
    const routes = routeTable(s.app).filter((r) => MUTATING.has(r.method));
    // The table is read from the app, so a parsing mistake must not make this test pass vacuously.
    expect(routes.length).toBeGreaterThan(60);
    expect(routes).toContainEqual({ method: 'POST', url: '/api/auth/logout' });
    expect(routes).toContainEqual({ method: 'PATCH', url: '/api/organisations/:orgId/settings' });
    expect(routes).toContainEqual({ method: 'PUT', url: '/api/survey/answers/:competenceId' });

    const session: Session = await logIn(s.app, email, TEST_PASSWORD);
    const other = await logIn(s.app, email, TEST_PASSWORD);
    const fill = (url: string) =>
      url
        .replace(/:orgId/g, orgId)
        .replace(/:[A-Za-z0-9_]+/g, () => randomUUID())
        .replace(/\*/g, 'x');
    // The survey answered from a personal link is exempt: those routes are `sessionless`, so they
    // never read the session cookie and a request riding on it gains nothing. Their credential is
    // the x-survey-token header, which a cross-site form cannot send, and a cross-site script could
    // only send after a CORS preflight that this app never allows.
    const sessionless = (url: string) => url.startsWith('/api/survey');
    const refused: string[] = [];
    const exempt: string[] = [];
    for (const route of routes) {
      const url = fill(route.url);
      const name = `${route.method} ${route.url}`;
      const missing = await s.app.inject({ method: route.method as 'POST', url, headers: { cookie: session.cookie } });
      const wrong = await s.app.inject({
        method: route.method as 'POST',
        url,
        headers: { cookie: session.cookie, 'x-csrf-token': other.csrf },
      });
      if (sessionless(route.url)) {
        // The cookie is ignored: the answer is the one a caller without it gets (no link token, no
        // access), never a CSRF refusal.
        const bare = await s.app.inject({ method: route.method as 'POST', url });
        expect(bare.statusCode, name).toBeGreaterThanOrEqual(400);
        for (const response of [missing, wrong]) {
          expect(response.statusCode, name).toBe(bare.statusCode);
          expect(response.json().code, name).toBe(bare.json().code);
        }
        exempt.push(name);
        continue;
      }
      for (const response of [missing, wrong]) {
        await expectProblem(response, 403, 'auth.csrf', name);
        expect(response.json().errors, name).toEqual([
          { path: '/headers/x-csrf-token', message: 'is missing or does not match the session' },
        ]);
      }
      refused.push(name);
    }
    expect(refused.length).toBeGreaterThan(60);
    expect(exempt).toEqual(expect.arrayContaining(['POST /api/survey/submit', 'PUT /api/survey/answers/:competenceId']));
    // A survey route gives a signed-in user nothing from their cookie either.
    const survey = await s.app.inject({ method: 'GET', url: '/api/survey', headers: { cookie: session.cookie } });
    await expectProblem(survey, 401, 'survey.link_missing');
  });
});

describe.each(databaseKinds)('behind an HTTPS proxy on %s', (kind) => {
  let s: TestApp;
  let email: string;
  beforeAll(async () => {
    s = await serve(kind, { LEERKOMPAS_TRUST_PROXY: '127.0.0.1' });
    const org = await buildOrganisation(s.db.database);
    email = (await buildUser(s.db.database, { organisationId: org.id, role: 'employee' })).email;
  });
  afterAll(() => s?.close());

  it('sends HSTS and marks the session cookie Secure only for requests that came in over HTTPS', async () => {
    const https = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email, password: TEST_PASSWORD },
    });
    expect(https.statusCode).toBe(200);
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(
      sessionCookieOf(https)!
        .split(';')
        .map((a) => a.trim()),
    ).toContain('Secure');
    for (const url of ['/', '/api/health', '/api/docs/']) {
      const page = await s.app.inject({ url, headers: { 'x-forwarded-proto': 'https' } });
      expect(page.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
    }

    const http = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'http' },
      payload: { email, password: TEST_PASSWORD },
    });
    expect(http.headers['strict-transport-security']).toBeUndefined();
    expect(
      sessionCookieOf(http)!
        .split(';')
        .map((a) => a.trim()),
    ).not.toContain('Secure');
  });
});

describe.each(databaseKinds)('rate limits on %s', (kind) => {
  const LOGIN_LIMIT = 3;
  const SURVEY_LIMIT = 5;
  let s: TestApp;
  let email: string;
  let token: string;

  beforeAll(async () => {
    s = await serve(kind, { LEERKOMPAS_LOGIN_LIMIT: String(LOGIN_LIMIT), LEERKOMPAS_SURVEY_LIMIT: String(SURVEY_LIMIT) });
    const db = s.db.database;
    const org = await buildOrganisation(db);
    email = (await buildUser(db, { organisationId: org.id, role: 'employee' })).email;
    const framework = await buildPublicFramework(db);
    const competence = await buildCompetence(db, { frameworkId: framework.id, label: { nl: 'Veilig werken' } });
    const person = await buildPerson(db, { organisationId: org.id, displayName: 'Anna Peeters' });
    const campaign = await buildCampaign(db, { organisationId: org.id, competenceIds: [competence.id] });
    token = (await buildInvitation(db, { campaign, personId: person.id })).token;
  });
  afterAll(() => s?.close());

  /** A 429 problem with a Retry-After in seconds, within the one-minute window. */
  async function expectLimited(response: LightMyRequestResponse, where: string) {
    await expectProblem(response, 429, 'auth.rate_limited', where);
    const retryAfter = response.headers['retry-after'];
    expect(String(retryAfter), where).toMatch(/^\d+$/);
    expect(Number(retryAfter), where).toBeGreaterThan(0);
    expect(Number(retryAfter), where).toBeLessThanOrEqual(60);
  }

  it('limits login attempts per client address (LEERKOMPAS_LOGIN_LIMIT per minute), before the password is checked', async () => {
    const attempt = (remoteAddress: string, password: string, headers: Record<string, string> = {}) =>
      s.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers, payload: { email, password } });
    for (let i = 0; i < LOGIN_LIMIT; i++)
      await expectProblem(await attempt('203.0.113.1', `guess-${i}-wrong`), 401, 'auth.invalid_credentials');
    await expectLimited(await attempt('203.0.113.1', 'guess-after-limit'), 'guess after the limit');
    // Even the right password waits: the limit is counted before the password is looked at.
    await expectLimited(await attempt('203.0.113.1', TEST_PASSWORD), 'right password after the limit');
    // Forging a proxy header changes nothing while LEERKOMPAS_TRUST_PROXY is off.
    await expectLimited(await attempt('203.0.113.1', TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.7' }), 'forged X-Forwarded-For');
    // Another client is not blocked by the first one's guesses.
    const elsewhere = await attempt('203.0.113.2', TEST_PASSWORD);
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
  });

  it('behind proxies named in LEERKOMPAS_TRUST_PROXY, counts the address the nearest proxy saw, not what the client wrote in X-Forwarded-For', async () => {
    const proxied = await serve(kind, { LEERKOMPAS_LOGIN_LIMIT: String(LOGIN_LIMIT), LEERKOMPAS_TRUST_PROXY: '127.0.0.1' });
    try {
      const org = await buildOrganisation(proxied.db.database);
      const user = await buildUser(proxied.db.database, { organisationId: org.id, role: 'employee' });
      // The proxy at 127.0.0.1 appends the address it sees to whatever the client sent.
      const attempt = (forwardedFor: string, remoteAddress = '127.0.0.1') =>
        proxied.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          headers: { 'x-forwarded-for': forwardedFor },
          payload: { email: user.email, password: 'not-the-password' },
        });
      // A new forged first address on every try does not buy a new budget.
      for (let i = 0; i < LOGIN_LIMIT; i++)
        await expectProblem(await attempt(`198.51.100.${i}, 203.0.113.30`), 401, 'auth.invalid_credentials');
      await expectLimited(await attempt('198.51.100.99, 203.0.113.30'), 'forged first address through the proxy');
      // Another client behind the same proxy has its own budget.
      await expectProblem(await attempt('203.0.113.31'), 401, 'auth.invalid_credentials');
      // A client that reaches the app without the proxy is counted by its own address, whatever it claims.
      for (let i = 0; i < LOGIN_LIMIT; i++)
        await expectProblem(await attempt(`203.0.113.${40 + i}`, '192.0.2.9'), 401, 'auth.invalid_credentials');
      await expectLimited(await attempt('203.0.113.50', '192.0.2.9'), 'direct client claiming another address');
    } finally {
      await proxied.close();
    }
  });

  it('limits survey requests per client address across all survey routes, so link tokens cannot be brute-forced', async () => {
    const survey = (remoteAddress: string, linkToken: string, method: 'GET' | 'POST' = 'GET', url = '/api/survey') =>
      s.app.inject({ method, url, remoteAddress, headers: { 'x-survey-token': linkToken } });
    // Guessing: every try is a new random token, and each one counts against the same budget.
    for (let i = 0; i < SURVEY_LIMIT - 1; i++) await expectProblem(await survey('203.0.113.10', randomToken()), 404, 'survey.link_unknown');
    await expectProblem(await survey('203.0.113.10', randomToken(), 'POST', '/api/survey/submit'), 404, 'survey.link_unknown');
    await expectLimited(await survey('203.0.113.10', randomToken()), 'guess after the limit');
    await expectLimited(await survey('203.0.113.10', randomToken(), 'POST', '/api/survey/submit'), 'another route after the limit');
    // After the limit a right token gets the same answer as a wrong one: nothing is learnt.
    await expectLimited(await survey('203.0.113.10', token), 'right token after the limit');
    await expectLimited(await survey('203.0.113.10', token, 'GET', '/api/survey'), 'right token, again');
    // The link holder on another address answers as usual.
    const holder = await survey('203.0.113.11', token);
    expect(holder.statusCode, holder.body).toBe(200);
    // The limit is the survey's own: the same address still reaches the rest of the API.
    expect((await s.app.inject({ url: '/api/health', remoteAddress: '203.0.113.10' })).statusCode).toBe(200);
    // With 256-bit tokens (src/server/auth/tokens.ts) and at most LEERKOMPAS_SURVEY_LIMIT guesses
    // per address and minute, guessing a live link is out of reach.
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });
});
