/**
 * The exchange form of an offer (CSV and JSON import/export, docs/api.md "Offers: import and
 * export"): competences by key, editions inline, the provider's own `code` as identity.
 * Pure: parsing and formatting only; the module checks keys against the database.
 */
import { OFFER_CSV_COLUMNS, type OfferCsvColumn } from '../../shared/offers.js';
import type { OfferFormat } from './rules.js';

export interface ExchangeEdition {
  startsOn: string;
  endsOn: string;
  capacity: number;
  enrolmentDeadline: string | null;
}

export interface ExchangeOffer {
  code: string;
  title: { nl: string; fr?: string; en?: string };
  description: { nl: string; fr?: string; en?: string };
  languages: string[];
  format: OfferFormat;
  postcode: string | null;
  municipality: string | null;
  durationMinutes: number;
  priceCents: number;
  targetAudience: string;
  entryRequirements: string;
  level: number | null;
  characteristics: { orientation?: number; initiative?: number; length?: number };
  recognitions: string[];
  credential: string | null;
  accessibility: string[];
  /** Competence keys (e.g. lk21.digital.computer) with the level reached (1–4). */
  competences: Array<{ key: string; level: number }>;
  editions: ExchangeEdition[];
}

const REQUIRED: readonly OfferCsvColumn[] = ['code', 'title_nl', 'description_nl', 'languages', 'format', 'duration_minutes', 'price_eur'];

/** Field path (as the rules name it) → CSV column, for per-line messages. */
export const CSV_COLUMN_OF_PATH: Readonly<Record<string, OfferCsvColumn>> = {
  '/code': 'code',
  '/title/nl': 'title_nl',
  '/description/nl': 'description_nl',
  '/languages': 'languages',
  '/format': 'format',
  '/postcode': 'postcode',
  '/durationMinutes': 'duration_minutes',
  '/priceCents': 'price_eur',
  '/level': 'level',
  '/characteristics/orientation': 'orientation',
  '/characteristics/initiative': 'initiative',
  '/characteristics/length': 'length',
  '/recognitions': 'recognitions',
  '/accessibility': 'accessibility',
  '/competences': 'competences',
  '/editions': 'editions',
};

/** A rule's field path as a CSV column name (`/languages/1` → `languages`). */
export function csvColumnOf(path: string): string {
  for (const [prefix, column] of Object.entries(CSV_COLUMN_OF_PATH).sort((a, b) => b[0].length - a[0].length)) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return column;
  }
  return path;
}

export type HeaderIndex = Partial<Record<OfferCsvColumn, number>>;

export function readOfferCsvHeader(record: string[]): { ok: true; index: HeaderIndex } | { ok: false; message: string } {
  const index: HeaderIndex = {};
  const unknown: string[] = [];
  record.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if ((OFFER_CSV_COLUMNS as readonly string[]).includes(name)) index[name as OfferCsvColumn] = i;
    else if (name) unknown.push(raw);
  });
  const missing = REQUIRED.filter((c) => index[c] === undefined);
  if (missing.length)
    return { ok: false, message: `The header misses the column(s) ${missing.join(', ')}; see docs/api.md for the columns.` };
  if (unknown.length) return { ok: false, message: `Unknown column(s) in the header: ${unknown.join(', ')}.` };
  return { ok: true, index };
}

const list = (value: string) =>
  value
    .split(/[;,]/)
    .map((v) => v.trim())
    .filter(Boolean);

/** "125", "125.5", "125,50", "€ 1 250,00" → cents; null when not a number with at most 2 decimals. */
export function parseEuros(value: string): number | null {
  const v = value.replace(/[€\s]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(v)) return null;
  const [whole, fraction = ''] = v.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return v.startsWith('-') ? -cents : cents;
}

