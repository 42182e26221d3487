import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../src/shared/roles.js';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';

interface Operation {
  method: string;
  path: string;
}

/**
 * Every organisation-scoped route, read from the OpenAPI document, so a new route is covered the
 * moment it is registered.
 */
function organisationRoutes(openapi: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  return Object.entries(openapi.paths)
    .filter(([path]) => path.includes('{orgId}'))
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
}

const fill = (path: string, orgId: string) =>
  path.replace('{orgId}', orgId).replace(/\{[^}]+\}/g, '00000000-0000-7000-8000-000000000000');

/** Row counts of everything that belongs to an organisation: must not change on refused writes. */
async function orgFootprint(t: TestApp, orgId: string) {
  const [row] = await t.db.database.query<Record<string, string>>(
    `select (select count(*) from memberships where organisation_id = $1) as memberships,
            (select count(*) from function_profiles where organisation_id = $1) as profiles,
            (select count(*) from frameworks where organisation_id = $1) as frameworks,
            (select count(*) from teams where organisation_id = $1) as teams,
            (select settings::text from organisations where id = $1) as settings`,
    [orgId],
  );
  return row;
}

describe.each(databaseKinds)('tenancy guard on %s', (kind) => {
  let t: TestApp;
  let victimOrgId: string;
  const outsiders = new Map<string, Session>();

  beforeAll(async () => {
    t = await createTestApp(kind);
    const victim = await buildOrganisation(t.db.database, { name: 'Victim' });
    victimOrgId = victim.id;
    await buildUser(t.db.database, { organisationId: victim.id, role: 'org_admin' });
    const other = await buildOrganisation(t.db.database, { name: 'Other' });
    // One outsider per role (except platform_admin, who may see everything by design).
    for (const role of roles.filter((r) => r !== 'platform_admin')) {
      const user = await buildUser(t.db.database, { organisationId: other.id, role });
      outsiders.set(role, await logIn(t.app, user.email, TEST_PASSWORD));
    }
  });
  afterAll(() => t?.close());

  it('finds organisation-scoped routes to test', async () => {
    const routes = organisationRoutes((await t.app.inject({ url: '/api/openapi.json' })).json());
    expect(routes.length).toBeGreaterThanOrEqual(8);
  });

  it('answers members of another organisation, in every role, with 404/403 and no data', async () => {
    const routes = organisationRoutes((await t.app.inject({ url: '/api/openapi.json' })).json());
    const before = await orgFootprint(t, victimOrgId);
    const leaks: string[] = [];
    for (const [role, session] of outsiders) {
      for (const route of routes) {
        const url = fill(route.path, victimOrgId);
        const res = await session.request(route.method, url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
        const allowed = [404];
        if (!allowed.includes(res.statusCode)) leaks.push(`${role} ${route.method} ${url} → ${res.statusCode}`);
        if (res.statusCode < 400 || res.json().errors?.length) leaks.push(`${role} ${route.method} ${url} returned data or field hints`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await orgFootprint(t, victimOrgId)).toEqual(before);
  });

  it('answers anonymous callers of organisation routes with 401', async () => {
    const routes = organisationRoutes((await t.app.inject({ url: '/api/openapi.json' })).json());
    for (const route of routes) {
      const res = await t.app.inject({ method: route.method as 'GET', url: fill(route.path, victimOrgId), ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }) });
      expect(res.statusCode, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('lets org_admin manage roles and keeps employees out of member management', async () => {
    const org = await buildOrganisation(t.db.database);
    const admin = await buildUser(t.db.database, { organisationId: org.id, role: 'org_admin' });
    const employee = await buildUser(t.db.database, { organisationId: org.id, role: 'employee' });
    const adminSession = await logIn(t.app, admin.email, TEST_PASSWORD);
    const employeeSession = await logIn(t.app, employee.email, TEST_PASSWORD);

    expect((await employeeSession.request('GET', `/api/organisations/${org.id}/members`)).statusCode).toBe(403);
    expect((await employeeSession.request('POST', `/api/organisations/${org.id}/members`, { email: employee.email, role: 'hr' })).statusCode).toBe(403);
    const selfPromotion = await adminSession.request('POST', `/api/organisations/${org.id}/members`, { email: admin.email, role: 'platform_admin' });
    expect(selfPromotion.statusCode).toBe(403);

    const granted = await adminSession.request('POST', `/api/organisations/${org.id}/members`, { email: employee.email, role: 'hr' });
    expect(granted.statusCode).toBe(201);
    expect((await adminSession.request('POST', `/api/organisations/${org.id}/members`, { email: employee.email, role: 'hr' })).statusCode).toBe(409);
    const revoked = await adminSession.request('DELETE', `/api/organisations/${org.id}/members/${granted.json().membershipId}`);
    expect(revoked.statusCode).toBe(204);

    const audit = await adminSession.request('GET', `/api/organisations/${org.id}/audit`);
    expect(audit.json().map((e: { event: string }) => e.event)).toEqual(expect.arrayContaining(['role_granted', 'role_revoked']));
  });

  it('keeps the anonymity threshold at 3 or more', async () => {
    const org = await buildOrganisation(t.db.database);
    const admin = await buildUser(t.db.database, { organisationId: org.id, role: 'org_admin' });
    const session = await logIn(t.app, admin.email, TEST_PASSWORD);
    const low = await session.request('PATCH', `/api/organisations/${org.id}/settings`, { anonymityThreshold: 2 });
    expect(low.statusCode).toBe(400);
    expect(low.json().errors[0].path).toBe('/body/anonymityThreshold');
    const ok = await session.request('PATCH', `/api/organisations/${org.id}/settings`, { anonymityThreshold: 7 });
    expect(ok.json().settings.anonymityThreshold).toBe(7);
  });
});
