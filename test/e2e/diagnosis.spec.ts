import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { functionProfileCompetences, functionProfiles, organisations, people, teams } from '../../src/db/schema/index.js';
import { recordAssessments } from '../../src/modules/assessments/record.js';
import { expectAccessible, horizontalOverflow, logIn, startE2E, type E2E } from './support.js';

const EMPLOYEE_EMAIL = 'medewerker@demo.leerkompas.be';
const PHONE = { width: 360, height: 740 };
const SMALL_TEAM = 'E2E Klein team';

async function fitsPhone(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `${where} scrolls sideways at 360 px`).toBeLessThanOrEqual(clientWidth);
  await expectAccessible(page, `${where} at 360 px`);
}

/** The chart is drawn (SVG), hidden from screen readers, with its text summary next to it. */
async function expectChart(page: Page, testId: string) {
  const chart = page.getByTestId(testId).first();
  await chart.locator('svg').first().waitFor();
  await expect(chart.getAttribute('aria-hidden')).resolves.toBe('true');
  await expect(page.locator('figure.chart-figure figcaption').first().textContent()).resolves.toMatch(/\w{3,}/);
}

describe('diagnosis screens', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
    // A team of two rated people: in the heat map by team, its cells are always hidden ("< 5"),
    // whatever the demo data holds.
    const db = e2e.db.database.db;
    const [{ id: orgId }] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'de-brug'));
    const [profile] = await db
      .select({ id: functionProfiles.id })
      .from(functionProfiles)
      .where(eq(functionProfiles.organisationId, orgId))
      .limit(1);
    const items = await db
      .select({ competenceId: functionProfileCompetences.competenceId })
      .from(functionProfileCompetences)
      .where(eq(functionProfileCompetences.profileId, profile.id));
    const [team] = await db.insert(teams).values({ organisationId: orgId, name: SMALL_TEAM, position: 99 }).returning({ id: teams.id });
    const pair = await db
      .insert(people)
      .values(
        ['E2E Een', 'E2E Twee'].map((displayName) => ({
          organisationId: orgId,
          displayName,
          teamId: team.id,
          functionProfileId: profile.id,
          targetGroup: 'target_group_employee' as const,
        })),
      )
      .returning({ id: people.id });
    const now = new Date();
    await db.transaction((tx) =>
      recordAssessments(
        tx,
        pair.flatMap((p) =>
          items.map((i) => ({
            organisationId: orgId,
            personId: p.id,
            competenceId: i.competenceId,
            source: 'supervisor' as const,
            level: 0,
            visibility: 'hr' as const,
            assessedAt: now,
          })),
        ),
        { now, validityMonths: 24 },
      ),
    );
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('HR opens the heat map, switches grouping, sees a hidden cell explained and downloads the report', async () => {
    const page = await e2e.newPage();
    await logIn(page);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Diagnose' }).click();
    await page.getByRole('heading', { level: 1, name: 'Waar zijn de opleidingsnoden?' }).waitFor();
    const table = page.getByRole('table', { name: 'Tabel: gemiddelde kloof per competentie en groep' });
    await table.waitFor();
    await expectChart(page, 'heatmap-chart');

    // Grouped by team: the small team's column is there, and its cells say "< 5" with the reason in words.
    await table.getByRole('columnheader', { name: SMALL_TEAM }).waitFor();
    const smallTeamColumn = await table
      .getByRole('columnheader')
      .evaluateAll((ths, name) => ths.findIndex((th) => th.textContent === name), SMALL_TEAM);
    expect(smallTeamColumn).toBeGreaterThan(0);
    const firstRowCells = table.locator('tbody tr').first().locator('th, td');
    await expect(firstRowCells.nth(smallTeamColumn).textContent()).resolves.toMatch(/^< 5/);
    await page.getByText('minder dan 5 personen: verborgen om de privacy te beschermen.').waitFor();
    await expectAccessible(page, 'heat map by team');

    // Group by target group instead: the columns change.
    await page.getByLabel('Groepen naast elkaar').selectOption('target_group');
    await table.getByRole('columnheader', { name: 'Doelgroepmedewerkers' }).waitFor();
    await expect(table.getByRole('columnheader', { name: SMALL_TEAM }).count()).resolves.toBe(0);
    expect(new URL(page.url()).searchParams.get('groupBy')).toBe('target_group');
    await expectAccessible(page, 'heat map by target group');

    // The PDF report.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Rapport als PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfBytes = await fs.readFile((await pdf.path()) as string);
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The table as CSV, with the same hidden cells.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tabel als CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = await fs.readFile((await csv.path()) as string, 'utf8');
    expect(csvText.split('\n').length).toBeGreaterThan(2);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('HR views the top needs per target group, the disagreements, a person and the prognosis', async () => {
    const page = await e2e.newPage();
    await logIn(page);
    const orgId = await page.evaluate(
      async () => (await (await fetch('/api/auth/session')).json()).memberships[0].organisationId as string,
    );
    await page.goto(`/o/${orgId}/diagnosis`);
    await page.getByRole('navigation', { name: 'Onderdelen van de diagnose' }).getByRole('link', { name: 'Grootste noden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Grootste opleidingsnoden per doelgroep' }).waitFor();
    for (const group of ['Doelgroepmedewerkers', 'Omkaderingspersoneel', 'Ander personeel']) {
      await page.getByRole('heading', { level: 2, name: group, exact: true }).waitFor();
    }
    await page.getByRole('table', { name: 'Tabel: grootste opleidingsnoden voor Doelgroepmedewerkers' }).waitFor();
    await expectChart(page, 'bar-chart');
    await expectAccessible(page, 'top needs');

    await page
      .getByRole('navigation', { name: 'Onderdelen van de diagnose' })
      .getByRole('link', { name: 'Verschillen zelf en leiding' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Verschillen tussen zelf en leidinggevende' }).waitFor();
    await page.getByText(/Praat erover/).waitFor();
    const disagreements = page.getByRole('table', { name: 'Tabel: personen en competenties met een groot verschil' });
    await Promise.race([disagreements.waitFor(), page.getByText('Geen grote verschillen. Goed nieuws!').waitFor()]);
    await expectAccessible(page, 'disagreements');
    if (await disagreements.isVisible()) {
      // Self and supervisor side by side, as pictogram and words; the person's name opens their result.
      const row = disagreements.locator('tbody tr').first();
      await expect(row.locator('svg.pictogram').count()).resolves.toBeGreaterThanOrEqual(2);
      const name = (await row.locator('th a').textContent()) ?? '';
      await row.locator('th a').click();
      await page.getByRole('heading', { level: 1, name: `Resultaat van ${name}` }).waitFor();
      await page.locator('.result-item').first().waitFor();
      await expectAccessible(page, 'person result');
    }

    await page.goto(`/o/${orgId}/diagnosis/prognosis`);
    await page.getByRole('heading', { level: 1, name: /Vooruitblik/ }).waitFor();
    const prognosis = page.getByRole('table', { name: /^Tabel: dekking per competentie, nu en in \d{4}$/ });
    await prognosis.waitFor();
    await expectChart(page, 'paired-bar-chart');
    await page
      .getByRole('status')
      .filter({ hasText: /competenties? dreig(t|en) te verdwijnen tegen \d{4}/ })
      .waitFor();
    // Another horizon: the table follows.
    const year = new Date().getFullYear() + 5;
    await page.getByLabel('Vooruitblik tot het jaar').selectOption(String(year));
    await page.getByRole('table', { name: `Tabel: dekking per competentie, nu en in ${year}` }).waitFor();
    await expectAccessible(page, 'prognosis');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('HR makes a training need of a top-need row in one click', async () => {
    const page = await e2e.newPage();
    await logIn(page);
    const orgId = await page.evaluate(
      async () => (await (await fetch('/api/auth/session')).json()).memberships[0].organisationId as string,
    );
    await page.goto(`/o/${orgId}/diagnosis/top-needs`);
    const table = page.getByRole('table', { name: 'Tabel: grootste opleidingsnoden voor Doelgroepmedewerkers' });
    const firstRow = table.locator('tbody tr').first();
    const competence = ((await firstRow.locator('th').textContent()) ?? '').trim();
    await firstRow.getByRole('button', { name: `Maak een nood van ${competence} voor Doelgroepmedewerkers` }).click();
    await page.getByRole('heading', { level: 1, name: `${competence} – Doelgroepmedewerkers` }).waitFor();
    await page.getByRole('heading', { name: 'Cijfers uit de diagnose' }).waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });

  it('fits a 360 px phone: the wide table scrolls in its own box, the page does not', async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    await logIn(page);
    const orgId = await page.evaluate(
      async () => (await (await fetch('/api/auth/session')).json()).memberships[0].organisationId as string,
    );
    await page.goto(`/o/${orgId}/diagnosis`);
    await page.getByRole('table', { name: 'Tabel: gemiddelde kloof per competentie en groep' }).waitFor();
    await page.getByTestId('heatmap-chart').locator('svg').waitFor();
    const box = page.getByRole('region', { name: 'Tabel: gemiddelde kloof per competentie en groep' });
    const sizes = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth);
    // Keyboard users reach the box and scroll it with the arrow keys.
    await box.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await fitsPhone(page, 'heat map');

    for (const [path, heading] of [
      ['top-needs', 'Grootste opleidingsnoden per doelgroep'],
      ['disagreements', 'Verschillen tussen zelf en leidinggevende'],
      ['prognosis', 'Vooruitblik: hebben we straks genoeg mensen die het kunnen?'],
    ]) {
      await page.goto(`/o/${orgId}/diagnosis/${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.locator('table.data-table').first().waitFor();
      await fitsPhone(page, path);
    }
    expect(e2e.pageErrors).toEqual([]);
  });

  it('an employee sees their own result with pictograms, on a phone', async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    await logIn(page, EMPLOYEE_EMAIL);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn resultaat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn resultaat' }).waitFor();
    const first = page.locator('.result-item').first();
    await first.waitFor();
    // Self, supervisor and required level side by side, then the gap in words.
    await first.getByText('Wat jij zei').waitFor();
    await first.getByText('Wat je leidinggevende zei').waitFor();
    await first.getByText('Nodig voor je job').waitFor();
    await expect(page.locator('.result-item svg.pictogram').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.gap-words').first().textContent()).resolves.toMatch(
      /Je kan wat nodig is|niveaus? te leren|We weten het nog niet|Niet nodig/,
    );
    // No diagnosis of others for an employee.
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Diagnose' }).count()).resolves.toBe(0);
    await fitsPhone(page, 'my result');
    expect(e2e.pageErrors).toEqual([]);
  });
});
