import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import {
  assessments,
  competences,
  learningQuestions,
  organisations,
  people,
  surveyAnswers,
  surveyResponses,
} from '../../src/db/schema/index.js';
import { buildCampaign, buildInvitation } from '../factories/campaigns.js';
import { expectAccessible, horizontalOverflow, startE2E, type E2E } from './support.js';

const PHONE = { width: 360, height: 740 };
const KEYS = ['lk21.basics.dutch.instructions', 'lk21.selfreg.safety', 'lk21.digital.worktools', 'lk21.social.collaboration'];

/**
 * The browser's speech synthesis, replaced at the edge of the process by a recorder (headless
 * Chromium has no voices): what would be read aloud, and in which language.
 */
async function recordSpeech(page: Page) {
  await page.addInitScript(() => {
    const spoken: Array<{ text: string; lang: string }> = [];
    (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      spoken.push({ text: u.text, lang: u.lang });
    };
    window.speechSynthesis.cancel = () => undefined;
  });
}
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: Array<{ text: string; lang: string }> }).__spoken);

async function fitsPhone(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `${where} scrolls sideways at 360 px`).toBeLessThanOrEqual(clientWidth);
  await expectAccessible(page, `${where} at 360 px`);
}

describe('self-assessment from a personal link (360 × 740)', () => {
  let e2e: E2E;
  let orgId: string;
  let personId: string;
  let campaignId: string;
  let token: string;
  let revokedToken: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    e2e = await startE2E();
    const db = e2e.db.database.db;
    [{ id: orgId }] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'de-brug'));
    const found = await db.select({ id: competences.id, key: competences.key }).from(competences).where(inArray(competences.key, KEYS));
    for (const c of found) ids[c.key] = c.id;
    const [person, other] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organisationId, orgId), eq(people.preferredLocale, 'nl'), eq(people.targetGroup, 'target_group_employee')))
      .limit(2);
    personId = person.id;
    const campaign = await buildCampaign(e2e.db.database, {
      organisationId: orgId,
      title: 'Wat kan jij al? Voorjaar',
      description: 'Een korte vragenlijst voor de ploeg Verpakking.',
      competenceIds: KEYS.map((k) => ids[k]),
      locales: ['nl', 'nl-easy', 'fr', 'en'],
      openQuestion: {
        nl: 'Wat wil je graag leren?',
        'nl-easy': 'Wat wil je leren?',
        fr: 'Qu’aimeriez-vous apprendre ?',
        en: 'What would you like to learn?',
      },
    });
    campaignId = campaign.id;
    token = (await buildInvitation(e2e.db.database, { campaign, personId })).token;
    revokedToken = (await buildInvitation(e2e.db.database, { campaign, personId: other.id, revokedAt: new Date() })).token;
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const response = async () => {
    const [row] = await e2e.db.database.db.select().from(surveyResponses).where(eq(surveyResponses.campaignId, campaignId));
    return row;
  };

  it('answers with the keyboard and taps, reads aloud, switches language, leaves, resumes on the same link and submits', async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    await recordSpeech(page);
    await page.goto(`/s#${token}`);

    // Welcome: what it is, how long, who sees the answers.
    await page.getByRole('heading', { level: 1, name: 'Wat kan jij al? Voorjaar' }).waitFor();
    await page.getByText('Dit duurt ongeveer 10 minuten.').waitFor();
    await page.getByText('Er zijn 4 vragen. Je krijgt één vraag per scherm.').waitFor();
    await page.getByText('Je leidinggevende en de personeelsdienst kunnen je antwoorden zien.').waitFor();
    await fitsPhone(page, 'survey welcome');
    await page.getByRole('button', { name: 'Beginnen' }).click();

    // Question 1, by keyboard: the focus sits on the question; Tab reaches "read aloud", then the answers.
    const q1 = page.getByRole('heading', { level: 1, name: 'Instructies begrijpen' });
    await q1.waitFor();
    await expect(q1.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.getByText('Vraag 1 van 4').waitFor();
    const group = page.getByRole('radiogroup', { name: 'Instructies begrijpen' });
    await expect(group.getByRole('radio').count()).resolves.toBe(6);
    // Every answer is a big tap target with a pictogram.
    const heights = await group.locator('label').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(48);
    await expect(group.locator('svg[data-pictogram]').count()).resolves.toBe(5);
    await fitsPhone(page, 'survey question');

    // Next without an answer says what to do.
    await page.getByRole('button', { name: /Volgende/ }).click();
    await page.getByRole('alert').getByText('Kies eerst een antwoord.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Lees voor' }).click();
    const [reading] = await spoken(page);
    expect(reading.lang).toBe('nl-BE');
    expect(reading.text).toContain('Instructies begrijpen');
    expect(reading.text).toContain('Ik kan dit als iemand mij helpt.');

    await q1.focus();
    await page.keyboard.press('Tab'); // read aloud
    await page.keyboard.press('Tab'); // into the answers
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).type)).resolves.toBe('radio');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const chosen = group.getByRole('radio', { name: 'Ik kan dit alleen, zonder hulp.' });
    await expect(chosen.isChecked()).resolves.toBe(true);
    // The focus is visible on the chosen card.
    const outline = await chosen.evaluate((el) => getComputedStyle(el.closest('label')!).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Tab'); // Back
    await page.keyboard.press('Tab'); // Next
    await page.keyboard.press('Enter');

    // Question 2, in easy Dutch and in French, then by tap.
    await page.getByText('Vraag 2 van 4').waitFor();
    await page.getByRole('button', { name: 'Makkelijk Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ik werk veilig en gezond.' }).waitFor();
    await page.getByRole('button', { name: /Verder/ }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('nl');
    await page.getByRole('radio', { name: 'Ik kan dit met hulp.' }).waitFor();
    await page.getByRole('button', { name: 'Lees voor' }).click();
    expect((await spoken(page)).at(-1)!).toMatchObject({ lang: 'nl-BE', text: expect.stringContaining('Ik werk veilig en gezond.') });
    await fitsPhone(page, 'survey question in easy Dutch');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Travailler en sécurité et en bonne santé' }).waitFor();
    await page.getByText('Question 2 sur 4').waitFor();
    await page.getByRole('button', { name: 'Lire à voix haute' }).click();
    expect((await spoken(page)).at(-1)!.lang).toBe('fr-BE');
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Veilig en gezond werken' }).waitFor();
    await page.getByText('Ik kan dit goed, ook als er iets nieuws of onverwachts gebeurt.').click();
    await page.getByRole('button', { name: /Volgende/ }).click();
    await page.getByText('Vraag 3 van 4').waitFor();

    // Both answers are saved on the server.
    const saved = await e2e.db.database.db
      .select()
      .from(surveyAnswers)
      .where(eq(surveyAnswers.responseId, (await response()).id));
    expect(saved.map((a) => [a.competenceId, a.level]).sort()).toEqual(
      [
        [ids['lk21.basics.dutch.instructions'], 2],
        [ids['lk21.selfreg.safety'], 3],
      ].sort(),
    );
    await page.close();

    // Leave and come back on the same link (another browser): it picks up at question 3.
    const again = await e2e.newPage({ viewport: PHONE });
    await again.goto(`/s#${token}`);
    await again.getByRole('heading', { level: 1, name: 'Digitale werkmiddelen gebruiken' }).waitFor();
    await again.getByText('Welkom terug. Je antwoorden zijn bewaard. Je gaat verder bij vraag 3.').waitFor();
    await again.getByText('Vraag 3 van 4').waitFor();
    await again.getByText('Ik weet het niet').click();
    await again.getByRole('button', { name: /Volgende/ }).click();
    await again.getByRole('heading', { level: 1, name: 'Samenwerken' }).waitFor();
    // Back shows the earlier answer, still chosen.
    await again.getByRole('button', { name: /Vorige/ }).click();
    await expect(again.getByRole('radio', { name: 'Ik weet het niet' }).isChecked()).resolves.toBe(true);
    await again.getByRole('button', { name: /Volgende/ }).click();
    await again.getByText('Ik kan dit zo goed dat ik het aan anderen kan leren.').click();
    await again.getByRole('button', { name: /Volgende/ }).click();

    // The final screen: the open question and sending.
    await again.getByRole('heading', { level: 1, name: 'Bijna klaar' }).waitFor();
    await again.getByLabel('Wat wil je graag leren?').fill('Ik wil leren werken met de nieuwe scanner.');
    await fitsPhone(again, 'survey final screen');
    await again.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
    await again.getByRole('heading', { level: 1, name: 'Bedankt!' }).waitFor();
    await fitsPhone(again, 'survey thank-you');

    const row = await response();
    expect(row.status).toBe('submitted');
    const ratings = await e2e.db.database.db
      .select({ competenceId: assessments.competenceId, level: assessments.level, source: assessments.source })
      .from(assessments)
      .where(and(eq(assessments.campaignId, campaignId), eq(assessments.personId, personId)));
    expect(ratings.map((r) => [r.competenceId, r.level, r.source]).sort()).toEqual(
      [
        [ids['lk21.basics.dutch.instructions'], 2, 'self'],
        [ids['lk21.selfreg.safety'], 3, 'self'],
        [ids['lk21.social.collaboration'], 4, 'self'],
      ].sort(),
    );
    const questions = await e2e.db.database.db.select().from(learningQuestions).where(eq(learningQuestions.responseId, row.id));
    expect(questions.map((q) => q.text)).toEqual(['Ik wil leren werken met de nieuwe scanner.']);

    // The same link after sending: the thank-you, nothing to change.
    await again.reload();
    await again.getByRole('heading', { level: 1, name: 'Bedankt!' }).waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });

  it('shows a friendly page for a withdrawn link, and no read-aloud button without speech synthesis', async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    await page.goto(`/s#${revokedToken}`);
    await page.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' }).waitFor();
    await page.getByText('Vraag een nieuwe link als je nog wil antwoorden.', { exact: false }).waitFor();
    await expect(page.locator('svg[data-icon="broken-link"]').count()).resolves.toBe(1);
    await fitsPhone(page, 'survey error page');

    await page.goto('/s');
    await page.getByRole('heading', { level: 1, name: 'Deze link is niet volledig' }).waitFor();

    const silent = await e2e.newPage({ viewport: PHONE });
    await silent.addInitScript(() => {
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    });
    await silent.goto(`/s#${token}`);
    await silent.getByRole('heading', { level: 1, name: 'Bedankt!' }).waitFor();
    await expect(silent.getByRole('button', { name: 'Lees voor' }).count()).resolves.toBe(0);
    expect(e2e.pageErrors).toEqual([]);
  });
});
