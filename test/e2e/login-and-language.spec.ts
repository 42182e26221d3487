import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, logIn, startE2E, type E2E } from './support.js';

describe('login, organisations and language', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows errors next to the fields and logs in as HR', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    // Not signed in: the app sends visitors to the login page.
    await page.waitForURL('**/login');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expectAccessible(page, 'login');

    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByText('Vul uw e-mailadres in.').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('E-mailadres').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.getByLabel('E-mailadres').fill('hr@demo.leerkompas.be');
    await page.getByLabel('Wachtwoord').fill('wrong-password');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('E-mailadres of wachtwoord is fout. Probeer opnieuw.').waitFor();
    await expectAccessible(page, 'login with errors');

    await logIn(page);
    await page.getByRole('heading', { level: 2, name: 'Maatwerkbedrijf De Brug' }).waitFor();
    await expect(page.getByText('Mijn rol: HR / opleidingen').isVisible()).resolves.toBe(true);
    // HR's own work comes first on the card: the needs analysis and the plan.
    const tasks = await page.locator('.card__actions a').allInnerTexts();
    expect(tasks.slice(0, 4).map((text) => text.split('–')[0].trim())).toEqual([
      'Bevragingen',
      'Diagnose',
      'Opleidingsnoden',
      'Opleidingsplan',
    ]);
    await expectAccessible(page, 'organisation home');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('switches the whole interface to French and back, keeps the choice and saves it on the account', async () => {
    const page = await e2e.newPage();
    await logIn(page);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes organisations' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await expect(page.getByRole('link', { name: 'Profils de fonction' }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expectAccessible(page, 'organisation home in French');

    // Kept on this device after a reload …
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mes organisations' }).waitFor();
    // … and on the account.
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session.user.locale).toBe('fr');

    // The account menu is French too; the password page is reachable from it.
    await page.getByRole('button', { name: /Hilde Peeters/ }).click();
    await page.getByRole('link', { name: 'Mon compte et mot de passe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    await expectAccessible(page, 'account page in French');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('changes the password with errors next to the fields, then logs out', async () => {
    const page = await e2e.newPage();
    await logIn(page, 'leiding@demo.leerkompas.be');
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await page.getByLabel('Huidig wachtwoord').fill('Leerkompas-demo-2026');
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('Te kort: gebruik minstens 10 tekens.').waitFor();

    await page.getByLabel('Huidig wachtwoord').fill('not-my-password');
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Een nieuw lang wachtwoord');
    await page.getByLabel('Nieuw wachtwoord nog eens').fill('Een nieuw lang wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('Dit is niet uw huidige wachtwoord.').waitFor();

    await page.getByLabel('Huidig wachtwoord').fill('Leerkompas-demo-2026');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('Uw wachtwoord is gewijzigd.').waitFor();
    await expectAccessible(page, 'account page');

    await page.getByRole('button', { name: /Marc Claes/ }).click();
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.waitForURL('**/login');
    // The old password no longer works; the new one does.
    await page.getByLabel('E-mailadres').fill('leiding@demo.leerkompas.be');
    await page.getByLabel('Wachtwoord').fill('Leerkompas-demo-2026');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('E-mailadres of wachtwoord is fout. Probeer opnieuw.').waitFor();
    await logIn(page, 'leiding@demo.leerkompas.be', 'Een nieuw lang wachtwoord');
    expect(e2e.pageErrors).toEqual([]);
  });
});
