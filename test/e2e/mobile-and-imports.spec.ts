import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { jobs, organisations, users } from '../../src/db/schema/index.js';
import { expectAccessible, horizontalOverflow, logIn, startE2E, HR_EMAIL, type E2E } from './support.js';

describe('phones (360 × 740) and import status', () => {
  let e2e: E2E;
  let orgId: string;
  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.db.database.db;
    const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'de-brug'));
    const [hr] = await db.select({ id: users.id }).from(users).where(eq(users.email, HR_EMAIL));
    orgId = org.id;
    const now = new Date();
    // Two import jobs as the job runner leaves them: one running, one finished with bad lines.
    await db.insert(jobs).values([
      {
        kind: 'import.esco',
        organisationId: org.id,
        createdBy: hr.id,
        status: 'running',
        input: 'esco-v1.2.0-nl.zip',
        processed: 1200,
        total: 3000,
        startedAt: now,
      },
      {
        kind: 'import.esco',
        organisationId: org.id,
        createdBy: hr.id,
        status: 'succeeded',
        input: 'skills_nl.csv',
        processed: 40,
        total: 40,
        summary: { errorCount: 2 },
        errors: [
          { file: 'skills_nl.csv', line: 7, message: 'conceptUri is missing' },
          { file: 'skills_nl.csv', line: 19, message: 'preferredLabel is longer than 300 characters' },
        ],
        startedAt: now,
        finishedAt: now,
      },
    ]);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows import progress and the lines with errors', async () => {
    const page = await e2e.newPage();
    await logIn(page);
    await page.getByRole('link', { name: 'Importen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importen' }).waitFor();
    const running = page.getByRole('progressbar', { name: 'Voortgang: ESCO-lijst inladen' }).first();
    await running.waitFor();
    await expect(page.getByText('1.200 van 3.000 regels').isVisible()).resolves.toBe(true);
    await page.getByText('2 regels met een fout').click();
    await expect(page.getByRole('cell', { name: 'conceptUri is missing' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('cell', { name: '19' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'import status');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('fits a 360 px wide phone on every main page, without sideways scrolling', async () => {
    const page = await e2e.newPage({ viewport: { width: 360, height: 740 } });
    const check = async (where: string) => {
      await page.waitForLoadState('networkidle');
      const { scrollWidth, clientWidth } = await horizontalOverflow(page);
      expect(scrollWidth, `${where} is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
      await expectAccessible(page, `${where} at 360 px`);
    };

    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await check('login');
    await logIn(page);
    await check('organisation home');

    // A profile with a competence, so the editor shows the level cards.
    const profile = await page.evaluate(async (o) => {
      const csrf = (await (await fetch('/api/auth/session')).json()).csrfToken as string;
      const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf };
      const created = await (
        await fetch(`/api/organisations/${o}/function-profiles`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ name: 'Logistiek medewerker' }),
        })
      ).json();
      const hits = await (await fetch('/api/competences?q=smartphone&lang=nl')).json();
      await fetch(`/api/organisations/${o}/function-profiles/${created.id}/competences`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({
          items: [
            { competenceId: hits[0].id, requiredLevel: 2, importance: 'core', futureLevel: 3, horizonYear: new Date().getFullYear() + 2 },
          ],
        }),
      });
      return created.id as string;
    }, orgId);

    await page.goto(`/o/${orgId}/profiles`);
    await page.getByRole('heading', { level: 1, name: 'Functieprofielen' }).waitFor();
    await page.getByRole('link', { name: 'Logistiek medewerker' }).waitFor();
    await check('profile list');

    await page.goto(`/o/${orgId}/profiles/${profile}`);
    await page.getByRole('heading', { level: 3, name: 'Werken met een smartphone' }).waitFor();
    await check('profile editor');
    // Tap targets: the level cards are at least 44 px high.
    const box = await page.locator('.level-option').first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);

    await page.goto(`/o/${orgId}/frameworks`);
    await page.getByRole('link', { name: 'Vaardigheden van de 21e eeuw op het werk' }).waitFor();
    await check('framework list');
    await page.getByRole('link', { name: 'Vaardigheden van de 21e eeuw op het werk' }).click();
    await page.getByRole('button', { name: /Taal en rekenen op het werk/ }).click();
    await page.getByRole('button', { name: /Nederlands op het werk/ }).click();
    await page.getByRole('link', { name: 'Instructies begrijpen' }).waitFor();
    await check('framework tree');
    await page.getByRole('link', { name: 'Instructies begrijpen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instructies begrijpen' }).waitFor();
    await check('competence detail');

    await page.goto('/imports');
    await page.getByRole('heading', { level: 1, name: 'Importen' }).waitFor();
    await page.getByText(/regels met een fout/).click();
    await check('import status');

    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await check('account');

    // French labels are longer; they must still fit.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.goto(`/o/${orgId}/profiles/${profile}`);
    await page.getByRole('heading', { level: 3, name: 'Utiliser un smartphone' }).waitFor();
    await check('profile editor in French');
    expect(e2e.pageErrors).toEqual([]);
  });
});
