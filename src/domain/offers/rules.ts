/**
 * Rules of training offers and editions (issue 5 items 1–2), pure: the caller passes `today`
 * (the calendar date in Brussels) and what it read from the database. Problems name the field
 * with a JSON pointer relative to the offer or edition (the caller adds `/body` or the CSV column).
 */

export const OFFER_FORMATS = ['classroom', 'online', 'blended', 'workplace'] as const;
export type OfferFormat = (typeof OFFER_FORMATS)[number];
export const ACCESSIBILITY = ['plain_language', 'dutch_a1_a2', 'wheelchair'] as const;
export type Accessibility = (typeof ACCESSIBILITY)[number];
export const CHARACTERISTIC_AXES = ['orientation', 'initiative', 'length'] as const;
/** ISO 639-1 codes: two lower-case letters (nl, fr, en, de, ar, …). */
export const LANGUAGE_PATTERN = /^[a-z]{2}$/;
/** The provider's own offer code: letters, digits, dot, dash, underscore. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MIN_LEVEL = 1;
export const MAX_LEVEL = 4;

export interface Problem {
  path: string;
  message: string;
}

/** Formats that take place somewhere need a postcode; online and workplace learning may go without. */
export function needsPostcode(format: OfferFormat): boolean {
  return format === 'classroom' || format === 'blended';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export interface EditionFields {
  startsOn: string;
  endsOn: string;
  capacity: number;
  enrolmentDeadline: string | null;
  sessions: ReadonlyArray<{ date: string; from: string; to: string }>;
}

/**
 * An edition's dates and capacity. `before` is the stored edition when updating: a start date in the
 * past is only refused when it is new or changed (an edition that has started may still be edited),
 * and the capacity never drops below the seats already taken.
 */
export function validateEdition(
  e: EditionFields,
  context: { today: string; before?: { startsOn: string; enrolledCount: number } },
): Problem[] {
  const problems: Problem[] = [];
  if (!isIsoDate(e.startsOn)) problems.push({ path: '/startsOn', message: 'must be a date (YYYY-MM-DD)' });
  if (!isIsoDate(e.endsOn)) problems.push({ path: '/endsOn', message: 'must be a date (YYYY-MM-DD)' });
  if (e.enrolmentDeadline !== null && !isIsoDate(e.enrolmentDeadline))
    problems.push({ path: '/enrolmentDeadline', message: 'must be a date (YYYY-MM-DD)' });
  if (problems.length) return problems;
  const startChanged = !context.before || context.before.startsOn !== e.startsOn;
  if (startChanged && e.startsOn < context.today)
    problems.push({ path: '/startsOn', message: `must not be in the past (today is ${context.today})` });
  if (e.endsOn < e.startsOn) problems.push({ path: '/endsOn', message: 'must be on or after startsOn' });
  if (e.enrolmentDeadline !== null && e.enrolmentDeadline > e.startsOn)
    problems.push({ path: '/enrolmentDeadline', message: 'must be on or before startsOn' });
  if (!Number.isInteger(e.capacity) || e.capacity < 1)
    problems.push({ path: '/capacity', message: 'must be a whole number of at least 1' });
  else if (context.before && e.capacity < context.before.enrolledCount) {
    problems.push({ path: '/capacity', message: `must not be below the ${context.before.enrolledCount} seats already taken` });
  }
  e.sessions.forEach((s, i) => {
    if (!isIsoDate(s.date)) problems.push({ path: `/sessions/${i}/date`, message: 'must be a date (YYYY-MM-DD)' });
    else if (s.date < e.startsOn || s.date > e.endsOn)
      problems.push({ path: `/sessions/${i}/date`, message: 'must lie between startsOn and endsOn' });
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s.from)) problems.push({ path: `/sessions/${i}/from`, message: 'must be a time (HH:MM)' });
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s.to)) problems.push({ path: `/sessions/${i}/to`, message: 'must be a time (HH:MM)' });
    else if (s.to <= s.from) problems.push({ path: `/sessions/${i}/to`, message: 'must be after from' });
  });
  return problems;
}

