import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildPerson } from '../factories/people.js';
import { buildOffer, inDays } from '../factories/catalog.js';

describe.each(databaseKinds)('enrolment on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let otherOrgId: string;
  let providerId: string;
  let hr: Session;
  let hrOther: Session;
  let provider: Session;
  let learner: Session;
  let learnerPersonId: string;
  let people: string[] = [];
  let foreignPerson: string;

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.database.query<T>(text, params);
  const orgEnrol = (body: unknown) => hr.request('POST', `/api/organisations/${orgId}/enrolments`, body);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    orgId = (await buildOrganisation(db, { name: 'De Werkplaats' })).id;
    otherOrgId = (await buildOrganisation(db)).id;
    providerId = (await buildOrganisation(db, { name: 'Vormingscentrum Test', kind: 'training_provider' })).id;
    hr = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'hr' })).email, TEST_PASSWORD);
    hrOther = await logIn(t.app, (await buildUser(db, { organisationId: otherOrgId, role: 'hr' })).email, TEST_PASSWORD);
    provider = await logIn(t.app, (await buildUser(db, { organisationId: providerId, role: 'provider_staff' })).email, TEST_PASSWORD);
    const learnerUser = await buildUser(db, { organisationId: orgId, role: 'employee' });
    learner = await logIn(t.app, learnerUser.email, TEST_PASSWORD);
    learnerPersonId = (await buildPerson(db, { organisationId: orgId, userId: learnerUser.id, displayName: 'Emre Leerling' })).id;
    people = [];
    for (let i = 0; i < 32; i++)
      people.push((await buildPerson(db, { organisationId: orgId, displayName: `Deelnemer ${String(i + 1).padStart(2, '0')}` })).id);
    foreignPerson = (await buildPerson(db, { organisationId: otherOrgId })).id;
  });
  afterAll(() => t?.close());

  it('never overbooks under 32 parallel enrolments on 5 seats; the rest wait in order; a cancellation promotes the first', async () => {
    const { editions } = await buildOffer(t.db.database, {
      providerId,
      title: 'Heftruck veilig',
      editions: [{ capacity: 5, startsOn: inDays(20) }],
    });
    const editionId = editions[0].id;
    const responses = await Promise.all(people.map((personId) => orgEnrol({ editionId, personIds: [personId] })));
    expect(responses.map((r) => r.statusCode)).toEqual(people.map(() => 201));
    const results = responses.map((r) => r.json()[0]);
    expect(results.filter((e) => e.status === 'enrolled')).toHaveLength(5);
    const waiting = results.filter((e) => e.status === 'waitlisted');
    expect(waiting).toHaveLength(27);

    const rows = await sql<{ status: string; waitlist_position: number | null; created_at: Date }>(
      `select status, waitlist_position, created_at from enrolments where edition_id = $1 order by id`,
      [editionId],
    );
    expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(5);
    const positions = rows.filter((r) => r.status === 'waitlisted').map((r) => Number(r.waitlist_position));
    // Positions are 1…27 without gaps or doubles, handed out in the order the lock was taken. Ids are
    // UUID v7 made after the lock, so they follow that order; created_at is the transaction's start
    // time, which on PostgreSQL comes before the lock and can be in any order.
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const [{ enrolled_count }] = await sql<{ enrolled_count: number }>(`select enrolled_count from offer_editions where id = $1`, [
      editionId,
    ]);
    expect(Number(enrolled_count)).toBe(5);

    // Rank shown to the learner: 1 = next in line.
    const list = (await hr.request('GET', `/api/organisations/${orgId}/enrolments?editionId=${editionId}`)).json();
    const first = list.find((e: { waitlistPosition: number | null }) => e.waitlistPosition === 1);
    expect(first.status).toBe('waitlisted');

    const seatHolder = results.find((e) => e.status === 'enrolled');
    const cancelled = await hr.request('POST', `/api/organisations/${orgId}/enrolments/${seatHolder.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const promoted = (await hr.request('GET', `/api/organisations/${orgId}/enrolments?editionId=${editionId}`))
      .json()
      .find((e: { id: string }) => e.id === first.id);
    expect(promoted.status).toBe('enrolled');
    expect(promoted.waitlistPosition).toBeNull();
    const [after] = await sql<{ enrolled_count: number; seats: number }>(
      `select enrolled_count, (select count(*)::int from enrolments where edition_id = $1 and status = 'enrolled') as seats from offer_editions where id = $1`,
      [editionId],
    );
    expect(Number(after.enrolled_count)).toBe(5);
    expect(Number(after.seats)).toBe(5);
    // Second in line is now first.
    const next = (await hr.request('GET', `/api/organisations/${orgId}/enrolments?editionId=${editionId}`))
      .json()
      .filter((e: { status: string }) => e.status === 'waitlisted');
    expect(next.map((e: { waitlistPosition: number }) => e.waitlistPosition).sort((a: number, b: number) => a - b)[0]).toBe(1);
    expect(next).toHaveLength(26);

    const again = await hr.request('POST', `/api/organisations/${orgId}/enrolments/${seatHolder.id}/cancel`);
    expect(again.statusCode).toBe(409);
  });

  it('moves the waiting list up in order when the provider raises the capacity, and not beyond it', async () => {
    const { offer, editions } = await buildOffer(t.db.database, {
      providerId,
      title: 'EHBO basis',
      editions: [{ capacity: 2, startsOn: inDays(30) }],
    });
    const editionId = editions[0].id;
    const made = [];
    for (const personId of people.slice(0, 6)) made.push((await orgEnrol({ editionId, personIds: [personId] })).json()[0]);
    expect(made.map((e) => e.status)).toEqual(['enrolled', 'enrolled', 'waitlisted', 'waitlisted', 'waitlisted', 'waitlisted']);

    const raised = await provider.request('PATCH', `/api/organisations/${providerId}/offers/${offer.id}/editions/${editionId}`, {
      capacity: 4,
    });
    expect(raised.statusCode, raised.body).toBe(200);
    const after = (await hr.request('GET', `/api/organisations/${orgId}/enrolments?editionId=${editionId}`)).json() as Array<{
      id: string;
      status: string;
      waitlistPosition: number | null;
    }>;
    const byId = new Map(after.map((e) => [e.id, e]));
    // The first two in line get the new seats; the others move up to places 1 and 2.
    expect(made.map((e) => byId.get(e.id)!.status)).toEqual(['enrolled', 'enrolled', 'enrolled', 'enrolled', 'waitlisted', 'waitlisted']);
    expect(made.slice(4).map((e) => byId.get(e.id)!.waitlistPosition)).toEqual([1, 2]);
    const [row] = await sql<{ enrolled_count: number }>(`select enrolled_count from offer_editions where id = $1`, [editionId]);
    expect(Number(row.enrolled_count)).toBe(4);

    // Lowering it again below the seats taken is refused, naming the field; nobody loses a seat.
    const lowered = await provider.request('PATCH', `/api/organisations/${providerId}/offers/${offer.id}/editions/${editionId}`, {
      capacity: 3,
    });
    expect(lowered.statusCode).toBe(400);
    expect(lowered.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(lowered.json().errors)).toContain('capacity');
  });

  it('parallel self-enrolments of one learner give one enrolment and clear 409s', async () => {
    const { editions } = await buildOffer(t.db.database, { providerId, editions: [{ capacity: 3 }] });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => learner.request('POST', '/api/me/enrolments', { editionId: editions[0].id })),
    );
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const r of responses.filter((x) => x.statusCode !== 201)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().code).toBe('enrolment.duplicate');
    }
    const [{ enrolled_count }] = await sql<{ enrolled_count: number }>(`select enrolled_count from offer_editions where id = $1`, [
      editions[0].id,
    ]);
    expect(Number(enrolled_count)).toBe(1);
  });

  it('lets the learner enrol, see the enrolment with its waiting-list position, cancel it and save offers', async () => {
    const { offer, editions } = await buildOffer(t.db.database, { providerId, title: 'Omgaan met stress', editions: [{ capacity: 1 }] });
    expect((await orgEnrol({ editionId: editions[0].id, personIds: [people[0]] })).json()[0].status).toBe('enrolled');
    const mine = await learner.request('POST', '/api/me/enrolments', { editionId: editions[0].id });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
      personId: learnerPersonId,
      employerId: orgId,
      learnerName: 'Emre Leerling',
      providerName: 'Vormingscentrum Test',
    });
    expect(mine.json().offerTitle.nl).toBe('Omgaan met stress');
    const list = (await learner.request('GET', '/api/me/enrolments')).json();
    expect(list.map((e: { id: string }) => e.id)).toContain(mine.json().id);
    // HR cannot see it through another organisation, another learner cannot cancel it.
    const cancelByOther = await hrOther.request('POST', `/api/organisations/${otherOrgId}/enrolments/${mine.json().id}/cancel`);
    expect(cancelByOther.statusCode).toBe(404);
    const cancel = await learner.request('POST', `/api/me/enrolments/${mine.json().id}/cancel`);
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().status).toBe('cancelled');
    // After cancelling, enrolling again is allowed.
    expect((await learner.request('POST', '/api/me/enrolments', { editionId: editions[0].id })).statusCode).toBe(201);

    expect((await learner.request('PUT', `/api/me/saved-offers/${offer.id}`)).statusCode).toBe(204);
    expect((await learner.request('PUT', `/api/me/saved-offers/${offer.id}`)).statusCode).toBe(204);
    const saved = (await learner.request('GET', '/api/me/saved-offers')).json();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      offerId: offer.id,
      providerName: 'Vormingscentrum Test',
      nextEdition: { id: editions[0].id, freeSeats: 0 },
    });
    expect((await learner.request('DELETE', `/api/me/saved-offers/${offer.id}`)).statusCode).toBe(204);
    expect((await learner.request('GET', '/api/me/saved-offers')).json()).toEqual([]);
    const draft = await buildOffer(t.db.database, { providerId, status: 'draft' });
    expect((await learner.request('PUT', `/api/me/saved-offers/${draft.offer.id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/enrolments' })).statusCode).toBe(401);
  });

  it('refuses a passed deadline, a cancelled edition, a draft offer, duplicates and foreign people with clear 4xx', async () => {
    const late = await buildOffer(t.db.database, { providerId, editions: [{ startsOn: inDays(10), enrolmentDeadline: inDays(-1) }] });
    const res1 = await orgEnrol({ editionId: late.editions[0].id, personIds: [people[1]] });
    expect(res1.statusCode).toBe(409);
    expect(res1.json()).toMatchObject({ code: 'enrolment.deadline_passed', errors: [{ path: '/body/editionId' }] });
    const started = await buildOffer(t.db.database, { providerId, editions: [{ startsOn: inDays(0) }] });
    expect((await learner.request('POST', '/api/me/enrolments', { editionId: started.editions[0].id })).json().code).toBe(
      'enrolment.deadline_passed',
    );

    const cancelled = await buildOffer(t.db.database, { providerId, editions: [{ status: 'cancelled' }] });
    const res2 = await orgEnrol({ editionId: cancelled.editions[0].id, personIds: [people[1]] });
    expect(res2.statusCode).toBe(409);
    expect(res2.json().code).toBe('enrolment.edition_cancelled');

    const draft = await buildOffer(t.db.database, { providerId, status: 'draft' });
    const res3 = await orgEnrol({ editionId: draft.editions[0].id, personIds: [people[1]] });
    expect(res3.statusCode).toBe(400);
    expect(res3.json().errors[0].path).toBe('/body/editionId');

    const open = await buildOffer(t.db.database, { providerId, editions: [{ capacity: 10 }] });
    expect((await orgEnrol({ editionId: open.editions[0].id, personIds: [people[1]] })).statusCode).toBe(201);
    const dup = await orgEnrol({ editionId: open.editions[0].id, personIds: [people[2], people[1]] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'enrolment.duplicate', errors: [{ path: '/body/personIds/1' }] });
    // Nothing half-done: people[2] was not enrolled either.
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from enrolments where edition_id = $1`, [open.editions[0].id]);
    expect(Number(n)).toBe(1);

    const foreign = await orgEnrol({ editionId: open.editions[0].id, personIds: [foreignPerson] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('/body/personIds/0');
    const badBody = await orgEnrol({ editionId: 'nope', personIds: [] });
    expect(badBody.statusCode).toBe(400);
    // Employees cannot enrol colleagues.
    expect(
      (await learner.request('POST', `/api/organisations/${orgId}/enrolments`, { editionId: open.editions[0].id, personIds: [people[3]] }))
        .statusCode,
    ).toBe(403);
  });

  it('links a plan action to the edition, and mirrors attendance and completion into its participants', async () => {
    const plan = await hr.request('POST', `/api/organisations/${orgId}/plans`, { year: new Date().getFullYear() + 1 });
    expect(plan.statusCode, plan.body).toBe(201);
    const action = await hr.request('POST', `/api/organisations/${orgId}/plans/${plan.json().id}/actions`, {
      kind: 'external_offer',
      title: 'Heftruck',
      durationMinutes: 420,
    });
    expect(action.statusCode, action.body).toBe(201);
    const actionId = action.json().id as string;
    const { offer, editions } = await buildOffer(t.db.database, {
      providerId,
      durationMinutes: 420,
      editions: [{ capacity: 2, startsOn: inDays(5) }],
    });
    const foreignAction = await hrOther.request('POST', `/api/organisations/${otherOrgId}/plans`, { year: new Date().getFullYear() + 1 });
    const foreignActionId = (
      await hrOther.request('POST', `/api/organisations/${otherOrgId}/plans/${foreignAction.json().id}/actions`, {
        kind: 'external_offer',
        title: 'X',
        durationMinutes: 60,
      })
    ).json().id;
    const wrong = await orgEnrol({ editionId: editions[0].id, personIds: [people[4]], planActionId: foreignActionId });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('/body/planActionId');

    const res = await orgEnrol({ editionId: editions[0].id, personIds: [people[4], people[5], people[6]], planActionId: actionId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().map((e: { status: string }) => e.status)).toEqual(['enrolled', 'enrolled', 'waitlisted']);
    const [link] = await sql<{ offer_id: string; offer_edition_id: string }>(
      `select offer_id, offer_edition_id from plan_actions where id = $1`,
      [actionId],
    );
    expect(link).toEqual({ offer_id: offer.id, offer_edition_id: editions[0].id });
    const participants = await sql<{ person_id: string; status: string }>(
      `select person_id, status::text as status from action_participants where action_id = $1 order by status`,
      [actionId],
    );
    expect(participants.map((p) => p.status).sort()).toEqual(['enrolled', 'enrolled', 'planned']);

    // The provider sees the list (not HR of another org, not the employer through the provider route).
    const url = `/api/organisations/${providerId}/editions/${editions[0].id}/enrolments`;
    const list = await provider.request('GET', url);
    expect(list.statusCode).toBe(200);
    expect(list.json().map((e: { status: string }) => e.status)).toEqual(['enrolled', 'enrolled', 'waitlisted']);
    expect((await hr.request('GET', `/api/organisations/${orgId}/editions/${editions[0].id}/enrolments`)).statusCode).toBe(403);

    const enrolmentId = res.json()[0].id;
    const done = await provider.request('PUT', `${url}/${enrolmentId}`, { status: 'completed', completedOn: inDays(0) });
    expect(done.statusCode).toBe(400);
    expect(done.json().errors[0].path).toBe('/body/completedOn');
    const noDate = await provider.request('PUT', `${url}/${enrolmentId}`, { status: 'completed' });
    expect(noDate.json().errors[0].path).toBe('/body/completedOn');
    // Attendance on a waitlisted enrolment: no seat, 409.
    expect((await provider.request('PUT', `${url}/${res.json()[2].id}`, { status: 'attended', minutesAttended: 60 })).statusCode).toBe(409);

    // Record attendance for the second one (the edition would normally be past; the rule only blocks dates before the start).
    await sql(`update offer_editions set starts_on = $2, ends_on = $2 where id = $1`, [editions[0].id, inDays(-3)]);
    const completed = await provider.request('PUT', `${url}/${enrolmentId}`, { status: 'completed', completedOn: inDays(-2) });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({ status: 'completed', minutesAttended: 420, completedOn: inDays(-2) });
    const noShow = await provider.request('PUT', `${url}/${res.json()[1].id}`, { status: 'no_show' });
    expect(noShow.json()).toMatchObject({ status: 'no_show', minutesAttended: 0 });
    const mirrored = await sql<{ person_id: string; status: string; minutes_attended: number; completed_on: string | null }>(
      `select person_id, status::text as status, minutes_attended, completed_on::text as completed_on from action_participants where action_id = $1`,
      [actionId],
    );
    expect(mirrored.find((p) => p.person_id === people[4])).toMatchObject({
      status: 'completed',
      minutes_attended: 420,
      completed_on: inDays(-2),
    });
    expect(mirrored.find((p) => p.person_id === people[5])).toMatchObject({ status: 'no_show', minutes_attended: 0 });
    // Completed enrolments can no longer be cancelled.
    expect((await hr.request('POST', `/api/organisations/${orgId}/enrolments/${enrolmentId}/cancel`)).statusCode).toBe(409);

    const csv = await provider.request('GET', `${url}.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('completed');
    expect(csv.body.split('\r\n')[0]).toContain('learner');
  });

  it('keeps CSV cells safe from formula injection', async () => {
    const evil = await buildPerson(t.db.database, { organisationId: orgId, displayName: '=HYPERLINK("http://x")' });
    const { editions } = await buildOffer(t.db.database, { providerId });
    expect((await orgEnrol({ editionId: editions[0].id, personIds: [evil.id] })).statusCode).toBe(201);
    const csv = await provider.request('GET', `/api/organisations/${providerId}/editions/${editions[0].id}/enrolments.csv`);
    expect(csv.body).toContain(`'=HYPERLINK`);
    expect(
      (await provider.request('GET', `/api/organisations/${providerId}/editions/00000000-0000-7000-8000-000000000000/enrolments`))
        .statusCode,
    ).toBe(404);
  });
});
