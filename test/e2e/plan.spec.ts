import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import {
  actionParticipants,
  enrolments,
  fundingLines,
  organisations,
  planActions,
  trainingNeeds,
  trainingPlans,
} from '../../src/db/schema/index.js';
import { yearInBrussels } from '../../src/domain/calendar/brussels.js';
import { DEMO_PASSWORD, expectAccessible, horizontalOverflow, logIn, startE2E, type E2E } from './support.js';

/*
 * Issue 4 end to end: from a heat-map cell (the real "make a need" button) to a triaged need, to
 * the prioritised list, into next year's draft training plan as an action with a catalog offer
 * and edition (issue 5 item 4), participants enrolled through the action, a funding line, the
 * director's approval, editing refused afterwards, and the plan as PDF.
 *
 * The demo already has an approved plan for the current year; one plan per organisation and year,
 * so HR makes the plan of next year. The offer is made and published here by the demo provider,
 * so the test does not depend on the demo catalog's content.
 */

const PHONE = { width: 360, height: 740 };
const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

async function fitsPhone(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `${where} scrolls sideways at 360 px`).toBeLessThanOrEqual(clientWidth);
  await expectAccessible(page, `${where} at 360 px`);
}

/** A signed-in API session in its own browser context (cookie + CSRF token), for the provider's setup. */
async function apiSession(e2e: E2E, email: string) {
  const page = await e2e.newPage();
  const login = await page.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = await (await page.request.get('/api/auth/session')).json();
  const headers = { 'x-csrf-token': csrfToken as string };
  return {
    post: (url: string, data?: unknown) => page.request.post(url, { headers, data }),
    patch: (url: string, data?: unknown) => page.request.patch(url, { headers, data }),
  };
}

