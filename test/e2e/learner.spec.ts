import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, horizontalOverflow, logIn, startE2E, type E2E } from './support.js';

const PHONE = { width: 360, height: 740 };
const PROVIDER_EMAIL = 'aanbieder@demo.leerkompas.be';
const LEARNER_EMAIL = 'medewerker@demo.leerkompas.be';
const COLLEAGUE_EMAIL = 'leiding@demo.leerkompas.be';
const TITLE = 'Afspraken nakomen en omgaan met verandering';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function fitsPhone(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `${where} scrolls sideways at 360 px`).toBeLessThanOrEqual(clientWidth);
  await expectAccessible(page, `${where} at 360 px`);
}

/** A JSON call with the page's session, as the web app makes it (CSRF header on writes). */
async function api(page: Page, method: 'GET' | 'POST', url: string, data?: unknown) {
  const session = await (await page.request.get('/api/auth/session')).json();
  const response = await page.request.fetch(url, { method, headers: { 'x-csrf-token': session.csrfToken }, data });
  return { status: response.status(), body: await response.json().catch(() => null) };
}

describe('leerportaal: a recommended offer, saved, enrolled, cancelled; the public catalog finds it', () => {
  let e2e: E2E;
  let learner: Page;
  let offerId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    learner = await e2e.newPage({ viewport: PHONE });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a provider publishes an offer for competences where the demo learner has a gap', async () => {
    const db = e2e.db.database;
    // The demo learner's gaps, from their own result (not from the demo data's exact content).
    const [{ id: personId, organisation_id: orgId }] = await db.query<{ id: string; organisation_id: string }>(
      `select p.id, p.organisation_id from people p join users u on u.id = p.user_id where u.email = $1`,
      [LEARNER_EMAIL],
    );
    const provider = await e2e.newPage();
    await logIn(provider, PROVIDER_EMAIL);
    const learnerSession = await e2e.newPage();
    await logIn(learnerSession, LEARNER_EMAIL);
    const mine = await api(learnerSession, 'GET', `/api/organisations/${orgId}/me/diagnosis`);
    expect(mine.status).toBe(200);
    expect(mine.body.person.id).toBe(personId);
    const gaps = (mine.body.items as Array<{ competence: { id: string }; gap: number | null; required: number | null }>).filter(
      (i) => (i.gap ?? 0) >= 1,
    );
    expect(gaps.length, 'the demo learner has gaps').toBeGreaterThan(0);

    const [{ id: providerId }] = await db.query<{ id: string }>(`select id from organisations where slug = 'leerhuis-schelde'`);
    const created = await api(provider, 'POST', `/api/organisations/${providerId}/offers`, {
      code: 'E2E-LEERPORTAAL-1',
      title: { nl: TITLE },
      description: {
        nl: 'Op tijd komen, afspraken nakomen en rustig blijven als er op het werk iets verandert.\n\nIn kleine groepen, met veel oefeningen en in eenvoudige taal.',
      },
      languages: ['nl'],
      format: 'online',
      durationMinutes: 6 * 60,
      priceCents: 0,
      level: 2,
      recognitions: ['opleidingscheques'],
      accessibility: ['plain_language', 'dutch_a1_a2'],
      targetAudience: 'Medewerkers op de werkvloer.',
      competences: gaps.map((g) => ({ competenceId: g.competence.id, level: Math.max(2, g.required ?? 2) })),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    offerId = created.body.id;
    const base = `/api/organisations/${providerId}/offers/${offerId}`;
    // One edition with room, one with a single seat (a colleague takes it below).
    expect(
      (
        await api(provider, 'POST', `${base}/editions`, {
          startsOn: inDays(20),
          endsOn: inDays(21),
          capacity: 8,
          enrolmentDeadline: inDays(15),
        })
      ).status,
    ).toBe(201);
    const small = await api(provider, 'POST', `${base}/editions`, { startsOn: inDays(40), endsOn: inDays(40), capacity: 1 });
    expect(small.status).toBe(201);
    const published = await api(provider, 'POST', `${base}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.status).toBe('published');

    const colleague = await e2e.newPage();
    await logIn(colleague, COLLEAGUE_EMAIL);
    const smallEdition = (small.body.editions as Array<{ id: string; capacity: number }>).find((e) => e.capacity === 1)!;
    const seat = await api(colleague, 'POST', '/api/me/enrolments', { editionId: smallEdition.id });
    expect(seat.status).toBe(201);
    expect(seat.body.status).toBe('enrolled');
  });

  it('the learner sees it among the recommendations on a phone, with why it fits', async () => {
    await logIn(learner, LEARNER_EMAIL);
    await learner.getByRole('link', { name: 'Mijn leren' }).first().click();
    await learner.getByRole('heading', { level: 1, name: 'Mijn leren' }).waitFor();
    await learner.getByRole('heading', { level: 2, name: 'Opleidingen voor jou' }).waitFor();
    const card = learner.locator('.recommendation', { has: learner.getByRole('link', { name: TITLE }) });
    await card.waitFor();
    await expect(card.getByText('Waarom past dit bij jou?').count()).resolves.toBe(1);
    const why = await card.locator('.why__text').innerText();
    expect(why).toMatch(
      /^Werkt aan .+: (\d+) van je \1 leerpunten · in het Nederlands · online, van thuis of op het werk · gratis\.$|^Werkt aan .+: je enige leerpunt · in het Nederlands · online, van thuis of op het werk · gratis\.$/,
    );
    // The learner's own competences with pictograms, and the read-aloud button where speech exists.
    await learner.getByRole('heading', { level: 2, name: 'Wat ik kan' }).waitFor();
    await learner.getByRole('heading', { level: 3, name: /Hier kan je nog groeien/ }).waitFor();
    expect(await learner.locator('.my-competences svg.pictogram').count()).toBeGreaterThan(0);
    await learner.getByRole('heading', { level: 2, name: 'Mijn leervragen' }).waitFor();
    await fitsPhone(learner, 'learner home');
  });

  it('opens the offer, saves it and finds it among the saved offers', async () => {
    await learner.getByRole('link', { name: TITLE }).click();
    await learner.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await learner
      .locator('.offer-facts')
      .getByText(/Gratis/)
      .waitFor();
    await learner.locator('.icon-list').getByText('In eenvoudige taal').waitFor();
    await learner.getByText('Opleidingscheques').first().waitFor();
    await fitsPhone(learner, 'offer detail');
    const save = learner.getByRole('button', { name: 'Bewaren' });
    await save.click();
    await learner.getByRole('button', { name: 'Bewaard' }).waitFor();
    expect(await learner.getByRole('button', { name: 'Bewaard' }).getAttribute('aria-pressed')).toBe('true');

    await learner.getByRole('link', { name: 'Bewaard', exact: true }).click();
    await learner.getByRole('heading', { level: 1, name: 'Bewaarde opleidingen' }).waitFor();
    await learner.getByRole('link', { name: TITLE }).waitFor();
    await fitsPhone(learner, 'saved offers');
    await learner.getByRole('link', { name: 'Bekijken en inschrijven' }).click();
    await learner.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  });

  it('enrols on the edition with room, joins the waiting list of the full one, and sees both', async () => {
    // Without a choice the form says what to do.
    await learner.getByRole('button', { name: 'Inschrijven' }).click();
    await learner.getByText('Kies eerst een datum.').waitFor();
    await learner.getByRole('radio', { name: /Nog 8 vrije plaatsen/ }).check();
    await learner.getByRole('button', { name: 'Inschrijven' }).click();
    await learner.getByText('Je bent ingeschreven.').waitFor();
    await learner.getByRole('heading', { level: 2, name: 'Jouw plaats' }).waitFor();

    await learner.getByRole('radio', { name: /Volzet/ }).check();
    await learner.getByRole('button', { name: 'Op de wachtlijst zetten' }).click();
    await learner.getByText(/Je staat op de wachtlijst\. Je bent nummer 1\./).waitFor();
    await fitsPhone(learner, 'offer after enrolling');

    await learner.getByRole('link', { name: 'Inschrijvingen', exact: true }).click();
    await learner.getByRole('heading', { level: 1, name: 'Mijn inschrijvingen' }).waitFor();
    const cards = learner.locator('.enrolment-card', { has: learner.getByRole('link', { name: TITLE }) });
    await expect(cards.count()).resolves.toBe(2);
    await learner.getByText('Ingeschreven', { exact: true }).waitFor();
    await learner.getByText('Op de wachtlijst (nummer 1)').waitFor();
    await fitsPhone(learner, 'my enrolments');
  });

  it('cancels the enrolment; it moves to the history', async () => {
    const enrolled = learner.locator('.enrolment-card', { has: learner.getByText('Ingeschreven', { exact: true }) });
    await enrolled.getByRole('button', { name: /Uitschrijven/ }).click();
    const dialog = learner.getByRole('dialog', { name: 'Wil je je uitschrijven?' });
    await dialog.waitFor();
    await expectAccessible(learner, 'cancel dialog');
    await dialog.getByRole('button', { name: 'Uitschrijven' }).click();
    await learner.getByText(`Je bent uitgeschreven voor ${TITLE}.`).waitFor();
    // The message comes with the answer; the list follows when it has been fetched again.
    await learner.locator('.enrolment-card').nth(1).waitFor({ state: 'detached' });
    await expect(learner.locator('.enrolment-card').count()).resolves.toBe(1);
    await learner.locator('.history-list').getByText('Uitgeschreven').waitFor();
    await fitsPhone(learner, 'my enrolments after cancelling');

    const rows = await e2e.db.database.query<{ status: string; capacity: number; enrolled_count: number }>(
      `select en.status, e.capacity, e.enrolled_count from enrolments en join offer_editions e on e.id = en.edition_id
         join users u on u.id = en.user_id where e.offer_id = $1 and u.email = $2 order by e.starts_on`,
      [offerId, LEARNER_EMAIL],
    );
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'waitlisted']);
    expect(rows[0].enrolled_count).toBe(0);
  });

  it('the public search finds the offer with a facet, keeps the filters in the address, without signing in', async () => {
    const visitor = await e2e.newPage({ viewport: PHONE });
    await visitor.goto('/catalog');
    await visitor.getByRole('heading', { level: 1, name: 'Opleidingen zoeken' }).waitFor();
    await visitor.getByText(/opleidingen? gevonden/).waitFor();
    await fitsPhone(visitor, 'catalog search');

    // Keyboard only: type the words and press Enter.
    await visitor.getByLabel('Waarover wil je leren?').focus();
    await visitor.keyboard.type('afspraken verandering');
    await visitor.keyboard.press('Enter');
    await visitor.waitForURL(/q=afspraken/);
    await visitor.getByRole('link', { name: TITLE }).waitFor();

    await visitor.getByText('Filters', { exact: true }).click();
    // The boxes follow the address: a click changes the URL, which then ticks the box (click, not
    // check(): check() looks at the box right after the click, before the address has changed).
    await visitor.getByRole('checkbox', { name: /^Online/ }).click();
    await visitor.waitForURL(/format=online/);
    await visitor.getByRole('checkbox', { name: /^Opleidingscheques/ }).click();
    await visitor.waitForURL(/recognition=opleidingscheques/);
    await expect(visitor.getByRole('checkbox', { name: /^Opleidingscheques/ }).isChecked()).resolves.toBe(true);
    await visitor.getByRole('link', { name: TITLE }).waitFor();
    await visitor.getByText('1 opleiding gevonden').waitFor();
    await fitsPhone(visitor, 'catalog with filters');

    // The address keeps the search: a reload shows the same filters and result.
    await visitor.reload();
    await visitor.getByRole('link', { name: TITLE }).waitFor();
    expect(await visitor.getByRole('checkbox', { name: /^Online/ }).isChecked()).toBe(true);
    expect(await visitor.getByLabel('Waarover wil je leren?').inputValue()).toBe('afspraken verandering');

    // A facet that excludes it.
    await visitor.getByRole('checkbox', { name: /^In een lokaal/ }).click();
    await visitor.waitForURL(/format=classroom/);
    await visitor.getByRole('checkbox', { name: /^Online/ }).click();
    await visitor.waitForURL((url) => !url.search.includes('format=online'));
    await visitor.getByText('Geen opleidingen gevonden. Probeer een ander woord of minder filters.').waitFor();
    await visitor.goBack();
    await visitor.goBack();
    await visitor.getByRole('link', { name: TITLE }).click();
    await visitor.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await visitor.getByRole('link', { name: 'Meld je aan om te bewaren of in te schrijven' }).first().waitFor();
    await fitsPhone(visitor, 'offer detail without signing in');
  });

  it('pages through many results with links that keep the search in the address', async () => {
    const db = e2e.db.database;
    const [{ id: providerId }] = await db.query<{ id: string }>(`select id from organisations where slug = 'leerhuis-schelde'`);
    // A competence of the platform's own framework where the learner has no gap (so recommendations stay as they were).
    const [{ id: competenceId }] = await db.query<{ id: string }>(`select id from competences where key = 'lk21.selfreg.safety'`);
    const provider = await e2e.newPage();
    await logIn(provider, PROVIDER_EMAIL);
    for (let n = 1; n <= 13; n++) {
      const made = await api(provider, 'POST', `/api/organisations/${providerId}/offers`, {
        code: `E2E-PAGINA-${n}`,
        title: { nl: `Paginatest ${n}: veilig werken` },
        description: { nl: 'Een korte opleiding om het bladeren door de zoekresultaten te testen.' },
        languages: ['nl'],
        format: 'classroom',
        postcode: '2000',
        durationMinutes: 120,
        priceCents: 1000 * n,
        competences: [{ competenceId, level: 2 }],
      });
      expect(made.status).toBe(201);
      expect((await api(provider, 'POST', `/api/organisations/${providerId}/offers/${made.body.id}/publish`)).status).toBe(200);
    }
    const visitor = await e2e.newPage({ viewport: PHONE });
    await visitor.goto('/catalog?q=paginatest&sort=price');
    await visitor.getByText('13 opleidingen gevonden').waitFor();
    await visitor.getByText('Opleiding 1 tot 12 van 13').waitFor();
    await expect(visitor.locator('.catalog-cards > li').count()).resolves.toBe(12);
    // Sorted by price: the cheapest first.
    expect(await visitor.locator('.catalog-cards > li h3').first().innerText()).toBe('Paginatest 1: veilig werken');
    await visitor.getByRole('link', { name: 'Volgende pagina' }).click();
    await visitor.waitForURL(/page=2/);
    await visitor.getByText('Opleiding 13 tot 13 van 13').waitFor();
    await expect(visitor.locator('.catalog-cards > li').count()).resolves.toBe(1);
    expect(await visitor.locator('.catalog-cards > li h3').innerText()).toBe('Paginatest 13: veilig werken');
    expect(new URL(visitor.url()).searchParams.get('sort')).toBe('price');
    await fitsPhone(visitor, 'catalog page 2');
    await visitor.getByRole('link', { name: 'Eerste pagina' }).click();
    await visitor.getByText('Opleiding 1 tot 12 van 13').waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });
});
