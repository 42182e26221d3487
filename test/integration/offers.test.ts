import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildPerson } from '../factories/people.js';
import { inDays } from '../factories/catalog.js';
import { IMPORT_CHUNK } from '../../src/modules/offers/service.js';

/**
 * Training offers (issue 5 items 1–3 and 8): the provider's catalog, the public search, import and
 * export, competence suggestions and bad input. Each provider below has its own part of the world:
 * A for the life cycle, tenancy and bad input, S for the search, X and Y for import and export.
 */

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
}

interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  rows: number;
  errors: Array<{ line: number; code: string; message: string }>;
}

interface SearchResult {
  total: number;
  items: Array<{
    id: string;
    title: { nl: string };
    priceCents: number;
    durationMinutes: number;
    region: string | null;
    nextStartsOn: string | null;
    provider: { id: string; name: string };
  }>;
  nextCursor: string | null;
  facets: Record<'region' | 'language' | 'format' | 'recognition' | 'level', Array<{ value: string; count: number }>>;
}

/** A 4xx answer in problem+json; `path` (when given) must be among the named fields. */
function expectProblem(response: LightMyRequestResponse, status: number, path?: string): Problem {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json() as Problem;
  expect(body.status).toBe(status);
  if (path)
    expect(
      body.errors?.map((e) => e.path),
      body.detail,
    ).toContain(path);
  return body;
}

