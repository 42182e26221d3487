import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type TestApp } from '../support/test-app.js';
import { DEMO_PASSWORD, seedDemoData } from '../../src/db/seed/demo.js';
import { demoOffers, durationMinutes, editionDates } from '../../src/db/seed/demo-offers.js';
import { todayInBrussels } from '../../src/domain/calendar/brussels.js';
import { validateEdition } from '../../src/domain/offers/rules.js';

interface OfferRow {
  id: string;
  provider: string;
  code: string;
  status: string;
  format: string;
  title: Record<string, string>;
  description: Record<string, string>;
  languages: string[];
  postcode: string | null;
  region: string | null;
  duration: number;
  price: number;
  level: number | null;
  audience: string;
  recognitions: string[];
  accessibility: string[];
  characteristics: Record<string, number>;
}

const PROVIDERS = ['leerhuis-schelde', 'vormingscentrum-kempen'];

describe.each(databaseKinds)('demo offers on %s', (kind) => {
  let t: TestApp;
  let notes: string[];
  let deBrugId: string;
  let all: OfferRow[];
  let published: OfferRow[];
  const today = todayInBrussels(new Date());

  const query = <T>(sql: string, params: unknown[] = []) => t.db.database.query<T>(sql, params);

  beforeAll(async () => {
    t = await createTestApp(kind);
    notes = (await seedDemoData(t.db.database)).notes;
    [{ id: deBrugId }] = await query<{ id: string }>(`select id from organisations where slug = 'de-brug'`);
    all = await query<OfferRow>(
      `select o.id, p.slug as provider, o.code, o.status::text as status, o.format::text as format, o.title, o.description, o.languages,
              o.postcode, o.region, o.duration_minutes as duration, o.price_cents as price, o.level, o.target_audience as audience,
              o.recognitions, o.accessibility, o.characteristics
         from offers o join organisations p on p.id = o.provider_id where p.slug = any($1) order by o.code`,
      [PROVIDERS],
    );
    published = all.filter((o) => o.status === 'published');
  }, 600_000);
  afterAll(() => t.close());

  it('gives the two demo providers about 60 published offers and a few drafts', () => {
    expect(notes.some((n) => n.includes('published offers'))).toBe(true);
    expect(published.length).toBeGreaterThanOrEqual(55);
    expect(published.length).toBeLessThanOrEqual(65);
    for (const slug of PROVIDERS) expect(published.filter((o) => o.provider === slug).length).toBeGreaterThanOrEqual(25);
    const drafts = all.filter((o) => o.status === 'draft');
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(drafts.length).toBeLessThanOrEqual(3);
  });

  it('fills every field the catalog knows, with variety and recognitions that fit their rules', () => {
    for (const o of published) {
      expect(o.title.nl, o.code).toBeTruthy();
      expect(o.description.nl.length, o.code).toBeGreaterThan(60);
      expect(o.languages).toContain('nl');
      expect(o.duration).toBeGreaterThan(0);
      expect(Number.isInteger(o.price) && o.price >= 0).toBe(true);
      expect(o.level).toBeGreaterThanOrEqual(1);
      expect(o.level).toBeLessThanOrEqual(4);
      expect(o.audience.length).toBeGreaterThan(0);
      expect(Object.keys(o.characteristics).sort()).toEqual(['initiative', 'length', 'orientation']);
      // A place where it happens; online and workplace learning may go without.
      if (o.format === 'classroom' || o.format === 'blended') expect(o.region, o.code).toBeTruthy();
      if (o.format === 'online') expect(o.postcode).toBeNull();
      // Vlaams Opleidingsverlof: at least 32 contact hours, no distance learning; opleidingscheques only on top of it.
      if (o.recognitions.includes('vlaams-opleidingsverlof')) {
        expect(o.duration, o.code).toBeGreaterThanOrEqual(32 * 60);
        expect(o.format).not.toBe('online');
      }
      if (o.recognitions.includes('opleidingscheques')) expect(o.recognitions).toContain('vlaams-opleidingsverlof');
    }
    expect(new Set(published.map((o) => o.format))).toEqual(new Set(['classroom', 'online', 'blended', 'workplace']));
    expect(new Set(published.flatMap((o) => o.recognitions))).toEqual(
      new Set(['vlaams-opleidingsverlof', 'opleidingscheques', 'kmo-portefeuille']),
    );
    expect(new Set(published.flatMap((o) => o.accessibility))).toEqual(new Set(['plain_language', 'dutch_a1_a2', 'wheelchair']));
    expect(published.filter((o) => o.price === 0).length).toBeGreaterThanOrEqual(5);
    expect(published.filter((o) => o.title.fr).length).toBeGreaterThanOrEqual(3);
    expect(published.filter((o) => o.title.en).length).toBeGreaterThanOrEqual(3);
    expect(new Set(published.flatMap((o) => o.languages))).toEqual(new Set(['nl', 'fr', 'en']));
    expect(new Set(published.map((o) => o.region).filter(Boolean)).size).toBeGreaterThanOrEqual(2);
  });

  it('tags every published offer with competences of our own frameworks, covering all of De Brug’s function profiles', async () => {
    const tags = await query<{ offer_id: string; key: string; level: number; confirmed: boolean; framework: string; public: boolean }>(
      `select oc.offer_id, c.key, oc.level, oc.confirmed, f.key as framework, f.organisation_id is null as public
         from offer_competences oc join competences c on c.id = oc.competence_id join frameworks f on f.id = c.framework_id
        where oc.offer_id = any($1)`,
      [all.map((o) => o.id)],
    );
    for (const o of published) {
      const own = tags.filter((x) => x.offer_id === o.id && x.confirmed);
      expect(own.length, o.code).toBeGreaterThanOrEqual(1);
    }
    for (const tag of tags) {
      expect(tag.public).toBe(true);
      expect(['lk-21st-century-skills', 'lk-coaching-guidance']).toContain(tag.framework);
      expect(tag.level).toBeGreaterThanOrEqual(1);
      expect(tag.level).toBeLessThanOrEqual(4);
    }
    // A draft waits for the provider to confirm suggested competences.
    expect(tags.some((x) => !x.confirmed)).toBe(true);
    const publishedIds = new Set(published.map((o) => o.id));
    const developed = new Set(tags.filter((x) => x.confirmed && publishedIds.has(x.offer_id)).map((x) => x.key));
    const needed = await query<{ key: string }>(
      `select distinct c.key from function_profile_competences fpc join function_profiles fp on fp.id = fpc.profile_id
         join competences c on c.id = fpc.competence_id where fp.organisation_id = $1`,
      [deBrugId],
    );
    expect(needed.length).toBeGreaterThan(20);
    expect(needed.map((n) => n.key).filter((k) => !developed.has(k))).toEqual([]);
  });

  it('schedules one to three editions per published offer in the coming months, with sessions and deadlines', async () => {
    const editions = await query<{
      offer_id: string;
      starts_on: string;
      ends_on: string;
      deadline: string | null;
      capacity: number;
      sessions: Array<{ date: string; from: string; to: string }>;
      status: string;
    }>(
      `select offer_id, starts_on::text, ends_on::text, enrolment_deadline::text as deadline, capacity, sessions, status::text
         from offer_editions where offer_id = any($1)`,
      [all.map((o) => o.id)],
    );
    const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + 200 * 86_400_000).toISOString().slice(0, 10);
    const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
    for (const o of published) {
      const own = editions.filter((e) => e.offer_id === o.id);
      expect(own.length, o.code).toBeGreaterThanOrEqual(1);
      expect(own.length, o.code).toBeLessThanOrEqual(3);
      for (const e of own) {
        expect(e.status).toBe('scheduled');
        expect(e.starts_on > today, `${o.code} starts ${e.starts_on}`).toBe(true);
        expect(e.starts_on <= horizon).toBe(true);
        expect(e.ends_on >= e.starts_on).toBe(true);
        expect(e.deadline! >= today && e.deadline! <= e.starts_on).toBe(true);
        expect(e.capacity).toBeGreaterThanOrEqual(1);
        if (e.sessions.length) {
          expect(e.sessions[0].date).toBe(e.starts_on);
          expect(e.sessions.at(-1)!.date).toBe(e.ends_on);
          // Contact time of the sessions is the offer's duration.
          expect(
            e.sessions.reduce((sum, s) => sum + minutes(s.to) - minutes(s.from), 0),
            o.code,
          ).toBe(o.duration);
          for (const s of e.sessions) expect([0, 6]).not.toContain(new Date(`${s.date}T00:00:00Z`).getUTCDay());
        } else {
          expect(o.format).toBe('online');
        }
      }
    }
  });

  it('has editions that are almost full and one with a waiting list, counted as the enrolment service counts seats', async () => {
    const seats = await query<{
      id: string;
      capacity: number;
      enrolled_count: number;
      enrolled: number;
      waitlisted: number;
      employers: string[];
      with_login: number;
    }>(
      `select e.id, e.capacity, e.enrolled_count,
              count(en.id) filter (where en.status = 'enrolled')::int as enrolled,
              count(en.id) filter (where en.status = 'waitlisted')::int as waitlisted,
              coalesce(array_agg(distinct en.employer_id::text) filter (where en.id is not null), '{}') as employers,
              count(p.user_id)::int as with_login
         from offer_editions e join offers o on o.id = e.offer_id join organisations pr on pr.id = o.provider_id
         left join enrolments en on en.edition_id = e.id left join people p on p.id = en.person_id
        where pr.slug = any($1) group by e.id`,
      [PROVIDERS],
    );
    for (const s of seats) {
      expect(s.enrolled_count).toBe(s.enrolled);
      expect(s.enrolled_count).toBeLessThanOrEqual(s.capacity);
      expect(s.with_login).toBe(0);
      for (const employer of s.employers) expect(employer).toBe(deBrugId);
    }
    const almostFull = seats.filter((s) => s.enrolled > 0 && s.capacity - s.enrolled_count >= 1 && s.capacity - s.enrolled_count <= 2);
    expect(almostFull.length).toBeGreaterThanOrEqual(3);
    const full = seats.filter((s) => s.enrolled_count === s.capacity && s.waitlisted > 0);
    expect(full.length).toBeGreaterThanOrEqual(1);
    const positions = await query<{ position: number }>(
      `select waitlist_position as position from enrolments where edition_id = $1 and status = 'waitlisted' order by waitlist_position`,
      [full[0].id],
    );
    expect(positions.map((p) => p.position)).toEqual(positions.map((_, i) => positions[0].position + i));
  });

  it('lets matching for De Brug’s needs find demo offers, with the reason', async () => {
    const hr = await logIn(t.app, 'hr@demo.leerkompas.be', DEMO_PASSWORD);
    const needs = await query<{ id: string; key: string }>(
      `select n.id, c.key from training_needs n join competences c on c.id = n.competence_id where n.organisation_id = $1 order by n.created_at`,
      [deBrugId],
    );
    expect(needs.map((n) => n.key)).toContain('lk21.selfreg.safety');
    const demoIds = new Set(published.map((o) => o.id));
    for (const need of needs) {
      const response = await hr.request('GET', `/api/organisations/${deBrugId}/needs/${need.id}/recommendations`);
      expect(response.statusCode, need.key).toBe(200);
      const recommendations: Array<{ offerId: string; coverage: number; explanation: { covers: Array<{ via: string }> } }> =
        response.json().recommendations;
      const fromDemo = recommendations.filter((r) => demoIds.has(r.offerId));
      expect(fromDemo.length, need.key).toBeGreaterThanOrEqual(1);
      expect(fromDemo[0].coverage).toBeGreaterThan(0);
      expect(fromDemo[0].explanation.covers.map((c) => c.via)).toContain('tag');
    }
  });

  it('adds nothing when seeded again', async () => {
    const footprint = () =>
      query(
        `select (select count(*) from offers)::int as offers, (select count(*) from offer_editions)::int as editions,
                (select count(*) from offer_competences)::int as tags, (select count(*) from enrolments)::int as enrolments,
                (select coalesce(sum(enrolled_count), 0) from offer_editions)::int as seats`,
      );
    const before = await footprint();
    await seedDemoData(t.db.database);
    expect(await footprint()).toEqual(before);
  }, 600_000);
});

