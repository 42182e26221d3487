import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { assessments, campaigns, organisations, people, surveyResponses } from '../../src/db/schema/index.js';
import { expectAccessible, horizontalOverflow, logIn, startE2E, type E2E } from './support.js';

const MANAGER_EMAIL = 'leiding@demo.leerkompas.be';
const PHONE = { width: 360, height: 740 };
const OPEN_CAMPAIGN = 'Digitaal werken aan de lijn – Verpakking';
const EMPLOYEE = 'Emre Yilmaz';

/**
 * The whole needs analysis of issue 3 in one run, each step by the person who does it in real
 * life: HR hands out a personal link, the employee answers on a phone, the supervisor rates the
 * same competences, and HR sees the result in the diagnosis and takes the PDF report.
 */
describe('needs analysis journey: link → self-assessment on a phone → supervisor → heat map and report', () => {
  let e2e: E2E;
  let orgId: string;
  let campaignId: string;
  let emreId: string;
  let link: string;

  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.db.database.db;
    [{ id: orgId }] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'de-brug'));
    [{ id: campaignId }] = await db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.organisationId, orgId), eq(campaigns.title, OPEN_CAMPAIGN)));
    [{ id: emreId }] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organisationId, orgId), eq(people.displayName, EMPLOYEE)));
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const ratings = (source: 'self' | 'supervisor') =>
    e2e.db.database.db
      .select({ competenceId: assessments.competenceId, level: assessments.level })
      .from(assessments)
      .where(and(eq(assessments.campaignId, campaignId), eq(assessments.personId, emreId), eq(assessments.source, source)));

  it('HR makes new personal links for the team and copies the employee’s link', async () => {
    const page = await e2e.newPage();
    await logIn(page);
    await page.getByRole('link', { name: 'Functieprofielen – Maatwerkbedrijf De Brug' }).click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bevragingen' }).click();
    await page.getByRole('link', { name: OPEN_CAMPAIGN }).click();
    await page.getByRole('heading', { level: 1, name: OPEN_CAMPAIGN }).waitFor();
    await page.getByLabel('Voor wie?').selectOption({ label: 'Verpakking' });
    await page.getByRole('button', { name: 'Links maken' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Links maken' }).click();
    await page.getByRole('heading', { level: 3, name: /nieuwe links/ }).waitFor();
    const item = page.locator('.issued-links__list li', { hasText: EMPLOYEE });
    link = await item.locator('input').inputValue();
    expect(link).toMatch(/\/s#[A-Za-z0-9_-]{20,}$/);
    await expectAccessible(page, 'issued links');
  });

  it('the employee answers every question from the link on a 360 × 740 phone and sends', async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    await page.goto(new URL(link).pathname + new URL(link).hash);
    await page.getByRole('heading', { level: 1, name: OPEN_CAMPAIGN }).waitFor();
    await page.getByRole('button', { name: 'Beginnen' }).click();
    const total = Number((await page.getByText(/^Vraag 1 van \d+$/).textContent())!.match(/van (\d+)/)![1]);
    expect(total).toBeGreaterThanOrEqual(3);
    for (let question = 1; question <= total; question++) {
      await page.getByText(`Vraag ${question} van ${total}`).waitFor();
      // Alternate "with help" and "on my own", and one "I don't know".
      const answer =
        question === total ? 'Ik weet het niet' : question % 2 ? 'Ik kan dit als iemand mij helpt.' : 'Ik kan dit alleen, zonder hulp.';
      await page.getByText(answer, { exact: true }).click();
      await page.getByRole('button', { name: /Volgende/ }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Bijna klaar' }).waitFor();
    await page.getByRole('textbox').fill('Werken met de nieuwe scanner.');
    const { scrollWidth, clientWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await expectAccessible(page, 'survey final screen at 360 px');
    await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bedankt!' }).waitFor();

    const [response] = await e2e.db.database.db
      .select()
      .from(surveyResponses)
      .where(and(eq(surveyResponses.campaignId, campaignId), eq(surveyResponses.personId, emreId)));
    expect(response.status).toBe('submitted');
    // "I don't know" is an answer, not a rating.
    expect(await ratings('self')).toHaveLength(total - 1);
  });

  it('the supervisor rates the same person for the campaign on a phone', async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    await logIn(page, MANAGER_EMAIL);
    await page.goto(`/o/${orgId}/team`);
    await page.getByRole('link', { name: new RegExp(`^Beoordelen\\s*:\\s*${EMPLOYEE}$`) }).click();
    await page.getByRole('heading', { level: 1, name: `${EMPLOYEE} beoordelen` }).waitFor();
    await expect(page.getByRole('radio', { name: `Voor de bevraging „${OPEN_CAMPAIGN}”` }).isChecked()).resolves.toBe(true);
    const cards = page.locator('.rate-item');
    const count = await cards.count();
    for (let i = 0; i < count; i++)
      await cards
        .nth(i)
        .getByRole('radio', { name: /Niveau 3/ })
        .check();
    await page.getByRole('button', { name: `${count} beoordelingen bewaren` }).click();
    await page.getByText(`Bewaard: ${count} beoordelingen.`).waitFor();
    const supervisor = await ratings('supervisor');
    expect(supervisor).toHaveLength(count);
    expect(supervisor.every((r) => r.level === 3)).toBe(true);
  });

  it('HR sees self and supervisor side by side, the heat map with its table, and downloads the PDF report', async () => {
    const page = await e2e.newPage();
    await logIn(page);
    await page.goto(`/o/${orgId}/people/${emreId}/diagnosis`);
    await page.getByRole('heading', { level: 1, name: `Resultaat van ${EMPLOYEE}` }).waitFor();
    const item = page.locator('.result-item').first();
    await item.waitFor();
    await expect(item.locator('svg.pictogram').count()).resolves.toBeGreaterThanOrEqual(2);
    await expectAccessible(page, 'person result');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Diagnose' }).click();
    await page.getByRole('heading', { level: 1, name: 'Waar zijn de opleidingsnoden?' }).waitFor();
    const table = page.getByRole('table', { name: 'Tabel: gemiddelde kloof per competentie en groep' });
    await table.getByRole('columnheader', { name: 'Verpakking' }).waitFor();
    await page.getByTestId('heatmap-chart').locator('svg').first().waitFor();
    await expectAccessible(page, 'heat map');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Rapport als PDF' }).click()]);
    const bytes = await fs.readFile((await pdf.path()) as string);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(e2e.pageErrors).toEqual([]);
  });
});