describe.each(databaseKinds)('offers on %s', (kind) => {
  let t: TestApp;
  let providerA: string;
  let providerB: string;
  let providerS: string;
  let providerX: string;
  let providerY: string;
  let employerId: string;
  let staffA: Session;
  let staffB: Session;
  let staffS: Session;
  let staffX: Session;
  let staffY: Session;
  let employeeOfA: Session;
  let hr: Session;
  let employerAdmin: Session;
  const comp: Record<string, string> = {};

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.database.query<T>(text, params);
  const anonymous = (method: string, url: string, body?: unknown) =>
    t.app.inject({ method: method as 'GET', url, ...(body === undefined ? {} : { payload: body as object }) });
  const postCsv = (s: Session, orgId: string, csv: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/organisations/${orgId}/offers/import`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'text/csv' },
      payload: csv,
    });

  /** A complete, valid offer body; competence keys are resolved to ids. */
  const offerBody = (code: string, overrides: Record<string, unknown> = {}) => ({
    code,
    title: { nl: 'Digitaal starten', fr: 'Démarrer en numérique' },
    description: { nl: 'Je werkt met een computer en je leest je e-mail.' },
    languages: ['nl'],
    format: 'classroom',
    postcode: '9000',
    durationMinutes: 720,
    priceCents: 12_500,
    level: 1,
    characteristics: { orientation: -1, length: -2 },
    recognitions: ['opleidingscheques'],
    accessibility: ['plain_language'],
    credential: 'Attest van deelname',
    targetAudience: 'Medewerkers die weinig met een computer werken',
    competences: [{ competenceId: comp['lk21.digital.computer'], level: 2 }],
    ...overrides,
  });

  /** Creates an offer through the API, adds editions starting on the given days from today, publishes it unless told not to. */
  async function createOffer(
    s: Session,
    orgId: string,
    body: Record<string, unknown>,
    options: { editionDays?: number[]; status?: 'draft' | 'published' | 'archived' } = {},
  ): Promise<string> {
    const created = await s.request('POST', `/api/organisations/${orgId}/offers`, body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (const days of options.editionDays ?? []) {
      const edition = await s.request('POST', `/api/organisations/${orgId}/offers/${id}/editions`, {
        startsOn: inDays(days),
        endsOn: inDays(days + 1),
        capacity: 12,
        enrolmentDeadline: inDays(days - 3),
      });
      expect(edition.statusCode, edition.body).toBe(201);
    }
    const status = options.status ?? 'published';
    if (status !== 'draft') {
      const published = await s.request('POST', `/api/organisations/${orgId}/offers/${id}/publish`);
      expect(published.statusCode, published.body).toBe(200);
    }
    if (status === 'archived') {
      const archived = await s.request('POST', `/api/organisations/${orgId}/offers/${id}/archive`);
      expect(archived.statusCode, archived.body).toBe(200);
    }
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    providerA = (await buildOrganisation(db, { name: 'Vormingscentrum Aster', kind: 'training_provider' })).id;
    providerB = (await buildOrganisation(db, { name: 'Opleidingen Berk', kind: 'training_provider' })).id;
    providerS = (await buildOrganisation(db, { name: 'Zoekcentrum Linde', kind: 'training_provider' })).id;
    providerX = (await buildOrganisation(db, { name: 'Leerhuis Es', kind: 'training_provider' })).id;
    providerY = (await buildOrganisation(db, { name: 'Leerhuis Iep', kind: 'training_provider' })).id;
    employerId = (await buildOrganisation(db, { name: 'Bakkerij Wilg' })).id;
    const user = async (organisationId: string, role: Parameters<typeof buildUser>[1]['role']) =>
      logIn(t.app, (await buildUser(db, { organisationId, role })).email, TEST_PASSWORD);
    staffA = await user(providerA, 'provider_staff');
    staffB = await user(providerB, 'provider_staff');
    staffS = await user(providerS, 'provider_staff');
    staffX = await user(providerX, 'provider_staff');
    staffY = await user(providerY, 'provider_staff');
    employeeOfA = await user(providerA, 'employee');
    hr = await user(employerId, 'hr');
    employerAdmin = await user(employerId, 'org_admin');
    for (const row of await sql<{ id: string; key: string }>(`select id, key from competences where key like 'lk21.%'`))
      comp[row.key] = row.id;
    expect(comp['lk21.digital.email']).toBeTruthy();
  });
  afterAll(() => t?.close());

  describe('life cycle', () => {
    it('lets provider staff create, edit, publish, unpublish, archive and delete offers; drafts and archived offers stay out of public view', async () => {
      const base = `/api/organisations/${providerA}/offers`;
      const created = await staffA.request('POST', base, offerBody('DIG-01'));
      expect(created.statusCode, created.body).toBe(201);
      const offer = created.json();
      expect(offer).toMatchObject({
        code: 'DIG-01',
        status: 'draft',
        publishedAt: null,
        provider: { id: providerA, name: 'Vormingscentrum Aster' },
        title: { nl: 'Digitaal starten', fr: 'Démarrer en numérique' },
        postcode: '9000',
        municipality: 'Gent',
        region: 'oost-vlaanderen',
        priceCents: 12_500,
        level: 1,
        characteristics: { orientation: -1, length: -2 },
        recognitions: ['opleidingscheques'],
        accessibility: ['plain_language'],
        credential: 'Attest van deelname',
        editions: [],
      });
      expect(offer.latitude).toBeCloseTo(51.05, 1);
      expect(offer.competences).toEqual([
        expect.objectContaining({ competenceId: comp['lk21.digital.computer'], key: 'lk21.digital.computer', level: 2, confirmed: true }),
      ]);

      // A draft is invisible to the public: detail 404, not in the search.
      expectProblem(await anonymous('GET', `/api/offers/${offer.id}`), 404);
      const hidden = (await anonymous('GET', `/api/offers?provider=${providerA}`)).json() as SearchResult;
      expect(hidden.items.map((i) => i.id)).not.toContain(offer.id);

      const edition = await staffA.request('POST', `${base}/${offer.id}/editions`, {
        startsOn: inDays(30),
        endsOn: inDays(31),
        capacity: 12,
        enrolmentDeadline: inDays(25),
        sessions: [
          { date: inDays(30), from: '09:00', to: '16:00' },
          { date: inDays(31), from: '09:00', to: '12:30' },
        ],
      });
      expect(edition.statusCode, edition.body).toBe(201);
      expect(edition.json().editions).toEqual([
        expect.objectContaining({ startsOn: inDays(30), capacity: 12, enrolledCount: 0, seatsLeft: 12, status: 'scheduled' }),
      ]);
      const editionId = edition.json().editions[0].id as string;

      const patched = await staffA.request('PATCH', `${base}/${offer.id}`, {
        title: { nl: 'Digitaal aan de slag' },
        priceCents: 9_900,
        postcode: '2000',
        format: 'blended',
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({
        title: { nl: 'Digitaal aan de slag' },
        priceCents: 9_900,
        format: 'blended',
        municipality: 'Antwerpen',
        region: 'antwerpen',
        // Fields not in the patch stay.
        languages: ['nl'],
        recognitions: ['opleidingscheques'],
      });
      const movedEdition = await staffA.request('PATCH', `${base}/${offer.id}/editions/${editionId}`, {
        capacity: 16,
        startsOn: inDays(32),
        endsOn: inDays(33),
        sessions: [],
      });
      expect(movedEdition.statusCode, movedEdition.body).toBe(200);
      expect(movedEdition.json().editions[0]).toMatchObject({ startsOn: inDays(32), capacity: 16, seatsLeft: 16 });

      const published = await staffA.request('POST', `${base}/${offer.id}/publish`);
      expect(published.statusCode, published.body).toBe(200);
      expect(published.json().status).toBe('published');
      expect(published.json().publishedAt).toEqual(expect.any(String));
      expectProblem(await staffA.request('POST', `${base}/${offer.id}/publish`), 409);
      const [audit] = await sql<{ n: number }>(
        `select count(*)::int as n from audit_log where event = 'offer_published' and subject = 'DIG-01'`,
      );
      expect(Number(audit.n)).toBe(1);

      const publicView = await anonymous('GET', `/api/offers/${offer.id}`);
      expect(publicView.statusCode, publicView.body).toBe(200);
      expect(publicView.json()).toMatchObject({
        id: offer.id,
        status: 'published',
        title: { nl: 'Digitaal aan de slag' },
        editions: [{ id: editionId }],
      });
      const listed = (await staffA.request('GET', `${base}?status=published`)).json();
      expect(listed).toEqual([
        expect.objectContaining({ id: offer.id, code: 'DIG-01', competenceCount: 1, unconfirmedCount: 0, nextStartsOn: inDays(32) }),
      ]);
      expect((await staffA.request('GET', `${base}?q=dig-0`)).json().map((o: { id: string }) => o.id)).toEqual([offer.id]);

      const unpublished = await staffA.request('POST', `${base}/${offer.id}/unpublish`);
      expect(unpublished.json().status).toBe('draft');
      expectProblem(await anonymous('GET', `/api/offers/${offer.id}`), 404);
      expectProblem(await staffA.request('POST', `${base}/${offer.id}/unpublish`), 409);

      await staffA.request('POST', `${base}/${offer.id}/publish`);
      const archived = await staffA.request('POST', `${base}/${offer.id}/archive`);
      expect(archived.statusCode, archived.body).toBe(200);
      expect(archived.json().status).toBe('archived');
      expectProblem(await staffA.request('POST', `${base}/${offer.id}/archive`), 409);
      expectProblem(await anonymous('GET', `/api/offers/${offer.id}`), 404);
      expect(((await anonymous('GET', `/api/offers?provider=${providerA}`)).json() as SearchResult).items.map((i) => i.id)).not.toContain(
        offer.id,
      );
      // An archived offer can be published again.
      expect((await staffA.request('POST', `${base}/${offer.id}/publish`)).json().status).toBe('published');

      // The code is the provider's own key: unique per provider.
      const second = await staffA.request('POST', base, offerBody('DIG-02', { competences: [] }));
      expect(second.statusCode, second.body).toBe(201);
      expectProblem(await staffA.request('POST', base, offerBody('DIG-01')), 409, '/body/code');
      expectProblem(await staffA.request('PATCH', `${base}/${second.json().id}`, { code: 'DIG-01' }), 409, '/body/code');
      // The same code at another provider is fine.
      expect((await staffB.request('POST', `/api/organisations/${providerB}/offers`, offerBody('DIG-01'))).statusCode).toBe(201);

      // Publishing needs a confirmed competence.
      expectProblem(await staffA.request('POST', `${base}/${second.json().id}/publish`), 400, '/competences');
      // A published offer keeps one.
      expectProblem(await staffA.request('PATCH', `${base}/${offer.id}`, { competences: [] }), 400, '/body/competences');

      // Deleting: an offer nobody enrolled in goes; its editions with it.
      const deleted = await staffA.request('DELETE', `${base}/${second.json().id}`);
      expect(deleted.statusCode, deleted.body).toBe(204);
      expectProblem(await staffA.request('GET', `${base}/${second.json().id}`), 404);
      const deletedEdition = await staffA.request('DELETE', `${base}/${offer.id}/editions/${editionId}`);
      expect(deletedEdition.statusCode, deletedEdition.body).toBe(204);
      expect((await staffA.request('GET', `${base}/${offer.id}`)).json().editions).toEqual([]);
    });

    it('keeps offers to their provider: other providers and outsiders get 404, members without the role 403, anonymous callers 401', async () => {
      const base = `/api/organisations/${providerA}/offers`;
      const offerId = await createOffer(staffA, providerA, offerBody('TEN-01'), { editionDays: [40] });
      const before = (await staffA.request('GET', `${base}/${offerId}`)).json();
      const editionId = before.editions[0].id as string;

      // Staff of another provider, and HR of an employer, on A's routes: the organisation "does not exist".
      for (const s of [staffB, hr]) {
        for (const [method, url, body] of [
          ['GET', base, undefined],
          ['POST', base, offerBody('TEN-02')],
          ['GET', `${base}/${offerId}`, undefined],
          ['PATCH', `${base}/${offerId}`, { priceCents: 1 }],
          ['DELETE', `${base}/${offerId}`, undefined],
          ['POST', `${base}/${offerId}/archive`, undefined],
          ['POST', `${base}/${offerId}/unpublish`, undefined],
          ['POST', `${base}/${offerId}/suggest-competences`, undefined],
          ['POST', `${base}/${offerId}/editions`, { startsOn: inDays(50), endsOn: inDays(50), capacity: 5 }],
          ['PATCH', `${base}/${offerId}/editions/${editionId}`, { capacity: 1 }],
          ['DELETE', `${base}/${offerId}/editions/${editionId}`, undefined],
          ['GET', `${base}/export.csv`, undefined],
          ['GET', `${base}/export.json`, undefined],
          ['POST', `${base}/import.json`, { offers: [] }],
        ] as const) {
          const response = await s.request(method, url, body);
          expect(expectProblem(response, 404).code, `${method} ${url}`).toBe('tenancy.not_found');
        }
        expectProblem(await postCsv(s, providerA, 'code\n'), 404);
      }

      // B's staff naming A's offer under B's own organisation: the offer "does not exist".
      const foreign = `/api/organisations/${providerB}/offers/${offerId}`;
      for (const [method, url, body] of [
        ['GET', foreign, undefined],
        ['PATCH', foreign, { priceCents: 1 }],
        ['DELETE', foreign, undefined],
        ['POST', `${foreign}/archive`, undefined],
        ['POST', `${foreign}/suggest-competences`, undefined],
        ['POST', `${foreign}/editions`, { startsOn: inDays(50), endsOn: inDays(50), capacity: 5 }],
        ['PATCH', `${foreign}/editions/${editionId}`, { capacity: 1 }],
        ['DELETE', `${foreign}/editions/${editionId}`, undefined],
      ] as const) {
        expect(expectProblem(await staffB.request(method, url, body), 404).code, `${method} ${url}`).toBe('resource.not_found');
      }
      // A's own edition id under another of A's offers is not found either.
      const otherOffer = await createOffer(staffA, providerA, offerBody('TEN-03'), { status: 'draft' });
      expectProblem(await staffA.request('PATCH', `${base}/${otherOffer}/editions/${editionId}`, { capacity: 1 }), 404);

      // Members of A without the provider role, and an employer's admin on the employer: 403.
      expect(expectProblem(await employeeOfA.request('GET', base), 403).code).toBe('tenancy.forbidden');
      expect(expectProblem(await employeeOfA.request('PATCH', `${base}/${offerId}`, { priceCents: 1 }), 403).code).toBe(
        'tenancy.forbidden',
      );
      expect(expectProblem(await employerAdmin.request('GET', `/api/organisations/${employerId}/offers`), 403).code).toBe(
        'offers.not_a_provider',
      );
      expect(
        expectProblem(await employerAdmin.request('POST', `/api/organisations/${employerId}/offers`, offerBody('EMP-01')), 403).code,
      ).toBe('offers.not_a_provider');

      // Anonymous: 401 on the provider routes.
      expectProblem(await anonymous('GET', base), 401);
      expectProblem(await anonymous('POST', base, offerBody('ANON-01')), 401);
      expectProblem(await anonymous('POST', `${base}/${offerId}/archive`), 401);

      // Nothing changed through any of this.
      const after = (await staffA.request('GET', `${base}/${offerId}`)).json();
      expect(after).toEqual(before);
      const [count] = await sql<{ n: number }>(`select count(*)::int as n from offers where code in ('TEN-02', 'EMP-01', 'ANON-01')`);
      expect(Number(count.n)).toBe(0);
    });
  });

  describe('bad input', () => {
    it('refuses editions in the past, capacity below the seats taken, unknown competences, negative prices and other broken fields, naming the field', async () => {
      const base = `/api/organisations/${providerA}/offers`;
      const offerId = await createOffer(staffA, providerA, offerBody('BAD-01'), { editionDays: [20] });
      const editionId = (await staffA.request('GET', `${base}/${offerId}`)).json().editions[0].id as string;
      const editions = `${base}/${offerId}/editions`;

      // Editions in the past.
      const past = await staffA.request('POST', editions, { startsOn: inDays(-3), endsOn: inDays(-2), capacity: 10 });
      expect(expectProblem(past, 400, '/body/startsOn').errors![0].message).toMatch(/past/);
      expectProblem(await staffA.request('PATCH', `${editions}/${editionId}`, { startsOn: inDays(-1) }), 400, '/body/startsOn');
      expectProblem(
        await staffA.request('POST', editions, { startsOn: inDays(20), endsOn: inDays(19), capacity: 10 }),
        400,
        '/body/endsOn',
      );
      expectProblem(
        await staffA.request('POST', editions, { startsOn: inDays(20), endsOn: inDays(21), capacity: 10, enrolmentDeadline: inDays(22) }),
        400,
        '/body/enrolmentDeadline',
      );
      expectProblem(
        await staffA.request('POST', editions, { startsOn: inDays(20), endsOn: inDays(21), capacity: 0 }),
        400,
        '/body/capacity',
      );
      expectProblem(
        await staffA.request('POST', editions, { startsOn: '2031-02-30', endsOn: inDays(21), capacity: 5 }),
        400,
        '/body/startsOn',
      );
      expectProblem(
        await staffA.request('POST', editions, {
          startsOn: inDays(20),
          endsOn: inDays(21),
          capacity: 5,
          sessions: [{ date: inDays(25), from: '09:00', to: '08:00' }],
        }),
        400,
        '/body/sessions/0/date',
      );

      // Capacity below the seats taken: three people of an employer hold a seat.
      const people: string[] = [];
      for (let i = 0; i < 3; i++) people.push((await buildPerson(t.db.database, { organisationId: employerId })).id);
      const enrolled = await hr.request('POST', `/api/organisations/${employerId}/enrolments`, { editionId, personIds: people });
      expect(enrolled.statusCode, enrolled.body).toBe(201);
      const below = await staffA.request('PATCH', `${editions}/${editionId}`, { capacity: 2 });
      expect(expectProblem(below, 400, '/body/capacity').errors![0].message).toMatch(/3 seats/);
      expect((await staffA.request('PATCH', `${editions}/${editionId}`, { capacity: 3 })).statusCode).toBe(200);
      // An edition with enrolments is cancelled, not deleted; an offer with enrolments archived.
      expectProblem(await staffA.request('DELETE', `${editions}/${editionId}`), 409);
      expectProblem(await staffA.request('DELETE', `${base}/${offerId}`), 409);

      // Unknown competences, groups of competences, a competence twice.
      const unknownId = '01900000-0000-7000-8000-000000000abc';
      expectProblem(
        await staffA.request('POST', base, offerBody('BAD-02', { competences: [{ competenceId: unknownId, level: 2 }] })),
        400,
        '/body/competences/0/competenceId',
      );
      const group = await staffA.request(
        'POST',
        base,
        offerBody('BAD-02', { competences: [{ competenceId: comp['lk21.digital'], level: 2 }] }),
      );
      expect(expectProblem(group, 400, '/body/competences/0/competenceId').errors![0].message).toMatch(/group/);
      expectProblem(
        await staffA.request('POST', base, offerBody('BAD-02', { competences: [{ competenceId: comp['lk21.digital.email'], level: 5 }] })),
        400,
        '/body/competences/0/level',
      );
      expectProblem(
        await staffA.request('PATCH', `${base}/${offerId}`, {
          competences: [
            { competenceId: comp['lk21.digital.email'], level: 2 },
            { competenceId: comp['lk21.digital.email'], level: 3 },
          ],
        }),
        400,
        '/body/competences/1/competenceId',
      );

      // Prices below zero and other fields.
      expectProblem(await staffA.request('POST', base, offerBody('BAD-02', { priceCents: -1 })), 400, '/body/priceCents');
      expectProblem(await staffA.request('PATCH', `${base}/${offerId}`, { priceCents: -500 }), 400, '/body/priceCents');
      expectProblem(await staffA.request('POST', base, offerBody('BAD-02', { priceCents: 12.5 })), 400, '/body/priceCents');
      expectProblem(await staffA.request('POST', base, offerBody('BAD-02', { durationMinutes: 0 })), 400, '/body/durationMinutes');
      expectProblem(await staffA.request('POST', base, offerBody('BAD-02', { postcode: null })), 400, '/body/postcode');
      expectProblem(await staffA.request('POST', base, offerBody('BAD-02', { postcode: '0999' })), 400, '/body/postcode');
      expectProblem(
        await staffA.request('POST', base, offerBody('BAD-02', { recognitions: ['gratis-geld'] })),
        400,
        '/body/recognitions/0',
      );
      expectProblem(await staffA.request('POST', base, offerBody('BAD-02', { languages: [] })), 400, '/body/languages');
      expectProblem(await staffA.request('POST', base, offerBody('BAD-02', { languages: ['nl', 'nl'] })), 400, '/body/languages');
      expectProblem(await staffA.request('POST', base, offerBody('BAD-02', { format: 'teleport' })), 400, '/body/format');
      expectProblem(await staffA.request('POST', base, offerBody('BAD-02', { level: 7 })), 400, '/body/level');
      expectProblem(
        await staffA.request('POST', base, offerBody('BAD-02', { characteristics: { orientation: 3 } })),
        400,
        '/body/characteristics/orientation',
      );
      expectProblem(await staffA.request('POST', base, offerBody('BAD-02', { title: { nl: '' } })), 400, '/body/title/nl');
      expectProblem(await staffA.request('POST', base, offerBody('BAD 02')), 400, '/body/code');
      expectProblem(await staffA.request('POST', base, offerBody('BAD-02', { colour: 'blue' })), 400, '/body/colour');
      // Several problems at once are all named.
      const many = expectProblem(await staffA.request('POST', base, offerBody('BAD-02', { priceCents: -1, durationMinutes: -5 })), 400);
      expect(many.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['/body/priceCents', '/body/durationMinutes']));
      expect(
        expectProblem(
          await staffA.request('POST', base, offerBody('BAD-02', { postcode: '0999', recognitions: ['gratis-geld'] })),
          400,
        ).errors!.map((e) => e.path),
      ).toEqual(expect.arrayContaining(['/body/postcode', '/body/recognitions/0']));

      // Nothing of the refused requests was written.
      const [written] = await sql<{ n: number }>(`select count(*)::int as n from offers where provider_id = $1 and code = 'BAD-02'`, [
        providerA,
      ]);
      expect(Number(written.n)).toBe(0);
      const [state] = await sql<{ capacity: number; n: number; price: number }>(
        `select e.capacity, (select count(*)::int from offer_editions x where x.offer_id = o.id) as n, o.price_cents as price
           from offers o join offer_editions e on e.offer_id = o.id where o.id = $1`,
        [offerId],
      );
      expect({ capacity: Number(state.capacity), n: Number(state.n), price: Number(state.price) }).toEqual({
        capacity: 3,
        n: 1,
        price: 12_500,
      });

      // Search parameters.
      expectProblem(await anonymous('GET', '/api/offers?priceMin=500&priceMax=100'), 400, '/querystring/priceMax');
      expectProblem(await anonymous('GET', '/api/offers?priceMin=-1'), 400, '/querystring/priceMin');
      expectProblem(await anonymous('GET', `/api/offers?from=${inDays(10)}&to=${inDays(5)}`), 400, '/querystring/to');
      expectProblem(await anonymous('GET', '/api/offers?format=teleport'), 400, '/querystring/format/0');
      expectProblem(await anonymous('GET', '/api/offers?cursor=bm9wZQ'), 400, '/querystring/cursor');
      expectProblem(await anonymous('GET', '/api/offers?limit=500'), 400, '/querystring/limit');
      expectProblem(await anonymous('GET', '/api/offers?colour=blue'), 400, '/querystring/colour');
      expectProblem(await anonymous('GET', '/api/offers/not-a-uuid'), 400, '/params/id');
    });
  });

  describe('public search', () => {
    const ids: Record<string, string> = {};
    const search = async (params: Record<string, string | number | Array<string | number>>) => {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) query.append(key, String(v));
      const response = await anonymous('GET', `/api/offers?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as SearchResult;
    };
    /** Codes of the hits, in order, within provider S. */
    const codes = async (params: Record<string, string | number | Array<string | number>>) =>
      (await search({ provider: providerS, ...params })).items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0] ?? i.id);

    beforeAll(async () => {
      const c = (key: string, level = 2) => [{ competenceId: comp[key], level }];
      const body = (code: string, fields: Record<string, unknown>) => ({
        code,
        targetAudience: '',
        recognitions: [],
        accessibility: [],
        competences: c('lk21.selfreg.safety'),
        ...fields,
      });
      ids.HEF = await createOffer(
        staffS,
        providerS,
        body('S-HEF', {
          title: { nl: 'Heftruck veilig besturen' },
          description: { nl: 'Je leert een heftruck veilig besturen, laden en lossen in het magazijn.' },
          languages: ['nl'],
          format: 'classroom',
          postcode: '9000',
          durationMinutes: 480,
          priceCents: 25_000,
          level: 1,
          recognitions: ['opleidingscheques', 'kmo-portefeuille'],
          accessibility: ['plain_language'],
        }),
        { editionDays: [20] },
      );
      ids.MAG = await createOffer(
        staffS,
        providerS,
        body('S-MAG', {
          title: { nl: 'Magazijnwerk in de praktijk' },
          description: { nl: 'Orderpicken, stockbeheer en rijden met de heftruck en de transpallet.' },
          languages: ['nl', 'fr'],
          format: 'workplace',
          postcode: '2000',
          durationMinutes: 2_400,
          priceCents: 40_000,
          level: 2,
          recognitions: ['vlaams-opleidingsverlof'],
        }),
        { editionDays: [45, 120] },
      );
      ids.EXC = await createOffer(
        staffS,
        providerS,
        body('S-EXC', {
          title: { nl: 'Excel voor beginners' },
          description: { nl: 'Rekenbladen maken, eenvoudige formules en grafieken.' },
          languages: ['nl', 'fr'],
          format: 'online',
          durationMinutes: 360,
          priceCents: 0,
          level: 2,
          recognitions: ['opleidingscheques'],
          competences: c('lk21.digital.office'),
        }),
        { editionDays: [60] },
      );
      ids.NT2 = await createOffer(
        staffS,
        providerS,
        body('S-NT2', {
          title: { nl: 'Nederlands op de werkvloer' },
          description: { nl: 'Praten met collega’s en instructies begrijpen, in eenvoudige taal.' },
          languages: ['nl'],
          format: 'blended',
          postcode: '2000',
          durationMinutes: 1_200,
          priceCents: 15_000,
          level: 1,
          recognitions: ['vlaams-opleidingsverlof'],
          accessibility: ['dutch_a1_a2', 'plain_language'],
          competences: c('lk21.basics.dutch.talking'),
        }),
        { editionDays: [90] },
      );
      ids.COA = await createOffer(
        staffS,
        providerS,
        body('S-COA', {
          title: { nl: 'Coachend leidinggeven' },
          description: { nl: 'Als leidinggevende leer je coachen en feedback geven aan je ploeg.' },
          languages: ['fr'],
          format: 'classroom',
          postcode: '3500',
          durationMinutes: 840,
          priceCents: 90_000,
          level: 3,
          recognitions: ['kmo-portefeuille'],
          accessibility: ['wheelchair'],
          competences: c('lk21.social.feedback'),
        }),
        { editionDays: [10] },
      );
      ids.EHBO = await createOffer(
        staffS,
        providerS,
        body('S-EHBO', {
          title: { nl: 'Eerste hulp op het werk' },
          description: { nl: 'Reanimeren en eerste zorg bij ongevallen.' },
          languages: ['nl', 'en'],
          format: 'workplace',
          postcode: '8500',
          durationMinutes: 240,
          priceCents: 5_000,
        }),
      );
      ids.DRAFT = await createOffer(
        staffS,
        providerS,
        body('S-DRAFT', {
          title: { nl: 'Heftruck voor gevorderden' },
          description: { nl: 'Veilig stapelen met de heftruck.' },
          languages: ['nl'],
          format: 'online',
          durationMinutes: 480,
          priceCents: 100,
        }),
        { editionDays: [20], status: 'draft' },
      );
      ids.ARCH = await createOffer(
        staffS,
        providerS,
        body('S-ARCH', {
          title: { nl: 'Heftruck herhaling' },
          description: { nl: 'Heftruck veilig besturen, opfrissing.' },
          languages: ['nl'],
          format: 'online',
          durationMinutes: 480,
          priceCents: 100,
        }),
        { editionDays: [20], status: 'archived' },
      );
    });

    it('finds published offers only, with Dutch stemming, prefixes and relevance', async () => {
      // "heftrucks" finds "heftruck": title (weight A) ranks above description (weight B).
      expect(await codes({ q: 'heftrucks' })).toEqual(['HEF', 'MAG']);
      expect(await codes({ q: 'heftruck', sort: 'relevance' })).toEqual(['HEF', 'MAG']);
      // Without the provider filter too, and never a draft or an archived offer.
      const everywhere = await search({ q: 'heftruck' });
      expect(everywhere.items.map((i) => i.id)).toEqual(expect.arrayContaining([ids.HEF, ids.MAG]));
      expect(everywhere.items.map((i) => i.id)).not.toContain(ids.DRAFT);
      expect(everywhere.items.map((i) => i.id)).not.toContain(ids.ARCH);
      // All words must match; the last one also as the beginning of a word.
      expect(await codes({ q: 'veilige heftrucks' })).toEqual(['HEF']);
      expect(await codes({ q: 'excel begin' })).toEqual(['EXC']);
      expect(await codes({ q: 'Nederlandse werkvloeren' })).toEqual(['NT2']);
      expect(await codes({ q: 'ongevallen' })).toEqual(['EHBO']);
      expect(await codes({ q: 'heftruck excel' })).toEqual([]);
      // Only stop words or punctuation: no text filter, everything published.
      expect((await search({ provider: providerS, q: 'de het' })).total).toBe(6);
      expect((await search({ provider: providerS, q: '&!:*()' })).total).toBe(6);
      // Operators typed by the user are just text.
      expect(await codes({ q: "heftruck' | !:*" })).toEqual(['HEF', 'MAG']);

      const hit = (await search({ provider: providerS, q: 'heftruck veilig' })).items[0];
      expect(hit).toMatchObject({
        id: ids.HEF,
        title: { nl: 'Heftruck veilig besturen' },
        summary: { nl: 'Je leert een heftruck veilig besturen, laden en lossen in het magazijn.' },
        provider: { id: providerS, name: 'Zoekcentrum Linde' },
        languages: ['nl'],
        format: 'classroom',
        municipality: 'Gent',
        region: 'oost-vlaanderen',
        durationMinutes: 480,
        priceCents: 25_000,
        level: 1,
        recognitions: ['opleidingscheques', 'kmo-portefeuille'],
        accessibility: ['plain_language'],
        nextStartsOn: inDays(20),
      });
      // The published detail shows the scheduled editions; drafts and archived offers are 404.
      const detail = await anonymous('GET', `/api/offers/${ids.MAG}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json().editions.map((e: { startsOn: string }) => e.startsOn)).toEqual([inDays(45), inDays(120)]);
      expectProblem(await anonymous('GET', `/api/offers/${ids.DRAFT}`), 404);
      expectProblem(await anonymous('GET', `/api/offers/${ids.ARCH}`), 404);
    });

    it('counts facets over every match and filters on each of them', async () => {
      const all = await search({ provider: providerS });
      expect(all.total).toBe(6);
      expect(all.facets).toEqual({
        region: [
          { value: 'antwerpen', count: 2 },
          { value: 'limburg', count: 1 },
          { value: 'oost-vlaanderen', count: 1 },
          { value: 'west-vlaanderen', count: 1 },
        ],
        language: [
          { value: 'nl', count: 5 },
          { value: 'fr', count: 3 },
          { value: 'en', count: 1 },
        ],
        format: [
          { value: 'classroom', count: 2 },
          { value: 'workplace', count: 2 },
          { value: 'blended', count: 1 },
          { value: 'online', count: 1 },
        ],
        recognition: [
          { value: 'kmo-portefeuille', count: 2 },
          { value: 'opleidingscheques', count: 2 },
          { value: 'vlaams-opleidingsverlof', count: 2 },
        ],
        level: [
          { value: '1', count: 2 },
          { value: '2', count: 2 },
          { value: '3', count: 1 },
        ],
      });
      const sorted = async (params: Record<string, string | number | Array<string | number>>) => await codes({ sort: 'price', ...params });

      // Region (province from the postcode); several values are ORed.
      expect(await sorted({ region: 'antwerpen' })).toEqual(['NT2', 'MAG']);
      expect(await sorted({ region: ['antwerpen', 'limburg'] })).toEqual(['NT2', 'MAG', 'COA']);
      // Language of instruction.
      expect(await sorted({ language: 'fr' })).toEqual(['EXC', 'MAG', 'COA']);
      expect(await sorted({ language: ['en', 'fr'] })).toEqual(['EXC', 'EHBO', 'MAG', 'COA']);
      // Format.
      expect(await sorted({ format: 'online' })).toEqual(['EXC']);
      expect(await sorted({ format: ['classroom', 'blended'] })).toEqual(['NT2', 'HEF', 'COA']);
      // Price range, in cents, bounds included.
      expect(await sorted({ priceMin: 15_000, priceMax: 25_000 })).toEqual(['NT2', 'HEF']);
      expect(await sorted({ priceMax: 0 })).toEqual(['EXC']);
      expect(await sorted({ priceMin: 40_000 })).toEqual(['MAG', 'COA']);
      // Recognitions (any of them).
      expect(await sorted({ recognition: 'kmo-portefeuille' })).toEqual(['HEF', 'COA']);
      expect(await sorted({ recognition: ['opleidingscheques', 'vlaams-opleidingsverlof'] })).toEqual(['EXC', 'NT2', 'HEF', 'MAG']);
      // Dates: an edition starting in [from, to]; `from` alone runs on, `to` alone starts today.
      expect(await sorted({ from: inDays(15), to: inDays(50) })).toEqual(['HEF', 'MAG']);
      expect(await sorted({ from: inDays(100) })).toEqual(['MAG']);
      expect(await sorted({ to: inDays(15) })).toEqual(['COA']);
      // Level.
      expect(await sorted({ level: 1 })).toEqual(['NT2', 'HEF']);
      expect(await sorted({ level: [2, 3] })).toEqual(['EXC', 'MAG', 'COA']);
      // Duration: at most this many minutes.
      expect(await sorted({ durationMax: 480 })).toEqual(['EXC', 'EHBO', 'HEF']);
      // Accessibility: every flag asked for.
      expect(await sorted({ accessibility: 'plain_language' })).toEqual(['NT2', 'HEF']);
      expect(await sorted({ accessibility: ['plain_language', 'dutch_a1_a2'] })).toEqual(['NT2']);

      // Text and facets together; the facet counts follow the filters.
      const combined = await search({ provider: providerS, q: 'heftruck', format: 'workplace' });
      expect(combined.items.map((i) => i.id)).toEqual([ids.MAG]);
      expect(combined.total).toBe(1);
      expect(combined.facets.format).toEqual([{ value: 'workplace', count: 1 }]);
      const workplace = await search({ provider: providerS, format: 'workplace' });
      expect(workplace.facets.language).toEqual([
        { value: 'nl', count: 2 },
        { value: 'en', count: 1 },
        { value: 'fr', count: 1 },
      ]);
      expect(workplace.facets.region).toEqual([
        { value: 'antwerpen', count: 1 },
        { value: 'west-vlaanderen', count: 1 },
      ]);
      const none = await search({ provider: providerS, region: 'luxemburg' });
      expect(none).toMatchObject({ total: 0, items: [], nextCursor: null });
      expect(none.facets.format).toEqual([]);
    });

    it('sorts by price, start date, duration and relevance, and pages with a cursor', async () => {
      expect(await codes({ sort: 'price' })).toEqual(['EXC', 'EHBO', 'NT2', 'HEF', 'MAG', 'COA']);
      expect(await codes({ sort: 'duration' })).toEqual(['EHBO', 'EXC', 'HEF', 'COA', 'NT2', 'MAG']);
      // Next scheduled edition first; an offer without editions last.
      expect(await codes({ sort: 'start' })).toEqual(['COA', 'HEF', 'MAG', 'EXC', 'NT2', 'EHBO']);
      const soon = await search({ provider: providerS, sort: 'start' });
      expect(soon.items.map((i) => i.nextStartsOn)).toEqual([inDays(10), inDays(20), inDays(45), inDays(60), inDays(90), null]);
      // Without words, relevance means the most recently published first.
      expect(await codes({})).toEqual(['EHBO', 'COA', 'NT2', 'EXC', 'MAG', 'HEF']);

      // Pages of the start order, across the end of the offers with a coming edition.
      const walk = async (limit: number) => {
        const pages: string[][] = [];
        let cursor: string | null = null;
        do {
          const result: SearchResult = await search({ provider: providerS, sort: 'start', limit, ...(cursor ? { cursor } : {}) });
          pages.push(result.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)![0]));
          cursor = result.nextCursor;
        } while (cursor);
        return pages;
      };
      expect(await walk(2)).toEqual([
        ['COA', 'HEF'],
        ['MAG', 'EXC'],
        ['NT2', 'EHBO'],
      ]);
      expect(await walk(5)).toEqual([['COA', 'HEF', 'MAG', 'EXC', 'NT2'], ['EHBO']]);
      expect(await walk(6)).toEqual([['COA', 'HEF', 'MAG', 'EXC', 'NT2', 'EHBO']]);
      expect(await codes({ sort: 'start', region: 'west-vlaanderen' })).toEqual(['EHBO']);
      expect(await codes({ sort: 'start', q: 'heftruck' })).toEqual(['HEF', 'MAG']);

      const first = await search({ provider: providerS, sort: 'price', limit: 4 });
      expect(first.items.map((i) => i.priceCents)).toEqual([0, 5_000, 15_000, 25_000]);
      expect(first.total).toBe(6);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await search({ provider: providerS, sort: 'price', limit: 4, cursor: first.nextCursor! });
      expect(second.items.map((i) => i.priceCents)).toEqual([40_000, 90_000]);
      expect(second.total).toBe(6);
      expect(second.nextCursor).toBeNull();
    });
  });

  describe('import and export', () => {
    // Columns in any order, and not all of them; title_fr and two characteristics come last.
    const header =
      'code,title_nl,description_nl,languages,format,postcode,duration_minutes,price_eur,level,recognitions,accessibility,competences,editions,title_fr,orientation,initiative';
    const goodRows = (price = '125,00', extraEdition = '') => [
      `C-OK1,Digitaal starten,"Je werkt met een computer, een smartphone en e-mail.",nl,classroom,9000,720,"${price}",1,opleidingscheques,plain_language,lk21.digital.computer:2;lk21.digital.email:1,${inDays(30)}/${inDays(31)}/12/${inDays(25)}${extraEdition},Démarrer en numérique,-1,2`,
      `C-OK2,Omgaan met werkdruk,Stress herkennen en je werk plannen.,nl;fr,blended,2000,480,50,2,,,lk21.selfreg.pressure:3,${inDays(60)}/${inDays(61)}/15,,,`,
    ];
    const offersOf = (providerId: string) =>
      sql<{ id: string; code: string; price_cents: number; status: string; editions: number; competences: number }>(
        `select o.id, o.code, o.price_cents, o.status,
                (select count(*)::int from offer_editions e where e.offer_id = o.id) as editions,
                (select count(*)::int from offer_competences c where c.offer_id = o.id) as competences
           from offers o where o.provider_id = $1 order by o.code`,
        [providerId],
      ).then((rows) =>
        rows.map((r) => ({ ...r, price_cents: Number(r.price_cents), editions: Number(r.editions), competences: Number(r.competences) })),
      );

    it('imports a CSV with broken rows: per-line errors naming the column, good rows in, nothing of a bad row', async () => {
      const csv = [
        header,
        goodRows()[0],
        `C-PAST,Veilig online,Wachtwoorden en phishing herkennen.,nl,online,,240,0,,,,lk21.digital.safety:2,${inDays(-3)}/${inDays(-2)}/10`,
        `C-KEY,Klantvriendelijk,Omgaan met klanten.,nl,online,,240,0,,,,lk21.bestaat.niet:2,${inDays(30)}/${inDays(30)}/10`,
        `C-NEG,Feedback geven,Feedback geven en krijgen.,nl,online,,240,-5,,,,lk21.social.feedback:2,${inDays(30)}/${inDays(30)}/10`,
        'C-SHORT,Kapotte rij',
        `C-FMT,Samenwerken,Samen werken.,nl,teleport,,240,0,,,,lk21.social.collaboration:2,`,
        `C-GRP,Digitaal,Alles digitaal.,nl,online,,240,0,,,,lk21.digital:2,`,
        `C-CAP,Rekenen,Rekenen op het werk.,nl,online,,240,0,,,,lk21.basics.numeracy.money:2,${inDays(30)}/${inDays(31)}/0`,
        goodRows()[1],
        `C-OK1,Dubbel,Dezelfde code nog eens.,nl,online,,240,0,,,,lk21.digital.computer:2,`,
      ].join('\r\n');
      const response = await postCsv(staffX, providerX, csv);
      expect(response.statusCode, response.body).toBe(200);
      const result = response.json() as ImportResult;
      expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 0, rows: 10 });
      const byLine = Object.fromEntries(result.errors.map((e) => [e.line, e]));
      expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 11]);
      expect(byLine[3]).toMatchObject({ code: 'C-PAST', message: expect.stringMatching(/^editions: must not be in the past/) });
      expect(byLine[4]).toMatchObject({
        code: 'C-KEY',
        message: expect.stringContaining('competences: "lk21.bestaat.niet" is not a known competence key'),
      });
      expect(byLine[5]).toMatchObject({ code: 'C-NEG', message: expect.stringContaining('price_eur: must be 0 or more') });
      expect(byLine[6].message).toContain('duration_minutes: is required');
      expect(byLine[6].message).toContain('price_eur: is required');
      expect(byLine[7]).toMatchObject({ code: 'C-FMT', message: expect.stringContaining('format: must be one of') });
      expect(byLine[8]).toMatchObject({ code: 'C-GRP', message: expect.stringContaining('competences: "lk21.digital" is a group') });
      expect(byLine[9]).toMatchObject({
        code: 'C-CAP',
        message: expect.stringContaining('editions: must be a whole number of at least 1'),
      });
      expect(byLine[11]).toMatchObject({ code: 'C-OK1', message: expect.stringContaining('appears twice (first on line 2)') });

      // Only the two good rows, complete with competences and editions; the failed rows left nothing.
      const stored = await offersOf(providerX);
      expect(stored.map(({ id: _id, ...r }) => r)).toEqual([
        { code: 'C-OK1', price_cents: 12_500, status: 'draft', editions: 1, competences: 2 },
        { code: 'C-OK2', price_cents: 5_000, status: 'draft', editions: 1, competences: 1 },
      ]);
      const [orphans] = await sql<{ n: number }>(
        `select (select count(*) from offer_editions e left join offers o on o.id = e.offer_id where o.id is null)::int as n`,
      );
      expect(Number(orphans.n)).toBe(0);
      const detail = (await staffX.request('GET', `/api/organisations/${providerX}/offers/${stored[1].id}`)).json();
      expect(detail).toMatchObject({ languages: ['nl', 'fr'], format: 'blended', region: 'antwerpen', level: 2, priceCents: 5_000 });
      const [audit] = await sql<{ detail: { created: number; errors: number } }>(
        `select detail from audit_log where event = 'data_import' and subject = 'offers.csv' and organisation_id = $1`,
        [providerX],
      );
      expect(audit.detail).toMatchObject({ created: 2, errors: 8 });

      // A file that cannot be read at all is refused as a whole, naming the problem; nothing written.
      const unknownColumn = expectProblem(
        await postCsv(staffX, providerX, `${header},colour\r\nC-NEW,x,y,nl,online,,60,0,,,,,,blauw`),
        400,
        '/body',
      );
      expect(unknownColumn.detail).toContain('colour');
      const missingColumn = expectProblem(await postCsv(staffX, providerX, 'code,title_nl\r\nC-NEW,x'), 400, '/body');
      expect(missingColumn.detail).toContain('description_nl');
      expectProblem(await postCsv(staffX, providerX, `${header}\r\nC-NEW,"Open aanhalingsteken,x,nl,online,,60,0,,,,,`), 400, '/body');
      expectProblem(await postCsv(staffX, providerX, ''), 400, '/body');
      expect((await offersOf(providerX)).map((r) => r.code)).toEqual(['C-OK1', 'C-OK2']);
    });

    it('is idempotent by the provider’s own code: the same file again changes nothing, a changed file updates the same rows', async () => {
      const before = await offersOf(providerX);
      const again = await postCsv(staffX, providerX, [header, ...goodRows()].join('\n'));
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 2, rows: 2, errors: [] });
      expect(await offersOf(providerX)).toEqual(before);

      const changed = await postCsv(staffX, providerX, [header, ...goodRows('99.50', `;${inDays(90)}/${inDays(90)}/8`)].join('\n'));
      expect(changed.json()).toEqual({ created: 0, updated: 1, unchanged: 1, rows: 2, errors: [] });
      const after = await offersOf(providerX);
      expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
      expect(after[0]).toMatchObject({ code: 'C-OK1', price_cents: 9_950, editions: 2 });
      expect(after[1]).toEqual(before[1]);

      // The provider's own export imports unchanged (quotes, commas, euros, lists, editions).
      const exported = await staffX.request('GET', `/api/organisations/${providerX}/offers/export.csv`);
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toMatch(/^text\/csv/);
      expect(exported.body.split('\r\n')[0]).toBe(
        '\uFEFFcode,title_nl,title_fr,title_en,description_nl,description_fr,description_en,languages,format,postcode,municipality,duration_minutes,price_eur,target_audience,entry_requirements,level,orientation,initiative,length,recognitions,credential,accessibility,competences,editions,status',
      );
      expect(exported.body).toContain(
        `lk21.digital.computer:2;lk21.digital.email:1,${inDays(30)}/${inDays(31)}/12/${inDays(25)};${inDays(90)}/${inDays(90)}/8,draft`,
      );
      const reimported = await postCsv(staffX, providerX, exported.body);
      expect(reimported.json()).toEqual({ created: 0, updated: 0, unchanged: 2, rows: 2, errors: [] });
      expect(await offersOf(providerX)).toEqual(after);
    });

    it('refuses in an import what it refuses in the API: capacity below the seats taken, and keeps the stored edition', async () => {
      const offerId = await createOffer(
        staffA,
        providerA,
        offerBody('C-ENR', { title: { nl: 'Veilig online' }, competences: [{ competenceId: comp['lk21.digital.safety'], level: 2 }] }),
        {
          editionDays: [40],
        },
      );
      const editionId = (await staffA.request('GET', `/api/organisations/${providerA}/offers/${offerId}`)).json().editions[0].id as string;
      const people: string[] = [];
      for (let i = 0; i < 4; i++) people.push((await buildPerson(t.db.database, { organisationId: employerId })).id);
      expect((await hr.request('POST', `/api/organisations/${employerId}/enrolments`, { editionId, personIds: people })).statusCode).toBe(
        201,
      );
      const row = (capacity: number) =>
        `C-ENR,Veilig online,Wachtwoorden en phishing herkennen.,nl,online,,240,0,,,,lk21.digital.safety:2,${inDays(40)}/${inDays(41)}/${capacity}`;
      const refused = (await postCsv(staffA, providerA, `${header}\n${row(3)}`)).json() as ImportResult;
      expect(refused).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
      expect(refused.errors).toEqual([
        { line: 2, code: 'C-ENR', message: expect.stringContaining('editions: must not be below the 4 seats already taken') },
      ]);
      const [kept] = await sql<{ capacity: number; format: string }>(
        `select e.capacity, o.format from offer_editions e join offers o on o.id = e.offer_id where e.id = $1`,
        [editionId],
      );
      // Neither the capacity nor the offer's other fields of that row were written.
      expect({ capacity: Number(kept.capacity), format: kept.format }).toEqual({ capacity: 12, format: 'classroom' });
      // A published offer keeps a confirmed competence, as in the API.
      const bare = (await postCsv(staffA, providerA, `${header}\n${row(4).replace('lk21.digital.safety:2', '')}`)).json() as ImportResult;
      expect(bare.errors).toEqual([
        { line: 2, code: 'C-ENR', message: 'competences: a published offer keeps at least one confirmed competence' },
      ]);
      const accepted = (await postCsv(staffA, providerA, `${header}\n${row(4)}`)).json() as ImportResult;
      expect(accepted).toMatchObject({ updated: 1, errors: [] });
      const [updated] = await sql<{ capacity: number; format: string }>(
        `select e.capacity, o.format from offer_editions e join offers o on o.id = e.offer_id where e.id = $1`,
        [editionId],
      );
      expect({ capacity: Number(updated.capacity), format: updated.format }).toEqual({ capacity: 4, format: 'online' });

      // Full with one person waiting; an import that raises the capacity gives that person the seat.
      const waiting = (await buildPerson(t.db.database, { organisationId: employerId })).id;
      const queued = await hr.request('POST', `/api/organisations/${employerId}/enrolments`, { editionId, personIds: [waiting] });
      expect(queued.json()[0].status).toBe('waitlisted');
      expect(((await postCsv(staffA, providerA, `${header}\n${row(5)}`)).json() as ImportResult).errors).toEqual([]);
      const [promoted] = await sql<{ status: string; enrolled_count: number }>(
        `select en.status, e.enrolled_count from enrolments en join offer_editions e on e.id = en.edition_id where en.person_id = $1`,
        [waiting],
      );
      expect({ status: promoted.status, enrolled: Number(promoted.enrolled_count) }).toEqual({ status: 'enrolled', enrolled: 5 });
    });

    it('imports a large file in one transaction and refreshes the catalog statistics after it', async () => {
      const providerZ = (await buildOrganisation(t.db.database, { name: 'Leerhuis Olm', kind: 'training_provider' })).id;
      const staffZ = await logIn(
        t.app,
        (await buildUser(t.db.database, { organisationId: providerZ, role: 'provider_staff' })).email,
        TEST_PASSWORD,
      );
      const lines = Array.from(
        { length: 150 },
        (_, i) =>
          `Z-${i},Heftruck groep ${i},Veilig rijden met de heftruck.,nl,online,,240,${i},,,,lk21.selfreg.safety:2,${inDays(30 + (i % 40))}/${inDays(31 + (i % 40))}/10`,
      );
      const imported = await postCsv(staffZ, providerZ, [header, ...lines].join('\n'));
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json()).toMatchObject({ created: 150, errors: [] });
      // VACUUM (ANALYZE) ran: row estimate and visibility map are up to date.
      const [stats] = await sql<{ reltuples: number; relallvisible: number; n: number }>(
        `select reltuples, relallvisible, (select count(*)::int from offers) as n from pg_class where relname = 'offers'`,
      );
      expect(Number(stats.reltuples)).toBe(Number(stats.n));
      expect(Number(stats.relallvisible)).toBeGreaterThan(0);
      const [count] = await sql<{ n: number }>(`select count(*)::int as n from offers where provider_id = $1`, [providerZ]);
      expect(Number(count.n)).toBe(150);
    });

    it('writes new offers in chunks: a row the database refuses is reported for itself, the rest of its chunk still goes in', async () => {
      const providerW = (await buildOrganisation(t.db.database, { name: 'Leerhuis Wilg', kind: 'training_provider' })).id;
      const staffW = await logIn(
        t.app,
        (await buildUser(t.db.database, { organisationId: providerW, role: 'provider_staff' })).email,
        TEST_PASSWORD,
      );
      // One chunk and a bit; in the second chunk a duration the rules allow but an integer column does
      // not hold (the database refuses it) and an unknown key next to a good one; in the first, another unknown key.
      const count = IMPORT_CHUNK + 20;
      const refusedAt = IMPORT_CHUNK + 10;
      const line = (i: number, duration = 240, keys = 'lk21.selfreg.safety:2') =>
        `W-${i},Heftruck ${i},Veilig rijden met de heftruck.,nl,online,,${duration},${i},,,,${keys},${inDays(30 + (i % 40))}/${inDays(31 + (i % 40))}/10`;
      const rows = Array.from({ length: count }, (_, i) =>
        i === refusedAt
          ? line(i, 3_000_000_000)
          : i === 7 || i === refusedAt + 5
            ? line(i, 240, 'lk21.selfreg.safety:2;lk21.bestaat.niet:1')
            : line(i),
      );
      const result = (await postCsv(staffW, providerW, [header, ...rows].join('\n'))).json() as ImportResult;
      expect(result).toMatchObject({ created: count - 3, updated: 0, unchanged: 0, rows: count });
      expect(result.errors.map((e) => [e.line, e.code])).toEqual([
        [9, 'W-7'],
        [refusedAt + 2, `W-${refusedAt}`],
        [refusedAt + 7, `W-${refusedAt + 5}`],
      ]);
      expect(result.errors[0].message).toBe('competences: "lk21.bestaat.niet" is not a known competence key');
      // The database's reason, not its statement.
      expect(result.errors[1].message).toMatch(/^could not be saved: value "3000000000" is out of range for type integer$/);
      expect(result.errors[2].message).toBe('competences: "lk21.bestaat.niet" is not a known competence key');
      const [stored] = await sql<{ offers: number; editions: number; tags: number; refused: number }>(
        `select count(*)::int as offers,
                (select count(*)::int from offer_editions e join offers o on o.id = e.offer_id where o.provider_id = $1) as editions,
                (select count(*)::int from offer_competences c join offers o on o.id = c.offer_id where o.provider_id = $1) as tags,
                count(*) filter (where code in ('W-7', $2, $3))::int as refused
           from offers where provider_id = $1`,
        [providerW, `W-${refusedAt}`, `W-${refusedAt + 5}`],
      );
      expect(Object.values(stored).map(Number)).toEqual([count - 3, count - 3, count - 3, 0]);
      // Searchable at once: the generated search column is filled for the new offers.
      const [found] = await sql<{ n: number }>(
        `select count(*)::int as n from offers where provider_id = $1 and search_nl @@ to_tsquery('dutch', 'heftruck')`,
        [providerW],
      );
      expect(Number(found.n)).toBe(count - 3);

      // The same file, repaired, with two offers changed (the database refuses one of the changes):
      // new, updated, unchanged and refused rows in one import.
      rows[refusedAt] = line(refusedAt);
      rows[7] = line(7);
      rows[3] = line(3, 300);
      rows[4] = line(4, 3_000_000_000);
      const again = (await postCsv(staffW, providerW, [header, ...rows].join('\n'))).json() as ImportResult;
      expect(again).toMatchObject({ created: 2, updated: 1, unchanged: count - 5, rows: count });
      expect(again.errors).toEqual([
        { line: 6, code: 'W-4', message: 'could not be saved: value "3000000000" is out of range for type integer' },
        { line: refusedAt + 7, code: `W-${refusedAt + 5}`, message: 'competences: "lk21.bestaat.niet" is not a known competence key' },
      ]);
      const changed = await sql<{ code: string; duration_minutes: number }>(
        `select code, duration_minutes from offers where provider_id = $1 and code in ('W-3', 'W-4') order by code`,
        [providerW],
      );
      expect(changed.map((r) => [r.code, Number(r.duration_minutes)])).toEqual([
        ['W-3', 300],
        ['W-4', 240],
      ]);
    });

    it('looks up more competence keys than one statement takes parameters (65,535)', async () => {
      const providerV = (await buildOrganisation(t.db.database, { name: 'Leerhuis Vlier', kind: 'training_provider' })).id;
      const staffV = await logIn(
        t.app,
        (await buildUser(t.db.database, { organisationId: providerV, role: 'provider_staff' })).email,
        TEST_PASSWORD,
      );
      // 2,900 rows × 23 keys of their own: 66,700 different keys, and one good key in every row.
      const rows = Array.from({ length: 2_900 }, (_, i) => {
        const keys = Array.from({ length: 23 }, (_k, k) => `x${i}.${k}:1`).join(';');
        return `V-${i},Heftruck ${i},Veilig rijden.,nl,online,,240,0,,,,lk21.selfreg.safety:2;${keys},`;
      });
      const response = await postCsv(staffV, providerV, [header, ...rows].join('\n'));
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      const result = response.json() as ImportResult;
      expect(result).toMatchObject({ created: 0, rows: 2_900 });
      expect(result.errors).toHaveLength(2_900);
      expect(result.errors[2_899].message).toContain('competences: "x2899.22" is not a known competence key');
      expect(result.errors[2_899].message).not.toContain('lk21.selfreg.safety');
    });

    it('exports JSON that imports into another provider as the same offers; bad JSON items are refused per item or as a whole', async () => {
      const exported = await staffX.request('GET', `/api/organisations/${providerX}/offers/export.json`);
      expect(exported.statusCode, exported.body).toBe(200);
      const data = exported.json() as { offers: Array<Record<string, unknown>> };
      expect(data.offers.map((o) => o.code)).toEqual(['C-OK1', 'C-OK2']);
      expect(data.offers[0]).toMatchObject({
        title: { nl: 'Digitaal starten' },
        languages: ['nl'],
        format: 'classroom',
        postcode: '9000',
        municipality: 'Gent',
        priceCents: 9_950,
        recognitions: ['opleidingscheques'],
        accessibility: ['plain_language'],
        competences: [
          { key: 'lk21.digital.computer', level: 2 },
          { key: 'lk21.digital.email', level: 1 },
        ],
        editions: [
          { startsOn: inDays(30), endsOn: inDays(31), capacity: 12, enrolmentDeadline: inDays(25) },
          { startsOn: inDays(90), endsOn: inDays(90), capacity: 8, enrolmentDeadline: null },
        ],
        status: 'draft',
      });

      const imported = await staffY.request('POST', `/api/organisations/${providerY}/offers/import.json`, data);
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json()).toEqual({ created: 2, updated: 0, unchanged: 0, rows: 2, errors: [] });
      const roundTrip = (await staffY.request('GET', `/api/organisations/${providerY}/offers/export.json`)).json();
      expect(roundTrip).toEqual(data);
      const again = await staffY.request('POST', `/api/organisations/${providerY}/offers/import.json`, roundTrip);
      expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 2, rows: 2, errors: [] });

      // Per item: an unknown competence key, an edition in the past; the good item goes in.
      const item = (code: string, fields: Record<string, unknown> = {}) => ({ ...data.offers[1], code, ...fields });
      const mixed = await staffY.request('POST', `/api/organisations/${providerY}/offers/import.json`, {
        offers: [
          item('J-KEY', { competences: [{ key: 'geen.sleutel', level: 2 }] }),
          item('J-PAST', { editions: [{ startsOn: inDays(-10), endsOn: inDays(-9), capacity: 5 }] }),
          item('J-OK'),
        ],
      });
      expect(mixed.statusCode, mixed.body).toBe(200);
      expect(mixed.json()).toMatchObject({
        created: 1,
        errors: [
          { line: 1, code: 'J-KEY', message: expect.stringContaining('/competences/0 "geen.sleutel" is not a known competence key') },
          { line: 2, code: 'J-PAST', message: expect.stringContaining('/editions/0/startsOn must not be in the past') },
        ],
      });
      // Wrong types are refused as a whole, naming the item and field; nothing written.
      const negative = await staffY.request('POST', `/api/organisations/${providerY}/offers/import.json`, {
        offers: [item('J-NEW'), item('J-NEG', { priceCents: -100 })],
      });
      expectProblem(negative, 400, '/body/offers/1/priceCents');
      expect((await offersOf(providerY)).map((r) => r.code)).toEqual(['C-OK1', 'C-OK2', 'J-OK']);
    });
  });

  describe('competence suggestions', () => {
    it('suggests competences from the Dutch description, stores them unconfirmed until the provider confirms them', async () => {
      const base = `/api/organisations/${providerA}/offers`;
      const offerId = await createOffer(
        staffA,
        providerA,
        offerBody('SUG-01', {
          title: { nl: 'Mails en berichten op je werk' },
          description: {
            nl: 'Je leest en verstuurt e-mails en berichten. Je opent een bijlage en antwoordt kort en duidelijk. Je herkent phishing en kiest een sterk wachtwoord.',
          },
        }),
      );
      const suggested = await staffA.request('POST', `${base}/${offerId}/suggest-competences`);
      expect(suggested.statusCode, suggested.body).toBe(200);
      const view = suggested.json() as {
        suggested: number;
        competences: Array<{ key: string; confirmed: boolean; level: number; competenceId: string }>;
      };
      expect(view.suggested).toBeGreaterThan(0);
      expect(view.competences.filter((c) => c.confirmed).map((c) => c.key)).toEqual(['lk21.digital.computer']);
      const email = view.competences.find((c) => c.key === 'lk21.digital.email');
      expect(email).toMatchObject({ confirmed: false, level: 2 });
      expect(view.competences.filter((c) => !c.confirmed)).toHaveLength(view.suggested);
      // No tree groups, no duplicates of the confirmed competence.
      expect(view.competences.map((c) => c.key)).not.toContain('lk21.digital');
      expect(new Set(view.competences.map((c) => c.key)).size).toBe(view.competences.length);

      // The public only sees confirmed competences.
      expect((await anonymous('GET', `/api/offers/${offerId}`)).json().competences.map((c: { key: string }) => c.key)).toEqual([
        'lk21.digital.computer',
      ]);
      const listed = (await staffA.request('GET', `${base}?q=SUG-01`)).json();
      expect(listed[0]).toMatchObject({ competenceCount: 1, unconfirmedCount: view.suggested });

      // Asking again replaces the open suggestions instead of adding to them.
      const again = (await staffA.request('POST', `${base}/${offerId}/suggest-competences`)).json();
      expect(again.competences).toHaveLength(view.competences.length);

      // The provider confirms one (and its level) and drops the rest.
      const confirmed = await staffA.request('PATCH', `${base}/${offerId}`, {
        competences: [
          { competenceId: comp['lk21.digital.computer'], level: 2 },
          { competenceId: email!.competenceId, level: 3, confirmed: true },
        ],
      });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(
        confirmed.json().competences.map((c: { key: string; level: number; confirmed: boolean }) => [c.key, c.level, c.confirmed]),
      ).toEqual([
        ['lk21.digital.computer', 2, true],
        ['lk21.digital.email', 3, true],
      ]);
      expect((await anonymous('GET', `/api/offers/${offerId}`)).json().competences.map((c: { key: string }) => c.key)).toEqual([
        'lk21.digital.computer',
        'lk21.digital.email',
      ]);
      // Confirmed competences are not suggested again.
      const later = (await staffA.request('POST', `${base}/${offerId}/suggest-competences`)).json();
      expect(later.competences.filter((c: { key: string }) => c.key === 'lk21.digital.email')).toEqual([
        expect.objectContaining({ confirmed: true, level: 3 }),
      ]);

      // A text without anything to go on suggests nothing and keeps what is there.
      const bare = await createOffer(
        staffA,
        providerA,
        offerBody('SUG-02', { title: { nl: 'Xyzzy' }, description: { nl: 'Qwerty plugh.' } }),
        { status: 'draft' },
      );
      const nothing = (await staffA.request('POST', `${base}/${bare}/suggest-competences`)).json();
      expect(nothing.suggested).toBe(0);
      expect(nothing.competences.map((c: { key: string }) => c.key)).toEqual(['lk21.digital.computer']);
    });
  });
});
