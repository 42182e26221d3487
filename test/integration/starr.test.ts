import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildPerson } from '../factories/people.js';
import { buildManagerWithTeam, buildPrivateCompetence } from '../factories/supervision.js';
import { auditLog, learningQuestions } from '../../src/db/schema/index.js';

const interview = {
  situation: 'Nieuwe bestelling op de tablet.',
  task: 'Klaarzetten.',
  action: 'Vroeg hulp.',
  result: 'Juist, maar te laat.',
  reflection: 'Wil het zelf leren.',
  heldOn: '2026-03-02',
};

describe.each(databaseKinds)('STARR interviews on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let team: Awaited<ReturnType<typeof buildManagerWithTeam>>;
  let personId: string;
  let outsiderId: string;
  let foreignPersonId: string;
  let hr: Session;
  let otherHr: Session;
  let manager: Session;
  let otherManager: Session;
  let subject: Session;
  let colleague: Session;
  let competenceId: string;
  let foreignCompetence: string;
  const url = (person: string) => `/api/organisations/${orgId}/people/${person}/starr`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    orgId = (await buildOrganisation(db)).id;
    const otherOrgId = (await buildOrganisation(db)).id;
    team = await buildManagerWithTeam(db, { organisationId: orgId, reports: 1 });
    manager = await logIn(t.app, team.user.email, TEST_PASSWORD);
    const elsewhere = await buildManagerWithTeam(db, { organisationId: orgId, reports: 1 });
    otherManager = await logIn(t.app, elsewhere.user.email, TEST_PASSWORD);
    outsiderId = elsewhere.people[0].id;
    const subjectUser = await buildUser(db, { organisationId: orgId, role: 'employee' });
    subject = await logIn(t.app, subjectUser.email, TEST_PASSWORD);
    personId = (await buildPerson(db, { organisationId: orgId, teamId: team.team.id, supervisorId: team.self.id, userId: subjectUser.id }))
      .id;
    colleague = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'employee' })).email, TEST_PASSWORD);
    hr = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'hr' })).email, TEST_PASSWORD);
    otherHr = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'org_admin' })).email, TEST_PASSWORD);
    foreignPersonId = (await buildPerson(db, { organisationId: otherOrgId })).id;
    competenceId = (
      await buildCompetence(db, { frameworkId: (await buildPublicFramework(db)).id, label: { nl: 'Digitale werkmiddelen gebruiken' } })
    ).id;
    foreignCompetence = (await buildPrivateCompetence(db, otherOrgId)).id;
  });
  afterAll(() => t?.close());

  it('a supervisor records an interview about one of their people, linked to a competence and a learning question', async () => {
    const [question] = await t.db.database.db
      .insert(learningQuestions)
      .values({ organisationId: orgId, personId, text: 'Werken met de tablet', source: 'manager' })
      .returning();
    const res = await manager.request('POST', url(personId), {
      ...interview,
      competenceId,
      learningQuestionId: question.id,
      visibility: 'supervisor',
    });
    expect(res.statusCode).toBe(201);
    const list = res.json();
    expect(list.person.id).toBe(personId);
    expect(list.interviews).toHaveLength(1);
    expect(list.interviews[0]).toMatchObject({
      ...interview,
      competence: { id: competenceId },
      learningQuestion: { id: question.id, text: 'Werken met de tablet' },
      interviewer: { id: team.user.id },
      visibility: 'supervisor',
    });
    const audit = await t.db.database.db.select().from(auditLog).where(eq(auditLog.subject, list.interviews[0].id));
    expect(audit.map((a) => a.event)).toEqual(['starr_recorded']);
  });

  it('keeps managers to their own people and outsiders out', async () => {
    expect((await manager.request('POST', url(outsiderId), interview)).statusCode).toBe(403);
    expect((await manager.request('GET', url(outsiderId))).statusCode).toBe(403);
    expect((await otherManager.request('GET', url(personId))).statusCode).toBe(403);
    expect((await colleague.request('GET', url(personId))).statusCode).toBe(403);
    expect((await subject.request('POST', url(personId), interview)).statusCode).toBe(403);
    expect((await hr.request('GET', url(foreignPersonId))).statusCode).toBe(404);
    expect((await hr.request('POST', url(foreignPersonId), interview)).statusCode).toBe(404);
  });

  it('rejects bad input, naming the field', async () => {
    const path = async (body: object) => (await hr.request('POST', url(personId), body)).json().errors[0].path;
    expect(await path({ ...interview, competenceId: foreignCompetence })).toBe('/body/competenceId');
    expect(await path({ ...interview, learningQuestionId: '00000000-0000-7000-8000-000000000000' })).toBe('/body/learningQuestionId');
    const [otherQuestion] = await t.db.database.db
      .insert(learningQuestions)
      .values({ organisationId: orgId, personId: outsiderId, text: 'Excel', source: 'hr' })
      .returning();
    expect(await path({ ...interview, learningQuestionId: otherQuestion.id })).toBe('/body/learningQuestionId');
    expect(await path({ ...interview, heldOn: '2999-01-01' })).toBe('/body/heldOn');
    expect(await path({ heldOn: '2026-03-02', situation: '  ' })).toBe('/body/situation');
    expect(await path({ ...interview, heldOn: '2026-02-30' })).toBe('/body/heldOn');
    expect(await path({ ...interview, visibility: 'everyone' })).toBe('/body/visibility');
  });

  it('shows each reader the interviews their visibility allows', async () => {
    const created = async (session: Session, visibility: string, reflection: string) =>
      expect((await session.request('POST', url(personId), { ...interview, reflection, visibility })).statusCode).toBe(201);
    await created(hr, 'private', 'privé van HR');
    await created(hr, 'hr', 'gedeeld met HR');
    const seen = async (session: Session) =>
      (await session.request('GET', url(personId)))
        .json()
        .interviews.map((i: { reflection: string }) => i.reflection)
        .sort();
    // The supervisor's own interview (visibility supervisor) is "Wil het zelf leren.".
    expect(await seen(subject)).toEqual(['Wil het zelf leren.', 'gedeeld met HR', 'privé van HR']);
    expect(await seen(manager)).toEqual(['Wil het zelf leren.', 'gedeeld met HR']);
    expect(await seen(hr)).toEqual(['gedeeld met HR', 'privé van HR']);
    expect(await seen(otherHr)).toEqual(['gedeeld met HR']);
  });
});
