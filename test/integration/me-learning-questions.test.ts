import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildFunctionProfile, buildPerson, buildTeam } from '../factories/people.js';
import { learningQuestions, memberships } from '../../src/db/schema/index.js';

interface MyView {
  id: string;
  organisation: { id: string; name: string };
  text: string;
  source: string;
  status: string;
  competences: Array<{ competenceId: string; confirmed: boolean; suggestionRank: number | null }>;
  decidedAt: string | null;
  createdAt: string;
}

/** GET /api/me/learning-questions: the leerportaal's list of the signed-in person's own learning questions. */
describe.each(databaseKinds)('my own learning questions on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let secondOrgId: string;
  let formerOrgId: string;
  let hr: Session;
  let secondHr: Session;
  let me: Session;
  let meUserId: string;
  let colleague: Session;
  let myPersonId: string;
  let colleaguePersonId: string;
  let teamId: string;
  let tablet: string;
  const url = '/api/me/learning-questions';

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    orgId = (await buildOrganisation(db)).id;
    secondOrgId = (await buildOrganisation(db)).id;
    formerOrgId = (await buildOrganisation(db)).id;
    hr = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'hr' })).email, TEST_PASSWORD);
    secondHr = await logIn(t.app, (await buildUser(db, { organisationId: secondOrgId, role: 'hr' })).email, TEST_PASSWORD);
    const meUser = await buildUser(db, { organisationId: orgId, role: 'employee' });
    meUserId = meUser.id;
    await db.db.insert(memberships).values({ userId: meUser.id, organisationId: secondOrgId, role: 'employee' });
    const colleagueUser = await buildUser(db, { organisationId: orgId, role: 'employee' });
    const fw = await buildPublicFramework(db);
    tablet = (await buildCompetence(db, { frameworkId: fw.id, label: { nl: 'Werkopdrachten op de tablet openen' } })).id;
    const profile = await buildFunctionProfile(db, { organisationId: orgId, items: [{ competenceId: tablet, requiredLevel: 2 }] });
    teamId = (await buildTeam(db, orgId)).id;
    myPersonId = (await buildPerson(db, { organisationId: orgId, teamId, functionProfileId: profile.id, userId: meUser.id })).id;
    colleaguePersonId = (await buildPerson(db, { organisationId: orgId, teamId, userId: colleagueUser.id })).id;
    await buildPerson(db, { organisationId: secondOrgId, userId: meUser.id });
    // A person row left behind in an organisation the user no longer belongs to.
    const formerPerson = await buildPerson(db, { organisationId: formerOrgId, userId: meUser.id });
    await db.db
      .insert(learningQuestions)
      .values({ organisationId: formerOrgId, personId: formerPerson.id, text: 'Oude vraag', source: 'hr' });
    me = await logIn(t.app, meUser.email, TEST_PASSWORD);
    colleague = await logIn(t.app, colleagueUser.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  it('lists only the questions about the person, in every organisation they belong to, newest first, with competences', async () => {
    const base = `/api/organisations/${orgId}/learning-questions`;
    const first = await hr.request('POST', base, {
      text: 'Ik wil leren werken met de tablet.',
      personId: myPersonId,
      visibility: 'private',
    });
    expect(first.statusCode).toBe(201);
    expect((await hr.request('POST', base, { text: 'Heftruckbrevet', personId: colleaguePersonId })).statusCode).toBe(201);
    expect((await hr.request('POST', base, { text: 'Samen plannen als team', teamId })).statusCode).toBe(201);
    // An anonymous survey answer has no person: it is nobody's own question.
    await t.db.database.db.insert(learningQuestions).values({ organisationId: orgId, teamId, text: 'Anoniem antwoord', source: 'survey' });
    const secondPerson = (
      await t.db.database.query<{ id: string }>(`select id from people where organisation_id = $1 and user_id = $2`, [
        secondOrgId,
        meUserId,
      ])
    )[0].id;
    const second = await secondHr.request('POST', `/api/organisations/${secondOrgId}/learning-questions`, {
      text: 'Eerste hulp',
      personId: secondPerson,
    });
    expect(second.statusCode).toBe(201);

    const res = await me.request('GET', url);
    expect(res.statusCode).toBe(200);
    const list = res.json() as MyView[];
    expect(list.map((q) => q.text)).toEqual(['Eerste hulp', 'Ik wil leren werken met de tablet.']);
    expect(list[0].organisation.id).toBe(secondOrgId);
    expect(list[1]).toMatchObject({ id: first.json().id, organisation: { id: orgId }, source: 'hr', status: 'new', decidedAt: null });
    expect(list[1].competences[0]).toMatchObject({ competenceId: tablet, confirmed: false, suggestionRank: 1 });
    // Nothing of who wrote it or who decided: the person's view is the question itself.
    expect(Object.keys(list[1]).sort()).toEqual([
      'competences',
      'createdAt',
      'decidedAt',
      'id',
      'organisation',
      'source',
      'status',
      'text',
    ]);

    const theirs = (await colleague.request('GET', url)).json() as MyView[];
    expect(theirs.map((q) => q.text)).toEqual(['Heftruckbrevet']);
  });

  it('filters by status and limits the list', async () => {
    const mine = (await me.request('GET', url)).json() as MyView[];
    const tabletQuestion = mine.find((q) => q.text.includes('tablet'))!;
    const decided = await hr.request('POST', `/api/organisations/${orgId}/learning-questions/${tabletQuestion.id}/decision`, {
      status: 'confirmed',
    });
    expect(decided.statusCode).toBe(200);
    const confirmed = (await me.request('GET', `${url}?status=confirmed`)).json() as MyView[];
    expect(confirmed.map((q) => q.id)).toEqual([tabletQuestion.id]);
    expect(confirmed[0].decidedAt).not.toBeNull();
    expect(((await me.request('GET', `${url}?status=dismissed`)).json() as MyView[]).length).toBe(0);
    const one = (await me.request('GET', `${url}?limit=1`)).json() as MyView[];
    expect(one.map((q) => q.text)).toEqual(['Eerste hulp']);
  });

  it('is empty for someone without a person row and needs a session', async () => {
    const outsider = await logIn(t.app, (await buildUser(t.db.database, { organisationId: orgId, role: 'hr' })).email, TEST_PASSWORD);
    const res = await outsider.request('GET', url);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('rejects bad query input with a problem naming the field', async () => {
    for (const [query, path] of [
      ['status=open', '/querystring/status'],
      ['limit=0', '/querystring/limit'],
      ['limit=201', '/querystring/limit'],
      ['limit=veel', '/querystring/limit'],
      ['personId=' + colleaguePersonId, '/querystring/personId'],
    ] as const) {
      const res = await me.request('GET', `${url}?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    // The former organisation's question never shows up.
    const all = (await me.request('GET', url)).json() as MyView[];
    expect(all.some((q) => q.text === 'Oude vraag')).toBe(false);
    expect((await t.db.database.db.select().from(learningQuestions).where(eq(learningQuestions.organisationId, formerOrgId))).length).toBe(
      1,
    );
  });
});
