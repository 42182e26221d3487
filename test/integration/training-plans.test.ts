import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { pdfWords } from '../support/pdf-text.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildFunctionProfile, buildPerson, buildTeam } from '../factories/people.js';
import { buildManagerWithTeam } from '../factories/supervision.js';
import { buildNeed } from '../factories/training-plan.js';
import { buildOffer, inDays } from '../factories/catalog.js';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (n: number) => iso(new Date(Date.now() - n * DAY));

interface Instrument {
  id: string;
  key: string;
}

describe.each(databaseKinds)('training plans on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let hr: Session;
  let admin: Session;
  let employee: Session;
  let manager: Session;
  let hrOther: Session;
  let otherOrgId: string;
  let people: string[] = [];
  let foreignPerson: string;
  let foreignNeed: string;
  let tabletNeed: string;
  let tabletCompetence: string;
  const instruments: Record<string, string> = {};

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.database.query<T>(text, params);
  const plans = () => `/api/organisations/${orgId}/plans`;
  const action = (overrides: Record<string, unknown> = {}) => ({
    kind: 'external_offer',
    title: 'Veilig werken met machines',
    durationMinutes: 480,
    costPerParticipantCents: 10_000,
    ...overrides,
  });
  async function newPlan(year: number): Promise<string> {
    const res = await hr.request('POST', plans(), { year });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    const org = await buildOrganisation(db, { name: 'Maatwerkbedrijf Test' });
    const other = await buildOrganisation(db);
    orgId = org.id;
    otherOrgId = other.id;
    const framework = await buildPublicFramework(db);
    tabletCompetence = (
      await buildCompetence(db, { frameworkId: framework.id, label: { nl: 'Werken met de tablet', en: 'Working with the tablet' } })
    ).id;
    const profile = await buildFunctionProfile(db, {
      organisationId: orgId,
      items: [{ competenceId: tabletCompetence, requiredLevel: 2 }],
    });
    const team = await buildTeam(db, orgId, 'Verpakking');
    people = [];
    for (let i = 0; i < 6; i++)
      people.push(
        (await buildPerson(db, { organisationId: orgId, teamId: team.id, functionProfileId: profile.id, displayName: `Persoon ${i + 1}` }))
          .id,
      );
    foreignPerson = (await buildPerson(db, { organisationId: otherOrgId })).id;
    foreignNeed = (await buildNeed(db, { organisationId: otherOrgId, title: 'Vreemde nood' })).id;
    tabletNeed = (
      await buildNeed(db, {
        organisationId: orgId,
        title: 'Werken met de tablet – Verpakking',
        competenceId: tabletCompetence,
        personIds: [people[0], people[2]],
      })
    ).id;

    const users = {
      hr: await buildUser(db, { organisationId: orgId, role: 'hr' }),
      admin: await buildUser(db, { organisationId: orgId, role: 'org_admin' }),
      employee: await buildUser(db, { organisationId: orgId, role: 'employee' }),
      hrOther: await buildUser(db, { organisationId: otherOrgId, role: 'hr' }),
    };
    const managed = await buildManagerWithTeam(db, { organisationId: orgId, reports: 1 });
    hr = await logIn(t.app, users.hr.email, TEST_PASSWORD);
    admin = await logIn(t.app, users.admin.email, TEST_PASSWORD);
    employee = await logIn(t.app, users.employee.email, TEST_PASSWORD);
    manager = await logIn(t.app, managed.user.email, TEST_PASSWORD);
    hrOther = await logIn(t.app, users.hrOther.email, TEST_PASSWORD);
    const list = await hr.request('GET', `/api/organisations/${orgId}/funding-instruments`);
    for (const i of list.json() as Instrument[]) instruments[i.key] = i.id;
  });
  afterAll(() => t?.close());

  it('ships the funding instruments as data', () => {
    expect(Object.keys(instruments).sort()).toEqual([
      'kmo-portefeuille',
      'opleidingscheques',
      'sectorfonds-voorbeeld',
      'vlaams-opleidingsverlof',
    ]);
  });

  it('keeps one plan per organisation and year', async () => {
    const created = await hr.request('POST', plans(), { year: 2026 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      year: 2026,
      title: 'Opleidingsplan 2026',
      status: 'draft',
      version: 1,
      actions: [],
      budget: { costCents: 0 },
    });
    const again = await hr.request('POST', plans(), { year: 2026 });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().errors[0].path).toBe('/body/year');
    expect((await hr.request('POST', plans(), { year: 1999 })).json().errors[0].path).toBe('/body/year');
    const list = await manager.request('GET', plans());
    expect(list.statusCode).toBe(200);
    expect(list.json().map((p: { year: number }) => p.year)).toEqual([2026]);
  });

  it('rejects bad actions with a 400 naming the field, and stores nothing', async () => {
    const planId = (await hr.request('GET', plans())).json()[0].id;
    const url = `${plans()}/${planId}/actions`;
    const cases: Array<[Record<string, unknown>, string]> = [
      [action({ costPerParticipantCents: -100 }), '/body/costPerParticipantCents'],
      [action({ fixedCostCents: 10.5 }), '/body/fixedCostCents'],
      [action({ funding: [{ instrumentId: null, amountCents: -1 }] }), '/body/funding/0/amountCents'],
      [action({ plannedStart: '2026-05-10', plannedEnd: '2026-05-01' }), '/body/plannedEnd'],
      [action({ needIds: [foreignNeed] }), '/body/needIds/0'],
      [action({ personIds: [people[0], foreignPerson] }), '/body/personIds/1'],
      [action({ offerId: '00000000-0000-7000-8000-000000000001' }), '/body/offerId'],
      [action({ nonTrainingKind: 'tools' }), '/body/nonTrainingKind'],
      [action({ funding: [{ instrumentId: '00000000-0000-7000-8000-000000000001', amountCents: 100 }] }), '/body/funding/0/instrumentId'],
      [action({ durationMinutes: -60 }), '/body/durationMinutes'],
      [action({ title: '   ' }), '/body/title'],
    ];
    for (const [body, path] of cases) {
      const res = await hr.request('POST', url, body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const [row] = await sql<{ n: number }>('select count(*)::int as n from plan_actions where plan_id = $1', [planId]);
    expect(row.n).toBe(0);
  });

  it('refuses to approve an empty plan, and only org_admin approves', async () => {
    const planId = (await hr.request('GET', plans())).json()[0].id;
    expect((await hr.request('POST', `${plans()}/${planId}/approve`)).statusCode).toBe(403);
    const empty = await admin.request('POST', `${plans()}/${planId}/approve`);
    expect(empty.statusCode).toBe(409);
    expect(empty.json().code).toBe('plan.empty');
    expect(empty.json().detail).toMatch(/at least one action/);
  });

  it('computes the budget exactly in cents: planned, committed, spent, cost and unfunded', async () => {
    const planId = (await hr.request('GET', plans())).json()[0].id;
    const a = await hr.request('POST', `${plans()}/${planId}/actions`, {
      kind: 'external_offer',
      title: 'Veilig werken met machines',
      personIds: [people[0], people[1], people[2]],
      participantsCount: 10,
      durationMinutes: 960,
      plannedStart: '2026-03-02',
      plannedEnd: '2026-03-03',
      costPerParticipantCents: 14_950,
      fixedCostCents: 30_000,
      needIds: [tabletNeed],
      funding: [
        { instrumentId: instruments['vlaams-opleidingsverlof'], amountCents: 20_000, status: 'spent' },
        { instrumentId: null, amountCents: 54_850, status: 'committed', note: 'werkingsbudget' },
      ],
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ effectiveParticipants: 3, costCents: 74_850, fundedCents: 74_850 });
    expect(a.json().needs.map((n: { id: string }) => n.id)).toEqual([tabletNeed]);
    expect(a.json().participants).toHaveLength(3);

    const b = await hr.request('POST', `${plans()}/${planId}/actions`, {
      kind: 'internal_training',
      title: 'Werken met de tablet',
      participantsCount: 12,
      fixedCostCents: 120_001,
      funding: [
        { instrumentId: instruments['sectorfonds-voorbeeld'], amountCents: 60_000 },
        { instrumentId: null, amountCents: 10_000 },
      ],
    });
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json()).toMatchObject({ effectiveParticipants: 12, costCents: 120_001 });

    const budget = (await manager.request('GET', `${plans()}/${planId}/budget`)).json();
    expect(
      budget.bySource.map(({ source, planned, committed, spent }: Record<string, unknown>) => ({ source, planned, committed, spent })),
    ).toEqual([
      { source: 'own_budget', planned: 64_850, committed: 54_850, spent: 0 },
      { source: 'sectorfonds-voorbeeld', planned: 60_000, committed: 0, spent: 0 },
      { source: 'vlaams-opleidingsverlof', planned: 20_000, committed: 20_000, spent: 20_000 },
    ]);
    expect(budget.total).toEqual({ planned: 144_850, committed: 74_850, spent: 20_000 });
    expect(budget.costCents).toBe(194_851);
    expect(budget.unfundedCents).toBe(50_001);
    expect(budget.bySource[0].name.nl).toBe('Eigen budget');

    // Editing replaces the funding lines and keeps the named participants' follow-up.
    const patched = await hr.request('PATCH', `${plans()}/${planId}/actions/${b.json().id}`, {
      funding: [{ instrumentId: null, amountCents: 120_001 }],
      participantsCount: 11,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ costCents: 120_001, fundedCents: 120_001, participantsCount: 11, effectiveParticipants: 11 });
    const restored = await hr.request('PATCH', `${plans()}/${planId}/actions/${b.json().id}`, {
      funding: [
        { instrumentId: instruments['sectorfonds-voorbeeld'], amountCents: 60_000 },
        { instrumentId: null, amountCents: 10_000 },
      ],
      participantsCount: 12,
    });
    expect(restored.json().fundedCents).toBe(70_000);
  });

  it('approval writes a versioned snapshot; an approved plan cannot be edited; a new version reopens it', async () => {
    const planId = (await hr.request('GET', plans())).json()[0].id;
    const before = (await hr.request('GET', `${plans()}/${planId}`)).json();
    const approved = await admin.request('POST', `${plans()}/${planId}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', version: 1 });
    expect(approved.json().approvedByName).toBeTruthy();

    const [version] = await sql<{ version: number; snapshot: { plan: { status: string }; actions: unknown[]; budget: unknown } }>(
      'select version, snapshot from training_plan_versions where plan_id = $1',
      [planId],
    );
    expect(version.version).toBe(1);
    expect(version.snapshot.plan.status).toBe('approved');
    expect(version.snapshot.actions).toEqual(before.actions);
    expect(version.snapshot.budget).toEqual(before.budget);
    const audit = await sql<{ event: string; detail: { version: number } }>(
      "select event, detail from audit_log where organisation_id = $1 and event = 'plan_approved'",
      [orgId],
    );
    expect(audit.map((a) => a.detail.version)).toEqual([1]);

    const actionId = before.actions[0].id;
    const lineId = before.actions[1].funding[0].id;
    const edits: Array<[string, string, unknown]> = [
      ['PATCH', `${plans()}/${planId}`, { title: 'Nieuw' }],
      ['POST', `${plans()}/${planId}/actions`, action()],
      ['PATCH', `${plans()}/${planId}/actions/${actionId}`, { costPerParticipantCents: 1 }],
      ['PATCH', `${plans()}/${planId}/actions/${actionId}`, { funding: [] }],
      ['DELETE', `${plans()}/${planId}/actions/${actionId}`, undefined],
    ];
    for (const [method, url, body] of edits) {
      const res = await hr.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('plan.not_editable');
    }
    expect((await admin.request('POST', `${plans()}/${planId}/approve`)).statusCode).toBe(409);

    // While the plan runs, money moves planned → committed → spent.
    const moved = await hr.request('POST', `${plans()}/${planId}/actions/${before.actions[1].id}/funding/${lineId}/status`, {
      status: 'committed',
    });
    expect(moved.statusCode).toBe(200);
    expect((await hr.request('GET', `${plans()}/${planId}/budget`)).json().total).toEqual({
      planned: 144_850,
      committed: 134_850,
      spent: 20_000,
    });

    const reopened = await hr.request('POST', `${plans()}/${planId}/new-version`);
    expect(reopened.json()).toMatchObject({ status: 'draft', version: 2, approvedAt: null });
    expect((await hr.request('PATCH', `${plans()}/${planId}`, { title: 'Opleidingsplan 2026 (bijgestuurd)' })).statusCode).toBe(200);
    expect((await hr.request('POST', `${plans()}/${planId}/new-version`)).statusCode).toBe(409);
    expect((await admin.request('POST', `${plans()}/${planId}/approve`)).json()).toMatchObject({ status: 'approved', version: 2 });
    const versions = (await hr.request('GET', `${plans()}/${planId}/versions`)).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[1]).toMatchObject({ actions: 2, costCents: 194_851, plannedCents: 144_850 });
    const first = (await hr.request('GET', `${plans()}/${planId}/versions/1`)).json();
    expect(first.plan.title).toBe('Opleidingsplan 2026');
    expect((await hr.request('GET', `${plans()}/${planId}/versions/7`)).statusCode).toBe(404);

    const pdf = await hr.request('GET', `${plans()}/${planId}/export.pdf?version=1`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    expect((await hr.request('POST', `${plans()}/${planId}/close`)).statusCode).toBe(403);
    expect((await admin.request('POST', `${plans()}/${planId}/close`)).json().status).toBe('closed');
    expect((await hr.request('POST', `${plans()}/${planId}/new-version`)).statusCode).toBe(409);
    const late = await hr.request('PUT', `${plans()}/${planId}/actions/${actionId}/participants/${people[0]}`, { status: 'attended' });
    expect(late.statusCode).toBe(409);
  });

  it('gives funding hints per instrument with the conditions, as a hint and never legal advice', async () => {
    const planId = await newPlan(2027);
    const short = (
      await hr.request(
        'POST',
        `${plans()}/${planId}/actions`,
        action({ participantsCount: 4, durationMinutes: 480, costPerParticipantCents: 30_000 }),
      )
    ).json();
    const res = await hr.request('GET', `${plans()}/${planId}/actions/${short.id}/funding-hints`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.disclaimer).toMatch(/geen juridisch advies/);
    expect(body.basis).toMatchObject({ hours: 8, participants: 4, costCents: 120_000, offerLinked: false });
    const byKey = Object.fromEntries(body.hints.map((h: { instrument: { key: string } }) => [h.instrument.key, h]));
    expect(byKey['vlaams-opleidingsverlof']).toMatchObject({ verdict: 'no', estimatedCents: 0 });
    expect(byKey['vlaams-opleidingsverlof'].checks).toContainEqual({ condition: 'minHours', met: false });
    expect(byKey['vlaams-opleidingsverlof'].instrument.conditionsText.nl).toMatch(/32 contacturen/);
    expect(byKey['vlaams-opleidingsverlof'].instrument.sourceUrl).toMatch(/^https:\/\/www\.vlaanderen\.be\//);
    // Half of €300 per person, at most €125 per person: 4 × €125.
    expect(byKey.opleidingscheques).toMatchObject({ verdict: 'check', estimatedCents: 50_000 });
    expect(byKey.opleidingscheques.checks).toContainEqual({ condition: 'recognition', met: null });
    // Size unknown (only a lower bound): the lowest share, 20 % of €1,200.
    expect(byKey['kmo-portefeuille']).toMatchObject({ verdict: 'check', coverageBasisPoints: 2_000, estimatedCents: 24_000 });
    expect(byKey['kmo-portefeuille'].manualChecks).toContain('not_a_non_profit');

    const long = (
      await hr.request('POST', `${plans()}/${planId}/actions`, action({ participantsCount: 2, durationMinutes: 2_400 }))
    ).json();
    const leave = (await hr.request('GET', `${plans()}/${planId}/actions/${long.id}/funding-hints`))
      .json()
      .hints.find((h: { instrument: { key: string } }) => h.instrument.key === 'vlaams-opleidingsverlof');
    // 40 h × €21.30 × 2 people
    expect(leave).toMatchObject({ verdict: 'check', estimatedCents: 170_400 });

    const internal = (
      await hr.request('POST', `${plans()}/${planId}/actions`, action({ kind: 'internal_training', participantsCount: 5 }))
    ).json();
    const hints = (await manager.request('GET', `${plans()}/${planId}/actions/${internal.id}/funding-hints`)).json().hints;
    const verdicts = Object.fromEntries(hints.map((h: { instrument: { key: string }; verdict: string }) => [h.instrument.key, h.verdict]));
    expect(verdicts).toEqual({
      'kmo-portefeuille': 'no',
      opleidingscheques: 'no',
      'sectorfonds-voorbeeld': 'check',
      'vlaams-opleidingsverlof': 'no',
    });
    expect(hints[0].instrument.key).toBe('sectorfonds-voorbeeld');
  });

  it('follows up participation and evaluations; means stay hidden below k', async () => {
    expect((await admin.request('PATCH', `/api/organisations/${orgId}/settings`, { anonymityThreshold: 3 })).statusCode).toBe(200);
    const planId = await newPlan(2028);
    const created = await hr.request('POST', `${plans()}/${planId}/actions`, {
      kind: 'internal_training',
      title: 'Werken met de tablet',
      personIds: people.slice(0, 4),
      durationMinutes: 480,
      needIds: [tabletNeed],
    });
    const actionId = created.json().id;
    const base = `${plans()}/${planId}/actions/${actionId}`;
    const put = (personId: string, body: unknown) => hr.request('PUT', `${base}/participants/${personId}`, body);

    const completed = await put(people[0], { status: 'completed', completedOn: daysAgo(130) });
    expect(completed.json()).toMatchObject({ status: 'completed', minutesAttended: 480, completedOn: daysAgo(130) });
    expect((await put(people[1], { status: 'attended', minutesAttended: 300 })).json()).toMatchObject({
      minutesAttended: 300,
      completedOn: null,
    });
    const noShow = await put(people[2], { status: 'no_show', minutesAttended: 60 });
    expect(noShow.statusCode).toBe(400);
    expect(noShow.json().errors[0].path).toBe('/body/minutesAttended');
    const future = await put(people[2], { status: 'completed', completedOn: iso(new Date(Date.now() + 10 * DAY)) });
    expect(future.json().errors[0].path).toBe('/body/completedOn');
    expect((await put(people[2], { status: 'completed' })).json().minutesAttended).toBe(480);
    expect((await put(people[3], { status: 'enrolled' })).json().minutesAttended).toBe(0);
    expect((await put(foreignPerson, { status: 'attended' })).statusCode).toBe(404);
    expect((await manager.request('PUT', `${base}/participants/${people[3]}`, { status: 'attended' })).statusCode).toBe(403);

    const evaluate = (personId: string, kind: string, score: number, comment?: string) =>
      hr.request('PUT', `${base}/evaluations`, { personId, kind, score, ...(comment ? { comment } : {}) });
    expect((await evaluate(people[0], 'reaction', 4)).statusCode).toBe(204);
    expect((await evaluate(people[0], 'reaction', 5, 'Heel duidelijk')).statusCode).toBe(204);
    expect((await evaluate(people[1], 'reaction', 3)).statusCode).toBe(204);
    expect((await evaluate(people[3], 'reaction', 3)).json().errors[0].path).toBe('/body/personId');
    expect((await evaluate(people[1], 'application', 3)).json().errors[0].path).toBe('/body/kind');
    expect((await evaluate(people[0], 'reaction', 6)).json().errors[0].path).toBe('/body/score');
    const [stored] = await sql<{ n: number }>("select count(*)::int as n from evaluations where action_id = $1 and kind = 'reaction'", [
      actionId,
    ]);
    expect(stored.n).toBe(2);

    const view = async () => (await manager.request('GET', `${plans()}/${planId}/follow-up`)).json();
    let followUp = await view();
    expect(followUp.threshold).toBe(3);
    let row = followUp.actions[0];
    expect(row.reaction).toEqual({ count: 2, shown: false, mean: null });
    expect(row.comments).toEqual([]);
    expect(row.byStatus).toMatchObject({ completed: 2, attended: 1, enrolled: 1, planned: 0 });
    expect(row.participants.find((p: { personId: string }) => p.personId === people[0])).toMatchObject({
      reactionGiven: true,
      applicationGiven: false,
    });
    expect(JSON.stringify(row.participants)).not.toMatch(/"score"/);

    await evaluate(people[2], 'reaction', 4);
    followUp = await view();
    row = followUp.actions[0];
    expect(row.reaction).toEqual({ count: 3, shown: true, mean: 4 });
    expect(row.comments).toEqual([{ kind: 'reaction', text: 'Heel duidelijk' }]);
    expect(row.dueApplication.map((d: { personId: string }) => d.personId)).toEqual([people[0]]);
    expect(row.canReassess).toBe(true);
    await evaluate(people[0], 'application', 4);
    expect((await view()).actions[0].dueApplication).toEqual([]);
  });

  it('closes the loop: a re-assessment writes supervisor ratings and updates the linked need', async () => {
    const planId = (await hr.request('GET', plans())).json().find((p: { year: number }) => p.year === 2028).id;
    const actionId = (await hr.request('GET', `${plans()}/${planId}`)).json().actions[0].id;
    const url = `${plans()}/${planId}/actions/${actionId}/reassess`;

    expect((await manager.request('POST', url, { ratings: [{ personId: people[0], level: 2 }] })).statusCode).toBe(403);
    const notDone = await hr.request('POST', url, { ratings: [{ personId: people[1], level: 2 }] });
    expect(notDone.statusCode).toBe(400);
    expect(notDone.json().errors[0].path).toBe('/body/ratings/0/personId');
    expect((await hr.request('POST', url, { ratings: [{ personId: people[0], level: 9 }] })).json().errors[0].path).toBe(
      '/body/ratings/0/level',
    );
    expect((await hr.request('POST', url, { ratings: [{ personId: foreignPerson, level: 2 }] })).json().errors[0].path).toBe(
      '/body/ratings/0/personId',
    );

    // The need is about persons 1 and 3; person 3 has no level yet, so it is not met.
    const first = await hr.request('POST', url, { ratings: [{ personId: people[0], level: 2 }] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      recorded: 1,
      needs: [{ id: tabletNeed, title: 'Werken met de tablet – Verpakking', status: 'in_progress', met: false }],
    });

    const second = await hr.request('POST', url, { ratings: [{ personId: people[2], level: 3 }] });
    expect(second.json().needs[0]).toMatchObject({ status: 'met', met: true });
    const [need] = await sql<{ status: string }>('select status from training_needs where id = $1', [tabletNeed]);
    expect(need.status).toBe('met');
    const levels = await sql<{ person_id: string; current_level: number; source: string }>(
      'select person_id, current_level, source from competence_status where competence_id = $1 order by current_level',
      [tabletCompetence],
    );
    expect(levels.map((l) => [l.person_id, l.current_level, l.source])).toEqual([
      [people[0], 2, 'supervisor'],
      [people[2], 3, 'supervisor'],
    ]);

    // A later rating that shows a gap again reopens the need.
    const again = await hr.request('POST', url, { ratings: [{ personId: people[2], level: 1 }] });
    expect(again.json().needs[0]).toMatchObject({ status: 'in_progress', met: false });
  });

  it('prints the plan as PDF and XLSX, audited as an export', async () => {
    const planId = (await hr.request('GET', plans())).json().find((p: { year: number }) => p.year === 2026).id;
    const pdf = await manager.request('GET', `${plans()}/${planId}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="opleidingsplan-2026-v2.pdf"');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const printed = pdfWords(pdf.rawPayload).replace(/ /g, '');
    // The plan's current title, its actions and the budget total as the XLSX below has it (€ 1.448,50).
    for (const words of ['Opleidingsplan 2026 (bijgestuurd)', 'Veilig werken met machines', 'Werken met de tablet', '1.448,50'])
      expect(printed).toContain(words.replace(/ /g, ''));

    for (const [locale, sheets] of [
      ['nl', ['Acties', 'Financiering', 'Budget']],
      ['en', ['Actions', 'Funding', 'Budget']],
    ] as const) {
      const xlsx = await hr.request('GET', `${plans()}/${planId}/export.xlsx?locale=${locale}`);
      expect(xlsx.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(sheets);
      const budget = workbook.worksheets[2];
      const total = budget.getRow(budget.rowCount - 2).values as unknown[];
      expect(total.slice(1)).toEqual([locale === 'nl' ? 'Totaal' : 'Total', 1448.5, 1348.5, 200]);
    }
    const exports = await sql<{ subject: string }>(
      "select subject from audit_log where organisation_id = $1 and event = 'data_export' order by at",
      [orgId],
    );
    expect(exports.map((e) => e.subject)).toEqual(expect.arrayContaining(['training-plan.pdf', 'training-plan.xlsx']));
    expect((await hr.request('GET', `${plans()}/${planId}/export.pdf?locale=de`)).statusCode).toBe(400);
  });

  it('keeps plans inside the organisation and follows the roles', async () => {
    const planId = (await hr.request('GET', plans())).json()[0].id;
    expect((await hrOther.request('GET', `${plans()}/${planId}`)).statusCode).toBe(404);
    expect((await hrOther.request('POST', plans(), { year: 2030 })).statusCode).toBe(404);
    // A foreign plan id under one's own organisation is simply not found.
    const otherPlan = await hrOther.request('POST', `/api/organisations/${otherOrgId}/plans`, { year: 2026 });
    expect(otherPlan.statusCode).toBe(201);
    expect((await hr.request('GET', `${plans()}/${otherPlan.json().id}`)).statusCode).toBe(404);
    expect((await hr.request('GET', `/api/organisations/${otherOrgId}/plans/${otherPlan.json().id}/budget`)).statusCode).toBe(404);
    expect((await employee.request('GET', plans())).statusCode).toBe(403);
    expect((await manager.request('POST', plans(), { year: 2031 })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: plans() })).statusCode).toBe(401);
    const options = await hr.request('GET', `${plans()}/${planId}/people-options?q=Persoon`);
    expect(options.json().map((p: { id: string }) => p.id)).not.toContain(foreignPerson);
    expect(options.json().map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(people));
    expect(options.json()[0]).toHaveProperty('teamName');
    const needOptions = (await hr.request('GET', `${plans()}/${planId}/need-options`)).json();
    expect(needOptions.map((n: { id: string }) => n.id)).toEqual([tabletNeed]);
    expect(needOptions[0].personIds.sort()).toEqual([people[0], people[2]].sort());
  });
});

