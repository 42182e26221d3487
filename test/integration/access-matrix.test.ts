import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { logIn } from '../support/test-app.js';
import { TEST_PASSWORD, buildUser } from '../factories/accounts.js';
import {
  buildWorld,
  canonical,
  expectOk,
  fillPath,
  memberRoles,
  registeredRoutes,
  type Caller,
  type Fixtures,
  type OrgWorld,
  type World,
} from '../support/access-matrix.js';
import { expectations, type Expectation, type FreshContext } from './access-matrix.expectations.js';

/**
 * The access matrix: every route of the app × every caller (anonymous, each member role in its own
 * organisation and in a foreign one, platform admin, survey link holder), against the one table in
 * access-matrix.expectations.ts. Replaces the older tenancy test (foreign roles and anonymous on
 * {orgId} routes), which this covers. Aggregates' anonymity: anonymity-attacks.test.ts.
 */

interface Case {
  route: string;
  method: string;
  path: string;
  expectation: Expectation;
  caller: Caller;
  /** The organisation whose fixtures fill the request. */
  target: OrgWorld;
  /** Survey token to send, if any. */
  token?: string;
  expected: 'allowed' | 401 | 403 | 404;
}

const isProblem = (r: LightMyRequestResponse) => String(r.headers['content-type'] ?? '').startsWith('application/problem+json');

/** Every table's content, as one md5 per table: refused requests must leave all of them alone. */
async function footprint(world: World): Promise<Record<string, string>> {
  const database = world.db.database;
  const tables = await database.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const result: Record<string, string> = {};
  for (const { table_name: name } of tables) {
    const [row] = await database.query<{ digest: string }>(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${name}" t`,
    );
    result[name] = row.digest;
  }
  return result;
}

/** The cases of one route: who calls, against which organisation, expecting what. */
function casesOf(world: World, route: string, expectation: Expectation): Case[] {
  const [method, path] = [route.slice(0, route.indexOf(' ')), route.slice(route.indexOf(' ') + 1)];
  const access = expectation.access;
  const base = { route, method, path, expectation };
  const employerCallers = memberRoles.map((role) => world.callers.employer[role]);
  const ownEmployer = world.own.employer;
  switch (access.kind) {
    case 'excluded':
      return [];
    case 'public':
      return [world.anonymous, ...employerCallers, world.platformAdmin].map((caller) => ({
        ...base,
        caller,
        target: ownEmployer,
        expected: 'allowed',
      }));
    case 'signed-in':
      return [
        { ...base, caller: world.anonymous, target: ownEmployer, expected: 401 },
        ...[...employerCallers, world.platformAdmin].map((caller) => ({
          ...base,
          caller,
          target: ownEmployer,
          expected: 'allowed' as const,
        })),
      ];
    case 'platform-admin':
      return [
        { ...base, caller: world.anonymous, target: ownEmployer, expected: 401 },
        ...employerCallers.map((caller) => ({ ...base, caller, target: ownEmployer, expected: 403 as const })),
        { ...base, caller: world.platformAdmin, target: ownEmployer, expected: 'allowed' },
      ];
    case 'survey-token':
      // The cookie counts for nothing here: signed-in callers without a link are anonymous.
      return [
        ...[world.anonymous, ...employerCallers, world.platformAdmin].map((caller) => ({
          ...base,
          caller,
          target: ownEmployer,
          expected: 401 as const,
        })),
        { ...base, caller: world.anonymous, target: world.foreign.employer, token: 'not-a-real-token-0123456789abcdef', expected: 404 },
        { ...base, caller: world.anonymous, target: ownEmployer, token: ownEmployer.fixtures.surveyToken, expected: 'allowed' },
      ];
    case 'organisation': {
      const own = world.own[access.org];
      const foreign = world.foreign[access.org];
      const callers = world.callers[access.org];
      return [
        { ...base, caller: world.anonymous, target: own, expected: 401 },
        ...memberRoles.map((role) => ({
          ...base,
          caller: callers[role],
          target: own,
          expected: access.roles.includes(role) ? ('allowed' as const) : (access.denied ?? 403),
        })),
        ...memberRoles.map((role) => ({ ...base, caller: callers[role], target: foreign, expected: 404 as const })),
        { ...base, caller: world.platformAdmin, target: own, expected: access.platformAdmin ?? 'allowed' },
      ];
    }
  }
}

