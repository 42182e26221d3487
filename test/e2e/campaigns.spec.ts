import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { organisations } from '../../src/db/schema/index.js';
import { hashToken } from '../../src/server/auth/tokens.js';
import { expectAccessible, horizontalOverflow, logIn, startE2E, type E2E } from './support.js';

/** Confirms the open <dialog> by its title. */
async function confirm(page: Page, title: string | RegExp, button: string) {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('campaigns (HR)', () => {
  let e2e: E2E;
  let orgId: string;
  beforeAll(async () => {
    e2e = await startE2E();
    const [org] = await e2e.db.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'de-brug'));
    orgId = org.id;
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('creates a campaign step by step, narrows its competences, opens it, hands out links and a QR sheet, revokes one and closes it', async () => {
    const page = await e2e.newPage();
    await logIn(page);
    await page.goto(`/o/${orgId}/profiles`);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bevragingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bevragingen' }).waitFor();
    // The demo's campaigns are listed.
    await page.getByRole('link', { name: 'Behoefteanalyse 2026 – hele organisatie' }).waitFor();
    await expectAccessible(page, 'campaign list');

    await page.getByRole('link', { name: 'Nieuwe bevraging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe bevraging' }).waitFor();
    // Nothing filled in: the message sits next to the field.
    await page.getByRole('button', { name: 'Bevraging maken' }).click();
    await page.getByText('Vul een naam in.').waitFor();
    await page.getByLabel('Naam van de bevraging').fill('Bevraging schoonmaak');
    await page.getByRole('checkbox', { name: /^Schoonmaak/ }).check();
    await page.getByRole('checkbox', { name: 'Frans' }).check();
    // The open question is offered with a default text in every chosen language.
    await expect(page.getByLabel('Vraag (Nederlands)').inputValue()).resolves.toBe('Wat wil je graag leren?');
    await expect(page.getByLabel('Vraag (Frans)').inputValue()).resolves.toBe('Qu’aimeriez-vous apprendre ?');
    // Anonymous switches supervisor ratings off and explains why.
    await page.getByRole('radio', { name: /^Anoniem/ }).check();
    await expect(page.getByRole('checkbox', { name: 'Leidinggevenden beoordelen hun mensen ook' }).isDisabled()).resolves.toBe(true);
    await page.getByText('Niet mogelijk bij een anonieme bevraging').waitFor();
    await page.getByRole('radio', { name: /^Met naam/ }).check();
    // An end date before the start date is refused next to the field.
    await page.getByLabel('Einddatum').fill('2020-01-01');
    await page.getByRole('button', { name: 'Bevraging maken' }).click();
    await page.getByText('De einddatum moet op of na de begindatum liggen.').waitFor();
    const closes = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Einddatum').fill(closes);
    await expectAccessible(page, 'campaign form');
    await page.getByRole('button', { name: 'Bevraging maken' }).click();

    await page.getByRole('heading', { level: 1, name: 'Bevraging schoonmaak' }).waitFor();
    await page.getByText('Ontwerp', { exact: true }).first().waitFor();
    const competences = page.getByRole('heading', { level: 2, name: /competenties in deze bevraging/ });
    await competences.waitFor();
    const before = Number((await competences.textContent())!.match(/\d+/)![0]);
    expect(before).toBeGreaterThan(2);
    await expectAccessible(page, 'draft campaign');

    // Leave one competence out; it can be put back.
    const firstItem = page.locator('.campaign-competences li').first();
    const label = (await firstItem.locator('strong').textContent())!;
    await firstItem.getByRole('button', { name: new RegExp(`^Weglaten\\s*:\\s*${label}$`) }).click();
    await page.getByRole('heading', { level: 3, name: 'Weggelaten competenties' }).waitFor();
    await page.getByRole('heading', { level: 2, name: `${before - 1} competenties in deze bevraging` }).waitFor();
    await expect(page.getByRole('button', { name: new RegExp(`^Terugzetten\\s*:\\s*${label}$`) }).isVisible()).resolves.toBe(true);

    // Open, after a confirmation that says how many people and competences.
    await page.getByRole('button', { name: 'Bevraging openen' }).click();
    await page
      .getByRole('dialog', { name: 'Bevraging openen?' })
      .getByText(/23 mensen worden uitgenodigd/)
      .waitFor();
    await expectAccessible(page, 'open confirmation');
    await confirm(page, 'Bevraging openen?', 'Bevraging openen');
    await page.getByText('De bevraging is open. Maak nu de links of print de QR-codes.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wie heeft geantwoord?' }).waitFor();
    await expect(page.getByRole('cell', { name: 'Nog geen link' }).count()).resolves.toBe(23);

    // Links for the whole campaign: shown once, with a CSV download.
    await page.getByRole('button', { name: 'Links maken' }).click();
    await confirm(page, 'Links maken voor Iedereen?', 'Links maken');
    await page.getByRole('heading', { level: 3, name: '23 nieuwe links' }).waitFor();
    const firstLink = page.locator('.issued-links__list input').first();
    const url = await firstLink.inputValue();
    expect(url).toMatch(new RegExp(`^${e2e.baseUrl}/s#[A-Za-z0-9_-]{43}$`));
    const token = url.split('#')[1];
    const [stored] = await e2e.db.database.query<{ n: string }>('select count(*) as n from campaign_invitations where token_hash = $1', [
      hashToken(token),
    ]);
    expect(Number(stored.n)).toBe(1);
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download als CSV-bestand' }).click(),
    ]);
    const csv = fs.readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('name,team,link,invitation_id');
    expect(csv).toContain(url);
    await expectAccessible(page, 'issued links');

    // A QR sheet for the team, as a PDF; it replaces that team's links.
    await page.getByLabel('Ploeg', { exact: true }).selectOption({ label: 'Schoonmaak' });
    await page.getByRole('button', { name: 'QR-codes maken (PDF)' }).click();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      confirm(page, 'QR-codes maken voor Schoonmaak?', 'QR-codes maken (PDF)'),
    ]);
    expect(pdf.suggestedFilename()).toBe('qr-codes-schoonmaak.pdf');
    expect(
      fs
        .readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await page.getByText('De QR-codes voor Schoonmaak staan klaar om te printen.').waitFor();
    const [old] = await e2e.db.database.query<{ n: string }>('select count(*) as n from campaign_invitations where token_hash = $1', [
      hashToken(token),
    ]);
    expect(Number(old.n)).toBe(0);

    // Withdraw one person's link.
    await expect(page.getByRole('cell', { name: 'Link gekregen' }).count()).resolves.toBe(23);
    const row = page.locator('.data-table tbody tr').first();
    const person = (await row.locator('td').first().textContent())!;
    await row.getByRole('button', { name: new RegExp(`^Link intrekken\\s*:\\s*${person}$`) }).click();
    await confirm(page, `Link van ${person} intrekken?`, 'Link intrekken');
    await page.getByText(`De link van ${person} werkt niet meer.`).waitFor();
    await expect(page.getByRole('cell', { name: 'Link ingetrokken' }).count()).resolves.toBe(1);

    // An open campaign only takes a new name or a later end date.
    await page.getByRole('link', { name: 'Naam of einddatum aanpassen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bevraging aanpassen' }).waitFor();
    await expect(page.getByRole('radio', { name: /^Anoniem/ }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Naam van de bevraging').fill('Bevraging schoonmaak 2026');
    await expectAccessible(page, 'edit open campaign');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bevraging schoonmaak 2026' }).waitFor();

    await page.getByRole('button', { name: 'Bevraging afsluiten' }).click();
    await confirm(page, 'Bevraging afsluiten?', 'Bevraging afsluiten');
    await page.getByText('De bevraging is afgesloten.', { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: 'Links maken' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: /aanpassen/ }).count()).resolves.toBe(0);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('shows an anonymous campaign as team counts only, small teams hidden', async () => {
    const page = await e2e.newPage();
    await logIn(page);
    const id = await page.evaluate(async (org) => {
      const session = await (await fetch('/api/auth/session')).json();
      const headers = { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken };
      // Opening today by the UTC date (never after Brussels' date), closing in a week: between 23:00
      // and midnight UTC Brussels is already a day further, and a campaign closing "today" by UTC has closed.
      const today = new Date().toISOString().slice(0, 10);
      const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
      const created = await (
        await fetch(`/api/organisations/${org}/campaigns`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            title: 'Anonieme peiling',
            perspectives: ['competence'],
            opensOn: today,
            closesOn: inAWeek,
            mode: 'anonymous',
          }),
        })
      ).json();
      await fetch(`/api/organisations/${org}/campaigns/${created.id}/open`, { method: 'POST', headers, body: '{}' });
      return created.id as string;
    }, orgId);
    await page.goto(`/o/${orgId}/campaigns/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Anonieme peiling' }).waitFor();
    const table = page.getByRole('table', { name: 'Antwoorden per ploeg' });
    await table.waitFor();
    // Verpakking (34 people) is shown; no person's name appears anywhere.
    await expect(
      table
        .getByRole('row', { name: /Verpakking/ })
        .getByRole('cell')
        .nth(1)
        .textContent(),
    ).resolves.toBe('34');
    await expect(page.getByRole('columnheader', { name: 'Naam' }).count()).resolves.toBe(0);
    await page.getByText(/In totaal: 0 van de 120 mensen hebben ingevuld/).waitFor();
    await expectAccessible(page, 'anonymous campaign');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('fits a 360 px phone on the campaign pages', async () => {
    const page = await e2e.newPage({ viewport: { width: 360, height: 740 } });
    await logIn(page);
    const check = async (where: string) => {
      await page.waitForLoadState('networkidle');
      const { scrollWidth, clientWidth } = await horizontalOverflow(page);
      expect(scrollWidth, `${where} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
      await expectAccessible(page, `${where} at 360 px`);
    };
    await page.goto(`/o/${orgId}/campaigns`);
    await page.getByRole('heading', { level: 1, name: 'Bevragingen' }).waitFor();
    await check('campaign list');
    await page.getByRole('link', { name: 'Nieuwe bevraging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe bevraging' }).waitFor();
    await check('campaign form');
    await page.goto(`/o/${orgId}/campaigns`);
    await page.getByRole('link', { name: 'Behoefteanalyse 2026 – hele organisatie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Behoefteanalyse 2026 – hele organisatie' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wie heeft geantwoord?' }).waitFor();
    await check('closed campaign');
    await page.goto(`/o/${orgId}/campaigns`);
    const open = page
      .locator('tr', { has: page.getByText('Open', { exact: true }) })
      .first()
      .getByRole('link');
    await open.click();
    await page.getByRole('heading', { level: 2, name: 'Links en QR-codes' }).waitFor();
    await check('open campaign');
    expect(e2e.pageErrors).toEqual([]);
  });
});
