import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { organisations, priorityScores, trainingNeeds, triages } from '../../src/db/schema/index.js';
import { expectAccessible, horizontalOverflow, logIn, startE2E, type E2E } from './support.js';

const PHONE = { width: 360, height: 740 };

async function fitsPhone(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `${where} scrolls sideways at 360 px`).toBeLessThanOrEqual(clientWidth);
  await expectAccessible(page, `${where} at 360 px`);
}

describe('needs: from the heat map to a triaged, prioritised need', () => {
  let e2e: E2E;
  let page: Page;
  let orgId: string;
  let needUrl: string;
  const title = 'Omgaan met verandering – Verpakking';

  beforeAll(async () => {
    e2e = await startE2E();
    [{ id: orgId }] = await e2e.db.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, 'de-brug'));
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
        .where(and(eq(trainingNeeds.organisationId, orgId), eq(trainingNeeds.title, title)))
    )[0];

  it('HR makes a need of a heat-map cell in one click and sees its figures and people', async () => {
    await page.goto(`/o/${orgId}/diagnosis`);
    await page.getByRole('heading', { level: 1, name: 'Waar zijn de opleidingsnoden?' }).waitFor();
    await page.getByRole('button', { name: 'Maak een nood van Omgaan met verandering voor Verpakking' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    needUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: 'Cijfers uit de diagnose' }).waitFor();
    await page.getByText('Nog niet bekeken.').waitFor();
    const row = await need();
    expect(row).toMatchObject({
      status: 'open',
      sources: expect.arrayContaining(['diagnosis']),
      gapSummary: { assessed: expect.any(Number) },
    });
    await expectAccessible(page, 'need detail');
  });

  it('HR walks through the triage one factor at a time and gets the result in words', async () => {
    await page.getByRole('link', { name: 'Triage starten' }).click();
    await page.getByRole('heading', { level: 2, name: /Informatie en feedback/ }).waitFor();
    await page.getByText('Stap 1 van 8').waitFor();
    await expectAccessible(page, 'triage step');
    // Next without an answer says what to do.
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText('Kies eerst een antwoord.').waitFor();
    const factors: Array<[RegExp, string]> = [
      [/Informatie en feedback/, 'Nee'],
      [/Materiaal en tijd/, 'Nee'],
      [/Beloning en erkenning/, 'Nee'],
      [/Kennis en vaardigheden/, 'Ja'],
      [/Mogelijkheden van de persoon/, 'Ik weet het niet'],
      [/Zin en motivatie/, 'Nee'],
    ];
    for (const [heading, answer] of factors) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      await page.getByRole('radio', { name: answer, exact: true }).check();
      if (answer === 'Ja')
        await page.getByLabel('Korte uitleg (niet verplicht)').fill('Veranderingen in de planning worden niet begrepen.');
      await page.getByRole('button', { name: 'Volgende' }).click();
    }
    await page.getByRole('heading', { level: 2, name: /Wil men het leren\?/ }).waitFor();
    await page.getByRole('radio', { name: 'Ja', exact: true }).check();
    await page.getByRole('button', { name: 'Nakijken' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kijk je antwoorden na' }).waitFor();
    await page.getByText('Veranderingen in de planning worden niet begrepen.').waitFor();
    await page.getByRole('button', { name: 'Beslissing opslaan' }).click();
    await page.getByRole('heading', { level: 2, name: /Opleiding is nodig/ }).waitFor();
    await page.getByText('Kennis en vaardigheden zijn een oorzaak, en men wil leren.').waitFor();
    await expectAccessible(page, 'triage result');
    const row = await need();
    expect(row).toMatchObject({ status: 'triaged', classification: 'training_need' });
    expect(await e2e.db.database.db.select().from(triages).where(eq(triages.needId, row.id))).toHaveLength(1);
  });

  it('HR scores the seven criteria: suggestions with reasons, an override needs a reason', async () => {
    await page.getByRole('link', { name: 'Prioriteit bepalen' }).click();
    await page.getByRole('heading', { level: 2, name: /Kerntaak/ }).waitFor();
    await page.getByText('Ondersteunende competentie in het functieprofiel.').waitFor();
    await page.getByRole('button', { name: 'Alle voorstellen overnemen' }).click();
    const success = page.getByRole('group', { name: /Score Kans op succes/ });
    await success.getByRole('radio', { name: '4' }).check();
    await page.getByRole('button', { name: 'Scores opslaan' }).click();
    // A manual score without a reason is refused, naming the field.
    await page.getByText('Nodig als je afwijkt van het voorstel of als er geen voorstel is.').first().waitFor();
    await page.getByLabel('Waarom deze score? (Kans op succes)').fill('De ploeg vraagt er zelf om.');
    await page.getByRole('button', { name: 'Scores opslaan' }).click();
    await page.getByText('De scores zijn opgeslagen.').waitFor();
    await page
      .getByText(/Prioriteit: \d(,\d+)? op 5/)
      .first()
      .waitFor();
    await expectAccessible(page, 'priority');
    const row = await need();
    const scores = await e2e.db.database.db.select().from(priorityScores).where(eq(priorityScores.needId, row.id));
    expect(scores.find((s) => s.criterion === 'success')).toMatchObject({
      score: 4,
      origin: 'manual',
      reason: 'De ploeg vraagt er zelf om.',
    });
    expect(scores.find((s) => s.criterion === 'core_task')).toMatchObject({ score: 3, origin: 'suggested' });
    expect(row.priorityCenti).not.toBeNull();
  });

  it('the need shows up in the ranked list with its breakdown and export buttons, also on a phone', async () => {
    const phone = await e2e.newPage({ viewport: PHONE });
    await logIn(phone);
    await phone.goto(`/o/${orgId}/needs/ranked`);
    await phone.getByRole('heading', { level: 1, name: 'Opleidingsnoden volgens prioriteit' }).waitFor();
    await phone.getByRole('link', { name: title }).waitFor();
    await phone.getByRole('link', { name: /Downloaden Als CSV/ }).waitFor();
    await phone.getByRole('link', { name: /Downloaden Als Excel/ }).waitFor();
    await fitsPhone(phone, 'ranked list');

    await phone.getByLabel('Triage').selectOption('non_training');
    await phone.getByRole('link', { name: 'Digitale werkmiddelen gebruiken – Verpakking' }).waitFor();
    await expect(phone.getByRole('link', { name: title }).count()).resolves.toBe(0);

    await phone.goto(needUrl);
    await phone.getByRole('heading', { level: 1, name: title }).waitFor();
    await fitsPhone(phone, 'need detail');
    await phone.goto(`${needUrl}/triage`);
    await phone.getByRole('heading', { level: 2, name: /Informatie en feedback/ }).waitFor();
    await fitsPhone(phone, 'triage');
    await phone.goto(`${needUrl}/priority`);
    await phone.getByRole('heading', { level: 2, name: /Investering/ }).waitFor();
    await fitsPhone(phone, 'priority');
    await phone.goto(`/o/${orgId}/needs`);
    await phone.getByRole('heading', { level: 1, name: 'Opleidingsnoden' }).waitFor();
    await fitsPhone(phone, 'needs register');
    await phone.goto(`/o/${orgId}/needs/weights`);
    await phone.getByLabel('Dringendheid').waitFor();
    await expect(phone.getByLabel('Dringendheid').inputValue()).resolves.toBe('2');
    await fitsPhone(phone, 'weights');
    expect(e2e.pageErrors).toEqual([]);
  });
});
