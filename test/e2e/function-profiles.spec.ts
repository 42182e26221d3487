import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { competences, occupationCompetences, occupations } from '../../src/db/schema/index.js';
import { expectAccessible, logIn, startE2E, type E2E } from './support.js';

/** The card of one competence in the profile editor. */
const item = (page: Page, label: string) =>
  page.locator('li.profile-item', { has: page.getByRole('heading', { level: 3, name: label, exact: true }) });

async function addCompetence(page: Page, query: string, label: string) {
  const search = page.getByRole('searchbox', { name: 'Zoek een competentie' });
  await search.fill(query);
  const row = page.locator('.add-competence li', { hasText: label }).first();
  await row.getByRole('button', { name: new RegExp(`^Toevoegen\\s*:\\s*${label}$`) }).click();
  await item(page, label).waitFor();
}

describe('function profiles', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    // A small occupation (no ESCO import in tests) whose essential competence prefills a profile.
    const db = e2e.db.database.db;
    const [feedback] = await db.select({ id: competences.id }).from(competences).where(eq(competences.key, 'lkc.guiding.feedback'));
    const [occupation] = await db
      .insert(occupations)
      .values({
        key: 'e2e:werkleider',
        label: { nl: 'Werkleider groenonderhoud', fr: "Chef d'équipe espaces verts", en: 'Green maintenance team leader' },
      })
      .returning({ id: occupations.id });
    await db.insert(occupationCompetences).values({ occupationId: occupation.id, competenceId: feedback.id, relation: 'essential' });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('builds a profile: add competences, choose levels, plan a future level, save and see it after reload', async () => {
    const page = await e2e.newPage();
    await logIn(page);
    await page.getByRole('link', { name: 'Functieprofielen – Maatwerkbedrijf De Brug' }).click();
    await page.getByRole('heading', { level: 1, name: 'Functieprofielen' }).waitFor();
    await expectAccessible(page, 'profile list');

    await page.getByRole('link', { name: 'Nieuw functieprofiel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw functieprofiel' }).waitFor();
    // Empty name: the error sits next to the field.
    await page.getByRole('button', { name: 'Profiel maken' }).click();
    await page.getByText('Vul een naam in.').waitFor();
    await page.getByLabel('Naam van de job').fill('Medewerker groendienst');
    await expectAccessible(page, 'new profile form');
    await page.getByRole('button', { name: 'Profiel maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Medewerker groendienst' }).waitFor();
    await page.getByText('Nog geen competenties.').waitFor();

    await addCompetence(page, 'computer', 'Werken met een computer');
    await addCompetence(page, 'feedback', 'Feedback geven en krijgen');
    await expect(page.getByRole('status').filter({ hasText: 'is toegevoegd' }).isVisible()).resolves.toBe(true);

    // Levels are chosen by picture and plain words; the default is the first "proficient" level.
    const computer = item(page, 'Werken met een computer');
    await expect(computer.getByRole('radio', { name: /Niveau 2/ }).isChecked()).resolves.toBe(true);
    await expect(computer.locator('svg[data-pictogram="star"]').count()).resolves.toBe(1);
    await computer.getByRole('radio', { name: /Niveau 3/ }).check();
    await computer.getByRole('radio', { name: /Ondersteunend/ }).check();

    const feedback = item(page, 'Feedback geven en krijgen');
    await feedback.getByRole('radio', { name: /Niveau 1 · met hulp/ }).check();
    await feedback.getByRole('checkbox', { name: /hoger niveau nodig/ }).check();
    const year = new Date().getFullYear();
    // A year out of range is refused next to the field.
    await feedback.getByLabel('Vanaf welk jaar?').fill(String(year + 40));
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await feedback.getByText(`Vul een jaar in van ${year} tot ${year + 30}.`).waitFor();
    await feedback.getByLabel('Vanaf welk jaar?').fill(String(year + 2));
    await feedback.getByLabel('Niveau dat later nodig is').selectOption('3');
    await expectAccessible(page, 'profile editor with items');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen.').waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Medewerker groendienst' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '2 competenties in dit profiel' }).waitFor();
    await expect(
      item(page, 'Werken met een computer')
        .getByRole('radio', { name: /Niveau 3/ })
        .isChecked(),
    ).resolves.toBe(true);
    await expect(
      item(page, 'Werken met een computer')
        .getByRole('radio', { name: /Ondersteunend/ })
        .isChecked(),
    ).resolves.toBe(true);
    await expect(
      item(page, 'Feedback geven en krijgen')
        .getByRole('radio', { name: /Niveau 1/ })
        .isChecked(),
    ).resolves.toBe(true);
    await expect(item(page, 'Feedback geven en krijgen').getByLabel('Vanaf welk jaar?').inputValue()).resolves.toBe(String(year + 2));
    await expect(item(page, 'Feedback geven en krijgen').getByLabel('Niveau dat later nodig is').inputValue()).resolves.toBe('3');

    // The server holds the same.
    const url = new URL(page.url());
    const [, , orgId, , profileId] = url.pathname.split('/');
    const detail = await page.evaluate(
      async ([o, p]) => (await fetch(`/api/organisations/${o}/function-profiles/${p}`)).json(),
      [orgId, profileId],
    );
    const byKey = Object.fromEntries(detail.items.map((i: { key: string }) => [i.key, i]));
    expect(byKey['lk21.digital.computer']).toMatchObject({
      requiredLevel: 3,
      importance: 'supporting',
      futureLevel: null,
      horizonYear: null,
    });
    expect(byKey['lk21.social.feedback']).toMatchObject({ requiredLevel: 1, importance: 'core', futureLevel: 3, horizonYear: year + 2 });

    // Listed with its count.
    await page.getByRole('link', { name: 'Functieprofielen', exact: true }).first().click();
    const row = page.getByRole('row', { name: /Medewerker groendienst/ });
    await row.waitFor();
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('2');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('creates a profile from an occupation with its essential competences filled in', async () => {
    const page = await e2e.newPage();
    await logIn(page);
    const orgId = await page.evaluate(
      async () => (await (await fetch('/api/auth/session')).json()).memberships[0].organisationId as string,
    );
    await page.goto(`/o/${orgId}/profiles/new`);
    await page.getByLabel('Naam van de job').fill('Werkleider');
    await page.getByRole('searchbox', { name: 'Zoek een beroep' }).fill('werkleider');
    await page.getByRole('button', { name: 'Werkleider groenonderhoud' }).click();
    await expect(page.getByRole('checkbox', { name: /belangrijkste competenties/ }).isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'new profile from occupation');
    await page.getByRole('button', { name: 'Profiel maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Werkleider' }).waitFor();
    await page.getByText('Gebaseerd op het beroep: Werkleider groenonderhoud').waitFor();
    await item(page, 'Feedback geven').waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });
});
