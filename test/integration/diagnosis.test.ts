import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignCompetences, campaigns, surveyResponses } from '../../src/db/schema/index.js';
import { recordAssessments, type NewAssessment } from '../../src/modules/assessments/record.js';
import { databaseKinds } from '../support/databases.js';
import { pdfWords } from '../support/pdf-text.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildFunctionProfile, buildPerson, buildTeam, type TargetGroup } from '../factories/people.js';

/*
 * The diagnosis API, and attempts to break its anonymity (domain-rules §3).
 *
 * The organisation (k = 5), profile P: C1 required 3 (4 from the horizon year), C2 required 2.
 *   team A: 5 target-group employees, supervised by the manager; C1 supervisor [1,2,3,3,4]
 *           (A1 self 4: disagreement; A3 self 1, private: disagreement only the person sees;
 *           A4 self 0 shared with the supervisor, the manager's own rating private: only the manager)
 *   team B: 4 target-group employees; C1 [1,1,2,3]
 *   team C: 11 target-group employees + 1 supervisory staff (C1 4), 1 unrated person; C1
 *           [3×8, 1, 1, 1, 4]; C9 self 3 (disagreement, not supervised by the manager);
 *           C1..C3 leave next year
 *   team D: 6 supervisory staff, a name that looks like a spreadsheet formula; C1 all 3
 *   C2: A and B all 2, C all 1, D [0,0,1,2,2,2]
 *   two people with profile P2 (C3 required 2), no ratings: prognosis row below k
 */

const YEAR = new Date().getUTCFullYear();
const HORIZON = YEAR + 4;
const FORMULA_TEAM = '=HYPERLINK("http://evil.example","klik")';