export function formatEuros(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Undoes the export's formula guard (a leading apostrophe before = + - @), so an export imports unchanged. */
export function unguard(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

/** Text cells of the export that could start with a formula character; numbers and codes are written as they are. */
export const GUARDED_COLUMNS: ReadonlySet<OfferCsvColumn> = new Set([
  'code',
  'title_nl',
  'title_fr',
  'title_en',
  'description_nl',
  'description_fr',
  'description_en',
  'municipality',
  'target_audience',
  'entry_requirements',
  'credential',
]);

function integer(value: string): number | null {
  return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

/**
 * One CSV data row → an exchange offer, or every problem of the row (column: message). Only the
 * shape is checked here; the rules (rules.ts) and the database keys are checked by the caller.
 */
export function parseOfferCsvRow(
  record: string[],
  index: HeaderIndex,
): { ok: true; offer: ExchangeOffer } | { ok: false; message: string } {
  const cell = (c: OfferCsvColumn) => unguard(index[c] === undefined ? '' : (record[index[c]!] ?? '').trim());
  const problems: string[] = [];
  const number = (c: OfferCsvColumn, required: boolean): number | null => {
    const v = cell(c);
    if (!v) {
      if (required) problems.push(`${c}: is required`);
      return null;
    }
    const n = integer(v);
    if (n === null) problems.push(`${c}: "${v}" is not a whole number`);
    return n;
  };
  const code = cell('code');
  if (!code) problems.push('code: is required');
  const durationMinutes = number('duration_minutes', true);
  const priceText = cell('price_eur');
  const priceCents = priceText ? parseEuros(priceText) : null;
  if (!priceText) problems.push('price_eur: is required');
  else if (priceCents === null) problems.push(`price_eur: "${priceText}" is not an amount in euros`);
  else if (priceCents < 0) problems.push('price_eur: must be 0 or more');
  const level = number('level', false);
  const characteristics: ExchangeOffer['characteristics'] = {};
  for (const axis of ['orientation', 'initiative', 'length'] as const) {
    const n = number(axis, false);
    if (n !== null) characteristics[axis] = n;
  }
  const competences: ExchangeOffer['competences'] = [];
  for (const token of list(cell('competences'))) {
    const m = /^(.+?):(\d+)$/.exec(token);
    if (!m) problems.push(`competences: "${token}" must be key:level, e.g. lk21.digital.computer:2`);
    else competences.push({ key: m[1].trim(), level: Number(m[2]) });
  }
  const editions: ExchangeEdition[] = [];
  for (const token of cell('editions')
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean)) {
    const parts = token.split('/').map((p) => p.trim());
    const capacity = parts[2] ? integer(parts[2]) : null;
    if (parts.length < 3 || parts.length > 4 || capacity === null) {
      problems.push(`editions: "${token}" must be startsOn/endsOn/capacity[/enrolmentDeadline], e.g. 2030-03-02/2030-03-16/12/2030-02-20`);
    } else {
      editions.push({ startsOn: parts[0], endsOn: parts[1], capacity, enrolmentDeadline: parts[3] || null });
    }
  }
  if (problems.length) return { ok: false, message: problems.join('; ') };
  const optional = (c: OfferCsvColumn) => cell(c) || undefined;
  return {
    ok: true,
    offer: {
      code,
      title: {
        nl: cell('title_nl'),
        ...(optional('title_fr') ? { fr: cell('title_fr') } : {}),
        ...(optional('title_en') ? { en: cell('title_en') } : {}),
      },
      description: {
        nl: cell('description_nl'),
        ...(optional('description_fr') ? { fr: cell('description_fr') } : {}),
        ...(optional('description_en') ? { en: cell('description_en') } : {}),
      },
      languages: list(cell('languages')).map((l) => l.toLowerCase()),
      format: cell('format').toLowerCase() as OfferFormat,
      postcode: cell('postcode') || null,
      municipality: cell('municipality') || null,
      durationMinutes: durationMinutes!,
      priceCents: priceCents!,
      targetAudience: cell('target_audience'),
      entryRequirements: cell('entry_requirements'),
      level,
      characteristics,
      recognitions: list(cell('recognitions')),
      credential: cell('credential') || null,
      accessibility: list(cell('accessibility')),
      competences,
      editions,
    },
  };
}

/** One offer as a CSV row in OFFER_CSV_COLUMNS order (cells not yet guarded against formulas). */
export function offerToCsvRow(o: ExchangeOffer & { status: string }): string[] {
  return [
    o.code,
    o.title.nl,
    o.title.fr ?? '',
    o.title.en ?? '',
    o.description.nl,
    o.description.fr ?? '',
    o.description.en ?? '',
    o.languages.join(';'),
    o.format,
    o.postcode ?? '',
    o.municipality ?? '',
    String(o.durationMinutes),
    formatEuros(o.priceCents),
    o.targetAudience,
    o.entryRequirements,
    o.level === null ? '' : String(o.level),
    o.characteristics.orientation === undefined ? '' : String(o.characteristics.orientation),
    o.characteristics.initiative === undefined ? '' : String(o.characteristics.initiative),
    o.characteristics.length === undefined ? '' : String(o.characteristics.length),
    o.recognitions.join(';'),
    o.credential ?? '',
    o.accessibility.join(';'),
    o.competences.map((c) => `${c.key}:${c.level}`).join(';'),
    o.editions
      .map((e) => [e.startsOn, e.endsOn, String(e.capacity), ...(e.enrolmentDeadline ? [e.enrolmentDeadline] : [])].join('/'))
      .join(';'),
    o.status,
  ];
}
