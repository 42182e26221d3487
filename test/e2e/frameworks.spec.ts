import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, logIn, startE2E, type E2E } from './support.js';

describe('framework browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('opens a framework, unfolds the tree with the keyboard and opens a competence', async () => {
    const page = await e2e.newPage();
    await logIn(page);
    await page.getByRole('link', { name: 'Competenties – Maatwerkbedrijf De Brug' }).click();
    await page.getByRole('heading', { level: 1, name: 'Competenties' }).waitFor();
    await page.getByRole('link', { name: 'Vaardigheden van de 21e eeuw op het werk' }).waitFor();
    await expectAccessible(page, 'framework list');

    await page.getByRole('link', { name: 'Vaardigheden van de 21e eeuw op het werk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vaardigheden van de 21e eeuw op het werk' }).waitFor();
    const group = page.getByRole('button', { name: /Digitale geletterdheid/ });
    await group.waitFor();
    await expect(group.getAttribute('aria-expanded')).resolves.toBe('false');
    // Keyboard only: focus the disclosure button and press Enter.
    await group.focus();
    await page.keyboard.press('Enter');
    await expect(group.getAttribute('aria-expanded')).resolves.toBe('true');
    const computer = page.getByRole('link', { name: 'Werken met een computer' });
    await computer.waitFor();
    await expectAccessible(page, 'framework tree (opened)');
    // Space closes it again, like any button.
    await group.focus();
    await page.keyboard.press('Space');
    await expect(group.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(computer.count()).resolves.toBe(0);
    await page.keyboard.press('Enter');
    await computer.focus();
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Werken met een computer' }).waitFor();
    // Breadcrumbs back to the framework and the group.
    const crumbs = page.getByRole('navigation', { name: 'Kruimelpad' });
    await expect(crumbs.getByRole('link', { name: 'Vaardigheden van de 21e eeuw op het werk' }).isVisible()).resolves.toBe(true);
    await expect(crumbs.getByRole('link', { name: 'Digitale geletterdheid' }).isVisible()).resolves.toBe(true);
    // Names in the three languages.
    await expect(page.locator('dd[lang="fr"]').first().textContent()).resolves.toBe('Utiliser un ordinateur');
    await expect(page.locator('dd[lang="en"]').first().textContent()).resolves.toMatch(/computer/i);
    await expect(page.getByRole('heading', { level: 2, name: 'Beroepen die dit nodig hebben' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'competence detail');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('searches one framework and all frameworks in the UI language', async () => {
    const page = await e2e.newPage();
    await logIn(page);
    const orgId = await page.evaluate(
      async () => (await (await fetch('/api/auth/session')).json()).memberships[0].organisationId as string,
    );
    const frameworks = (await page.evaluate(async (id) => (await fetch(`/api/frameworks?orgId=${id}`)).json(), orgId)) as Array<{
      id: string;
      key: string;
    }>;
    const coaching = frameworks.find((f) => f.key === 'lk-coaching-guidance');
    expect(coaching).toBeDefined();

    await page.goto(`/o/${orgId}/frameworks/${coaching!.id}`);
    await page.getByRole('heading', { level: 2, name: 'Zoek in deze lijst' }).waitFor();
    await page.getByRole('searchbox', { name: 'Zoekwoord' }).fill('feedback');
    await page
      .getByRole('status')
      .filter({ hasText: /gevonden/ })
      .waitFor();
    const results = page.locator('.result-list a');
    await expect(results.allTextContents()).resolves.toContain('Feedback geven');
    // Only this framework: the 21st-century "Feedback geven en krijgen" is not listed here.
    await expect(results.allTextContents()).resolves.not.toContain('Feedback geven en krijgen');
    await expectAccessible(page, 'framework search results');

    // All frameworks, in French.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.goto(`/o/${orgId}/frameworks`);
    await page.getByRole('heading', { level: 2, name: 'Chercher dans toutes les compétences' }).waitFor();
    await page.getByRole('searchbox', { name: 'Mot à chercher' }).fill('ordinateur');
    await page.getByRole('link', { name: 'Utiliser un ordinateur' }).waitFor();
    await page.getByRole('link', { name: 'Utiliser un ordinateur' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utiliser un ordinateur' }).waitFor();
    await expectAccessible(page, 'competence detail in French');
    expect(e2e.pageErrors).toEqual([]);
  });
});
