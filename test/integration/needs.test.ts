import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildFunctionProfile, buildPerson, buildTeam } from '../factories/people.js';
import { buildCampaign } from '../factories/supervision.js';
import {
  actionParticipants,
  auditLog,
  enrolments,
  internalTrainers,
  needPeople,
  offerCompetences,
  offerEditions,
  offers,
  organisationIssueCompetences,
  organisationIssues,
  organisationIssueTeams,
  organisations,
  planActionNeeds,
  planActions,
  starrInterviews,
  surveyResponses,
  trainingPlans,
  triages,
} from '../../src/db/schema/index.js';
import { recordAssessments } from '../../src/modules/assessments/record.js';
import { todayInBrussels } from '../../src/domain/calendar/brussels.js';

const day = 86_400_000;
const dateAgo = (days: number) => new Date(Date.now() - days * day).toISOString().slice(0, 10);
const currentYear = Number(todayInBrussels(new Date()).slice(0, 4));

const factors = (answers: Partial<Record<string, 'yes' | 'no' | 'unknown'>>, notes: Record<string, string> = {}) =>
  Object.fromEntries(
    ['information', 'resources', 'incentives', 'knowledge_skills', 'capacity', 'motives'].map((f) => [
      f,
      { answer: answers[f] ?? 'no', ...(notes[f] ? { note: notes[f] } : {}) },
    ]),
  );