export interface OfferFields {
  title: { nl?: string; fr?: string; en?: string };
  description: { nl?: string; fr?: string; en?: string };
  languages: readonly string[];
  format: OfferFormat;
  postcode: string | null;
  durationMinutes: number;
  priceCents: number;
  level: number | null;
  characteristics: Partial<Record<(typeof CHARACTERISTIC_AXES)[number], number>>;
  recognitions: readonly string[];
  accessibility: readonly string[];
}

/** Field rules beyond the JSON schema (shared by the API, the CSV and the JSON import). */
export function validateOfferFields(
  o: OfferFields,
  context: { isKnownRecognition: (key: string) => boolean; isKnownPostcode: (postcode: string) => boolean },
): Problem[] {
  const problems: Problem[] = [];
  if (!o.title.nl?.trim()) problems.push({ path: '/title/nl', message: 'is required' });
  if (!o.description.nl?.trim()) problems.push({ path: '/description/nl', message: 'is required' });
  if (!o.languages.length) problems.push({ path: '/languages', message: 'needs at least one language' });
  o.languages.forEach((l, i) => {
    if (!LANGUAGE_PATTERN.test(l))
      problems.push({ path: `/languages/${i}`, message: 'must be a two-letter ISO 639-1 code such as nl, fr or en' });
  });
  if (new Set(o.languages).size !== o.languages.length) problems.push({ path: '/languages', message: 'lists a language twice' });
  if (!(OFFER_FORMATS as readonly string[]).includes(o.format))
    problems.push({ path: '/format', message: `must be one of ${OFFER_FORMATS.join(', ')}` });
  if (o.postcode !== null && !context.isKnownPostcode(o.postcode))
    problems.push({ path: '/postcode', message: 'must be a Belgian postcode of 4 digits' });
  if (o.postcode === null && needsPostcode(o.format)) problems.push({ path: '/postcode', message: `is required for format ${o.format}` });
  if (!Number.isInteger(o.durationMinutes) || o.durationMinutes <= 0)
    problems.push({ path: '/durationMinutes', message: 'must be a whole number above 0' });
  if (!Number.isInteger(o.priceCents) || o.priceCents < 0)
    problems.push({ path: '/priceCents', message: 'must be a whole number of cents, 0 or more' });
  if (o.level !== null && (!Number.isInteger(o.level) || o.level < MIN_LEVEL || o.level > MAX_LEVEL))
    problems.push({ path: '/level', message: `must be ${MIN_LEVEL} to ${MAX_LEVEL}` });
  for (const [axis, value] of Object.entries(o.characteristics)) {
    if (!(CHARACTERISTIC_AXES as readonly string[]).includes(axis))
      problems.push({ path: `/characteristics/${axis}`, message: 'is not an allowed field' });
    else if (!Number.isInteger(value) || value! < -2 || value! > 2)
      problems.push({ path: `/characteristics/${axis}`, message: 'must be a whole number from -2 to 2' });
  }
  o.recognitions.forEach((r, i) => {
    if (!context.isKnownRecognition(r)) problems.push({ path: `/recognitions/${i}`, message: `"${r}" is not a known funding instrument` });
  });
  o.accessibility.forEach((a, i) => {
    if (!(ACCESSIBILITY as readonly string[]).includes(a))
      problems.push({ path: `/accessibility/${i}`, message: `must be one of ${ACCESSIBILITY.join(', ')}` });
  });
  return problems;
}

export type OfferStatus = 'draft' | 'published' | 'archived';

/**
 * Life cycle: draft → published → archived; an archived offer may be published again, a published
 * one may go back to draft. Publishing needs at least one confirmed competence (matching and
 * the leerportaal rank offers by the competences they develop).
 */
export function publishProblems(o: { status: OfferStatus; confirmedCompetences: number }): Problem[] {
  if (o.status === 'published') return [{ path: '/status', message: 'is published already' }];
  if (o.confirmedCompetences < 1) return [{ path: '/competences', message: 'needs at least one confirmed competence before publishing' }];
  return [];
}
