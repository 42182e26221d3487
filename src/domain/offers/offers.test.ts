import { describe, expect, it } from 'vitest';
import { placeOfPostcode } from './regions.js';
import { todayInBrussels } from '../calendar/brussels.js';
import { publishProblems, validateEdition, validateOfferFields, type OfferFields } from './rules.js';
import { OFFER_CSV_COLUMNS } from '../../shared/offers.js';
import { csvColumnOf, offerToCsvRow, parseEuros, parseOfferCsvRow, readOfferCsvHeader, unguard } from './exchange.js';

describe('postcodes', () => {
  it('derives the province and, for known postcodes, the municipality', () => {
    expect(placeOfPostcode('2300')).toEqual({ region: 'antwerpen', municipality: 'Turnhout', latitude: 51.3227, longitude: 4.9447 });
    expect(placeOfPostcode('3010')).toMatchObject({ region: 'vlaams-brabant', municipality: null, latitude: null });
    expect(placeOfPostcode('1050')?.region).toBe('brussel');
    expect(placeOfPostcode('8310')?.region).toBe('west-vlaanderen');
    expect(placeOfPostcode('0999')).toBeNull();
    expect(placeOfPostcode('12345')).toBeNull();
  });
});

describe('editions', () => {
  const today = '2030-03-01';
  const edition = {
    startsOn: '2030-03-10',
    endsOn: '2030-03-20',
    capacity: 12,
    enrolmentDeadline: '2030-03-05',
    sessions: [{ date: '2030-03-10', from: '09:00', to: '12:00' }],
  };
  it('accepts a coming edition', () => expect(validateEdition(edition, { today })).toEqual([]));
  it('refuses a start in the past on create, but not an unchanged start on update', () => {
    const past = { ...edition, startsOn: '2030-02-01', enrolmentDeadline: null, sessions: [] };
    expect(validateEdition(past, { today })).toEqual([{ path: '/startsOn', message: 'must not be in the past (today is 2030-03-01)' }]);
    expect(validateEdition(past, { today, before: { startsOn: '2030-02-01', enrolledCount: 0 } })).toEqual([]);
  });
  it('refuses end before start, deadline after start, capacity below 1 or below the seats taken', () => {
    expect(validateEdition({ ...edition, endsOn: '2030-03-09', sessions: [] }, { today }).map((p) => p.path)).toEqual(['/endsOn']);
    expect(validateEdition({ ...edition, enrolmentDeadline: '2030-03-11' }, { today }).map((p) => p.path)).toEqual(['/enrolmentDeadline']);
    expect(validateEdition({ ...edition, capacity: 0 }, { today }).map((p) => p.path)).toEqual(['/capacity']);
    expect(validateEdition({ ...edition, capacity: 4 }, { today, before: { startsOn: edition.startsOn, enrolledCount: 5 } })).toEqual([
      { path: '/capacity', message: 'must not be below the 5 seats already taken' },
    ]);
  });
  it('checks sessions', () => {
    const bad = { ...edition, sessions: [{ date: '2030-04-01', from: '09:00', to: '08:00' }] };
    expect(validateEdition(bad, { today }).map((p) => p.path)).toEqual(['/sessions/0/date', '/sessions/0/to']);
  });
  it('uses the Brussels calendar date', () => expect(todayInBrussels(new Date('2030-03-01T23:30:00Z'))).toBe('2030-03-02'));
});