describe.each(databaseKinds)('needs register, triage and prioritisation on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let otherOrgId: string;
  let hr: Session;
  let manager: Session;
  let employee: Session;
  let foreignHr: Session;
  let planning: string;
  let safety: string;
  let profile: string;
  let teamA: string;
  let teamB: string;
  let teamC: string;
  let foreignTeam: string;
  let foreignPerson: string;
  let issueId: string;
  const people: Record<string, string> = {};
  let needA: string;
  const base = () => `/api/organisations/${orgId}/needs`;
  const paths = (r: { json(): { errors?: Array<{ path: string }> } }) => [...new Set((r.json().errors ?? []).map((e) => e.path))];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    const org = await buildOrganisation(db, { name: 'De Brug' });
    orgId = org.id;
    await db.db
      .update(organisations)
      .set({ settings: { anonymityThreshold: 3 } })
      .where(eq(organisations.id, orgId));
    const other = await buildOrganisation(db);
    otherOrgId = other.id;
    hr = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'hr' })).email, TEST_PASSWORD);
    manager = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'manager' })).email, TEST_PASSWORD);
    employee = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'employee' })).email, TEST_PASSWORD);
    foreignHr = await logIn(t.app, (await buildUser(db, { organisationId: other.id, role: 'hr' })).email, TEST_PASSWORD);

    const fw = await buildPublicFramework(db);
    planning = (await buildCompetence(db, { frameworkId: fw.id, label: { nl: 'Werken met planningssoftware' } })).id;
    safety = (await buildCompetence(db, { frameworkId: fw.id, label: { nl: 'Veilig werken' } })).id;
    profile = (
      await buildFunctionProfile(db, {
        organisationId: orgId,
        name: 'Productiemedewerker',
        items: [
          { competenceId: planning, requiredLevel: 3, importance: 'core' },
          { competenceId: safety, requiredLevel: 2, importance: 'supporting' },
        ],
      })
    ).id;
    teamA = (await buildTeam(db, orgId, 'Verpakking')).id;
    teamB = (await buildTeam(db, orgId, 'Groen')).id;
    teamC = (await buildTeam(db, orgId, 'Atelier')).id;
    foreignTeam = (await buildTeam(db, other.id)).id;
    foreignPerson = (await buildPerson(db, { organisationId: other.id })).id;

    // Team A 4 people (gaps 2, 1, 0, 0), team B 2 people (hidden), team C 3 people (hidden to protect B).
    const levels: Array<[string, string, number]> = [
      ['a1', teamA, 1],
      ['a2', teamA, 2],
      ['a3', teamA, 3],
      ['a4', teamA, 3],
      ['b1', teamB, 1],
      ['b2', teamB, 1],
      ['c1', teamC, 3],
      ['c2', teamC, 3],
      ['c3', teamC, 2],
    ];
    for (const [name, teamId] of levels) {
      people[name] = (
        await buildPerson(db, { organisationId: orgId, teamId, functionProfileId: profile, displayName: `Persoon ${name.toUpperCase()}` })
      ).id;
    }
    await db.db.transaction((tx) =>
      recordAssessments(
        tx,
        levels.map(([name, , level]) => ({
          organisationId: orgId,
          personId: people[name],
          competenceId: planning,
          source: 'supervisor' as const,
          level,
          visibility: 'hr' as const,
          assessedAt: new Date(Date.now() - 7 * day),
        })),
        { now: new Date(), validityMonths: 24 },
      ),
    );

    // An open problem about the planning software in team A.
    [{ id: issueId }] = await db.db
      .insert(organisationIssues)
      .values({ organisationId: orgId, kind: 'problem', title: 'Meer fouten sinds de nieuwe planningssoftware' })
      .returning({ id: organisationIssues.id });
    await db.db.insert(organisationIssueTeams).values({ issueId, teamId: teamA });
    await db.db.insert(organisationIssueCompetences).values({ issueId, competenceId: planning });
  });
  afterAll(() => t?.close());

  describe('from the diagnosis in one click', () => {
    it('makes a need of a shown heat-map cell with its figures, named people with a gap and its sources', async () => {
      const res = await hr.request('POST', `${base()}/from-diagnosis`, { competenceId: planning, groupBy: 'team', groupId: teamA });
      expect(res.statusCode, res.body).toBe(201);
      const need = res.json();
      needA = need.id;
      expect(need).toMatchObject({
        title: 'Werken met planningssoftware – Verpakking',
        competence: { id: planning },
        team: { id: teamA, name: 'Verpakking' },
        peopleCount: 2,
        sources: ['diagnosis', 'organisation_issue', 'prognosis'],
        organisationIssue: { id: issueId },
        gapSummary: { assessed: 4, meanGap: 0.75, shareGap1: 0.5, shareGap2: 0.25 },
        status: 'open',
        classification: null,
        hiddenPeople: 0,
      });
      expect(need.people.map((p: { id: string }) => p.id).sort()).toEqual([people.a1, people.a2].sort());
    });

    it('returns the open need made earlier when clicked again', async () => {
      const res = await hr.request('POST', `${base()}/from-diagnosis`, { competenceId: planning, groupBy: 'team', groupId: teamA });
      expect(res.statusCode).toBe(200);
      expect(res.json().id).toBe(needA);
    });

    it('refuses a suppressed cell (below k, and hidden to protect it), naming the field, and stores nothing', async () => {
      const before = (await hr.request('GET', base())).json().items.length;
      for (const groupId of [teamB, teamC]) {
        const res = await hr.request('POST', `${base()}/from-diagnosis`, { competenceId: planning, groupBy: 'team', groupId });
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('need.cell_hidden');
        expect(paths(res)).toEqual(['/body/groupId']);
      }
      expect((await hr.request('GET', base())).json().items).toHaveLength(before);
    });

    it('makes a need of a top-need row (target group)', async () => {
      const res = await hr.request('POST', `${base()}/from-diagnosis`, {
        competenceId: planning,
        groupBy: 'target_group',
        groupId: 'target_group_employee',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        title: 'Werken met planningssoftware – Doelgroepmedewerkers',
        targetGroup: 'target_group_employee',
        peopleCount: 5,
        team: null,
      });
    });

    it('stores only the count for an anonymous campaign', async () => {
      const db = t.db.database;
      const campaign = await buildCampaign(db, { organisationId: orgId, competenceIds: [planning], mode: 'anonymous', status: 'closed' });
      const responses: string[] = [];
      for (let i = 0; i < 3; i++) {
        const [row] = await db.db
          .insert(surveyResponses)
          .values({
            campaignId: campaign.id,
            organisationId: orgId,
            resumeHash: `h-${i}-${campaign.id}`,
            functionProfileId: profile,
            targetGroup: 'target_group_employee',
            status: 'submitted',
            submittedAt: new Date(),
          })
          .returning();
        responses.push(row.id);
      }
      await db.db.transaction((tx) =>
        recordAssessments(
          tx,
          [1, 1, 3].map((level, i) => ({
            organisationId: orgId,
            responseId: responses[i],
            competenceId: planning,
            source: 'self' as const,
            level,
            campaignId: campaign.id,
            visibility: 'hr' as const,
            assessedAt: new Date(Date.now() - day),
          })),
          { now: new Date(), validityMonths: 24 },
        ),
      );
      const res = await hr.request('POST', `${base()}/from-diagnosis`, {
        competenceId: planning,
        groupBy: 'function_profile',
        groupId: profile,
        campaignId: campaign.id,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ peopleCount: 2, people: [], functionProfile: { id: profile }, gapSummary: { assessed: 3 } });
      expect(await db.db.select().from(needPeople).where(eq(needPeople.needId, res.json().id))).toEqual([]);
    });

    it('names the field for unknown competences, groups and foreign campaigns', async () => {
      const foreignCampaign = await buildCampaign(t.db.database, { organisationId: otherOrgId, competenceIds: [planning] });
      const cooking = await buildCompetence(t.db.database, {
        frameworkId: (await buildPublicFramework(t.db.database)).id,
        label: { nl: 'Koken' },
      });
      expect(
        paths(await hr.request('POST', `${base()}/from-diagnosis`, { competenceId: cooking.id, groupBy: 'team', groupId: teamA })),
      ).toEqual(['/body/competenceId']);
      // In the profile but nobody assessed: an empty cell is hidden too.
      expect(
        paths(await hr.request('POST', `${base()}/from-diagnosis`, { competenceId: safety, groupBy: 'team', groupId: teamA })),
      ).toEqual(['/body/groupId']);
      expect(
        paths(await hr.request('POST', `${base()}/from-diagnosis`, { competenceId: planning, groupBy: 'team', groupId: 'xyz' })),
      ).toEqual(['/body/groupId']);
      expect(
        paths(
          await hr.request('POST', `${base()}/from-diagnosis`, {
            competenceId: planning,
            groupBy: 'target_group',
            groupId: 'supervisory_staff',
          }),
        ),
      ).toEqual(['/body/groupId']);
      expect(
        paths(
          await hr.request('POST', `${base()}/from-diagnosis`, {
            competenceId: planning,
            groupBy: 'team',
            groupId: teamA,
            campaignId: foreignCampaign.id,
          }),
        ),
      ).toEqual(['/body/campaignId']);
    });
  });

  describe('register', () => {
    it('creates a need by hand and checks every id against the organisation', async () => {
      const bad = await hr.request('POST', base(), {
        title: 'Veilig werken in het groen',
        competenceId: safety,
        teamId: foreignTeam,
        personIds: [people.b1, foreignPerson],
      });
      expect(bad.statusCode).toBe(400);
      expect(paths(bad)).toEqual(['/body/teamId', '/body/personIds/1']);
      expect(paths(await hr.request('POST', base(), { title: '   ' }))).toEqual(['/body/title']);
      expect(paths(await hr.request('POST', base(), { title: 'x', personIds: [people.b1], peopleCount: 4 }))).toEqual([
        '/body/peopleCount',
      ]);

      const ok = await hr.request('POST', base(), {
        title: 'Veilig werken in het groen',
        competenceId: safety,
        teamId: teamB,
        personIds: [people.b1, people.b2],
        urgencyDate: '2030-01-01',
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ peopleCount: 2, sources: ['manual'], team: { id: teamB }, urgencyDate: '2030-01-01' });
      const patched = await hr.request('PATCH', `${base()}/${ok.json().id}`, { status: 'dismissed', personIds: [people.b1] });
      expect(patched.json()).toMatchObject({ status: 'dismissed', peopleCount: 1 });
      expect(paths(await hr.request('PATCH', `${base()}/${ok.json().id}`, { peopleCount: 9 }))).toEqual(['/body/peopleCount']);
      expect((await hr.request('DELETE', `${base()}/${ok.json().id}`)).statusCode).toBe(204);
      expect((await hr.request('GET', `${base()}/${ok.json().id}`)).statusCode).toBe(404);
    });

    it('lists with filters, sort and cursor pagination', async () => {
      const all = (await hr.request('GET', `${base()}?sort=title&limit=2`)).json();
      expect(all.items).toHaveLength(2);
      expect(all.nextCursor).toEqual(expect.any(String));
      const next = (await hr.request('GET', `${base()}?sort=title&limit=2&cursor=${all.nextCursor}`)).json();
      const titles = [...all.items, ...next.items].map((n: { title: string }) => n.title);
      expect(titles).toEqual([...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
      expect(new Set([...all.items, ...next.items].map((n: { id: string }) => n.id)).size).toBe(titles.length);
      // Needs of other groupings count the planning problem too (no team to narrow it down).
      expect(
        (await hr.request('GET', `${base()}?source=organisation_issue`))
          .json()
          .items.map((n: { title: string }) => n.title)
          .sort(),
      ).toEqual([
        'Werken met planningssoftware – Doelgroepmedewerkers',
        'Werken met planningssoftware – Productiemedewerker',
        'Werken met planningssoftware – Verpakking',
      ]);
      expect(
        (await hr.request('GET', `${base()}?teamId=${teamA}&competenceId=${planning}`)).json().items.map((n: { id: string }) => n.id),
      ).toEqual([needA]);
      expect(paths(await hr.request('GET', `${base()}?sort=created&cursor=${all.nextCursor}`))).toEqual(['/querystring/cursor']);
      expect(paths(await hr.request('GET', `${base()}?status=unknown`))).toEqual(['/querystring/status']);
    });

    it('lets managers read needs without naming people they do not supervise; employees and writes are refused', async () => {
      const res = await manager.request('GET', `${base()}/${needA}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ peopleCount: 2, people: [], hiddenPeople: 2 });
      expect((await manager.request('POST', base(), { title: 'x' })).statusCode).toBe(403);
      expect((await employee.request('GET', base())).statusCode).toBe(403);
      expect((await foreignHr.request('GET', `${base()}/${needA}`)).statusCode).toBe(404);
      expect((await foreignHr.request('GET', `/api/organisations/${otherOrgId}/needs/${needA}`)).statusCode).toBe(404);
    });
  });

  describe('triage', () => {
    it('classifies a non-training cause and creates one non-training action per cause in the draft plan of the year, in one go', async () => {
      const res = await hr.request('POST', `${base()}/${needA}/triage`, {
        factors: factors(
          { information: 'yes', resources: 'yes' },
          { resources: 'De planningssoftware werkt traag', information: 'Niemand legde de nieuwe werkwijze uit' },
        ),
        wishToLearn: 'yes',
        deadline: '2030-06-30',
      });
      expect(res.statusCode, res.body).toBe(201);
      const outcome = res.json();
      expect(outcome).toMatchObject({
        triage: {
          classification: 'non_training',
          needId: needA,
          deadline: '2030-06-30',
          factors: { resources: { answer: 'yes', note: 'De planningssoftware werkt traag' } },
        },
        reason: 'other_causes',
        proposedActions: [
          { factor: 'information', kind: 'communication' },
          { factor: 'resources', kind: 'tools' },
        ],
        actions: { written: true, planYear: currentYear, planStatus: 'draft' },
      });
      expect(outcome.triage.decidedBy.id).toEqual(expect.any(String));
      expect(outcome.actions.created.map((a: { nonTrainingKind: string }) => a.nonTrainingKind)).toEqual(['communication', 'tools']);

      const db = t.db.database.db;
      const [plan] = await db
        .select()
        .from(trainingPlans)
        .where(and(eq(trainingPlans.organisationId, orgId), eq(trainingPlans.year, currentYear)));
      expect(plan).toMatchObject({ title: `Opleidingsplan ${currentYear}`, status: 'draft' });
      const rows = await db
        .select()
        .from(planActions)
        .innerJoin(planActionNeeds, eq(planActionNeeds.actionId, planActions.id))
        .where(eq(planActionNeeds.needId, needA))
        .orderBy(planActions.position);
      expect(
        rows.map((r) => [r.plan_actions.kind, r.plan_actions.nonTrainingKind, r.plan_actions.planId, r.plan_actions.participantsCount]),
      ).toEqual([
        ['non_training', 'communication', plan.id, 2],
        ['non_training', 'tools', plan.id, 2],
      ]);
      expect(rows[1].plan_actions.description).toBe('De planningssoftware werkt traag');
      const need = (await hr.request('GET', `${base()}/${needA}`)).json();
      expect(need).toMatchObject({ classification: 'non_training', status: 'triaged', latestTriage: { id: outcome.triage.id } });
      expect(need.actions).toHaveLength(2);
    });

    it('does not create the same non-training action twice, and keeps the history (latest counts)', async () => {
      await hr.request('POST', `${base()}/${needA}/triage`, { factors: factors({ resources: 'yes' }), wishToLearn: 'unknown' });
      const again = await hr.request('POST', `${base()}/${needA}/triage`, {
        factors: factors({ knowledge_skills: 'yes' }),
        wishToLearn: 'yes',
      });
      expect(again.json()).toMatchObject({
        triage: { classification: 'training_need' },
        reason: 'knowledge_and_wish',
        proposedActions: [],
        actions: { written: false, created: [] },
      });
      const history = (await hr.request('GET', `${base()}/${needA}/triages`)).json();
      expect(history.map((h: { classification: string }) => h.classification)).toEqual(['training_need', 'non_training', 'non_training']);
      expect((await hr.request('GET', `${base()}/${needA}`)).json()).toMatchObject({ classification: 'training_need', status: 'triaged' });
      const links = await t.db.database.db.select().from(planActionNeeds).where(eq(planActionNeeds.needId, needA));
      expect(links).toHaveLength(2);
      const audits = await t.db.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.event, 'triage_decided')));
      expect(audits).toHaveLength(3);
    });

    it('only proposes actions when the plan of the year is approved', async () => {
      const db = t.db.database.db;
      const other = (await hr.request('POST', base(), { title: 'Bestellingen correct verpakken', teamId: teamA, peopleCount: 6 })).json();
      await db
        .update(trainingPlans)
        .set({ status: 'approved' })
        .where(and(eq(trainingPlans.organisationId, orgId), eq(trainingPlans.year, currentYear)));
      try {
        const res = await hr.request('POST', `${base()}/${other.id}/triage`, { factors: factors({ capacity: 'yes' }), wishToLearn: 'no' });
        expect(res.json()).toMatchObject({
          triage: { classification: 'non_training' },
          proposedActions: [{ factor: 'capacity', kind: 'work_organisation' }],
          actions: { written: false, planStatus: 'approved', created: [] },
        });
        expect(await db.select().from(planActionNeeds).where(eq(planActionNeeds.needId, other.id))).toEqual([]);
      } finally {
        await db
          .update(trainingPlans)
          .set({ status: 'draft' })
          .where(and(eq(trainingPlans.organisationId, orgId), eq(trainingPlans.year, currentYear)));
      }
    });

    it('rejects incomplete answers, long notes and foreign STARR interviews, and writes nothing', async () => {
      const db = t.db.database.db;
      const count = async () => (await db.select().from(triages).where(eq(triages.needId, needA))).length;
      const before = await count();
      const missing = factors({}) as Record<string, unknown>;
      delete missing.motives;
      expect(paths(await hr.request('POST', `${base()}/${needA}/triage`, { factors: missing, wishToLearn: 'yes' }))).toEqual([
        '/body/factors/motives',
      ]);
      expect(
        paths(
          await hr.request('POST', `${base()}/${needA}/triage`, {
            factors: factors({}, { information: 'x'.repeat(501) }),
            wishToLearn: 'yes',
          }),
        ),
      ).toEqual(['/body/factors/information/note']);
      expect(paths(await hr.request('POST', `${base()}/${needA}/triage`, { factors: factors({}), wishToLearn: 'maybe' }))).toEqual([
        '/body/wishToLearn',
      ]);
      const [starr] = await db
        .insert(starrInterviews)
        .values({ organisationId: otherOrgId, personId: foreignPerson, situation: 'x', heldOn: '2026-01-05' })
        .returning();
      const foreign = await hr.request('POST', `${base()}/${needA}/triage`, {
        factors: factors({ knowledge_skills: 'unknown' }),
        wishToLearn: 'yes',
        starrInterviewId: starr.id,
      });
      expect(paths(foreign)).toEqual(['/body/starrInterviewId']);
      expect(await count()).toBe(before);
      expect((await manager.request('POST', `${base()}/${needA}/triage`, { factors: factors({}), wishToLearn: 'yes' })).statusCode).toBe(
        403,
      );
    });

    it('triages a learning question (unclear → proposes nothing, history kept)', async () => {
      const question = (
        await hr.request('POST', `/api/organisations/${orgId}/learning-questions`, {
          text: 'Ik wil beter leren plannen met de nieuwe software',
          personId: people.a1,
        })
      ).json();
      const res = await hr.request('POST', `/api/organisations/${orgId}/learning-questions/${question.id}/triage`, {
        factors: factors({ knowledge_skills: 'unknown' }),
        wishToLearn: 'yes',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        triage: { classification: 'unclear', learningQuestionId: question.id, needId: null },
        reason: 'knowledge_unknown',
        actions: { written: false },
      });
      const history = await hr.request('GET', `/api/organisations/${orgId}/learning-questions/${question.id}/triages`);
      expect(history.json()).toHaveLength(1);
      expect((await foreignHr.request('GET', `/api/organisations/${orgId}/learning-questions/${question.id}/triages`)).statusCode).toBe(
        404,
      );
    });
  });

  describe('prioritisation', () => {
    let lastYearPlan: string;

    beforeAll(async () => {
      const db = t.db.database.db;
      // Training history: five colleagues trained 10 h recently; the need's people did not
      // (a participation of 30 months ago and a planned one do not count).
      [{ id: lastYearPlan }] = await db
        .insert(trainingPlans)
        .values({ organisationId: orgId, year: currentYear - 3, title: 'Oud plan', status: 'closed' })
        .returning({ id: trainingPlans.id });
      const [course] = await db
        .insert(planActions)
        .values({ planId: lastYearPlan, organisationId: orgId, kind: 'external_offer', title: 'Heftruck', durationMinutes: 600 })
        .returning();
      for (const name of ['a3', 'a4', 'b1', 'b2', 'c1']) {
        await db.insert(actionParticipants).values({
          actionId: course.id,
          personId: people[name],
          organisationId: orgId,
          status: 'completed',
          minutesAttended: 600,
          completedOn: dateAgo(100),
        });
      }
      await db.insert(actionParticipants).values({
        actionId: course.id,
        personId: people.a1,
        organisationId: orgId,
        status: 'completed',
        minutesAttended: 6000,
        completedOn: dateAgo(30 * 30.5),
      });
      await db.insert(actionParticipants).values({
        actionId: course.id,
        personId: people.a2,
        organisationId: orgId,
        status: 'planned',
        minutesAttended: 6000,
        completedOn: dateAgo(10),
      });
      await db.insert(internalTrainers).values({ organisationId: orgId, personId: people.c1, competenceId: planning });
    });

    it('suggests scores with reasons and inputs where data exists', async () => {
      const res = await hr.request('GET', `${base()}/${needA}/priority`);
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json();
      const c = Object.fromEntries(view.criteria.map((x: { criterion: string }) => [x.criterion, x]));
      expect(view.criteria.map((x: { criterion: string }) => x.criterion)).toEqual([
        'investment',
        'urgency',
        'success',
        'fairness',
        'feasibility',
        'core_task',
        'strategic_fit',
      ]);
      expect(c.core_task.suggestion).toEqual({ score: 5, reason: 'core_task.core', inputs: { core: 2, supporting: 0, absent: 0 } });
      expect(c.fairness.suggestion).toEqual({
        score: 5,
        reason: 'fairness.well_below',
        inputs: { affectedMedianHours: 0, organisationMedianHours: 10, people: 2, months: 24 },
      });
      expect(c.feasibility).toEqual(
        expect.objectContaining({
          suggestion: { score: 4, reason: 'feasibility.internal_trainer', inputs: { offersSoon: 0, offers: 0, internalTrainers: 1 } },
          note: null,
        }),
      );
      // The competence is at risk now in the prognosis (4 of 9 hold it): most urgent.
      expect(c.urgency.suggestion).toMatchObject({ score: 5, reason: 'urgency.prognosis', inputs: { atRiskYear: currentYear } });
      expect(c.investment).toMatchObject({ suggestion: null, note: 'investment.no_actions' });
      expect(c.success).toMatchObject({ suggestion: null, note: 'success.manual', current: null });
      expect(view.value).toBeNull();
    });

    it('suggests the investment from the linked training actions', async () => {
      const db = t.db.database.db;
      const [action] = await db
        .insert(planActions)
        .values({
          planId: lastYearPlan,
          organisationId: orgId,
          kind: 'internal_training',
          title: 'Planningssoftware in de praktijk',
          costPerParticipantCents: 20_000,
          durationMinutes: 420,
          participantsCount: 2,
        })
        .returning();
      await db.insert(planActionNeeds).values({ actionId: action.id, needId: needA });
      const c = (await hr.request('GET', `${base()}/${needA}/priority`))
        .json()
        .criteria.find((x: { criterion: string }) => x.criterion === 'investment');
      expect(c.suggestion).toEqual({
        score: 3,
        reason: 'investment.effort',
        inputs: { costPerParticipantCents: 20_000, hours: 7, actions: 1 },
      });
    });

    it('suggests feasibility from matching catalog offers with a free seat within 6 months', async () => {
      const db = t.db.database.db;
      const feasibility = async () =>
        (await hr.request('GET', `${base()}/${needA}/priority`))
          .json()
          .criteria.find((x: { criterion: string }) => x.criterion === 'feasibility');
      const provider = await buildOrganisation(t.db.database, { kind: 'training_provider' });
      const [offer] = await db
        .insert(offers)
        .values({
          providerId: provider.id,
          code: 'PLAN-1',
          title: { nl: 'Plannen met de tablet' },
          languages: ['nl'],
          format: 'classroom',
          durationMinutes: 420,
          priceCents: 15_000,
          status: 'published',
        })
        .returning();
      await db.insert(offerCompetences).values({ offerId: offer.id, competenceId: planning, level: 3 });
      const [edition] = await db
        .insert(offerEditions)
        .values({ offerId: offer.id, startsOn: dateAgo(-60), endsOn: dateAgo(-61), capacity: 8 })
        .returning();
      expect((await feasibility()).suggestion).toEqual({
        score: 5,
        reason: 'feasibility.offer_soon',
        inputs: { offersSoon: 1, offers: 1, internalTrainers: 1 },
      });
      // A full edition no longer counts; the internal trainer does.
      await db.update(offerEditions).set({ enrolledCount: 8 }).where(eq(offerEditions.id, edition.id));
      expect((await feasibility()).suggestion).toMatchObject({
        score: 4,
        reason: 'feasibility.internal_trainer',
        inputs: { offersSoon: 0, offers: 1 },
      });
    });

    it('rejects scores outside 1–5 and overrides or manual scores without a reason, naming the field', async () => {
      const put = (scores: unknown) => hr.request('PUT', `${base()}/${needA}/priority`, { scores });
      expect(paths(await put({ core_task: { score: 6 } }))).toEqual(['/body/scores/core_task/score']);
      expect(paths(await put({ core_task: { score: 0 } }))).toEqual(['/body/scores/core_task/score']);
      expect(paths(await put({ core_task: { score: 2.5 } }))).toEqual(['/body/scores/core_task/score']);
      expect(paths(await put({ core_task: { score: 3 }, success: { score: 4, reason: '  ' } }))).toEqual([
        '/body/scores/success/reason',
        '/body/scores/core_task/reason',
      ]);
      expect(paths(await put({ loyalty: { score: 3 } }))).toEqual(['/body/scores/loyalty']);
      expect(
        (await hr.request('GET', `${base()}/${needA}/priority`)).json().criteria.every((x: { current: unknown }) => x.current === null),
      ).toBe(true);
    });

    it('stores suggested, overridden and manual scores and the weighted priority; overrides are audited', async () => {
      const res = await hr.request('PUT', `${base()}/${needA}/priority`, {
        scores: {
          core_task: { score: 5 },
          fairness: { score: 5 },
          success: { score: 4, reason: 'Gemotiveerde ploeg' },
          strategic_fit: { score: 2, reason: 'Past niet in het meerjarenplan' },
          urgency: { score: 3, reason: 'Eerst de software laten aanpassen' },
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      const c = Object.fromEntries(res.json().criteria.map((x: { criterion: string; current: unknown }) => [x.criterion, x.current]));
      expect(c.core_task).toMatchObject({ score: 5, origin: 'suggested', reason: 'core_task.core', suggestedScore: 5 });
      expect(c.urgency).toMatchObject({ score: 3, origin: 'override', reason: 'Eerst de software laten aanpassen', suggestedScore: 5 });
      expect(c.success).toMatchObject({ score: 4, origin: 'manual', suggestedScore: null });
      expect(c.investment).toBeNull();
      // (5 + 5 + 4 + 2 + 3) / 5
      expect(res.json()).toMatchObject({ value: 3.8, missing: ['investment', 'feasibility'] });
      expect((await hr.request('GET', `${base()}/${needA}`)).json().priority).toBe(3.8);
      const [audit] = await t.db.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.event, 'priority_scored')));
      expect(audit.detail).toMatchObject({ scores: { urgency: { score: 3, origin: 'override', suggestedScore: 5 } } });
      expect(
        (await manager.request('PUT', `${base()}/${needA}/priority`, { scores: { success: { score: 1, reason: 'x' } } })).statusCode,
      ).toBe(403);
    });

    it('validates weights (all zero, negative, missing) and recomputes every priority when they change', async () => {
      const weights = (overrides: Record<string, unknown> = {}) => ({
        investment: 1,
        urgency: 1,
        success: 1,
        fairness: 1,
        feasibility: 1,
        core_task: 1,
        strategic_fit: 1,
        ...overrides,
      });
      const put = (w: unknown) => hr.request('PUT', `/api/organisations/${orgId}/priority-weights`, { weights: w });
      const zero = await put(
        weights({ investment: 0, urgency: 0, success: 0, fairness: 0, feasibility: 0, core_task: 0, strategic_fit: 0 }),
      );
      expect(zero.statusCode).toBe(400);
      expect(paths(zero)).toEqual(['/body/weights']);
      expect(paths(await put(weights({ urgency: -1 })))).toEqual(['/body/weights/urgency']);
      const missing = weights();
      delete (missing as Record<string, unknown>).fairness;
      expect(paths(await put(missing))).toEqual(['/body/weights/fairness']);
      expect((await manager.request('PUT', `/api/organisations/${orgId}/priority-weights`, { weights: weights() })).statusCode).toBe(403);

      const ok = await put(weights({ core_task: 3 }));
      expect(ok.json()).toEqual({ weights: weights({ core_task: 3 }), isDefault: false });
      // (3·5 + 5 + 4 + 2 + 3) / 7 = 29 / 7
      expect((await hr.request('GET', `${base()}/${needA}`)).json().priority).toBe(4.14);
      expect((await manager.request('GET', `/api/organisations/${orgId}/priority-weights`)).json().weights.core_task).toBe(3);
    });

    it('ranks with the tie rules (priority, then urgency, then people, then title), sorts, filters and shows the breakdown', async () => {
      const make = async (title: string, peopleCount: number, scores: Record<string, number>) => {
        const need = (await hr.request('POST', base(), { title, teamId: teamC, peopleCount })).json();
        const body = Object.fromEntries(Object.entries(scores).map(([k, score]) => [k, { score, reason: 'Ingeschat door HR' }]));
        expect((await hr.request('PUT', `${base()}/${need.id}/priority`, { scores: body })).statusCode).toBe(200);
        return need.id as string;
      };
      const bbb = await make('Bbb', 5, { success: 3 });
      const aaa = await make('Aaa', 5, { success: 3 });
      const many = await make('Ccc', 7, { success: 3 });
      const urgent = await make('Ddd', 1, { success: 2, urgency: 4 });
      const res = await hr.request('GET', `${base()}/ranked?teamId=${teamC}`);
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(items.map((i: { need: { id: string } }) => i.need.id)).toEqual([urgent, many, aaa, bbb]);
      expect(items.map((i: { rank: number }) => i.rank)).toEqual([1, 2, 3, 4]);
      expect(items[0].need.priority).toBe(3);
      expect(items[0].breakdown.find((b: { criterion: string }) => b.criterion === 'urgency')).toEqual({
        criterion: 'urgency',
        weight: 1,
        score: 4,
        origin: 'manual',
      });

      const byTitle = (await hr.request('GET', `${base()}/ranked?teamId=${teamC}&sort=title&order=desc`)).json().items;
      expect(byTitle.map((i: { need: { title: string } }) => i.need.title)).toEqual(['Ddd', 'Ccc', 'Bbb', 'Aaa']);
      expect(byTitle.map((i: { rank: number }) => i.rank)).toEqual([1, 2, 4, 3]);
      const all = (await hr.request('GET', `${base()}/ranked`)).json().items;
      expect(all[0].need.id).toBe(needA);
      expect(
        (await hr.request('GET', `${base()}/ranked?classification=training_need`))
          .json()
          .items.map((i: { need: { id: string } }) => i.need.id),
      ).toEqual([needA]);
    });

    it('exports the ranked list as CSV (formula-safe) and XLSX for HR, audited; managers may not export', async () => {
      await hr.request('POST', base(), { title: '=HYPERLINK("http://x")', peopleCount: 1 });
      const csv = await hr.request('GET', `${base()}/ranked.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[0]).toBe(
        'Plaats,Nood,Competentie,Groep,Personen,Status,Triage,Prioriteit,Investering (× 1),Dringendheid (× 1),Kans op succes (× 1),Billijkheid (× 1),Haalbaarheid (× 1),Kerntaak (× 3),Strategie (× 1),Uiterste datum,Bronnen',
      );
      expect(lines[1]).toContain('Werken met planningssoftware – Verpakking');
      expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
      const en = await hr.request('GET', `${base()}/ranked.csv?locale=en&sort=title`);
      expect(en.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Rank,Need,Competence/);
      const xlsx = await hr.request('GET', `${base()}/ranked.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect((await manager.request('GET', `${base()}/ranked.csv`)).statusCode).toBe(403);
      const exports = await t.db.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.event, 'data_export')));
      expect(exports.map((e) => e.subject).sort()).toEqual(['needs-ranked.csv', 'needs-ranked.csv', 'needs-ranked.xlsx']);
    });

    it('counts a completed catalog course the learner enrolled in outside the plan as training hours for fairness', async () => {
      const db = t.db.database.db;
      const fairness = async () =>
        (await hr.request('GET', `${base()}/${needA}/priority`))
          .json()
          .criteria.find((x: { criterion: string }) => x.criterion === 'fairness');
      expect((await fairness()).suggestion.inputs.affectedMedianHours).toBe(0);
      const provider = await buildOrganisation(t.db.database, { kind: 'training_provider' });
      const [offer] = await db
        .insert(offers)
        .values({
          providerId: provider.id,
          code: 'EIGEN-1',
          title: { nl: 'Avondcursus plannen' },
          languages: ['nl'],
          format: 'classroom',
          durationMinutes: 1200,
          priceCents: 0,
          status: 'published',
        })
        .returning();
      const [edition] = await db
        .insert(offerEditions)
        .values({ offerId: offer.id, startsOn: dateAgo(80), endsOn: dateAgo(60), capacity: 10 })
        .returning();
      for (const name of ['a1', 'a2']) {
        await db.insert(enrolments).values({
          editionId: edition.id,
          personId: people[name],
          employerId: orgId,
          status: 'completed',
          minutesAttended: 1200,
          completedOn: dateAgo(60),
        });
      }
      // A cancelled one and one of another employer do not count.
      await db.insert(enrolments).values({
        editionId: edition.id,
        personId: people.a3,
        employerId: orgId,
        status: 'cancelled',
        minutesAttended: 1200,
        completedOn: null,
      });
      const c = await fairness();
      expect(c.suggestion.inputs).toMatchObject({ affectedMedianHours: 20, people: 2 });
      expect(c.suggestion.score).toBeLessThan(5);
    });
  });
});