describe('demo offer dates', () => {
  it('gives valid editions on whatever day the demo is seeded, none starting in the Christmas break', () => {
    const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
    const problems: string[] = [];
    // Every other day of a year: seeding falls on every weekday and around the Christmas break.
    for (let day = 0; day < 366; day += 2) {
      const today = new Date(Date.UTC(2027, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      for (const offer of demoOffers) {
        const starts = new Set<string>();
        for (const spec of offer.editions) {
          const e = editionDates(offer.schedule, spec.week, today);
          const where = `${offer.code} seeded on ${today}`;
          for (const p of validateEdition({ ...e, capacity: spec.capacity }, { today })) problems.push(`${where}: ${p.path} ${p.message}`);
          if (e.startsOn <= today || e.enrolmentDeadline < today)
            problems.push(`${where}: starts ${e.startsOn}, deadline ${e.enrolmentDeadline}`);
          if (e.startsOn.slice(5) >= '12-19' || e.startsOn.slice(5) < '01-04')
            problems.push(`${where}: starts in the Christmas break (${e.startsOn})`);
          if ('n' in offer.schedule && e.sessions.length !== offer.schedule.n) problems.push(`${where}: ${e.sessions.length} sessions`);
          const total = e.sessions.reduce((sum, s) => sum + minutes(s.to) - minutes(s.from), 0);
          if (e.sessions.length && total !== durationMinutes(offer.schedule)) problems.push(`${where}: sessions last ${total} minutes`);
          // Editions of one offer never share a start date (the exchange format matches editions on it).
          if (starts.has(e.startsOn)) problems.push(`${where}: two editions start on ${e.startsOn}`);
          starts.add(e.startsOn);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