async function send(world: World, c: Case, fixtures: Fixtures, caller = c.caller) {
  const spec = c.expectation.request?.(fixtures) ?? {};
  const url = fillPath(c.path, fixtures, spec.params) + (spec.query ? `?${spec.query}` : '');
  const headers: Record<string, string> = {};
  if (caller.session) Object.assign(headers, { cookie: caller.session.cookie, 'x-csrf-token': caller.session.csrf });
  const token = c.expected === 'allowed' ? fixtures.surveyToken : c.token;
  if (c.expectation.access.kind === 'survey-token' && token) headers['x-survey-token'] = token;
  let payload: string | undefined;
  if (spec.raw) {
    headers['content-type'] = spec.raw.contentType;
    payload = spec.raw.payload;
  } else if (spec.body !== undefined || !['GET', 'DELETE'].includes(c.method)) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(spec.body ?? {});
  }
  const response = await world.app.inject({ method: c.method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
  return { response, url };
}

describe.each(databaseKinds)('access matrix on %s', (kind) => {
  let world: World;
  let routes: string[];
  const declared = new Map(
    Object.entries(expectations).map(([key, value]) => [canonical(key.split(' ')[0], key.slice(key.indexOf(' ') + 1)), { key, value }]),
  );

  beforeAll(async () => {
    world = await buildWorld(kind);
    routes = registeredRoutes(world.app);
  });
  afterAll(() => world?.close());

  it('declares every route the app has, and no route it does not have', () => {
    expect(declared.size, 'two table keys name the same route').toBe(Object.keys(expectations).length);
    expect(routes.length).toBeGreaterThan(150);
    const undeclared = routes.filter((r) => !declared.has(r));
    const stale = [...declared.keys()].filter((r) => !routes.includes(r)).map((r) => declared.get(r)!.key);
    expect(undeclared, 'routes without an entry in access-matrix.expectations.ts').toEqual([]);
    expect(stale, 'entries in access-matrix.expectations.ts for routes the app no longer has').toEqual([]);
  });

  it('refuses anonymous, foreign and unauthorised callers with problem+json, and changes no rows', async () => {
    const before = await footprint(world);
    const wrong: string[] = [];
    for (const { key, value } of declared.values()) {
      for (const c of casesOf(world, key, value)) {
        if (c.expected === 'allowed') continue;
        const { response, url } = await send(world, c, c.target.fixtures);
        const where = `${c.caller.name}${c.token ? ' (token)' : ''} ${c.method} ${c.path} (${c.target === world.own[c.target.kind] ? 'own' : 'foreign'} ${url})`;
        if (response.statusCode !== c.expected)
          wrong.push(`${where}: expected ${c.expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`);
        else if (!isProblem(response)) wrong.push(`${where}: ${response.statusCode} is not problem+json`);
        else if (c.expected === 404 && response.json().errors?.length)
          wrong.push(`${where}: 404 names fields ${JSON.stringify(response.json().errors)}`);
      }
    }
    expect(wrong.join('\n')).toBe('');
    const after = await footprint(world);
    const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
    expect(changed, 'tables changed by refused requests').toEqual([]);
  }, 180_000);

  it('lets every declared caller through', async () => {
    const wrong: string[] = [];
    for (const { key, value } of declared.values()) {
      for (const c of casesOf(world, key, value)) {
        if (c.expected !== 'allowed') continue;
        let fixtures = c.target.fixtures;
        if (value.fresh) {
          const ctx: FreshContext = {
            orgId: c.target.id,
            fixtures,
            admin: async (method, url, body) =>
              expectOk(await world.admin(c.target.id).request(method, url, body ?? {}), `fresh ${method} ${url}`),
            invitation: () => world.invite(c.target.id),
            member: async (role) => (await buildUser(world.db.database, { organisationId: world.foreign.sector.id, role })).email,
          };
          fixtures = { ...fixtures, ...(await value.fresh(ctx)) };
        }
        let caller = c.caller;
        if (value.ownSession && caller.email) caller = { ...caller, session: await logIn(world.app, caller.email, TEST_PASSWORD) };
        const { response, url } = await send(world, c, fixtures, caller);
        if ([401, 403, 404].includes(response.statusCode) || response.statusCode >= 500) {
          wrong.push(
            `${c.caller.name} ${c.method} ${c.path} (${url}): expected through, got ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
        }
      }
    }
    expect(wrong.join('\n')).toBe('');
  }, 180_000);

  // Beyond who may call the route: what org_admin may grant (moved here from the old tenancy test).
  it('lets org_admin grant and revoke roles, never platform_admin, and audits it', async () => {
    const orgId = world.own.employer.id;
    const admin = world.callers.employer.org_admin.session!;
    const newcomer = await buildUser(world.db.database, { organisationId: world.foreign.sector.id, role: 'employee' });
    const selfPromotion = await admin.request('POST', `/api/organisations/${orgId}/members`, {
      email: world.callers.employer.org_admin.email,
      role: 'platform_admin',
    });
    expect(selfPromotion.statusCode).toBe(403);
    const granted = await admin.request('POST', `/api/organisations/${orgId}/members`, { email: newcomer.email, role: 'hr' });
    expect(granted.statusCode).toBe(201);
    expect((await admin.request('POST', `/api/organisations/${orgId}/members`, { email: newcomer.email, role: 'hr' })).statusCode).toBe(
      409,
    );
    expect((await admin.request('DELETE', `/api/organisations/${orgId}/members/${granted.json().membershipId}`)).statusCode).toBe(204);
    const audit = await admin.request('GET', `/api/organisations/${orgId}/audit`);
    expect(audit.json().map((e: { event: string }) => e.event)).toEqual(expect.arrayContaining(['role_granted', 'role_revoked']));
  });

  it('keeps the anonymity threshold at 3 or more', async () => {
    const orgId = world.foreign.employer.id;
    const admin = world.admin(orgId);
    const low = await admin.request('PATCH', `/api/organisations/${orgId}/settings`, { anonymityThreshold: 2 });
    expect(low.statusCode).toBe(400);
    expect(low.json().errors[0].path).toBe('/body/anonymityThreshold');
    const ok = await admin.request('PATCH', `/api/organisations/${orgId}/settings`, { anonymityThreshold: 7 });
    expect(ok.json().settings.anonymityThreshold).toBe(7);
  });
});
