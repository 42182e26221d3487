import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildFunctionProfile, buildPerson, buildTeam } from '../factories/people.js';
import { buildCampaign, buildManagerWithTeam, buildPrivateCompetence } from '../factories/supervision.js';
import { auditLog, learningQuestionCompetences, learningQuestions, surveyResponses } from '../../src/db/schema/index.js';
import { createLearningQuestionFromSurvey } from '../../src/modules/learning-questions/index.js';

interface View {
  id: string;
  status: string;
  source: string;
  competences: Array<{ competenceId: string; confirmed: boolean; suggestionRank: number | null }>;
  decidedBy: { id: string; displayName: string } | null;
  decidedAt: string | null;
}

describe.each(databaseKinds)('learning questions on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let otherOrgId: string;
  let hr: Session;
  let hrUserId: string;
  let manager: Session;
  let employee: Session;
  let team: Awaited<ReturnType<typeof buildManagerWithTeam>>;
  let otherTeamId: string;
  let outsider: string;
  let foreignPerson: string;
  let tabletInProfile: string;
  let tabletElsewhere: string;
  let safety: string;
  let foreignCompetence: string;
  let campaignId: string;
  const base = () => `/api/organisations/${orgId}/learning-questions`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    orgId = (await buildOrganisation(db)).id;
    otherOrgId = (await buildOrganisation(db)).id;
    const hrUser = await buildUser(db, { organisationId: orgId, role: 'hr' });
    hrUserId = hrUser.id;
    hr = await logIn(t.app, hrUser.email, TEST_PASSWORD);
    employee = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'employee' })).email, TEST_PASSWORD);
    const fw = await buildPublicFramework(db);
    tabletInProfile = (await buildCompetence(db, { frameworkId: fw.id, label: { nl: 'Werkopdrachten op de tablet openen' } })).id;
    tabletElsewhere = (await buildCompetence(db, { frameworkId: fw.id, label: { nl: 'Tablet' }, altLabels: { nl: ['tablet gebruiken'] } }))
      .id;
    safety = (await buildCompetence(db, { frameworkId: fw.id, label: { nl: 'Veilig werken met machines' } })).id;
    foreignCompetence = (await buildPrivateCompetence(db, otherOrgId, 'Werken met de tablet van de concurrent')).id;
    const profile = await buildFunctionProfile(db, { organisationId: orgId, items: [{ competenceId: tabletInProfile, requiredLevel: 2 }] });
    team = await buildManagerWithTeam(db, { organisationId: orgId, reports: 2, functionProfileId: profile.id });
    manager = await logIn(t.app, team.user.email, TEST_PASSWORD);
    otherTeamId = (await buildTeam(db, orgId)).id;
    outsider = (await buildPerson(db, { organisationId: orgId, teamId: otherTeamId })).id;
    foreignPerson = (await buildPerson(db, { organisationId: otherOrgId })).id;
    campaignId = (await buildCampaign(db, { organisationId: orgId, competenceIds: [tabletInProfile, safety] })).id;
  });
  afterAll(() => t?.close());

  it('suggests competences by Dutch full-text search, the organisation’s own first, at most five, unconfirmed', async () => {
    const res = await hr.request('POST', base(), {
      text: 'Ik wil beter leren werken met de tablet aan de lijn.',
      personId: team.people[0].id,
    });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      source: 'hr',
      status: 'new',
      visibility: 'hr',
      person: { id: team.people[0].id },
      team: { id: team.team.id },
    });
    const ids = view.competences.map((c: { competenceId: string }) => c.competenceId);
    expect(ids[0]).toBe(tabletInProfile);
    expect(ids).toContain(tabletElsewhere);
    expect(ids).not.toContain(foreignCompetence);
    expect(ids.length).toBeLessThanOrEqual(5);
    expect(view.competences.every((c: { confirmed: boolean }) => !c.confirmed)).toBe(true);
    expect(view.competences.map((c: { suggestionRank: number }) => c.suggestionRank)).toEqual(ids.map((_: string, i: number) => i + 1));
  });

  it('stores a question without suggestions when nothing matches', async () => {
    const res = await hr.request('POST', base(), { text: 'xyzzy qwertz', teamId: otherTeamId });
    expect(res.statusCode).toBe(201);
    expect(res.json().competences).toEqual([]);
  });

  it('rejects ids of other organisations, naming the field, and stores nothing', async () => {
    const count = async () =>
      (await t.db.database.db.select().from(learningQuestions).where(eq(learningQuestions.organisationId, orgId))).length;
    const before = await count();
    const foreignCampaign = await buildCampaign(t.db.database, { organisationId: otherOrgId, competenceIds: [] });
    const otherTeam = await buildTeam(t.db.database, otherOrgId);
    expect((await hr.request('POST', base(), { text: 'Excel', personId: foreignPerson })).json().errors[0].path).toBe('/body/personId');
    expect((await hr.request('POST', base(), { text: 'Excel', teamId: otherTeam.id })).json().errors[0].path).toBe('/body/teamId');
    expect((await hr.request('POST', base(), { text: 'Excel', campaignId: foreignCampaign.id })).json().errors[0].path).toBe(
      '/body/campaignId',
    );
    expect(
      (await hr.request('POST', base(), { text: 'Excel', personId: team.people[0].id, teamId: otherTeamId })).json().errors[0].path,
    ).toBe('/body/teamId');
    expect((await hr.request('POST', base(), { text: 'Excel', source: 'employee' })).json().errors[0].path).toBe('/body/personId');
    expect((await hr.request('POST', base(), { text: 'Excel', source: 'survey' })).json().errors[0].path).toBe('/body/source');
    expect((await hr.request('POST', base(), { text: '   ' })).json().errors[0].path).toBe('/body/text');
    expect(await count()).toBe(before);
  });

  it('lets a manager add questions only for the people and teams they supervise', async () => {
    const own = await manager.request('POST', base(), {
      text: 'Heftruckbrevet halen',
      personId: team.people[1].id,
      visibility: 'supervisor',
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ source: 'manager', visibility: 'supervisor', team: { id: team.team.id } });
    expect((await manager.request('POST', base(), { text: 'Rustig blijven als het druk is', teamId: team.team.id })).statusCode).toBe(201);
    expect((await manager.request('POST', base(), { text: 'Excel', personId: outsider })).statusCode).toBe(403);
    expect((await manager.request('POST', base(), { text: 'Excel', teamId: otherTeamId })).statusCode).toBe(403);
    expect((await manager.request('POST', base(), { text: 'Excel' })).json().errors[0].path).toBe('/body/personId');
    expect(
      (await manager.request('POST', base(), { text: 'Excel', personId: team.people[0].id, source: 'hr' })).json().errors[0].path,
    ).toBe('/body/source');
    expect((await employee.request('POST', base(), { text: 'Excel' })).statusCode).toBe(403);
    expect((await employee.request('GET', base())).statusCode).toBe(403);
  });

  it('shows each reader only what the visibility and the supervision allow', async () => {
    const db = t.db.database.db;
    const create = async (values: Partial<typeof learningQuestions.$inferInsert>) =>
      (
        await db
          .insert(learningQuestions)
          .values({ organisationId: orgId, text: 'x', source: 'hr', ...values })
          .returning()
      )[0].id;
    const outsiderHr = await create({ text: 'Buiten het team', personId: outsider, teamId: otherTeamId, visibility: 'hr' });
    const privateOne = await create({
      text: 'Privé',
      personId: team.people[0].id,
      teamId: team.team.id,
      visibility: 'private',
      createdBy: hrUserId,
    });
    const privateOther = await create({
      text: 'Privé van iemand anders',
      personId: team.people[0].id,
      teamId: team.team.id,
      visibility: 'private',
    });
    const supervisorOnly = await create({
      text: 'Voor de leiding',
      personId: team.people[0].id,
      teamId: team.team.id,
      visibility: 'supervisor',
    });
    const anonymous = await create({ text: 'Anoniem uit de bevraging', source: 'survey', teamId: team.team.id, visibility: 'hr' });

    const idsFor = async (session: Session) =>
      new Set((await session.request('GET', `${base()}?limit=200`)).json().items.map((q: View) => q.id));
    const forManager = await idsFor(manager);
    expect(forManager.has(supervisorOnly)).toBe(true);
    expect(forManager.has(outsiderHr)).toBe(false);
    expect(forManager.has(privateOne)).toBe(false);
    expect(forManager.has(anonymous)).toBe(false);
    const forHr = await idsFor(hr);
    expect(forHr.has(outsiderHr)).toBe(true);
    expect(forHr.has(privateOne)).toBe(true); // HR wrote it
    expect(forHr.has(privateOther)).toBe(false);
    expect(forHr.has(supervisorOnly)).toBe(false);
    expect(forHr.has(anonymous)).toBe(true);
    expect((await manager.request('GET', `${base()}/${outsiderHr}`)).statusCode).toBe(404);
    expect((await manager.request('POST', `${base()}/${outsiderHr}/decision`, { status: 'confirmed' })).statusCode).toBe(404);
  });

  it('pages newest first with a cursor and filters', async () => {
    const first = (await hr.request('GET', `${base()}?limit=2`)).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1].id);
    const second = (await hr.request('GET', `${base()}?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id < first.items[1].id).toBe(true);
    const bySource = (await hr.request('GET', `${base()}?source=survey`)).json().items;
    expect(bySource.every((q: View) => q.source === 'survey')).toBe(true);
    const byCompetence = (await hr.request('GET', `${base()}?competenceId=${tabletInProfile}`)).json().items;
    expect(byCompetence.length).toBeGreaterThan(0);
    expect(byCompetence.every((q: View) => q.competences.some((c) => c.competenceId === tabletInProfile))).toBe(true);
  });

  it('HR confirms or changes the competences, then decides', async () => {
    const question = (
      await hr.request('POST', base(), { text: 'Werken met de tablet', personId: team.people[0].id, campaignId })
    ).json() as View;
    const url = `${base()}/${question.id}`;
    const bad = await hr.request('PUT', `${url}/competences`, { competences: [{ competenceId: foreignCompetence, confirmed: true }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/body/competences/0/competenceId');
    const twice = await hr.request('PUT', `${url}/competences`, {
      competences: [
        { competenceId: safety, confirmed: true },
        { competenceId: safety, confirmed: false },
      ],
    });
    expect(twice.json().errors[0].path).toBe('/body/competences/1/competenceId');

    const changed = await hr.request('PUT', `${url}/competences`, {
      competences: [
        { competenceId: tabletInProfile, confirmed: true },
        { competenceId: safety, confirmed: true },
      ],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().competences).toEqual([
      expect.objectContaining({ competenceId: tabletInProfile, confirmed: true, suggestionRank: 1 }),
      expect.objectContaining({ competenceId: safety, confirmed: true, suggestionRank: null }),
    ]);

    // Suggesting again keeps what HR confirmed and adds fresh unconfirmed suggestions.
    const again = (await hr.request('POST', `${url}/suggest`)).json() as View;
    expect(again.competences.filter((c) => c.confirmed).map((c) => c.competenceId)).toEqual([tabletInProfile, safety]);
    expect(again.competences.some((c) => !c.confirmed)).toBe(true);

    const decided = await hr.request('POST', `${url}/decision`, { status: 'confirmed' });
    expect(decided.json()).toMatchObject({ status: 'confirmed', decidedBy: { id: hrUserId } });
    expect(decided.json().decidedAt).not.toBeNull();
    const audit = await t.db.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'learning_question_decided'), eq(auditLog.subject, question.id)));
    expect(audit).toHaveLength(1);
    const reopened = (await hr.request('POST', `${url}/decision`, { status: 'new' })).json();
    expect(reopened).toMatchObject({ status: 'new', decidedBy: null, decidedAt: null });
    expect((await hr.request('POST', `${url}/decision`, { status: 'maybe' })).json().errors[0].path).toBe('/body/status');
  });

  it('turns a survey answer into one question per response, with suggestions, in the caller’s transaction', async () => {
    const db = t.db.database.db;
    const [response] = await db
      .insert(surveyResponses)
      .values({
        campaignId,
        organisationId: orgId,
        personId: team.people[0].id,
        resumeHash: `h-${Date.now()}`,
        teamId: team.team.id,
        targetGroup: 'target_group_employee',
      })
      .returning();
    const input = {
      organisationId: orgId,
      responseId: response.id,
      campaignId,
      teamId: team.team.id,
      personId: team.people[0].id,
      text: 'Beter leren werken met de tablet',
      visibility: 'hr' as const,
    };
    const first = await db.transaction((tx) => createLearningQuestionFromSurvey(tx, input));
    const second = await db.transaction((tx) => createLearningQuestionFromSurvey(tx, input));
    expect(first).toMatchObject({ created: true });
    expect(second).toEqual({ id: first!.id, created: false });
    const rows = await db.select().from(learningQuestions).where(eq(learningQuestions.responseId, response.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'survey', campaignId, status: 'new' });
    const links = await db.select().from(learningQuestionCompetences).where(eq(learningQuestionCompetences.questionId, first!.id));
    expect(links.find((l) => l.suggestionRank === 1)?.competenceId).toBe(tabletInProfile);

    // A changed answer replaces the text and the unconfirmed suggestions.
    await db.transaction((tx) => createLearningQuestionFromSurvey(tx, { ...input, text: 'Veilig werken met machines' }));
    const [changed] = await db.select().from(learningQuestions).where(eq(learningQuestions.responseId, response.id));
    expect(changed.text).toBe('Veilig werken met machines');
    const relinked = await db.select().from(learningQuestionCompetences).where(eq(learningQuestionCompetences.questionId, first!.id));
    expect(relinked.find((l) => l.suggestionRank === 1)?.competenceId).toBe(safety);

    // A failing submission rolls the question back with it.
    const [other] = await db
      .insert(surveyResponses)
      .values({
        campaignId,
        organisationId: orgId,
        resumeHash: `h2-${Date.now()}`,
        teamId: team.team.id,
        targetGroup: 'target_group_employee',
      })
      .returning();
    await expect(
      db.transaction(async (tx) => {
        await createLearningQuestionFromSurvey(tx, { ...input, responseId: other.id, personId: null });
        throw new Error('submission failed');
      }),
    ).rejects.toThrow('submission failed');
    expect(await db.select().from(learningQuestions).where(eq(learningQuestions.responseId, other.id))).toHaveLength(0);
    expect(await db.transaction((tx) => createLearningQuestionFromSurvey(tx, { ...input, responseId: other.id, text: '  ' }))).toBeNull();
  });
});
