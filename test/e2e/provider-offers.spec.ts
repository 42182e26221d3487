import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { enrolments, offerCompetences, offerEditions, offers, organisations } from '../../src/db/schema/index.js';
import { DEMO_PASSWORD, expectAccessible, horizontalOverflow, logIn, startE2E, type E2E } from './support.js';

const PROVIDER_EMAIL = 'aanbieder@demo.leerkompas.be';
const PHONE = { width: 360, height: 740 };
const TITLE = 'Digitaal starten op het werk';

/** A date `days` from today, as the date inputs take it. */
function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function fitsPhone(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `${where} scrolls sideways at 360 px`).toBeLessThanOrEqual(clientWidth);
  await expectAccessible(page, `${where} at 360 px`);
}

/** Confirms the open <dialog> by its title. */
async function confirm(page: Page, title: string | RegExp, button: string) {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('provider: offers, editions, import and enrolment lists', () => {
  let e2e: E2E;
  let page: Page;
  let providerId: string;
  let employerId: string;
  let offerId: string;
  let editionId: string;
  const people: Array<{ id: string; name: string }> = [];

  const offerRow = async () =>
    (
      await e2e.db.database.db
        .select()
        .from(offers)
        .where(and(eq(offers.providerId, providerId), eq(offers.code, 'DIG-START')))
    )[0];

  beforeAll(async () => {
    e2e = await startE2E();
    const orgs = await e2e.db.database.db.select({ id: organisations.id, slug: organisations.slug }).from(organisations);
    providerId = orgs.find((o) => o.slug === 'leerhuis-schelde')!.id;
    employerId = orgs.find((o) => o.slug === 'de-brug')!.id;
    const found = await e2e.db.database.query<{ id: string; display_name: string }>(
      `select id, display_name from people where organisation_id = $1 order by display_name limit 3`,
      [employerId],
    );
    people.push(...found.map((p) => ({ id: p.id, name: p.display_name })));
    page = await e2e.newPage();
    await logIn(page, PROVIDER_EMAIL, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the provider creates an offer with a competence from the search and confirmed suggestions from its text', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn aanbod' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn aanbod' }).waitFor();
    await page.getByText(/\d+ (aanbod|aanbiedingen) gevonden/).waitFor();
    await expectAccessible(page, 'offer list');

    await page.getByRole('link', { name: 'Nieuw aanbod' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw aanbod' }).waitFor();
    // Nothing filled in: every missing field says so next to itself.
    await page.getByRole('button', { name: 'Aanbod bewaren' }).click();
    await expect(page.getByText('Vul dit in.').count()).resolves.toBeGreaterThanOrEqual(3);
    await page.getByText('Vul het aantal uren in, bijvoorbeeld 12 of 2,5.').waitFor();
    await expectAccessible(page, 'new offer with errors');

    await page.getByLabel('Eigen code').fill('DIG-START');
    await page.getByLabel('Naam van het aanbod (Nederlands)').fill(TITLE);
    await page
      .getByLabel('Wat leert men? (Nederlands)')
      .fill('Je leert werken met een computer en een smartphone: e-mail lezen en sturen, informatie zoeken en veilig online blijven.');
    await expect(page.getByRole('checkbox', { name: 'Nederlands', exact: true }).isChecked()).resolves.toBe(true);
    await page.getByRole('radio', { name: /^In een lokaal/ }).check();
    await page.getByLabel('Postcode van de plaats').fill('2000');
    await page.getByLabel('Duur in uren').fill('6');
    await page.getByLabel('Prijs in euro per deelnemer').fill('49,50');
    await page.getByLabel('Voor wie is het?').fill('Medewerkers die weinig met een computer werken.');
    await page.getByLabel('Niveau', { exact: true }).selectOption('1');
    await page.getByRole('checkbox', { name: 'In eenvoudige taal' }).check();
    await page.getByRole('radio', { name: 'Eerder arbeidsmarktgericht' }).check();
    await page.getByRole('radio', { name: 'Vooral kort' }).check();
    await page.getByRole('checkbox', { name: 'Opleidingscheques', exact: true }).check();
    await page.getByLabel('Wat krijgt men op het einde?').fill('Attest van deelname');
    // A competence from the search, with the level reached.
    await page.getByLabel('Zoek een competentie').fill('e-mail');
    // Enter in the search box searches; it does not save the offer (the save button below would be gone).
    await page.getByLabel('Zoek een competentie').press('Enter');
    await page.getByRole('button', { name: /^Toevoegen\s*: E-mail en berichten gebruiken$/ }).click();
    await page.getByLabel('Niveau dat men bereikt – E-mail en berichten gebruiken').selectOption('3');
    await page.getByRole('button', { name: 'Aanbod bewaren' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Het aanbod is bewaard als ontwerp.').waitFor();
    offerId = new URL(page.url()).pathname.split('/').at(-1)!;

    let row = await offerRow();
    expect(row).toMatchObject({
      id: offerId,
      status: 'draft',
      title: { nl: TITLE },
      languages: ['nl'],
      format: 'classroom',
      postcode: '2000',
      durationMinutes: 360,
      priceCents: 4950,
      level: 1,
      characteristics: { orientation: 1, length: -2 },
      recognitions: ['opleidingscheques'],
      accessibility: ['plain_language'],
      credential: 'Attest van deelname',
    });
    expect(row.municipality).toBeTruthy();
    const stored = await e2e.db.database.query<{ key: string; level: number; confirmed: boolean }>(
      `select c.key, oc.level, oc.confirmed from offer_competences oc join competences c on c.id = oc.competence_id where oc.offer_id = $1`,
      [offerId],
    );
    expect(stored).toEqual([{ key: 'lk21.digital.email', level: 3, confirmed: true }]);

    // Suggestions from the saved text wait for a yes or no; one confirmed, one refused.
    await page.getByRole('button', { name: 'Competenties voorstellen' }).click();
    await page.getByText(/\d+ voorstel(len)? gevonden/).waitFor();
    const confirmButtons = page.getByRole('button', { name: /^Klopt\s*:/ });
    expect(await confirmButtons.count()).toBeGreaterThanOrEqual(2);
    const accepted = ((await confirmButtons.first().textContent()) ?? '').replace(/^Klopt\s*:\s*/, '');
    const refused = (
      (await page
        .getByRole('button', { name: /^Klopt niet\s*:/ })
        .nth(1)
        .textContent()) ?? ''
    ).replace(/^Klopt niet\s*:\s*/, '');
    await expectAccessible(page, 'offer with suggestions');
    await confirmButtons.first().click();
    await page.getByRole('button', { name: new RegExp(`^Klopt niet\\s*: ${escape(refused)}$`) }).click();
    await page.getByText('Niet bewaarde wijzigingen').waitFor();
    await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
    await page.getByText('De wijzigingen zijn bewaard.').waitFor();
    const after = await e2e.db.database.query<{ label: string; confirmed: boolean }>(
      `select c.label->>'nl' as label, oc.confirmed from offer_competences oc join competences c on c.id = oc.competence_id where oc.offer_id = $1`,
      [offerId],
    );
    expect(after).toContainEqual({ label: accepted, confirmed: true });
    expect(after.map((c) => c.label)).not.toContain(refused);
    expect(after.find((c) => c.label === 'E-mail en berichten gebruiken')).toMatchObject({ confirmed: true });
    row = await offerRow();
    expect(row.status).toBe('draft');
    await expectAccessible(page, 'offer editor');
  });

  it('adds an edition: a start in the past is refused at the field, then the edition is saved', async () => {
    await page.getByRole('link', { name: 'Edities en deelnemers' }).click();
    await page.getByRole('heading', { level: 2, name: '0 edities' }).waitFor();
    await page.getByRole('button', { name: 'Editie toevoegen' }).click();
    await page.getByLabel('Eerste dag').fill(inDays(-3));
    await page.getByLabel('Laatste dag').fill(inDays(30));
    await page.getByLabel('Aantal plaatsen').fill('2');
    await page.getByRole('button', { name: 'Editie bewaren' }).click();
    await page.getByText('Deze datum is al voorbij. Kies vandaag of later.').waitFor();
    await expect(page.getByLabel('Eerste dag').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'edition form with a field error');
    expect(await e2e.db.database.db.select().from(offerEditions).where(eq(offerEditions.offerId, offerId))).toHaveLength(0);

    await page.getByLabel('Eerste dag').fill(inDays(20));
    await page.getByLabel('Laatste dag').fill(inDays(21));
    await page.getByLabel('Inschrijven tot').fill(inDays(15));
    await page.getByRole('button', { name: 'Lesmoment toevoegen' }).click();
    await page.getByLabel('Dag van les 1').fill(inDays(20));
    await page.getByLabel('Begint om (les 1)').fill('09:00');
    await page.getByLabel('Eindigt om (les 1)').fill('12:00');
    await page.getByRole('button', { name: 'Editie bewaren' }).click();
    await page.getByText('De editie is toegevoegd.').waitFor();
    await page.getByRole('heading', { level: 2, name: '1 editie' }).waitFor();
    await page.getByText('0 van 2 plaatsen').waitFor();
    const [edition] = await e2e.db.database.db.select().from(offerEditions).where(eq(offerEditions.offerId, offerId));
    expect(edition).toMatchObject({
      startsOn: inDays(20),
      endsOn: inDays(21),
      capacity: 2,
      enrolmentDeadline: inDays(15),
      sessions: [{ date: inDays(20), from: '09:00', to: '12:00' }],
    });
    editionId = edition.id;
    await expectAccessible(page, 'editions');
  });

  it('publishes the offer after confirming; the public catalog finds it', async () => {
    await page.getByRole('link', { name: 'Gegevens' }).click();
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByRole('dialog', { name: 'Aanbod publiceren?' }).waitFor();
    await expectAccessible(page, 'publish dialog');
    await confirm(page, 'Aanbod publiceren?', 'Ja, publiceren');
    await page.getByText('Dit aanbod is gepubliceerd.').waitFor();
    const row = await offerRow();
    expect(row.status).toBe('published');
    expect(row.publishedAt).not.toBeNull();

    // Anonymous: no cookie.
    const search = await fetch(
      `${e2e.baseUrl}/api/offers?q=${encodeURIComponent('digitaal starten op het werk')}&provider=${providerId}&limit=50`,
    );
    expect(search.status).toBe(200);
    const found = (await search.json()) as { items: Array<{ id: string; priceCents: number; nextStartsOn: string | null }> };
    expect(found.items.find((i) => i.id === offerId)).toMatchObject({ priceCents: 4950, nextStartsOn: inDays(20) });
    const detail = await fetch(`${e2e.baseUrl}/api/offers/${offerId}`);
    expect(detail.status).toBe(200);
    expect(((await detail.json()) as { competences: unknown[] }).competences.length).toBeGreaterThanOrEqual(2);
  });

  it('shows enrolled and waiting counts; capacity below the seats taken is refused at the field', async () => {
    // An employer enrols three people in the two places.
    const hr = await e2e.newPage();
    await logIn(hr);
    const session = await (await hr.request.get('/api/auth/session')).json();
    const enrolled = await hr.request.post(`/api/organisations/${employerId}/enrolments`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { editionId, personIds: people.map((p) => p.id) },
    });
    expect(enrolled.status()).toBe(201);
    expect(((await enrolled.json()) as Array<{ status: string }>).map((e) => e.status)).toEqual(['enrolled', 'enrolled', 'waitlisted']);

    await page.getByRole('link', { name: 'Edities en deelnemers' }).click();
    await page.getByText('2 van 2 plaatsen').waitFor();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3 }) })
      .first();
    // Two seats taken, none free, one person waiting.
    const fact = (term: string) => card.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
    await expect(fact('Vrije plaatsen').textContent()).resolves.toBe('0');
    await expect.poll(() => fact('Op de wachtlijst').textContent()).toBe('1');

    await card.getByRole('button', { name: /^Wijzigen/ }).click();
    await card.getByLabel('Aantal plaatsen').fill('1');
    await card.getByRole('button', { name: 'Editie bewaren' }).click();
    await card.getByText('Er zijn al 2 plaatsen ingenomen. Het aantal plaatsen kan niet lager.').waitFor();
    await expectAccessible(page, 'edition edit with capacity error');
    await card.getByRole('button', { name: 'Annuleren' }).click();
    const [edition] = await e2e.db.database.db.select().from(offerEditions).where(eq(offerEditions.id, editionId));
    expect(edition.capacity).toBe(2);
  });

  it('opens the enrolment list, exports it and records attendance for someone enrolled', async () => {
    await page.getByRole('link', { name: /^Deelnemers/ }).click();
    await page.getByRole('heading', { level: 1, name: `Deelnemers: ${TITLE}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Met een plaats (2)' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wachtlijst (1)' }).waitFor();
    const waitingTable = page.getByRole('table', { name: 'Wachtlijst, de eerste bovenaan' });
    await waitingTable.getByText(people[2].name).waitFor();
    await expectAccessible(page, 'enrolment list');

    const csvHref = await page.getByRole('link', { name: 'Lijst downloaden (CSV)' }).getAttribute('href');
    const csv = await page.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    const text = await csv.text();
    for (const p of people) expect(text).toContain(p.name);

    const who = people[0];
    await page.getByRole('button', { name: new RegExp(`^Registreren\\s*: ${escape(who.name)}$`) }).click();
    const dialog = page.getByRole('dialog', { name: `Aanwezigheid van ${who.name}` });
    await dialog.waitFor();
    await expect(dialog.getByLabel('Status').inputValue()).resolves.toBe('attended');
    await dialog.getByLabel('Uren aanwezig').fill('5,5');
    await expectAccessible(page, 'attendance dialog');
    await dialog.getByRole('button', { name: 'Bewaren', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Bewaard: ${who.name} – Aanwezig geweest.`).waitFor();
    const seated = page.getByRole('table', { name: 'Deelnemers met een plaats' });
    await seated
      .getByRole('row', { name: new RegExp(who.name) })
      .getByText('Aanwezig geweest')
      .waitFor();
    // Focus went back to the button that opened the dialog.
    await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toContain('Registreren');
    const [row] = await e2e.db.database.db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.editionId, editionId), eq(enrolments.personId, who.id)));
    expect(row).toMatchObject({ status: 'attended', minutesAttended: 330 });
  });

  it('imports a CSV with one broken line: the good line is saved, the broken one is reported by line and saves nothing', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn aanbod' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn aanbod' }).waitFor();
    await page.getByRole('link', { name: TITLE }).waitFor();
    const csv = [
      'code,title_nl,description_nl,languages,format,postcode,duration_minutes,price_eur,competences,editions',
      `IMP-KEUKEN,Rekenblad in de keuken,Werken met rekenbladen: voorraad en bestellingen bijhouden met eenvoudige formules.,nl,online,,720,"95,00",lk21.digital.office:2,${inDays(40)}/${inDays(41)}/12`,
      'IMP-KAPOT,Kapotte regel,Deze regel heeft een prijs in woorden.,nl,online,,120,gratis,,',
    ].join('\r\n');
    await page.getByLabel('Bestand').setInputFiles({ name: 'aanbod.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText('2 regels gelezen.').waitFor();
    await page.getByText('Nieuw: 1. Bijgewerkt: 0. Ongewijzigd: 0.').waitFor();
    await page.getByText('1 regel is niet ingelezen.').waitFor();
    const report = page.getByRole('table', { name: 'Regels met een fout' });
    const line = report.getByRole('row', { name: /IMP-KAPOT/ });
    await line.getByRole('rowheader', { name: '3' }).waitFor();
    await line.getByText(/price_eur/).waitFor();
    await expectAccessible(page, 'import report');
    await page.getByRole('link', { name: 'Rekenblad in de keuken' }).waitFor();

    const codes = (await e2e.db.database.db.select({ code: offers.code }).from(offers).where(eq(offers.providerId, providerId))).map(
      (o) => o.code,
    );
    expect(codes).toEqual(expect.arrayContaining(['DIG-START', 'IMP-KEUKEN']));
    expect(codes).not.toContain('IMP-KAPOT');
    const [excel] = await e2e.db.database.db
      .select()
      .from(offers)
      .where(and(eq(offers.providerId, providerId), eq(offers.code, 'IMP-KEUKEN')));
    expect(excel).toMatchObject({ priceCents: 9500, durationMinutes: 720, status: 'draft' });
    expect(await e2e.db.database.db.select().from(offerCompetences).where(eq(offerCompetences.offerId, excel.id))).toHaveLength(1);
    expect(await e2e.db.database.db.select().from(offerEditions).where(eq(offerEditions.offerId, excel.id))).toHaveLength(1);

    // Filter and search narrow the list (the imported offer is a draft).
    // The imported draft was in the list before the filter too: wait for the published offer to go.
    await page.getByLabel('Toon').selectOption('draft');
    await page.getByRole('link', { name: TITLE }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Rekenblad in de keuken' }).waitFor();
    await page.getByLabel('Toon').selectOption('');
    await page.getByLabel('Zoek op naam of code').fill('imp-keuken');
    await page.getByText('1 aanbod gevonden').waitFor();
    await page.getByRole('link', { name: 'Rekenblad in de keuken' }).waitFor();
    // The export links point at the provider's own export.
    await expect(page.getByRole('link', { name: 'Exporteren als CSV' }).getAttribute('href')).resolves.toBe(
      `/api/organisations/${providerId}/offers/export.csv`,
    );
    const json = await page.request.get(`/api/organisations/${providerId}/offers/export.json`);
    expect(((await json.json()) as { offers: Array<{ code: string }> }).offers.map((o) => o.code)).toEqual(
      expect.arrayContaining(['DIG-START', 'IMP-KEUKEN']),
    );
  });

  it('every provider screen fits a 360 px phone without sideways scrolling', async () => {
    const phone = await e2e.newPage({ viewport: PHONE });
    await logIn(phone, PROVIDER_EMAIL, DEMO_PASSWORD);
    await phone.goto(`/o/${providerId}/offers`);
    await phone.getByRole('link', { name: TITLE }).waitFor();
    await fitsPhone(phone, 'offer list');
    await phone.goto(`/o/${providerId}/offers/new`);
    await phone.getByRole('heading', { level: 1, name: 'Nieuw aanbod' }).waitFor();
    await fitsPhone(phone, 'new offer');
    await phone.goto(`/o/${providerId}/offers/${offerId}`);
    await phone.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await phone.getByText('Dit aanbod is gepubliceerd.').waitFor();
    await fitsPhone(phone, 'offer editor');
    await phone.goto(`/o/${providerId}/offers/${offerId}/editions`);
    await phone.getByText('2 van 2 plaatsen').waitFor();
    await phone.getByRole('button', { name: /^Wijzigen/ }).click();
    await phone.getByRole('button', { name: 'Editie bewaren' }).waitFor();
    await fitsPhone(phone, 'editions with the edit form');
    await phone.goto(`/o/${providerId}/offers/${offerId}/editions/${editionId}`);
    await phone.getByRole('heading', { level: 2, name: 'Wachtlijst (1)' }).waitFor();
    await fitsPhone(phone, 'enrolment list');
    await phone.getByRole('button', { name: new RegExp(`^Registreren\\s*: ${escape(people[1].name)}$`) }).click();
    await phone.getByRole('dialog', { name: `Aanwezigheid van ${people[1].name}` }).waitFor();
    await fitsPhone(phone, 'attendance dialog');
    expect(e2e.pageErrors).toEqual([]);
  });
});
