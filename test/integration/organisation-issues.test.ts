import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildTeam } from '../factories/people.js';
import { buildCampaign, buildPrivateCompetence } from '../factories/supervision.js';

describe.each(databaseKinds)('organisation issues on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let hr: Session;
  let manager: Session;
  let employee: Session;
  let teamA: string;
  let teamB: string;
  let foreignTeam: string;
  let tablet: string;
  let safety: string;
  let foreignCompetence: string;
  let campaignId: string;
  let foreignCampaign: string;
  const base = () => `/api/organisations/${orgId}/organisation-issues`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    const org = await buildOrganisation(db);
    const other = await buildOrganisation(db);
    orgId = org.id;
    hr = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'hr' })).email, TEST_PASSWORD);
    manager = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'manager' })).email, TEST_PASSWORD);
    employee = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'employee' })).email, TEST_PASSWORD);
    teamA = (await buildTeam(db, orgId, 'Verpakking')).id;
    teamB = (await buildTeam(db, orgId, 'Groen')).id;
    foreignTeam = (await buildTeam(db, other.id)).id;
    const fw = await buildPublicFramework(db);
    tablet = (await buildCompetence(db, { frameworkId: fw.id, label: { nl: 'Werken met een tablet' } })).id;
    safety = (await buildCompetence(db, { frameworkId: fw.id, label: { nl: 'Veilig werken' } })).id;
    foreignCompetence = (await buildPrivateCompetence(db, other.id)).id;
    campaignId = (await buildCampaign(db, { organisationId: orgId, competenceIds: [tablet] })).id;
    foreignCampaign = (await buildCampaign(db, { organisationId: other.id, competenceIds: [tablet] })).id;
  });
  afterAll(() => t?.close());

  it('HR records a problem linked to teams and competences', async () => {
    const res = await hr.request('POST', base(), {
      kind: 'problem',
      title: '  Meer fouten sinds de nieuwe planningssoftware ',
      description: 'Bestellingen worden verkeerd verpakt.',
      observedOn: '2026-10-01',
      campaignId,
      teamIds: [teamA, teamB, teamA],
      competenceIds: [tablet],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'problem',
      title: 'Meer fouten sinds de nieuwe planningssoftware',
      status: 'open',
      observedOn: '2026-10-01',
      campaignId,
      // Team order: position, then name.
      teams: [
        { id: teamB, name: 'Groen' },
        { id: teamA, name: 'Verpakking' },
      ],
      competences: [{ id: tablet, label: { nl: 'Werken met een tablet' } }],
    });
  });

  it('rejects ids of other organisations and unknown ones, naming each field, and stores nothing', async () => {
    const before = (await hr.request('GET', base())).json().length;
    const res = await hr.request('POST', base(), {
      kind: 'goal',
      title: 'Iedereen werkt met tablets',
      campaignId: foreignCampaign,
      teamIds: [teamA, foreignTeam],
      competenceIds: [foreignCompetence, tablet],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/body/campaignId',
      '/body/teamIds/1',
      '/body/competenceIds/0',
    ]);
    expect((await hr.request('GET', base())).json()).toHaveLength(before);
  });

  it('rejects a blank title and unknown fields', async () => {
    expect((await hr.request('POST', base(), { kind: 'goal', title: '   ' })).json().errors[0].path).toBe('/body/title');
    expect((await hr.request('POST', base(), { kind: 'goal', title: 'x', owner: 'me' })).json().errors[0].path).toBe('/body/owner');
    expect((await hr.request('POST', base(), { kind: 'wish', title: 'x' })).statusCode).toBe(400);
  });

  it('filters by kind, status, team and competence', async () => {
    const goal = (
      await hr.request('POST', base(), { kind: 'goal', title: 'Veilig werken in het groen', teamIds: [teamB], competenceIds: [safety] })
    ).json();
    const titles = async (query: string) =>
      (await manager.request('GET', `${base()}?${query}`)).json().map((i: { title: string }) => i.title);
    expect(await titles('kind=goal')).toEqual(['Veilig werken in het groen']);
    expect(await titles(`teamId=${teamA}`)).toEqual(['Meer fouten sinds de nieuwe planningssoftware']);
    expect((await titles(`teamId=${teamB}`)).sort()).toEqual([
      'Meer fouten sinds de nieuwe planningssoftware',
      'Veilig werken in het groen',
    ]);
    expect(await titles(`competenceId=${safety}`)).toEqual(['Veilig werken in het groen']);
    expect(await titles('status=addressed')).toEqual([]);

    const updated = await hr.request('PATCH', `${base()}/${goal.id}`, { status: 'addressed', teamIds: [teamA], competenceIds: [] });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ status: 'addressed', teams: [{ id: teamA }], competences: [] });
    expect(await titles('status=addressed')).toEqual(['Veilig werken in het groen']);
    expect((await manager.request('GET', `${base()}?teamId=not-a-uuid`)).json().errors[0].path).toBe('/querystring/teamId');
  });

  it('replaces links in one transaction: a bad id in an update leaves the issue as it was', async () => {
    const issue = (
      await hr.request('POST', base(), { kind: 'problem', title: 'Ongevallen', teamIds: [teamB], competenceIds: [safety] })
    ).json();
    const res = await hr.request('PATCH', `${base()}/${issue.id}`, {
      title: 'Veel ongevallen',
      teamIds: [teamA],
      competenceIds: [foreignCompetence],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('/body/competenceIds/0');
    expect((await hr.request('GET', `${base()}/${issue.id}`)).json()).toMatchObject({
      title: 'Ongevallen',
      teams: [{ id: teamB }],
      competences: [{ id: safety }],
    });
  });

  it('lets managers read but not write, keeps employees out, and deletes', async () => {
    const issue = (await hr.request('POST', base(), { kind: 'goal', title: 'Tijdelijk' })).json();
    expect((await manager.request('GET', `${base()}/${issue.id}`)).statusCode).toBe(200);
    expect((await manager.request('POST', base(), { kind: 'goal', title: 'Van de leiding' })).statusCode).toBe(403);
    expect((await manager.request('PATCH', `${base()}/${issue.id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await employee.request('GET', base())).statusCode).toBe(403);
    expect((await hr.request('DELETE', `${base()}/${issue.id}`)).statusCode).toBe(204);
    expect((await hr.request('GET', `${base()}/${issue.id}`)).statusCode).toBe(404);
    expect((await hr.request('DELETE', `${base()}/${issue.id}`)).statusCode).toBe(404);
  });
});
