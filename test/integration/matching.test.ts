import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildFunctionProfile, buildPerson, buildTeam } from '../factories/people.js';
import { buildNeed } from '../factories/training-plan.js';
import { buildOffer, setCurrentLevel } from '../factories/catalog.js';

interface Rec {
  offerId: string;
  score: number;
  coverage: number;
  priceAfterFundingCents: number;
  explanation: {
    covers: Array<{ competenceId: string; via: string; share: number }>;
    gapCount: number;
    language: string;
    distanceKm: number | null;
    online: boolean;
    free: boolean;
    funding: { instrument: string; cents: number } | null;
    reductions: Array<{ factor: string; multiplier: number }>;
    textMatch: boolean;
  };
}

/**
 * Worked example (domain-rules §8). Emre needs digital literacy 3 (has 1, core), online safety 2
 * (has 0, core) and Excel 2 (has 1, supporting): weights 2×2 = 4, 2×2 = 4, 1×1 = 1, total 9.
 */
describe.each(databaseKinds)('matching on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let hr: Session;
  let learner: Session;
  let manager: Session;
  let hrOther: Session;
  let personId: string;
  let teamId: string;
  let needId: string;
  let bareNeedId: string;
  const c: Record<string, string> = {};
  const o: Record<string, string> = {};

  const get = (s: Session, url: string) => s.request('GET', url);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    const org = await buildOrganisation(db, { name: 'De Brug Test' });
    orgId = org.id;
    await db.query(`update organisations set postcode = '9000' where id = $1`, [orgId]);
    const otherOrgId = (await buildOrganisation(db)).id;
    const providerId = (await buildOrganisation(db, { name: 'Leerhuis', kind: 'training_provider' })).id;
    const framework = await buildPublicFramework(db);
    c.digital = (
      await buildCompetence(db, { frameworkId: framework.id, label: { nl: 'Digitale geletterdheid', en: 'Digital literacy' } })
    ).id;
    c.safety = (await buildCompetence(db, { frameworkId: framework.id, label: { nl: 'Online veiligheid', en: 'Online safety' } })).id;
    c.excel = (await buildCompetence(db, { frameworkId: framework.id, label: { nl: 'Werken met Excel', en: 'Working with Excel' } })).id;
    const profile = await buildFunctionProfile(db, {
      organisationId: orgId,
      items: [
        { competenceId: c.digital, requiredLevel: 3, importance: 'core' },
        { competenceId: c.safety, requiredLevel: 2, importance: 'core' },
        { competenceId: c.excel, requiredLevel: 2, importance: 'supporting' },
      ],
    });
    teamId = (await buildTeam(db, orgId, 'Atelier')).id;
    const learnerUser = await buildUser(db, { organisationId: orgId, role: 'employee' });
    learner = await logIn(t.app, learnerUser.email, TEST_PASSWORD);
    personId = (
      await buildPerson(db, { organisationId: orgId, teamId, functionProfileId: profile.id, userId: learnerUser.id, displayName: 'Emre' })
    ).id;
    await setCurrentLevel(db, { organisationId: orgId, personId, competenceId: c.digital, level: 1 });
    await setCurrentLevel(db, { organisationId: orgId, personId, competenceId: c.safety, level: 0 });
    await setCurrentLevel(db, { organisationId: orgId, personId, competenceId: c.excel, level: 1 });
    const colleague = (await buildPerson(db, { organisationId: orgId, teamId, functionProfileId: profile.id })).id;
    await setCurrentLevel(db, { organisationId: orgId, personId: colleague, competenceId: c.safety, level: 1 });
    hr = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'hr' })).email, TEST_PASSWORD);
    manager = await logIn(t.app, (await buildUser(db, { organisationId: orgId, role: 'manager' })).email, TEST_PASSWORD);
    hrOther = await logIn(t.app, (await buildUser(db, { organisationId: otherOrgId, role: 'hr' })).email, TEST_PASSWORD);

    // Gent (9000): covers digital literacy and online safety fully; € 200, half paid by opleidingscheques.
    o.gent = (
      await buildOffer(db, {
        providerId,
        title: 'Digitaal aan de slag',
        postcode: '9000',
        latitude: 51.05,
        longitude: 3.72,
        priceCents: 20_000,
        recognitions: ['opleidingscheques'],
        competences: [
          { competenceId: c.digital, level: 3 },
          { competenceId: c.safety, level: 2 },
        ],
      })
    ).offer.id;
    // Dendermonde, 27 km away: online safety only, free.
    o.dendermonde = (
      await buildOffer(db, {
        providerId,
        title: 'Veilig online',
        postcode: '9200',
        latitude: 51.03,
        longitude: 4.1,
        competences: [{ competenceId: c.safety, level: 2 }],
      })
    ).offer.id;
    // Untagged online course found through its description: a text match for Excel.
    o.text = (
      await buildOffer(db, {
        providerId,
        title: 'Rekenbladen',
        format: 'online',
        description: 'Je leert werken met Excel: formules en tabellen.',
      })
    ).offer.id;
    o.french = (
      await buildOffer(db, {
        providerId,
        title: 'Littératie numérique',
        languages: ['fr'],
        competences: [{ competenceId: c.digital, level: 3 }],
      })
    ).offer.id;
    o.full = (
      await buildOffer(db, {
        providerId,
        title: 'Volzet',
        competences: [{ competenceId: c.digital, level: 3 }],
        editions: [{ capacity: 1, enrolledCount: 1 }],
      })
    ).offer.id;
    o.draft = (
      await buildOffer(db, { providerId, title: 'Ontwerp', status: 'draft', competences: [{ competenceId: c.digital, level: 3 }] })
    ).offer.id;
    o.unrelated = (await buildOffer(db, { providerId, title: 'Heftruck', description: 'Veilig rijden met de heftruck.' })).offer.id;

    needId = (
      await buildNeed(db, {
        organisationId: orgId,
        title: 'Digitale geletterdheid – Atelier',
        competenceId: c.digital,
        personIds: [personId],
      })
    ).id;
    bareNeedId = (await buildNeed(db, { organisationId: orgId, title: 'Planning', competenceId: null })).id;
  });
  afterAll(() => t?.close());

  it('ranks a person’s offers by §8 with the explanation in parts (worked example)', async () => {
    const res = await get(hr, `/api/organisations/${orgId}/people/${personId}/recommendations`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.gaps.map((g: { competenceId: string; gap: number }) => [g.competenceId, g.gap])).toEqual([
      [c.digital, 2],
      [c.safety, 2],
      [c.excel, 1],
    ]);
    const recs: Rec[] = body.recommendations;
    expect(recs.map((r) => r.offerId)).toEqual([o.gent, o.dendermonde, o.text]);
    const [gent, dendermonde, text] = recs;
    // coverage 8/9; distance 0 km → 1; € 200 − € 100 cheques = € 100 → 0.95.
    expect(gent.coverage).toBeCloseTo(8 / 9, 4);
    expect(gent.score).toBeCloseTo((8 / 9) * 0.95, 4);
    expect(gent.priceAfterFundingCents).toBe(10_000);
    expect(gent.explanation).toMatchObject({
      gapCount: 3,
      language: 'nl',
      distanceKm: 0,
      online: false,
      free: false,
      funding: { instrument: 'opleidingscheques', cents: 10_000 },
      textMatch: false,
    });
    expect(gent.explanation.covers.map((x) => x.competenceId)).toEqual([c.digital, c.safety]);
    expect(gent.explanation.reductions).toEqual([{ factor: 'price', multiplier: 0.95 }]);
    // 4/9 × 0.75 (27 km, between 25 and 50 km).
    expect(dendermonde.explanation.distanceKm).toBe(27);
    expect(dendermonde.score).toBeCloseTo((4 / 9) * 0.75, 4);
    expect(dendermonde.explanation.free).toBe(true);
    // Text match: half a share of Excel's weight 1 → 0.5/9.
    expect(text.explanation).toMatchObject({
      textMatch: true,
      online: true,
      distanceKm: null,
      covers: [{ competenceId: c.excel, via: 'text', share: 0.5 }],
    });
    expect(text.score).toBeCloseTo(0.5 / 9, 4);
    expect(body.excluded).toEqual({ language: 1 });
    for (const id of [o.full, o.draft, o.unrelated]) expect(recs.map((r) => r.offerId)).not.toContain(id);
  });

  it('applies the wishes: another language, a budget cap, a preferred format', async () => {
    const fr = (await get(hr, `/api/organisations/${orgId}/people/${personId}/recommendations?languages=fr`)).json();
    expect(fr.recommendations.map((r: Rec) => r.offerId)).toEqual([o.french]);
    const capped = (await get(hr, `/api/organisations/${orgId}/people/${personId}/recommendations?budgetCapCents=5000`)).json();
    expect(capped.recommendations.map((r: Rec) => r.offerId)).toEqual([o.dendermonde, o.text]);
    expect(capped.excluded.budget).toBe(1);
    const online = (await get(hr, `/api/organisations/${orgId}/people/${personId}/recommendations?preferredFormat=online&limit=1`)).json();
    expect(online.recommendations).toHaveLength(1);
    expect(online.recommendations[0].explanation.reductions).toContainEqual({ factor: 'format', multiplier: 0.85 });
    const bad = await get(hr, `/api/organisations/${orgId}/people/${personId}/recommendations?languages=dutch`);
    expect(bad.statusCode).toBe(400);
  });

  it('gives the learner their own recommendations', async () => {
    const res = await get(learner, '/api/me/recommendations');
    expect(res.statusCode).toBe(200);
    expect(res.json().subject).toMatchObject({ kind: 'learner', id: personId, name: 'Emre' });
    expect(res.json().recommendations[0].offerId).toBe(o.gent);
    // An employee cannot ask for a colleague's recommendations.
    expect((await get(learner, `/api/organisations/${orgId}/people/${personId}/recommendations`)).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/me/recommendations' })).statusCode).toBe(401);
  });

  it('folds a team’s gaps: online safety is lacked by two people and weighs most', async () => {
    const res = await get(hr, `/api/organisations/${orgId}/teams/${teamId}/recommendations`);
    expect(res.statusCode).toBe(200);
    const gaps = res.json().gaps;
    expect(gaps[0]).toMatchObject({ competenceId: c.safety, gap: 3, people: 2 });
    // weights: safety 3×2 = 6, digital 2×2 = 4, Excel 1 → Gent covers 10/11.
    expect(res.json().recommendations[0]).toMatchObject({ offerId: o.gent });
    expect(res.json().recommendations[0].coverage).toBeCloseTo(10 / 11, 4);
  });

  it('matches a need and the whole register', async () => {
    const res = await get(hr, `/api/organisations/${orgId}/needs/${needId}/recommendations`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().gaps).toEqual([expect.objectContaining({ competenceId: c.digital, gap: 2, required: 3 })]);
    expect(res.json().recommendations.map((r: Rec) => r.offerId)).toEqual([o.gent]);
    expect(res.json().recommendations[0].coverage).toBe(1);

    const register = await get(hr, `/api/organisations/${orgId}/needs-register/recommendations`);
    expect(register.statusCode).toBe(200);
    const byNeed = new Map(register.json().needs.map((n: { needId: string }) => [n.needId, n]));
    expect((byNeed.get(needId) as { recommendations: Rec[] }).recommendations[0].offerId).toBe(o.gent);
    expect((byNeed.get(bareNeedId) as { recommendations: Rec[] }).recommendations).toEqual([]);
    // Managers only for their own people; needs are HR's.
    expect((await get(manager, `/api/organisations/${orgId}/needs/${needId}/recommendations`)).statusCode).toBe(403);
    expect((await get(manager, `/api/organisations/${orgId}/people/${personId}/recommendations`)).statusCode).toBe(404);
  });

  it('keeps organisations apart', async () => {
    expect((await get(hrOther, `/api/organisations/${orgId}/people/${personId}/recommendations`)).statusCode).toBe(404);
    expect((await get(hrOther, `/api/organisations/${orgId}/teams/${teamId}/recommendations`)).statusCode).toBe(404);
    expect((await get(hrOther, `/api/organisations/${orgId}/needs-register/recommendations`)).statusCode).toBe(404);
    expect((await get(hr, `/api/organisations/${orgId}/needs/00000000-0000-7000-8000-000000000000/recommendations`)).statusCode).toBe(404);
  });
});