describe('offer fields', () => {
  const offer: OfferFields = {
    title: { nl: 'Excel voor beginners' },
    description: { nl: 'Leer werken met rekenbladen.' },
    languages: ['nl', 'fr'],
    format: 'classroom',
    postcode: '2300',
    durationMinutes: 720,
    priceCents: 0,
    level: 1,
    characteristics: { orientation: 2, length: -1 },
    recognitions: ['opleidingscheques'],
    accessibility: ['wheelchair'],
  };
  const context = {
    isKnownRecognition: (k: string) => k === 'opleidingscheques',
    isKnownPostcode: (p: string) => placeOfPostcode(p) !== null,
  };
  it('accepts a complete offer', () => expect(validateOfferFields(offer, context)).toEqual([]));
  it('names every bad field', () => {
    const bad: OfferFields = {
      ...offer,
      title: { nl: ' ' },
      languages: ['nld'],
      postcode: null,
      durationMinutes: 0,
      priceCents: -1,
      level: 5,
      characteristics: { orientation: 3 },
      recognitions: ['gratis'],
      accessibility: ['lift'],
    };
    expect(validateOfferFields(bad, context).map((p) => p.path)).toEqual([
      '/title/nl',
      '/languages/0',
      '/postcode',
      '/durationMinutes',
      '/priceCents',
      '/level',
      '/characteristics/orientation',
      '/recognitions/0',
      '/accessibility/0',
    ]);
  });
  it('lets online offers go without a postcode', () =>
    expect(validateOfferFields({ ...offer, format: 'online', postcode: null }, context)).toEqual([]));
  it('publishes only with a confirmed competence', () => {
    expect(publishProblems({ status: 'draft', confirmedCompetences: 0 })[0].path).toBe('/competences');
    expect(publishProblems({ status: 'archived', confirmedCompetences: 1 })).toEqual([]);
    expect(publishProblems({ status: 'published', confirmedCompetences: 1 })[0].path).toBe('/status');
  });
});

describe('CSV exchange', () => {
  const header = readOfferCsvHeader([...OFFER_CSV_COLUMNS]);
  if (!header.ok) throw new Error(header.message);
  const offer = {
    code: 'XL-01',
    title: { nl: 'Excel', en: 'Excel' },
    description: { nl: 'Rekenbladen' },
    languages: ['nl', 'en'],
    format: 'online' as const,
    postcode: null,
    municipality: null,
    durationMinutes: 600,
    priceCents: 12550,
    targetAudience: 'Bedienden',
    entryRequirements: '',
    level: 2,
    characteristics: { orientation: -2 },
    recognitions: ['opleidingscheques', 'kmo-portefeuille'],
    credential: 'Attest',
    accessibility: ['plain_language'],
    competences: [{ key: 'lk21.digital.office', level: 2 }],
    editions: [{ startsOn: '2030-03-02', endsOn: '2030-03-16', capacity: 12, enrolmentDeadline: '2030-02-20' }],
  };
  it('round-trips an offer', () => {
    const row = offerToCsvRow({ ...offer, status: 'draft' });
    expect(parseOfferCsvRow(row, header.index)).toEqual({ ok: true, offer });
  });
  it('reports every broken cell of a row', () => {
    const row = offerToCsvRow({ ...offer, status: 'draft' });
    row[OFFER_CSV_COLUMNS.indexOf('price_eur')] = 'gratis';
    row[OFFER_CSV_COLUMNS.indexOf('editions')] = '2030-03-02/2030-03-16';
    const result = parseOfferCsvRow(row, header.index);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^price_eur: "gratis" is not an amount in euros; editions: /);
  });
  it('refuses a price below zero in the row, naming the column', () => {
    const row = offerToCsvRow({ ...offer, status: 'draft' });
    row[OFFER_CSV_COLUMNS.indexOf('price_eur')] = '-5,00';
    expect(parseOfferCsvRow(row, header.index)).toEqual({ ok: false, message: 'price_eur: must be 0 or more' });
  });
  it('parses euros and maps field paths to columns', () => {
    expect(parseEuros('125,5')).toBe(12550);
    expect(parseEuros('€ 1 250,00')).toBe(125000);
    expect(parseEuros('-3')).toBe(-300);
    expect(parseEuros('1.234')).toBeNull();
    expect(csvColumnOf('/languages/1')).toBe('languages');
    expect(csvColumnOf('/priceCents')).toBe('price_eur');
    expect(unguard("'=SUM(A1)")).toBe('=SUM(A1)');
  });
  it('refuses a header without the required columns', () => {
    expect(readOfferCsvHeader(['code', 'title_nl'])).toMatchObject({ ok: false });
    expect(readOfferCsvHeader([...OFFER_CSV_COLUMNS, 'extra'])).toMatchObject({
      ok: false,
      message: 'Unknown column(s) in the header: extra.',
    });
  });
});