describe('plan: from a heat-map cell to an approved training plan with a catalog offer, and its PDF', () => {
  let e2e: E2E;
  let page: Page;
  let orgId: string;
  let planUrl: string;
  let actionUrl: string;
  let offerId: string;
  let editionId: string;
  const needTitle = 'Omgaan met verandering – Verpakking';
  const offerTitle = 'Veranderen zonder stress op de werkvloer';
  const year = yearInBrussels(new Date()) + 1;

  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.db.database;
    [{ id: orgId }] = await db.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'de-brug'));
    const [{ id: providerId }] = await db.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, 'leerhuis-schelde'));
    const [{ id: competenceId }] = await db.query<{ id: string }>(`select id from competences where key = 'lk21.selfreg.change'`);

    // The demo provider publishes an online offer for the competence, with an edition of 2 seats.
    const provider = await apiSession(e2e, 'aanbieder@demo.leerkompas.be');
    const offers = `/api/organisations/${providerId}/offers`;
    const created = await provider.post(offers, {
      code: 'E2E-VERANDERING',
      title: { nl: offerTitle },
      description: { nl: 'Hoe ga je om met veranderingen in de planning en op de werkvloer? Praktisch, in eenvoudige taal.' },
      languages: ['nl'],
      format: 'online',
      durationMinutes: 420,
      priceCents: 9_500,
      recognitions: ['kmo-portefeuille'],
      accessibility: ['plain_language'],
      competences: [{ competenceId, level: 4 }],
    });
    expect(created.status(), await created.text()).toBe(201);
    offerId = (await created.json()).id;
    const edition = await provider.post(`${offers}/${offerId}/editions`, {
      startsOn: inDays(12),
      endsOn: inDays(12),
      capacity: 2,
      enrolmentDeadline: inDays(9),
    });
    expect(edition.status(), await edition.text()).toBe(201);
    editionId = (await edition.json()).editions[0].id;
    expect((await provider.post(`${offers}/${offerId}/publish`)).status()).toBe(200);

    page = await e2e.newPage();
    await logIn(page);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const need = async () =>
    (
      await e2e.db.database.db
        .select()
        .from(trainingNeeds)
        .where(and(eq(trainingNeeds.organisationId, orgId), eq(trainingNeeds.title, needTitle)))
    )[0];

  it('HR makes a need of a heat-map cell with the "make a need" button', async () => {
    await page.goto(`/o/${orgId}/diagnosis`);
    await page.getByRole('heading', { level: 1, name: 'Waar zijn de opleidingsnoden?' }).waitFor();
    const button = page.getByRole('button', { name: 'Maak een nood van Omgaan met verandering voor Verpakking' });
    await button.waitFor();
    await expectAccessible(page, 'diagnosis heat map');
    await button.click();
    await page.getByRole('heading', { level: 1, name: needTitle }).waitFor();
    await page.getByRole('heading', { name: 'Cijfers uit de diagnose' }).waitFor();
    expect(await need()).toMatchObject({ status: 'open', sources: expect.arrayContaining(['diagnosis']) });
    await expectAccessible(page, 'need detail');
  });

  it('HR triages the need: a training need', async () => {
    await page.getByRole('link', { name: 'Triage starten' }).click();
    const answers: Array<[RegExp, string]> = [
      [/Informatie en feedback/, 'Nee'],
      [/Materiaal en tijd/, 'Nee'],
      [/Beloning en erkenning/, 'Nee'],
      [/Kennis en vaardigheden/, 'Ja'],
      [/Mogelijkheden van de persoon/, 'Nee'],
      [/Zin en motivatie/, 'Nee'],
      [/Wil men het leren\?/, 'Ja'],
    ];
    for (const [heading, answer] of answers) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      await page.getByRole('radio', { name: answer, exact: true }).check();
      await page.getByRole('button', { name: /^(Volgende|Nakijken)$/ }).click();
    }
    await page.getByRole('heading', { level: 2, name: 'Kijk je antwoorden na' }).waitFor();
    await expectAccessible(page, 'triage review');
    await page.getByRole('button', { name: 'Beslissing opslaan' }).click();
    await page.getByRole('heading', { level: 2, name: /Opleiding is nodig/ }).waitFor();
    expect(await need()).toMatchObject({ status: 'triaged', classification: 'training_need' });
  });

  it('HR scores the priority and finds the need in the ranked list', async () => {
    await page.getByRole('link', { name: 'Prioriteit bepalen' }).click();
    await page.getByRole('heading', { level: 2, name: /Kerntaak/ }).waitFor();
    await page.getByRole('button', { name: 'Alle voorstellen overnemen' }).click();
    await page
      .getByRole('group', { name: /Score Kans op succes/ })
      .getByRole('radio', { name: '4' })
      .check();
    await page.getByLabel('Waarom deze score? (Kans op succes)').fill('De ploeg vraagt er zelf om.');
    await page.getByRole('button', { name: 'Scores opslaan' }).click();
    await page.getByText('De scores zijn opgeslagen.').waitFor();
    await expectAccessible(page, 'priority');
    expect((await need()).priorityCenti).not.toBeNull();

    await page.goto(`/o/${orgId}/needs/ranked`);
    await page.getByRole('heading', { level: 1, name: 'Opleidingsnoden volgens prioriteit' }).waitFor();
    await page.getByRole('link', { name: needTitle }).waitFor();
    await expectAccessible(page, 'ranked needs');
  });

  it(`HR makes the plan of ${year} and adds an action: the need, a matching offer with why, an edition, the people, a funding line`, async () => {
    await page.goto(`/o/${orgId}/plan`);
    await page.getByRole('heading', { level: 1, name: 'Opleidingsplan' }).waitFor();
    await page.getByLabel('Jaar', { exact: true }).fill(String(year));
    await page.getByRole('button', { name: 'Plan maken' }).click();
    await page.getByRole('heading', { level: 2, name: new RegExp(`Opleidingsplan ${year}`) }).waitFor();
    planUrl = new URL(page.url()).pathname;
    await expectAccessible(page, 'draft plan');

    await page.getByRole('link', { name: 'Actie toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe actie' }).waitFor();
    await page.getByRole('checkbox', { name: new RegExp(needTitle) }).check();

    // The matches for the chosen need, each with why.
    await page.getByRole('heading', { level: 3, name: 'Voorstellen voor de gekozen noden' }).waitFor();
    const cards = page.locator('.offer-card');
    await cards.first().waitFor();
    await expect(cards.first().innerText()).resolves.toMatch(/Waarom: .*leert Omgaan met verandering/);
    const mine = cards.filter({ hasText: offerTitle });
    if ((await mine.count()) > 0) {
      await expect(mine.innerText()).resolves.toMatch(/in het Nederlands · online/);
      await mine.getByRole('button', { name: `Kies deze opleiding ${offerTitle}` }).click();
    } else {
      // Other offers rank higher: find ours in the catalog search instead.
      await page.getByLabel('Zoek een opleiding').fill('Veranderen zonder stress');
      await page
        .locator('.offer-hit', { hasText: offerTitle })
        .getByRole('button', { name: `Kies deze opleiding ${offerTitle}` })
        .click();
    }
    await page.getByText(`Gekozen: ${offerTitle} – Leerhuis Schelde`).waitFor();
    // Empty fields take the offer's name, hours and price.
    await expect(page.getByLabel('Naam van de actie').inputValue()).resolves.toBe(offerTitle);
    await expect(page.getByLabel('Aantal uren per deelnemer').inputValue()).resolves.toBe('7');
    await expect(page.getByLabel('Kosten per deelnemer (euro)').inputValue()).resolves.toBe('95,00');
    const editionSelect = page.getByLabel('Welke editie (wanneer)?');
    await editionSelect.locator(`option[value="${editionId}"]`).waitFor({ state: 'attached' });
    await editionSelect.selectOption(editionId);
    await expect(page.getByLabel('Begint op').inputValue()).resolves.toBe(inDays(12));

    await page.getByRole('button', { name: 'Voeg de mensen van de gekozen noden toe' }).click();
    await page.getByText(/\d+ personen gekozen/).waitFor();
    await page.getByRole('button', { name: 'Financieringslijn toevoegen' }).click();
    await page.getByLabel('Bron van lijn 1').selectOption({ label: 'KMO-portefeuille (opleiding)' });
    await page.getByLabel('Bedrag van lijn 1 (euro)').fill('50');
    await expectAccessible(page, 'action editor with an offer');
    await page.getByRole('button', { name: 'Bewaren' }).click();

    await page.getByRole('heading', { level: 1, name: offerTitle }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Inschrijven bij de aanbieder' }).waitFor();
    actionUrl = new URL(page.url()).pathname;
    const actionId = actionUrl.split('/').pop()!;
    const [row] = await e2e.db.database.db.select().from(planActions).where(eq(planActions.id, actionId));
    expect(row).toMatchObject({ offerId, offerEditionId: editionId, durationMinutes: 420, costPerParticipantCents: 9_500 });
    const lines = await e2e.db.database.db.select().from(fundingLines).where(eq(fundingLines.actionId, actionId));
    expect(lines.map((l) => l.amountCents)).toEqual([5_000]);

    // Enrol the named participants: two seats, the others wait.
    const named = await e2e.db.database.db.select().from(actionParticipants).where(eq(actionParticipants.actionId, actionId));
    const participants = named.length;
    expect(participants).toBeGreaterThan(0);
    await page.getByRole('button', { name: /deelnemers? inschrijven$/ }).click();
    await page.getByText(`Ingeschreven: ${Math.min(2, participants)}. Op de wachtlijst: ${Math.max(0, participants - 2)}.`).waitFor();
    const table = page.getByRole('table', { name: `Inschrijvingen voor ${offerTitle}` });
    await expect(table.getByRole('cell', { name: 'ingeschreven', exact: true }).count()).resolves.toBe(Math.min(2, participants));
    if (participants > 2) await table.getByRole('cell', { name: 'op de wachtlijst (plaats 1)' }).waitFor();
    const rows = await e2e.db.database.db.select().from(enrolments).where(eq(enrolments.planActionId, actionId));
    expect(rows).toHaveLength(participants);
    await expectAccessible(page, 'action with enrolments');

    const phone = await e2e.newPage({ viewport: PHONE });
    await logIn(phone);
    await phone.goto(actionUrl);
    await phone.getByRole('heading', { level: 3, name: 'Voorstellen voor de gekozen noden' }).waitFor();
    await phone.locator('.offer-card').first().waitFor();
    await fitsPhone(phone, 'action editor');
    await phone.goto(`${planUrl}/actions/new`);
    await phone.getByRole('heading', { level: 1, name: 'Nieuwe actie' }).waitFor();
    await fitsPhone(phone, 'new action');
    await phone.goto(planUrl);
    await phone.getByText(`Opleiding: ${offerTitle} (Leerhuis Schelde)`).waitFor();
    await fitsPhone(phone, 'draft plan');
  });

  it('the director approves the plan after a confirmation; afterwards editing is refused', async () => {
    const director = await e2e.newPage();
    await logIn(director, 'directie@demo.leerkompas.be');
    await director.goto(planUrl);
    await director.getByRole('cell', { name: new RegExp(`Opleiding: ${offerTitle}`) }).waitFor();
    await director.getByRole('button', { name: 'Plan goedkeuren' }).click();
    const dialog = director.getByRole('dialog', { name: 'Het plan goedkeuren?' });
    await dialog.waitFor();
    await expectAccessible(director, 'approve dialog');
    await dialog.getByRole('button', { name: 'Ja, goedkeuren' }).click();
    await director.getByText('Versie 1 is goedgekeurd en bewaard.').waitFor();
    await expectAccessible(director, 'approved plan');
    const planId = planUrl.split('/').pop()!;
    const [plan] = await e2e.db.database.db.select().from(trainingPlans).where(eq(trainingPlans.id, planId));
    expect(plan).toMatchObject({ status: 'approved', version: 1, year });

    // HR: no add button, the action is read only, and the API refuses a change.
    await page.goto(planUrl);
    await page.getByRole('heading', { level: 2, name: new RegExp(`Opleidingsplan ${year}.*goedgekeurd`) }).waitFor();
    await expect(page.getByRole('link', { name: 'Actie toevoegen' }).count()).resolves.toBe(0);
    await page.goto(actionUrl);
    await page.getByRole('heading', { level: 2, name: 'Over deze actie' }).waitFor();
    await page.getByText(`${offerTitle} – Leerhuis Schelde`).first().waitFor();
    await expect(page.getByRole('button', { name: 'Bewaren' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'approved action');
    const session = await (await page.request.get('/api/auth/session')).json();
    const refused = await page.request.patch(`/api/organisations/${orgId}/plans/${planId}/actions/${actionUrl.split('/').pop()}`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { offerId: null },
    });
    expect(refused.status()).toBe(409);
    expect(refused.headers()['content-type']).toContain('application/problem+json');
    expect((await refused.json()).code).toBe('plan.not_editable');

    const phone = await e2e.newPage({ viewport: PHONE });
    await logIn(phone);
    await phone.goto(planUrl);
    await phone.getByRole('heading', { level: 2, name: new RegExp(`Opleidingsplan ${year}`) }).waitFor();
    await fitsPhone(phone, 'approved plan');
    await phone.goto(actionUrl);
    await phone.getByRole('heading', { level: 2, name: 'Inschrijven bij de aanbieder' }).waitFor();
    await fitsPhone(phone, 'approved action');
    await phone.goto(`${planUrl}/follow-up`);
    await phone.getByRole('heading', { level: 1 }).waitFor();
    await phone.getByText(offerTitle).first().waitFor();
    await fitsPhone(phone, 'plan follow-up');
  });

  it('downloads the approved plan as a PDF', async () => {
    await page.goto(planUrl);
    const link = page.getByRole('link', { name: /PDF voor de raad van bestuur \(Nederlands\)/ });
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toBe(`attachment; filename="opleidingsplan-${year}-v1.pdf"`);
    const body = await pdf.body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.length).toBeGreaterThan(2_000);
    expect(e2e.pageErrors).toEqual([]);
  });
});