describe.each(databaseKinds)('plan actions linked to catalog offers on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let hr: Session;
  let admin: Session;
  const people: string[] = [];
  let needId: string;
  let planId: string;
  let providerName: string;
  /** Published offer with two editions (the second one has 1 seat). */
  let offer: { id: string; editions: string[] };
  /** Published offer of another provider. */
  let otherOffer: { id: string; editions: string[] };
  let draftOffer: string;
  let archivedOffer: string;
  let cancelledEdition: string;

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.database.query<T>(text, params);
  const plans = () => `/api/organisations/${orgId}/plans`;
  const actions = () => `${plans()}/${planId}/actions`;
  const paths = (res: { json(): { errors?: Array<{ path: string }> } }) => (res.json().errors ?? []).map((e) => e.path);
  const base = (overrides: Record<string, unknown> = {}) => ({ kind: 'external_offer', title: 'Heftruck veilig', ...overrides });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    orgId = (await buildOrganisation(db, { name: 'Maatwerkbedrijf Aanbod' })).id;
    providerName = 'Leerhuis Test';
    const provider = await buildOrganisation(db, { name: providerName, kind: 'training_provider' });
    const otherProvider = await buildOrganisation(db, { name: 'Vormingscentrum Ander', kind: 'training_provider' });
    for (let i = 0; i < 3; i++) people.push((await buildPerson(db, { organisationId: orgId, displayName: `Chauffeur ${i + 1}` })).id);
    needId = (await buildNeed(db, { organisationId: orgId, title: 'Heftruck rijden – Magazijn', personIds: people })).id;
    const built = await buildOffer(db, {
      providerId: provider.id,
      title: 'Heftruckcertificaat',
      durationMinutes: 960,
      priceCents: 34_950,
      recognitions: ['kmo-portefeuille'],
      editions: [
        { startsOn: inDays(40), endsOn: inDays(41), capacity: 10 },
        { startsOn: inDays(60), capacity: 1 },
        { startsOn: inDays(50), capacity: 5, status: 'cancelled' },
      ],
    });
    offer = { id: built.offer.id, editions: built.editions.map((e) => e.id) };
    cancelledEdition = offer.editions[2];
    const other = await buildOffer(db, {
      providerId: otherProvider.id,
      title: 'Heftruck opfrissing',
      editions: [{ startsOn: inDays(20) }],
    });
    otherOffer = { id: other.offer.id, editions: other.editions.map((e) => e.id) };
    draftOffer = (await buildOffer(db, { providerId: provider.id, status: 'draft' })).offer.id;
    archivedOffer = (await buildOffer(db, { providerId: provider.id, status: 'archived' })).offer.id;
    hr = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'hr' })).email, TEST_PASSWORD);
    admin = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'org_admin' })).email, TEST_PASSWORD);
    planId = (await hr.request('POST', plans(), { year: 2027 })).json().id;
  });
  afterAll(() => t?.close());

  it('refuses offers and editions that cannot be linked, naming the field, and stores nothing', async () => {
    const unknown = '00000000-0000-7000-8000-000000000001';
    const cases: Array<[Record<string, unknown>, string]> = [
      [base({ offerId: unknown }), '/body/offerId'],
      [base({ offerId: draftOffer }), '/body/offerId'],
      [base({ offerId: archivedOffer }), '/body/offerId'],
      [base({ offerId: 'not-a-uuid' }), '/body/offerId'],
      [base({ kind: 'non_training', nonTrainingKind: 'tools', offerId: offer.id }), '/body/offerId'],
      [base({ offerEditionId: offer.editions[0] }), '/body/offerEditionId'],
      [base({ offerId: offer.id, offerEditionId: otherOffer.editions[0] }), '/body/offerEditionId'],
      [base({ offerId: offer.id, offerEditionId: unknown }), '/body/offerEditionId'],
      [base({ offerId: offer.id, offerEditionId: cancelledEdition }), '/body/offerEditionId'],
    ];
    for (const [body, path] of cases) {
      const res = await hr.request('POST', actions(), body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect([...new Set(paths(res))], JSON.stringify(body)).toEqual([path]);
    }
    const [row] = await sql<{ n: number }>('select count(*)::int as n from plan_actions where plan_id = $1', [planId]);
    expect(row.n).toBe(0);
  });

  it('links an offer of any provider and one of its editions, and shows them on the plan', async () => {
    const created = await hr.request(
      'POST',
      actions(),
      base({
        offerId: offer.id,
        offerEditionId: offer.editions[0],
        needIds: [needId],
        personIds: people,
        durationMinutes: 960,
        costPerParticipantCents: 34_950,
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      offerId: offer.id,
      offerEditionId: offer.editions[0],
      costCents: 104_850,
      offer: {
        id: offer.id,
        title: { nl: 'Heftruckcertificaat' },
        providerName,
        status: 'published',
        durationMinutes: 960,
        priceCents: 34_950,
        recognitions: ['kmo-portefeuille'],
        edition: { id: offer.editions[0], startsOn: inDays(40), endsOn: inDays(41), capacity: 10, seatsLeft: 10, status: 'scheduled' },
      },
    });
    const plan = (await hr.request('GET', `${plans()}/${planId}`)).json();
    expect(plan.actions[0].offer.edition.id).toBe(offer.editions[0]);

    // The offer's recognitions feed the funding hints.
    const hints = (await hr.request('GET', `${actions()}/${created.json().id}/funding-hints`)).json();
    expect(hints.basis.offerLinked).toBe(true);
    const kmo = hints.hints.find((h: { instrument: { key: string } }) => h.instrument.key === 'kmo-portefeuille');
    expect(kmo.checks).toContainEqual({ condition: 'recognition', met: true });
    const leave = hints.hints.find((h: { instrument: { key: string } }) => h.instrument.key === 'vlaams-opleidingsverlof');
    expect(leave.checks).toContainEqual({ condition: 'recognition', met: false });

    // Offer only (edition later), then another provider's offer: the old edition goes with the old offer.
    const id = created.json().id;
    const offerOnly = await hr.request('PATCH', `${actions()}/${id}`, { offerEditionId: null });
    expect(offerOnly.json()).toMatchObject({ offerId: offer.id, offerEditionId: null, offer: { id: offer.id, edition: null } });
    await hr.request('PATCH', `${actions()}/${id}`, { offerEditionId: offer.editions[1] });
    const moved = await hr.request('PATCH', `${actions()}/${id}`, { offerId: otherOffer.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ offerId: otherOffer.id, offerEditionId: null, offer: { providerName: 'Vormingscentrum Ander' } });
    const unlinked = await hr.request('PATCH', `${actions()}/${id}`, { offerId: null });
    expect(unlinked.json()).toMatchObject({ offerId: null, offerEditionId: null, offer: null });
    // An edition on its own needs the action's offer.
    const alone = await hr.request('PATCH', `${actions()}/${id}`, { offerEditionId: offer.editions[0] });
    expect(paths(alone)).toEqual(['/body/offerEditionId']);
    const relinked = await hr.request('PATCH', `${actions()}/${id}`, { offerId: offer.id, offerEditionId: offer.editions[0] });
    expect(relinked.json().offer.edition.id).toBe(offer.editions[0]);
    // Changing the kind to non-training keeps no offer.
    const nonTraining = await hr.request('PATCH', `${actions()}/${id}`, { kind: 'non_training', nonTrainingKind: 'tools' });
    expect(paths(nonTraining)).toEqual(['/body/offerId']);
  });

  it('keeps a link to an offer that was archived later, but does not make new links to it', async () => {
    const { offer: later } = await buildOffer(t.db.database, {
      providerId: (await buildOrganisation(t.db.database, { kind: 'training_provider' })).id,
      title: 'Wordt gearchiveerd',
    });
    const created = await hr.request('POST', actions(), base({ title: 'Tijdelijk aanbod', offerId: later.id }));
    expect(created.statusCode, created.body).toBe(201);
    await sql(`update offers set status = 'archived' where id = $1`, [later.id]);
    const kept = await hr.request('PATCH', `${actions()}/${created.json().id}`, {
      title: 'Tijdelijk aanbod (bijgewerkt)',
      offerId: later.id,
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().offer).toMatchObject({ id: later.id, status: 'archived' });
    const fresh = await hr.request('POST', actions(), base({ offerId: later.id }));
    expect(paths(fresh)).toEqual(['/body/offerId']);
    expect((await hr.request('DELETE', `${actions()}/${created.json().id}`)).statusCode).toBe(204);
  });

  it('enrols the named participants through the action: enrolled and waitlisted; the edition then stays', async () => {
    const plan = (await hr.request('GET', `${plans()}/${planId}`)).json();
    const actionId = plan.actions[0].id;
    // Linked to edition 0 of the offer: another edition or another offer is refused.
    const enrol = (body: Record<string, unknown>) => hr.request('POST', `/api/organisations/${orgId}/enrolments`, body);
    const wrongEdition = await enrol({ editionId: offer.editions[1], personIds: people, planActionId: actionId });
    expect(wrongEdition.statusCode).toBe(409);
    expect(paths(wrongEdition)).toEqual(['/body/planActionId']);

    // Link the small edition (1 seat) and enrol all three.
    expect((await hr.request('PATCH', `${actions()}/${actionId}`, { offerEditionId: offer.editions[1] })).statusCode).toBe(200);
    const res = await enrol({ editionId: offer.editions[1], personIds: people, planActionId: actionId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().map((e: { status: string }) => e.status)).toEqual(['enrolled', 'waitlisted', 'waitlisted']);
    const listed = (await hr.request('GET', `/api/organisations/${orgId}/enrolments?planActionId=${actionId}`)).json();
    expect(listed).toHaveLength(3);
    expect(listed.every((e: { planActionId: string }) => e.planActionId === actionId)).toBe(true);
    const action = (await hr.request('GET', `${plans()}/${planId}`)).json().actions[0];
    expect(action.offer.edition).toMatchObject({ id: offer.editions[1], seatsLeft: 0 });
    expect(action.participants.map((p: { status: string }) => p.status).sort()).toEqual(['enrolled', 'planned', 'planned']);

    // The seats are held: the edition or offer cannot change, nor be dropped, until the enrolments are cancelled.
    for (const patch of [{ offerEditionId: offer.editions[0] }, { offerEditionId: null }, { offerId: otherOffer.id }, { offerId: null }]) {
      const refused = await hr.request('PATCH', `${actions()}/${actionId}`, patch);
      expect(refused.statusCode, JSON.stringify(patch)).toBe(409);
      expect(refused.json().code).toBe('plan.enrolments_exist');
      expect(paths(refused)).toEqual(['/body/offerEditionId']);
    }
    // Other changes to the action are fine.
    expect((await hr.request('PATCH', `${actions()}/${actionId}`, { responsible: 'Hilde' })).statusCode).toBe(200);
  });

  it('an approved plan keeps its links: no relinking, enrolling only in the linked edition; the snapshot holds the offer', async () => {
    const other = await hr.request(
      'POST',
      actions(),
      base({ title: 'Opfrissing', offerId: otherOffer.id, personIds: [people[0]], costPerParticipantCents: 12_000 }),
    );
    expect(other.statusCode, other.body).toBe(201);
    const approved = await admin.request('POST', `${plans()}/${planId}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const [first, second] = approved.json().actions;

    const relink = await hr.request('PATCH', `${actions()}/${second.id}`, { offerEditionId: otherOffer.editions[0] });
    expect(relink.statusCode).toBe(409);
    expect(relink.json().code).toBe('plan.not_editable');
    // Enrolling would link the edition: refused while the plan is approved.
    const enrol = (body: Record<string, unknown>) => hr.request('POST', `/api/organisations/${orgId}/enrolments`, body);
    const linking = await enrol({ editionId: otherOffer.editions[0], personIds: [people[0]], planActionId: second.id });
    expect(linking.statusCode).toBe(409);
    expect(linking.json().code).toBe('plan.not_editable');
    const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from enrolments where plan_action_id = $1', [second.id]);
    expect(n).toBe(0);
    // Enrolling more people in the edition the action is linked to is follow-up, and allowed.
    const extra = await buildPerson(t.db.database, { organisationId: orgId, displayName: 'Chauffeur 4' });
    const followUp = await enrol({ editionId: offer.editions[1], personIds: [extra.id], planActionId: first.id });
    expect(followUp.statusCode, followUp.body).toBe(201);
    expect(followUp.json()[0].status).toBe('waitlisted');

    const version = (await hr.request('GET', `${plans()}/${planId}/versions/1`)).json();
    expect(version.actions.map((a: { offer: { id: string } | null }) => a.offer?.id)).toEqual([offer.id, otherOffer.id]);

    // Versions approved before actions carried their offer are still readable.
    await sql(
      `update training_plan_versions set snapshot = jsonb_set(snapshot, '{actions}', (select jsonb_agg(a - 'offer') from jsonb_array_elements(snapshot->'actions') a)) where plan_id = $1`,
      [planId],
    );
    const old = await hr.request('GET', `${plans()}/${planId}/versions/1`);
    expect(old.statusCode, old.body).toBe(200);
    expect(old.json().actions.map((a: { offer: unknown }) => a.offer)).toEqual([null, null]);
    expect((await hr.request('GET', `${plans()}/${planId}/export.pdf?version=1`)).statusCode).toBe(200);
  });

  it('issue 4 bad input: money is whole, non-negative cents on create and edit; every amount in the answers is an integer', async () => {
    const draft = (await hr.request('POST', plans(), { year: 2028 })).json().id as string;
    const url = `${plans()}/${draft}/actions`;
    const created = await hr.request('POST', url, base({ personIds: people, costPerParticipantCents: 33_333, fixedCostCents: 1 }));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ costPerParticipantCents: -1 }, '/body/costPerParticipantCents'],
      [{ fixedCostCents: -250 }, '/body/fixedCostCents'],
      [{ costPerParticipantCents: 12.5 }, '/body/costPerParticipantCents'],
      [{ costPerParticipantCents: '12,50' }, '/body/costPerParticipantCents'],
      [{ fixedCostCents: '12.50' }, '/body/fixedCostCents'],
      [{ fixedCostCents: 2_000_000_001 }, '/body/fixedCostCents'],
      [{ funding: [{ instrumentId: null, amountCents: -1 }] }, '/body/funding/0/amountCents'],
      [{ funding: [{ instrumentId: null, amountCents: 0.5 }] }, '/body/funding/0/amountCents'],
      [{ participantsCount: -1 }, '/body/participantsCount'],
    ];
    for (const [body, path] of cases) {
      for (const [method, target] of [
        ['POST', url],
        ['PATCH', `${url}/${id}`],
      ] as const) {
        const res = await hr.request(method, target, method === 'POST' ? base(body) : body);
        expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(paths(res)).toContain(path);
      }
    }
    const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from plan_actions where plan_id = $1', [draft]);
    expect(n).toBe(1);

    // 3 × €333.33 + €0.01: exact in cents, and every money field of the answers is a whole number.
    await hr.request('PATCH', `${url}/${id}`, { funding: [{ instrumentId: null, amountCents: 50_000, status: 'committed' }] });
    const detail = (await hr.request('GET', `${plans()}/${draft}`)).json();
    expect(detail.actions[0]).toMatchObject({ costCents: 100_000, fundedCents: 50_000 });
    expect(detail.budget).toMatchObject({
      costCents: 100_000,
      unfundedCents: 50_000,
      total: { planned: 50_000, committed: 50_000, spent: 0 },
    });
    const amounts: unknown[] = [];
    const walk = (value: unknown, key = ''): void => {
      if (Array.isArray(value)) value.forEach((v) => walk(v));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
      else if (/Cents$|^(planned|committed|spent)$/.test(key)) amounts.push(value);
    };
    walk(detail);
    expect(amounts.length).toBeGreaterThan(10);
    expect(amounts.every((a) => Number.isInteger(a))).toBe(true);

    // Approving an empty plan is refused; so is editing an approved one (see the tests above).
    const empty = (await hr.request('POST', plans(), { year: 2029 })).json().id;
    const refused = await admin.request('POST', `${plans()}/${empty}/approve`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('plan.empty');
  });

  it('prints the linked offer and edition in the XLSX', async () => {
    const xlsx = await hr.request('GET', `${plans()}/${planId}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    expect(header).toEqual(expect.arrayContaining(['Aanbod', 'Aanbieder', 'Start editie', 'Einde editie']));
    const row = sheet.getRow(2);
    expect(row.getCell(column('Aanbod')).value).toBe('Heftruckcertificaat');
    expect(row.getCell(column('Aanbieder')).value).toBe(providerName);
    expect(row.getCell(column('Start editie')).value).toBe(inDays(60));
    const pdf = await hr.request('GET', `${plans()}/${planId}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
