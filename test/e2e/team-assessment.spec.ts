import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { assessments, campaigns, learningQuestions, organisations, people } from '../../src/db/schema/index.js';
import { expectAccessible, horizontalOverflow, logIn, startE2E, type E2E } from './support.js';

const MANAGER_EMAIL = 'leiding@demo.leerkompas.be';
const PHONE = { width: 360, height: 740 };

/** The rating card (a fieldset) of one competence. */
const competence = (page: Page, label: string) => page.getByRole('group', { name: label });

async function fitsPhone(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `${where} scrolls sideways at 360 px`).toBeLessThanOrEqual(clientWidth);
  await expectAccessible(page, `${where} at 360 px`);
}

describe('supervisor assessment, STARR, learning questions and organisation issues', () => {
  let e2e: E2E;
  let orgId: string;
  let emreId: string;
  let openCampaignId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.db.database.db;
    [{ id: orgId }] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'de-brug'));
    [{ id: emreId }] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organisationId, orgId), eq(people.displayName, 'Emre Yilmaz')));
    [{ id: openCampaignId }] = await db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.organisationId, orgId), eq(campaigns.status, 'open')));
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const supervisorRatings = () =>
    e2e.db.database.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.personId, emreId), eq(assessments.campaignId, openCampaignId), eq(assessments.source, 'supervisor')));

  it('a manager rates one of their people on a phone, one competence per card, and the ratings appear', async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    await logIn(page, MANAGER_EMAIL);
    await page.getByRole('link', { name: 'Mijn ploeg beoordelen – Maatwerkbedrijf De Brug' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn ploeg' }).waitFor();
    await page.getByText(/Digitaal werken aan de lijn – Verpakking – 5 competenties/).waitFor();
    // Marc Claes supervises 8 of the 30 people of Verpakking.
    await expect(page.locator('table.data-table tbody tr').count()).resolves.toBe(8);
    await fitsPhone(page, 'my team');

    await page.getByRole('link', { name: /^Beoordelen\s*:\s*Emre Yilmaz$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Emre Yilmaz beoordelen' }).waitFor();
    await expect(
      page.getByRole('radio', { name: 'Voor de bevraging „Digitaal werken aan de lijn – Verpakking”' }).isChecked(),
    ).resolves.toBe(true);
    await expect(page.locator('.rate-item').count()).resolves.toBe(5);
    // Saving without a level says what to do.
    await page.getByRole('button', { name: '0 beoordelingen bewaren' }).click();
    await page.getByText('Kies eerst bij minstens één competentie een niveau.').waitFor();

    const tools = competence(page, 'Digitale werkmiddelen gebruiken');
    await tools.getByRole('radio', { name: /Niveau 1 · met hulp/ }).check();
    await expect(tools.locator('svg[data-pictogram="helping-hand"]').count()).resolves.toBe(1);
    await tools.getByText('Uitleg toevoegen (mag)').click();
    await tools.getByLabel('Uitleg bij Digitale werkmiddelen gebruiken').fill('Vraagt nog hulp om de opdracht op de tablet te openen.');
    await competence(page, 'Omgaan met verandering')
      .getByRole('radio', { name: /Niveau 3/ })
      .check();
    await fitsPhone(page, 'rating form');

    await page.getByRole('button', { name: '2 beoordelingen bewaren' }).click();
    await page.getByText('Bewaard: 2 beoordelingen.').waitFor();
    // The new rating heads the history (the demo's closed campaign has older ones).
    const newest = page.locator('.rating-history tbody tr').first();
    await newest.getByRole('cell', { name: 'Vraagt nog hulp om de opdracht op de tablet te openen.' }).waitFor();
    await expect(newest.innerText()).resolves.toMatch(
      /Digitale werkmiddelen gebruiken[\s\S]*Niveau 1 · met hulp[\s\S]*leidinggevende[\s\S]*Digitaal werken aan de lijn – Verpakking[\s\S]*Marc Claes/,
    );
    await expect(supervisorRatings()).resolves.toHaveLength(2);

    // Changing a level and saving again replaces the campaign's rating instead of adding one.
    await competence(page, 'Digitale werkmiddelen gebruiken')
      .getByRole('radio', { name: /Niveau 2 · zelfstandig/ })
      .check();
    await page.getByRole('button', { name: '2 beoordelingen bewaren' }).click();
    await page.getByText('Bewaard: 2 beoordelingen.').waitFor();
    const rows = await supervisorRatings();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.level).sort()).toEqual([2, 3]);

    await page.getByRole('link', { name: 'Mijn ploeg' }).first().click();
    const emre = page.locator('tr', { hasText: 'Emre Yilmaz' });
    await emre.getByText('Jij: 2 van 5 beoordeeld').waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });

  it('the manager notes a STARR interview for the same person', async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    await logIn(page, MANAGER_EMAIL);
    await page.goto(`/o/${orgId}/team`);
    await page.getByRole('link', { name: /^STARR-gesprek\s*:\s*Emre Yilmaz$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'STARR-gesprekken met Emre Yilmaz' }).waitFor();
    await page.getByRole('button', { name: 'Gesprek bewaren' }).click();
    await page.getByText('Schrijf minstens bij één van de vijf vragen iets.').first().waitFor();
    await page.getByLabel('Situatie').fill('Een nieuwe bestelling kwam binnen op de tablet.');
    await page.getByLabel('Reflectie').fill('Wil leren de planning zelf te openen.');
    await page.getByLabel('Over welke competentie? (mag leeg)').selectOption({ label: 'Digitale werkmiddelen gebruiken' });
    await page.getByRole('radio', { name: /Met de leiding/ }).check();
    await fitsPhone(page, 'STARR form');
    await page.getByRole('button', { name: 'Gesprek bewaren' }).click();
    await page.getByText('Het gesprek is bewaard.').waitFor();
    const card = page.locator('.card', { hasText: 'Een nieuwe bestelling kwam binnen op de tablet.' });
    await card.getByText('Over: Digitale werkmiddelen gebruiken').waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });

  it('HR confirms the suggested competences of a learning question and records an organisation problem', async () => {
    const db = e2e.db.database.db;
    const page = await e2e.newPage();
    await logIn(page);
    await page.goto(`/o/${orgId}/learning-questions`);
    await page.getByRole('heading', { level: 1, name: 'Leervragen' }).waitFor();
    await page.getByText('Nieuwe leervraag noteren').click();
    await page.getByLabel('Wat wil de persoon of de ploeg leren?').fill('Veilig leren werken met de kettingzaag in het park.');
    await page.getByLabel('Voor welke ploeg? (mag leeg)').selectOption({ label: 'Groenonderhoud' });
    await page.getByRole('button', { name: 'Leervraag bewaren' }).click();
    await page.getByText('De leervraag is bewaard, met voorstellen van competenties.').waitFor();
    const card = page.locator('li.question', { hasText: 'Veilig leren werken met de kettingzaag in het park.' });
    // The best suggestion comes from Dutch full-text search over the frameworks.
    await card.getByRole('checkbox', { name: /Veilig en gezond werken · voorstel \d/ }).check();
    await expectAccessible(page, 'learning questions');
    await card.getByRole('button', { name: 'Competenties bewaren' }).click();
    await card.getByText('De competenties zijn bewaard.').waitFor();
    await card.getByRole('button', { name: 'Echte leervraag' }).click();
    await card.getByText('Bevestigd als leervraag.').waitFor();
    const [stored] = await db
      .select()
      .from(learningQuestions)
      .where(eq(learningQuestions.text, 'Veilig leren werken met de kettingzaag in het park.'));
    expect(stored.status).toBe('confirmed');

    await page.getByRole('link', { name: 'Problemen en doelen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Problemen en doelen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Meer fouten sinds de nieuwe planningssoftware' }).waitFor();
    await expectAccessible(page, 'organisation issues');
    await page.getByRole('link', { name: 'Nieuw probleem of doel' }).click();
    await page.getByLabel('Korte titel').fill('Te weinig mensen met een heftruckbrevet');
    await page.getByRole('checkbox', { name: 'Verpakking' }).check();
    await page.getByRole('searchbox', { name: 'Zoek een competentie' }).fill('veilig');
    await page.getByRole('button', { name: /^Toevoegen\s*:\s*Veilig en gezond werken$/ }).click();
    await expectAccessible(page, 'organisation issue form');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    const issue = page.locator('li.issue', { hasText: 'Te weinig mensen met een heftruckbrevet' });
    await issue.getByText('Competenties: Veilig en gezond werken').waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });
});
