import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildFunctionProfile, buildPerson, buildTeam } from '../factories/people.js';
import { buildCampaign, buildManagerWithTeam, buildPrivateCompetence } from '../factories/supervision.js';
import { assessments, auditLog, competenceStatus, functionProfiles, proficiencyScales, scaleLevels } from '../../src/db/schema/index.js';
import { recordAssessments } from '../../src/modules/assessments/record.js';

describe.each(databaseKinds)('supervisor and third-party assessment on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let team: Awaited<ReturnType<typeof buildManagerWithTeam>>;
  let manager: Session;
  let hr: Session;
  let employee: Session;
  let outsiderId: string;
  let foreignPersonId: string;
  let noProfileId: string;
  let smallScalePersonId: string;
  let c1: string;
  let c2: string;
  let c3: string;
  let foreignCompetence: string;
  let openCampaign: string;
  let closedCampaign: string;
  let selfOnlyCampaign: string;
  let otherTeamCampaign: string;
  let foreignCampaign: string;
  const url = (person: string) => `/api/organisations/${orgId}/people/${person}/assessments`;
  const countFor = async (personId: string) =>
    (await t.db.database.db.select().from(assessments).where(eq(assessments.personId, personId))).length;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    orgId = (await buildOrganisation(db)).id;
    const otherOrgId = (await buildOrganisation(db)).id;
    const fw = await buildPublicFramework(db);
    c1 = (await buildCompetence(db, { frameworkId: fw.id, label: { nl: 'Digitale werkmiddelen gebruiken' } })).id;
    c2 = (await buildCompetence(db, { frameworkId: fw.id, label: { nl: 'Veilig werken' } })).id;
    c3 = (await buildCompetence(db, { frameworkId: fw.id, label: { nl: 'Klanten helpen' } })).id;
    foreignCompetence = (await buildPrivateCompetence(db, otherOrgId)).id;
    const profile = await buildFunctionProfile(db, {
      organisationId: orgId,
      items: [
        { competenceId: c1, requiredLevel: 2 },
        { competenceId: c2, requiredLevel: 2 },
      ],
    });
    team = await buildManagerWithTeam(db, { organisationId: orgId, reports: 2, functionProfileId: profile.id });
    manager = await logIn(t.app, team.user.email, TEST_PASSWORD);
    hr = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'hr' })).email, TEST_PASSWORD);
    employee = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'employee' })).email, TEST_PASSWORD);
    const otherTeam = await buildTeam(db, orgId);
    outsiderId = (await buildPerson(db, { organisationId: orgId, teamId: otherTeam.id })).id;
    foreignPersonId = (await buildPerson(db, { organisationId: otherOrgId })).id;
    noProfileId = (await buildPerson(db, { organisationId: orgId, teamId: team.team.id, supervisorId: team.self.id })).id;

    // A function profile on an organisation's own 0–3 scale.
    const [scale] = await db.db
      .insert(proficiencyScales)
      .values({ key: `scale-${randomUUID().slice(0, 6)}`, organisationId: orgId, name: { nl: 'Drie stappen' }, proficientFrom: 2 })
      .returning();
    await db.db.insert(scaleLevels).values(
      [0, 1, 2, 3].map((level) => ({
        scaleId: scale.id,
        level,
        label: { nl: `niveau ${level}` },
        descriptor: { nl: `Niveau ${level}.` },
      })),
    );
    const [smallProfile] = await db.db
      .insert(functionProfiles)
      .values({ organisationId: orgId, name: 'Kleine schaal', scaleId: scale.id })
      .returning();
    smallScalePersonId = (
      await buildPerson(db, { organisationId: orgId, teamId: team.team.id, supervisorId: team.self.id, functionProfileId: smallProfile.id })
    ).id;

    openCampaign = (await buildCampaign(db, { organisationId: orgId, competenceIds: [c1, c2], scope: { teamIds: [team.team.id] } })).id;
    closedCampaign = (await buildCampaign(db, { organisationId: orgId, competenceIds: [c1, c2], status: 'closed' })).id;
    selfOnlyCampaign = (await buildCampaign(db, { organisationId: orgId, competenceIds: [c1], supervisorAssessment: false })).id;
    otherTeamCampaign = (await buildCampaign(db, { organisationId: orgId, competenceIds: [c1], scope: { teamIds: [otherTeam.id] } })).id;
    foreignCampaign = (await buildCampaign(db, { organisationId: otherOrgId, competenceIds: [c1] })).id;

    // The first person already answered the self-assessment for c1.
    await db.db.transaction((tx) =>
      recordAssessments(
        tx,
        [
          {
            organisationId: orgId,
            personId: team.people[0].id,
            competenceId: c1,
            source: 'self',
            level: 4,
            campaignId: openCampaign,
            visibility: 'hr',
            assessedAt: new Date(),
          },
        ],
        {
          now: new Date(),
          validityMonths: 24,
        },
      ),
    );
  });
  afterAll(() => t?.close());

  it('shows the supervisor their people, the open campaigns and which ratings exist, without self levels', async () => {
    const res = await manager.request('GET', `/api/organisations/${orgId}/supervisor/team`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.campaigns.map((c: { id: string }) => c.id)).toEqual([openCampaign]);
    expect(body.campaigns[0].competences.map((c: { id: string }) => c.id)).toEqual([c1, c2]);
    expect(body.people.map((p: { id: string }) => p.id).sort()).toEqual(
      [...team.people.map((p) => p.id), noProfileId, smallScalePersonId].sort(),
    );
    const first = body.people.find((p: { id: string }) => p.id === team.people[0].id);
    expect(first).toMatchObject({ team: { id: team.team.id }, functionProfile: { name: expect.any(String) } });
    expect(first.campaigns).toEqual([
      {
        campaignId: openCampaign,
        competences: [
          { competenceId: c1, selfRated: true, supervisorRated: false },
          { competenceId: c2, selfRated: false, supervisorRated: false },
        ],
      },
    ]);
    expect(res.body).not.toContain('"level"');
    expect((await employee.request('GET', `/api/organisations/${orgId}/supervisor/team`)).statusCode).toBe(403);
    // HR without people of their own gets an empty team.
    expect((await hr.request('GET', `/api/organisations/${orgId}/supervisor/team`)).json()).toEqual({ campaigns: [], people: [] });
  });

  it('stores the supervisor’s campaign ratings through the diagnosis and shows them', async () => {
    const person = team.people[0].id;
    const form = (await manager.request('GET', url(person))).json();
    expect(form).toMatchObject({
      scale: { key: 'lk-default-0-4', maxLevel: 4 },
      campaigns: [{ id: openCampaign }],
      canRate: { supervisor: true, thirdParty: false },
      ratings: [],
    });
    expect(form.profileCompetences.map((c: { id: string }) => c.id)).toEqual([c1, c2]);

    const res = await manager.request('POST', url(person), {
      source: 'supervisor',
      campaignId: openCampaign,
      ratings: [
        { competenceId: c1, level: 2, note: 'Vraagt nog vaak hulp bij de tablet.' },
        { competenceId: c2, level: 3 },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().ratings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          competenceId: c1,
          level: 2,
          source: 'supervisor',
          campaignId: openCampaign,
          note: 'Vraagt nog vaak hulp bij de tablet.',
          author: expect.objectContaining({ id: team.user.id }),
        }),
        expect.objectContaining({ competenceId: c2, level: 3 }),
      ]),
    );
    const [status] = await t.db.database.db
      .select()
      .from(competenceStatus)
      .where(and(eq(competenceStatus.subjectId, person), eq(competenceStatus.competenceId, c1)));
    // Worked example of domain-rules §2: self 4, supervisor 2 → disagreement, current 2.
    expect(status).toMatchObject({ currentLevel: 2, source: 'supervisor', selfLevel: 4, supervisorLevel: 2, disagreement: true });
    const teamView = (await manager.request('GET', `/api/organisations/${orgId}/supervisor/team`)).json();
    expect(
      teamView.people
        .find((p: { id: string }) => p.id === person)
        .campaigns[0].competences.every((c: { supervisorRated: boolean }) => c.supervisorRated),
    ).toBe(true);
    const audit = await t.db.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'assessment_recorded'), eq(auditLog.subject, person)));
    expect(audit).toHaveLength(1);
  });

  it('replaces a campaign rating on resubmission instead of storing it twice', async () => {
    const person = team.people[0].id;
    const before = await countFor(person);
    const body = { source: 'supervisor', campaignId: openCampaign, ratings: [{ competenceId: c1, level: 3 }] };
    expect((await manager.request('POST', url(person), body)).statusCode).toBe(201);
    expect((await manager.request('POST', url(person), body)).statusCode).toBe(201);
    expect(await countFor(person)).toBe(before);
    const [row] = await t.db.database.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.personId, person), eq(assessments.competenceId, c1), eq(assessments.source, 'supervisor')));
    expect(row.level).toBe(3);
    const [status] = await t.db.database.db
      .select()
      .from(competenceStatus)
      .where(and(eq(competenceStatus.subjectId, person), eq(competenceStatus.competenceId, c1)));
    expect(status).toMatchObject({ currentLevel: 3, disagreement: false });
  });

  it('appends ratings given outside a campaign', async () => {
    const person = team.people[1].id;
    const body = { source: 'supervisor', ratings: [{ competenceId: c3, level: 1 }] };
    await manager.request('POST', url(person), body);
    await manager.request('POST', url(person), body);
    expect(await countFor(person)).toBe(2);
  });

  it('keeps a manager to their own people and third-party ratings to HR', async () => {
    const body = { source: 'supervisor', ratings: [{ competenceId: c1, level: 2 }] };
    expect((await manager.request('POST', url(outsiderId), body)).statusCode).toBe(403);
    expect((await manager.request('GET', url(outsiderId))).statusCode).toBe(403);
    expect((await manager.request('POST', url(foreignPersonId), body)).statusCode).toBe(404);
    expect((await manager.request('POST', url(team.people[1].id), { ...body, source: 'third_party' })).statusCode).toBe(403);
    expect((await hr.request('POST', url(outsiderId), body)).statusCode).toBe(403);
    expect((await employee.request('POST', url(team.people[1].id), body)).statusCode).toBe(403);
    expect(await countFor(outsiderId)).toBe(0);

    const third = await hr.request('POST', url(outsiderId), {
      source: 'third_party',
      ratings: [{ competenceId: c1, level: 1, note: 'Gezien door de jobcoach.' }],
    });
    expect(third.statusCode).toBe(201);
    expect(third.json()).toMatchObject({
      canRate: { supervisor: false, thirdParty: true },
      ratings: [{ source: 'third_party', level: 1 }],
    });
  });

  it('checks levels against the person’s scale, naming the field', async () => {
    const level = async (person: string, value: number) =>
      manager.request('POST', url(person), { source: 'supervisor', ratings: [{ competenceId: c1, level: value }] });
    const tooHigh = await level(team.people[1].id, 5);
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().errors).toEqual([
      { path: '/body/ratings/0/level', message: "must be a level of the person's scale, from 0 to 4" },
    ]);
    expect((await level(noProfileId, 5)).json().errors[0].path).toBe('/body/ratings/0/level');
    expect((await level(noProfileId, 4)).statusCode).toBe(201);
    expect((await level(smallScalePersonId, 4)).json().errors[0]).toEqual({
      path: '/body/ratings/0/level',
      message: "must be a level of the person's scale, from 0 to 3",
    });
    expect((await level(smallScalePersonId, 3)).statusCode).toBe(201);
    expect((await level(team.people[1].id, -1)).json().errors[0].path).toBe('/body/ratings/0/level');
  });

  it('takes campaign ratings only in an open campaign that asks supervisors, includes the person and asks the competence', async () => {
    const person = team.people[1].id;
    const before = await countFor(person);
    const rate = async (campaignId: string, competenceId = c1) =>
      (
        await manager.request('POST', url(person), {
          source: 'supervisor',
          campaignId,
          ratings: [
            { competenceId: c2, level: 2 },
            { competenceId, level: 2 },
          ],
        })
      ).json().errors;
    expect(await rate(closedCampaign)).toEqual([{ path: '/body/campaignId', message: 'is closed: its ratings can no longer change' }]);
    expect((await rate(selfOnlyCampaign))[0]).toEqual({ path: '/body/campaignId', message: 'does not ask supervisors to rate' });
    expect((await rate(otherTeamCampaign))[0]).toEqual({ path: '/body/campaignId', message: 'does not include this person' });
    expect((await rate(foreignCampaign))[0]).toEqual({ path: '/body/campaignId', message: 'is not a campaign of this organisation' });
    expect(await rate(openCampaign, c3)).toEqual([{ path: '/body/ratings/1/competenceId', message: 'is not asked in this campaign' }]);
    expect(await rate(openCampaign, c2)).toEqual([
      { path: '/body/ratings/1/competenceId', message: 'is rated twice (first at ratings/0)' },
    ]);
    const foreign = await manager.request('POST', url(person), {
      source: 'supervisor',
      ratings: [{ competenceId: foreignCompetence, level: 2 }],
    });
    expect(foreign.json().errors[0].path).toBe('/body/ratings/0/competenceId');
    expect((await manager.request('POST', url(person), { source: 'supervisor', ratings: [] })).json().errors[0].path).toBe('/body/ratings');
    expect(await countFor(person)).toBe(before);
  });
});