describe.each(databaseKinds)('diagnosis on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let hr: Session;
  let admin: Session;
  let manager: Session;
  let employee: Session;
  let analyst: Session;
  let outsiderHr: Session;
  let otherOrgTeamId: string;
  let otherOrgCampaignId: string;
  const ids = { c1: '', c2: '', c3: '', teamA: '', teamB: '', teamC: '', teamD: '', namedCampaign: '', anonymousCampaign: '' };
  const person: Record<string, string> = {};

  const api = (path: string) => `/api/organisations/${orgId}${path}`;
  const get = async (session: Session, path: string) => session.request('GET', api(path));
  const heatmap = async (query = '') => {
    const res = await get(hr, `/diagnosis/heatmap${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const cell = (map: { cells: Array<{ competenceId: string; groupId: string }> }, competenceId: string, groupId: string) =>
    map.cells.find((c) => c.competenceId === competenceId && c.groupId === groupId) as Record<string, unknown>;
  const total = (map: { totals: Array<{ competenceId: string }> }, competenceId: string) =>
    map.totals.find((c) => c.competenceId === competenceId) as Record<string, unknown>;
  const setK = async (k: number) =>
    expect((await admin.request('PATCH', `/api/organisations/${orgId}/settings`, { anonymityThreshold: k })).statusCode).toBe(200);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const database = t.db.database;
    const org = await buildOrganisation(database, { name: 'Werkplaats De Brug' });
    orgId = org.id;
    const fw = await buildPublicFramework(database);
    ids.c1 = (
      await buildCompetence(database, {
        frameworkId: fw.id,
        key: 'c1-veilig',
        label: { nl: 'Veilig werken', fr: 'Travailler en sécurité', en: 'Working safely' },
      })
    ).id;
    ids.c2 = (
      await buildCompetence(database, {
        frameworkId: fw.id,
        key: 'c2-digitaal',
        label: { nl: 'Digitale planning', en: 'Digital planning' },
      })
    ).id;
    ids.c3 = (await buildCompetence(database, { frameworkId: fw.id, key: 'c3-heftruck', label: { nl: 'Heftruck rijden' } })).id;
    const profile = await buildFunctionProfile(database, {
      organisationId: orgId,
      name: 'Productiemedewerker',
      items: [
        { competenceId: ids.c1, requiredLevel: 3, futureLevel: 4, horizonYear: HORIZON },
        { competenceId: ids.c2, requiredLevel: 2 },
      ],
    });
    const profile2 = await buildFunctionProfile(database, {
      organisationId: orgId,
      name: 'Heftruckchauffeur',
      items: [{ competenceId: ids.c3, requiredLevel: 2 }],
    });

    const hrUser = await buildUser(database, { organisationId: orgId, role: 'hr' });
    const adminUser = await buildUser(database, { organisationId: orgId, role: 'org_admin' });
    const managerUser = await buildUser(database, { organisationId: orgId, role: 'manager' });
    const employeeUser = await buildUser(database, { organisationId: orgId, role: 'employee' });
    const analystUser = await buildUser(database, { organisationId: orgId, role: 'analyst' });
    hr = await logIn(t.app, hrUser.email, TEST_PASSWORD);
    admin = await logIn(t.app, adminUser.email, TEST_PASSWORD);
    manager = await logIn(t.app, managerUser.email, TEST_PASSWORD);
    employee = await logIn(t.app, employeeUser.email, TEST_PASSWORD);
    analyst = await logIn(t.app, analystUser.email, TEST_PASSWORD);

    const other = await buildOrganisation(database);
    const outsider = await buildUser(database, { organisationId: other.id, role: 'hr' });
    outsiderHr = await logIn(t.app, outsider.email, TEST_PASSWORD);
    otherOrgTeamId = (await buildTeam(database, other.id, 'Vreemd team')).id;

    ids.teamA = (await buildTeam(database, orgId, 'Atelier')).id;
    ids.teamB = (await buildTeam(database, orgId, 'Buitendienst')).id;
    ids.teamC = (await buildTeam(database, orgId, 'Conditionering')).id;
    ids.teamD = (await buildTeam(database, orgId, FORMULA_TEAM)).id;

    person.M = (
      await buildPerson(database, {
        organisationId: orgId,
        displayName: 'Mia Manager',
        userId: managerUser.id,
        targetGroup: 'supervisory_staff',
      })
    ).id;
    const make = async (
      name: string,
      teamId: string,
      targetGroup: TargetGroup,
      extra: { userId?: string; supervisorId?: string; plannedExitDate?: string } = {},
    ) => {
      person[name] = (
        await buildPerson(database, {
          organisationId: orgId,
          displayName: name,
          teamId,
          functionProfileId: profile.id,
          targetGroup,
          ...extra,
        })
      ).id;
    };
    for (let i = 1; i <= 5; i++)
      await make(`A${i}`, ids.teamA, 'target_group_employee', { supervisorId: person.M, ...(i === 3 ? { userId: employeeUser.id } : {}) });
    for (let i = 1; i <= 4; i++) await make(`B${i}`, ids.teamB, 'target_group_employee');
    for (let i = 1; i <= 12; i++)
      await make(
        `C${i}`,
        ids.teamC,
        i === 12 ? 'supervisory_staff' : 'target_group_employee',
        i <= 3 ? { plannedExitDate: `${YEAR + 1}-06-30` } : {},
      );
    await make('U', ids.teamC, 'target_group_employee');
    for (let i = 1; i <= 6; i++) await make(`D${i}`, ids.teamD, 'supervisory_staff');
    for (let i = 1; i <= 2; i++) {
      person[`X${i}`] = (
        await buildPerson(database, {
          organisationId: orgId,
          displayName: `X${i}`,
          functionProfileId: profile2.id,
          targetGroup: 'other_staff',
        })
      ).id;
    }

    const assessedAt = new Date(Date.now() - 2 * 86_400_000);
    const ratings: NewAssessment[] = [];
    const rate = (
      name: string,
      competenceId: string,
      level: number,
      source: 'self' | 'supervisor' = 'supervisor',
      visibility: 'hr' | 'supervisor' | 'private' = 'hr',
      extra: Partial<NewAssessment> = {},
    ) => ratings.push({ organisationId: orgId, personId: person[name], competenceId, source, level, visibility, assessedAt, ...extra });
    [1, 2, 3, 3, 4].forEach((level, i) => rate(`A${i + 1}`, ids.c1, level));
    [1, 1, 2, 3].forEach((level, i) => rate(`B${i + 1}`, ids.c1, level));
    [3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 4].forEach((level, i) => rate(`C${i + 1}`, ids.c1, level));
    for (let i = 1; i <= 6; i++) rate(`D${i}`, ids.c1, 3);
    for (let i = 1; i <= 5; i++) rate(`A${i}`, ids.c2, 2);
    for (let i = 1; i <= 4; i++) rate(`B${i}`, ids.c2, 2);
    for (let i = 1; i <= 12; i++) rate(`C${i}`, ids.c2, 1);
    [0, 0, 1, 2, 2, 2].forEach((level, i) => rate(`D${i + 1}`, ids.c2, level));
    rate('A1', ids.c1, 4, 'self');
    rate('A3', ids.c1, 1, 'self', 'private');
    rate('C9', ids.c1, 3, 'self');
    // A4: self 0 shared with the supervisor; the manager's newer rating (same level 3) kept private.
    rate('A4', ids.c1, 0, 'self', 'supervisor');
    rate('A4', ids.c1, 3, 'supervisor', 'private', {
      authorUserId: managerUser.id,
      assessedAt: new Date(assessedAt.getTime() + 3_600_000),
    });
    const settings = { now: new Date(), validityMonths: 24 };
    await database.db.transaction((tx) => recordAssessments(tx, ratings, settings));

    // A named campaign (C1 only) answered by team A, and an anonymous one answered by 6 people of team C.
    const campaignRow = (mode: 'named' | 'anonymous', title: string, organisationId = orgId) => ({
      organisationId,
      title,
      perspectives: ['competence' as const],
      mode,
      status: 'closed' as const,
      opensOn: `${YEAR}-01-01`,
      closesOn: `${YEAR}-01-31`,
      locales: ['nl'],
      scope: { teamIds: [], functionProfileIds: [], targetGroups: [] },
    });
    [{ id: ids.namedCampaign }] = await database.db
      .insert(campaigns)
      .values(campaignRow('named', 'Bevraging atelier'))
      .returning({ id: campaigns.id });
    [{ id: ids.anonymousCampaign }] = await database.db
      .insert(campaigns)
      .values(campaignRow('anonymous', 'Anonieme bevraging'))
      .returning({ id: campaigns.id });
    [{ id: otherOrgCampaignId }] = await database.db
      .insert(campaigns)
      .values(campaignRow('named', 'Vreemd', other.id))
      .returning({ id: campaigns.id });
    await database.db.insert(campaignCompetences).values([
      { campaignId: ids.namedCampaign, competenceId: ids.c1, position: 0 },
      { campaignId: ids.anonymousCampaign, competenceId: ids.c1, position: 0 },
      { campaignId: ids.anonymousCampaign, competenceId: ids.c2, position: 1, defaultRequiredLevel: 2 },
    ]);
    for (let i = 1; i <= 5; i++) {
      await database.db.insert(surveyResponses).values({
        campaignId: ids.namedCampaign,
        organisationId: orgId,
        personId: person[`A${i}`],
        resumeHash: randomUUID(),
        teamId: ids.teamA,
        functionProfileId: profile.id,
        targetGroup: 'target_group_employee',
        status: 'submitted',
        submittedAt: new Date(),
      });
    }
    const anonymous: NewAssessment[] = [];
    for (let i = 0; i < 6; i++) {
      const [response] = await database.db
        .insert(surveyResponses)
        .values({
          campaignId: ids.anonymousCampaign,
          organisationId: orgId,
          resumeHash: randomUUID(),
          teamId: ids.teamC,
          functionProfileId: profile.id,
          targetGroup: 'target_group_employee',
          status: 'submitted',
          submittedAt: new Date(),
        })
        .returning({ id: surveyResponses.id });
      anonymous.push({
        organisationId: orgId,
        responseId: response.id,
        competenceId: ids.c1,
        source: 'self',
        level: 1,
        campaignId: ids.anonymousCampaign,
        visibility: 'hr',
        assessedAt,
      });
    }
    await database.db.transaction((tx) => recordAssessments(tx, anonymous, settings));
  });
  afterAll(() => t?.close());

  describe('heat map', () => {
    it('computes the standard aggregates per team (mean gap, share with gap 1+ and 2+)', async () => {
      const map = await heatmap('?groupBy=team');
      expect(map.threshold).toBe(5);
      expect(map.groups.map((g: { id: string }) => g.id).sort()).toEqual([ids.teamA, ids.teamB, ids.teamC, ids.teamD].sort());
      expect(map.groups.find((g: { id: string }) => g.id === ids.teamA).label).toBe('Atelier');
      expect(map.competences.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([ids.c1, ids.c2, ids.c3]));
      // Team C, C1: gaps [0×8, 2, 2, 2, 0] → mean 0.5, shares 0.25.
      expect(cell(map, ids.c1, ids.teamC)).toEqual({
        competenceId: ids.c1,
        groupId: ids.teamC,
        shown: true,
        assessed: 12,
        meanGap: 0.5,
        shareGap1: 0.25,
        shareGap2: 0.25,
      });
      // All 27: gap sum 14, 8 with gap ≥ 1, 6 with gap ≥ 2.
      expect(total(map, ids.c1)).toMatchObject({ shown: true, assessed: 27, meanGap: 0.519, shareGap1: 0.296, shareGap2: 0.222 });
      // Nobody has a required level for C3 and a rating: every cell hidden, never 0.
      expect(total(map, ids.c3)).toMatchObject({ shown: false, reason: 'below_threshold', assessed: null, meanGap: null });
    });

    it('hides a team of 4 at k = 5', async () => {
      const map = await heatmap();
      expect(cell(map, ids.c1, ids.teamB)).toEqual({
        competenceId: ids.c1,
        groupId: ids.teamB,
        shown: false,
        reason: 'below_threshold',
        assessed: null,
        meanGap: null,
        shareGap1: null,
        shareGap2: null,
      });
    });

    it('hides the team of 5 next to the team of 4 (complementary), so the 4 cannot be computed from the total', async () => {
      const map = await heatmap();
      expect(cell(map, ids.c1, ids.teamA)).toMatchObject({ shown: false, reason: 'complementary', assessed: null });
      // No row has its total shown with exactly one hidden non-empty part.
      for (const competence of map.competences) {
        if (!total(map, competence.id).shown) continue;
        const hidden = map.cells.filter((c: { competenceId: string; shown: boolean }) => c.competenceId === competence.id && !c.shown);
        expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
      }
    });

    it('never answers two filters whose groups differ by one person', async () => {
      // Team C has 12 rated people, one of them supervisory staff.
      const team = await heatmap(`?teamId=${ids.teamC}`);
      const narrowed = await heatmap(`?teamId=${ids.teamC}&targetGroup=target_group_employee`);
      expect(total(team, ids.c1)).toMatchObject({ shown: true, assessed: 12 });
      expect(total(narrowed, ids.c1)).toMatchObject({ shown: false, reason: 'differencing', assessed: null });
      expect(cell(narrowed, ids.c1, ids.teamC)).toMatchObject({ shown: false, reason: 'differencing' });
      for (const competenceId of [ids.c1, ids.c2]) {
        expect(Boolean(total(team, competenceId).shown) && Boolean(total(narrowed, competenceId).shown)).toBe(false);
      }
      // The single supervisory person of team C, and the rest of the team next to them.
      const split = await heatmap(`?teamId=${ids.teamC}&groupBy=target_group`);
      expect(cell(split, ids.c1, 'supervisory_staff')).toMatchObject({ shown: false, reason: 'below_threshold' });
      expect(cell(split, ids.c1, 'target_group_employee')).toMatchObject({ shown: false, reason: 'complementary' });
      // The finer filter on its own is refused too.
      const lone = await heatmap(`?teamId=${ids.teamC}&targetGroup=supervisory_staff`);
      expect(total(lone, ids.c1)).toMatchObject({ shown: false });
    });

    it('limits a campaign to its subjects and competences; anonymous responses count in aggregates', async () => {
      const named = await heatmap(`?campaignId=${ids.namedCampaign}`);
      expect(named.competences.map((c: { id: string }) => c.id)).toEqual([ids.c1]);
      expect(named.groups.map((g: { id: string }) => g.id)).toEqual([ids.teamA]);
      expect(total(named, ids.c1)).toMatchObject({ shown: true, assessed: 5, meanGap: 0.6, shareGap1: 0.4, shareGap2: 0.2 });

      const anonymous = await heatmap(`?campaignId=${ids.anonymousCampaign}`);
      expect(anonymous.competences.map((c: { id: string }) => c.id)).toEqual([ids.c1, ids.c2]);
      expect(cell(anonymous, ids.c1, ids.teamC)).toMatchObject({ shown: true, assessed: 6, meanGap: 2, shareGap1: 1, shareGap2: 1 });
      // Nobody answered C2 in the anonymous campaign.
      expect(total(anonymous, ids.c2)).toMatchObject({ shown: false, reason: 'below_threshold' });
    });

    it('rejects ids of another organisation, naming the field', async () => {
      const campaign = await get(hr, `/diagnosis/heatmap?campaignId=${otherOrgCampaignId}`);
      expect(campaign.statusCode).toBe(400);
      expect(campaign.json().errors[0].path).toBe('/querystring/campaignId');
      const team = await get(hr, `/diagnosis/heatmap?teamId=${otherOrgTeamId}`);
      expect(team.statusCode).toBe(400);
      expect(team.json().errors[0].path).toBe('/querystring/teamId');
      const groupBy = await get(hr, '/diagnosis/heatmap?groupBy=region');
      expect(groupBy.statusCode).toBe(400);
      expect(groupBy.json().errors[0].path).toContain('groupBy');
    });
  });

  describe('top needs', () => {
    it('ranks per target group by share with a gap, then mean gap', async () => {
      const res = await get(hr, '/diagnosis/top-needs');
      expect(res.statusCode).toBe(200);
      const groups = res.json().groups;
      expect(groups.map((g: { targetGroup: string }) => g.targetGroup)).toEqual([
        'target_group_employee',
        'supervisory_staff',
        'other_staff',
      ]);
      const employees = groups[0];
      // 20 target-group employees: C2 share 0.55, C1 share 0.4.
      expect(employees.items.map((i: { competenceId: string }) => i.competenceId)).toEqual([ids.c2, ids.c1]);
      expect(employees.items[0]).toMatchObject({ assessed: 20, shareGap1: 0.55, meanGap: 0.55 });
      expect(employees.items[1]).toMatchObject({ assessed: 20, shareGap1: 0.4, meanGap: 0.7 });
      // C3: nobody rated → suppressed, not listed.
      expect(employees.suppressed).toBe(1);
      expect(groups[1].items.map((i: { competenceId: string }) => i.competenceId)).toEqual([ids.c2, ids.c1]);
      expect(groups[1].items[0]).toMatchObject({ assessed: 7, shareGap1: 0.571 });
      expect(groups[2]).toEqual({ targetGroup: 'other_staff', items: [], suppressed: 0 });
      const limited = await get(hr, '/diagnosis/top-needs?limit=1');
      expect(limited.json().groups[0].items).toHaveLength(1);
    });
  });

  describe('disagreements and individual results', () => {
    it('HR sees disagreements whose ratings are shared with HR; never a private self-assessment', async () => {
      const res = await get(hr, '/diagnosis/disagreements');
      expect(res.statusCode).toBe(200);
      const names = res.json().items.map((i: { personName: string }) => i.personName);
      expect(names).toEqual(['A1', 'C9']);
      expect(res.json().items[0]).toMatchObject({
        team: { id: ids.teamA, name: 'Atelier' },
        competence: { id: ids.c1 },
        selfLevel: 4,
        supervisorLevel: 1,
        currentLevel: 1,
      });
    });

    it('a manager sees only the people they supervise, including ratings shared with the supervisor and their own', async () => {
      const res = await get(manager, '/diagnosis/disagreements');
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((i: { personName: string }) => i.personName)).toEqual(['A1', 'A4']);
      expect(res.json().items[1]).toMatchObject({ selfLevel: 0, supervisorLevel: 3 });
      const a4 = (await get(manager, `/people/${person.A4}/diagnosis`))
        .json()
        .items.find((i: { competence: { id: string } }) => i.competence.id === ids.c1);
      expect(a4).toMatchObject({ self: 0, supervisor: 3, disagreement: true });
      const a4ByHr = (await get(hr, `/people/${person.A4}/diagnosis`))
        .json()
        .items.find((i: { competence: { id: string } }) => i.competence.id === ids.c1);
      expect(a4ByHr).toMatchObject({ self: null, supervisor: 3, disagreement: false });
    });

    it('an anonymous campaign has no individual data', async () => {
      const res = await get(hr, `/diagnosis/disagreements?campaignId=${ids.anonymousCampaign}`);
      expect(res.json()).toEqual({ campaignId: ids.anonymousCampaign, anonymousCampaign: true, items: [] });
      const named = await get(hr, `/diagnosis/disagreements?campaignId=${ids.namedCampaign}`);
      expect(named.json().items.map((i: { personName: string }) => i.personName)).toEqual(['A1']);
    });

    it('the person sees their own result, private ratings included; HR does not see the private rating', async () => {
      const mine = await get(employee, '/me/diagnosis');
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json().viewer).toBe('self');
      expect(mine.json().person).toMatchObject({
        id: person.A3,
        displayName: 'A3',
        team: { id: ids.teamA },
        targetGroup: 'target_group_employee',
      });
      const c1 = mine.json().items.find((i: { competence: { id: string } }) => i.competence.id === ids.c1);
      expect(c1).toMatchObject({
        required: 3,
        futureLevel: 4,
        horizonYear: HORIZON,
        self: 1,
        supervisor: 3,
        current: 3,
        source: 'supervisor',
        gap: 0,
        disagreement: true,
        stale: false,
        importance: 'core',
      });
      expect((await get(employee, `/people/${person.A3}/diagnosis`)).json().viewer).toBe('self');

      const byHr = await get(hr, `/people/${person.A3}/diagnosis`);
      expect(byHr.statusCode).toBe(200);
      expect(byHr.json().viewer).toBe('hr');
      expect(byHr.json().items.find((i: { competence: { id: string } }) => i.competence.id === ids.c1)).toMatchObject({
        self: null,
        supervisor: 3,
        current: 3,
        disagreement: false,
      });
      const audit = await t.db.database.query<{ subject: string }>(
        `select subject from audit_log where event = 'person_result_viewed' and organisation_id = $1`,
        [orgId],
      );
      expect(audit.map((a) => a.subject)).toContain(person.A3);
    });

    it('anonymous campaign answers never show up in a person-level result', async () => {
      // Six anonymous people of team C rated themselves 1 on C1; C1 has no self-assessment of their own.
      const res = await get(hr, `/people/${person.C1}/diagnosis`);
      const c1 = res.json().items.find((i: { competence: { id: string } }) => i.competence.id === ids.c1);
      expect(c1).toMatchObject({ self: null, supervisor: 3, current: 3 });
      const unrated = await get(hr, `/people/${person.U}/diagnosis`);
      expect(unrated.json().items.every((i: { current: number | null; gap: number | null }) => i.current === null && i.gap === null)).toBe(
        true,
      );
    });

    it('a manager sees the people they supervise, not others; an employee only themself', async () => {
      const own = await get(manager, `/people/${person.A1}/diagnosis`);
      expect(own.statusCode).toBe(200);
      expect(own.json().viewer).toBe('supervisor');
      expect((await get(manager, `/people/${person.C1}/diagnosis`)).statusCode).toBe(403);
      expect((await get(employee, `/people/${person.A1}/diagnosis`)).statusCode).toBe(403);
      expect((await get(employee, `/people/${randomUUID()}/diagnosis`)).statusCode).toBe(403);
      expect((await get(hr, `/people/${randomUUID()}/diagnosis`)).statusCode).toBe(404);
      expect((await get(employee, '/diagnosis/heatmap')).statusCode).toBe(403);
      expect((await get(employee, '/diagnosis/disagreements')).statusCode).toBe(403);
      expect((await get(hr, '/me/diagnosis')).statusCode).toBe(404);
    });

    it('keeps other organisations out', async () => {
      for (const path of [
        '/diagnosis/heatmap',
        '/diagnosis/top-needs',
        '/diagnosis/prognosis',
        '/diagnosis/disagreements',
        `/people/${person.A1}/diagnosis`,
        '/me/diagnosis',
        '/diagnosis/report.pdf',
      ]) {
        expect((await get(outsiderHr, path)).statusCode, path).toBe(404);
      }
    });
  });

  describe('prognosis', () => {
    it('shows coverage now and at the horizon, and hides rows needed by fewer than k persons', async () => {
      const res = await get(hr, '/diagnosis/prognosis');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ threshold: 5, currentYear: YEAR, horizonYear: HORIZON });
      const row = (id: string) => body.competences.find((r: { competence: { id: string } }) => r.competence.id === id);
      // 28 people with profile P. C1 now: 19 at level 3+; at the horizon level 4: A5 and C12.
      expect(row(ids.c1)).toMatchObject({
        shown: true,
        now: { needed: 28, holders: 19, coverage: 0.679, atRisk: true },
        horizon: { needed: 28, holders: 2, coverage: 0.071, atRisk: true },
      });
      expect(row(ids.c2)).toMatchObject({
        shown: true,
        now: { needed: 28, holders: 12, coverage: 0.429, atRisk: true },
        horizon: { needed: 28, holders: 12 },
      });
      expect(row(ids.c3)).toEqual({
        competence: expect.objectContaining({ id: ids.c3 }),
        shown: false,
        reason: 'below_threshold',
        now: null,
        horizon: null,
      });
      // Those leaving next year no longer count as holders one year later.
      const soon = (await get(hr, `/diagnosis/prognosis?horizonYear=${YEAR + 1}`)).json();
      const c1Soon = soon.competences.find((r: { competence: { id: string } }) => r.competence.id === ids.c1);
      expect(c1Soon.horizon).toMatchObject({ needed: 28, holders: 16 });
      expect((await get(hr, `/diagnosis/prognosis?horizonYear=${YEAR - 1}`)).json().errors[0].path).toBe('/querystring/horizonYear');
    });

    it('works on the subjects of an anonymous campaign', async () => {
      const body = (await get(hr, `/diagnosis/prognosis?campaignId=${ids.anonymousCampaign}`)).json();
      const c1 = body.competences.find((r: { competence: { id: string } }) => r.competence.id === ids.c1);
      expect(c1).toMatchObject({ shown: true, now: { needed: 6, holders: 0, atRisk: true } });
    });
  });

  describe('exports', () => {
    const csv = async (session: Session, path: string) => {
      const res = await get(session, path);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      return parse(res.body, { bom: true }) as string[][];
    };
    const xlsx = async (path: string) => {
      const res = await get(hr, path);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const find = (rows: unknown[][], key: string, group: string) => rows.find((r) => r[1] === key && r[2] === group)!;

    it('CSV heat map: same suppression as the screen, "< k" instead of numbers, formulas defused', async () => {
      const rows = await csv(hr, '/diagnosis/heatmap/export?format=csv&locale=nl');
      expect(rows[0]).toEqual([
        'Competentie',
        'Sleutel',
        'Team',
        'Personen',
        'Gemiddelde kloof',
        'Deel met kloof (1 of meer)',
        'Deel met grote kloof (2 of meer)',
        'Opmerking',
      ]);
      expect(find(rows, 'c1-veilig', 'Buitendienst')).toEqual([
        'Veilig werken',
        'c1-veilig',
        'Buitendienst',
        '< 5',
        '',
        '',
        '',
        'Verborgen: minder dan 5 personen',
      ]);
      expect(find(rows, 'c1-veilig', 'Atelier').slice(3, 7)).toEqual(['< 5', '', '', '']);
      expect(find(rows, 'c1-veilig', 'Conditionering').slice(3, 7)).toEqual(['12', '0.5', '0.25', '0.25']);
      expect(find(rows, 'c1-veilig', 'Totaal').slice(3, 4)).toEqual(['27']);
      // The team named like a formula starts with an apostrophe.
      expect(rows.some((r) => r[2] === `'${FORMULA_TEAM}`)).toBe(true);
      expect(rows.some((r) => r.some((v) => /^[=+\-@]/.test(v)))).toBe(false);
    });

    it('a filtered export obeys the differencing rule', async () => {
      const rows = await csv(hr, `/diagnosis/heatmap/export?teamId=${ids.teamC}&targetGroup=target_group_employee`);
      const data = rows.slice(1);
      expect(data.length).toBeGreaterThan(0);
      expect(data.every((r) => r[3] === '< 5' && r[4] === '')).toBe(true);
      expect(data.some((r) => r[7].includes('ruimere groep'))).toBe(true);
    });

    it('XLSX heat map and prognosis: numbers as numbers, hidden cells without numbers', async () => {
      const rows = await xlsx('/diagnosis/heatmap/export?format=xlsx&locale=en');
      expect(rows[0][0]).toBe('Competence');
      expect(find(rows, 'c1-veilig', 'Buitendienst')[3]).toBe('< 5');
      expect(
        find(rows, 'c1-veilig', 'Buitendienst')
          .slice(4, 7)
          .every((v) => v === undefined || v === null),
      ).toBe(true);
      expect(find(rows, 'c1-veilig', 'Atelier')[3]).toBe('< 5');
      expect(find(rows, 'c1-veilig', 'Conditionering').slice(3, 7)).toEqual([12, 0.5, 0.25, 0.25]);

      const prognosis = await xlsx('/diagnosis/prognosis/export?format=xlsx&locale=nl');
      const c3 = prognosis.find((r) => r[1] === 'c3-heftruck')!;
      expect(c3[2]).toBe('< 5');
      expect(c3.slice(3, 6).every((v) => v === undefined || v === null)).toBe(true);
      const c1 = prognosis.find((r) => r[1] === 'c1-veilig')!;
      expect(c1.slice(2, 4)).toEqual([28, 19]);
    });

    it('CSV top needs lists only shown cells and says how many are hidden', async () => {
      const rows = await csv(hr, '/diagnosis/top-needs/export?locale=nl');
      expect(rows.slice(1, 3).map((r) => [r[0], r[1], r[3]])).toEqual([
        ['Doelgroepmedewerkers', '1', 'c2-digitaal'],
        ['Doelgroepmedewerkers', '2', 'c1-veilig'],
      ]);
      expect(rows.some((r) => r[0] === 'Doelgroepmedewerkers' && r[8].startsWith('1 competenties verborgen'))).toBe(true);
    });

    it('raising k in the settings hides more, on screen and in exports alike', async () => {
      await setK(6);
      try {
        const map = await heatmap();
        expect(map.threshold).toBe(6);
        expect(cell(map, ids.c1, ids.teamA)).toMatchObject({ shown: false, reason: 'below_threshold' });
        expect(cell(map, ids.c1, ids.teamC)).toMatchObject({ shown: true, assessed: 12 });
        expect(cell(map, ids.c1, ids.teamD)).toMatchObject({ shown: true, assessed: 6 });
        const rows = await csv(hr, '/diagnosis/heatmap/export');
        expect(find(rows, 'c1-veilig', 'Atelier')[3]).toBe('< 6');
        await setK(13);
        const strict = await heatmap();
        expect(strict.cells.filter((c: { competenceId: string; shown: boolean }) => c.competenceId === ids.c1 && c.shown)).toEqual([]);
        expect(total(strict, ids.c1)).toMatchObject({ shown: true, assessed: 27 });
        const prognosis = (await get(hr, '/diagnosis/prognosis')).json();
        expect(prognosis.competences.every((r: { shown: boolean }) => r.shown)).toBe(false);
      } finally {
        await setK(5);
      }
    });

    it('the PDF report in Dutch by default and in another language on request; audited', async () => {
      const res = await get(hr, '/diagnosis/report.pdf');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.headers['content-disposition']).toContain('diagnosis-report-nl.pdf');
      const nl = pdfWords(res.rawPayload);
      // Narrow columns break long names anywhere ("Buitendiens t"): names are compared without spaces.
      const compact = (text: string) => text.replace(/ /g, '');
      for (const words of [
        'Diagnose van de opleidingsnoden',
        'Werkplaats De Brug',
        'Warmtekaart',
        'Grootste opleidingsnoden per doelgroep',
        'Prognose',
        'Werkwijze',
        'Buitendienst',
        'Conditionering',
      ])
        expect(compact(nl)).toContain(compact(words));
      // The heat map's row of a competence reads as on the screen: the share with a gap per team in
      // the screen's order, "< 5" where the screen hides the cell (team B has 4 people), then the total.
      const map = await heatmap('?groupBy=team');
      const share = (c: Record<string, unknown>) => (c.shown ? `${Math.round((c.shareGap1 as number) * 100)}%` : '< 5');
      const row = ['Veilig werken', ...map.groups.map((g: { id: string }) => share(cell(map, ids.c1, g.id))), share(total(map, ids.c1))];
      expect(row).toContain('< 5');
      expect(nl).toContain(row.join(' '));

      const fr = await get(hr, `/diagnosis/report.pdf?locale=fr&campaignId=${ids.anonymousCampaign}&groupBy=target_group`);
      expect(fr.statusCode).toBe(200);
      expect(fr.headers['content-disposition']).toContain('diagnosis-report-fr.pdf');
      const french = pdfWords(fr.rawPayload);
      for (const words of ['Diagnostic des besoins de formation', 'Travailler en sécurité', 'Méthode'])
        expect(compact(french)).toContain(compact(words));
      expect(french).not.toContain('Werkwijze');
      const audit = await t.db.database.query<{ subject: string }>(
        `select subject from audit_log where event = 'data_export' and organisation_id = $1`,
        [orgId],
      );
      expect(audit.map((a) => a.subject)).toEqual(
        expect.arrayContaining(['diagnosis-report.pdf', 'diagnosis-heatmap.csv', 'diagnosis-heatmap.xlsx']),
      );
    });

    it('exports need data:export and diagnosis:read (org_admin, hr)', async () => {
      expect((await get(manager, '/diagnosis/heatmap/export')).statusCode).toBe(403);
      expect((await get(analyst, '/diagnosis/heatmap/export')).statusCode).toBe(403);
      expect((await get(employee, '/diagnosis/report.pdf')).statusCode).toBe(403);
      expect((await get(admin, '/diagnosis/prognosis/export?format=csv')).statusCode).toBe(200);
      expect((await get(manager, '/diagnosis/heatmap')).statusCode).toBe(200);
    });
  });
});
