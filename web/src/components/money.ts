/**
 * Euros and hours on screen, integer cents and minutes in the API. People type amounts the way
 * they write them ("1.234,50", "1234.5", "€ 80"); the readers turn that into cents or minutes, or
 * say they cannot (null).
 */

/** What a field left empty means: 0, or null when the field must be filled in. */
export interface Blank {
  blank: 0 | null;
}
/** An empty field is missing (null): the field must be filled in. */
export const REQUIRED: Blank = { blank: null };
/** An empty field is 0 (an amount or a duration that may be left out). */
export const ZERO_IF_BLANK: Blank = { blank: 0 };

/** Cents → "€ 1.234,50" in the UI language. */
export function formatEuro(cents: number, lang: string): string {
  return new Intl.NumberFormat(`${lang}-BE`, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Cents → the text an input shows ("1234,50" in nl/fr, "1234.50" in en). */
export function euroInput(cents: number, lang: string): string {
  const text = (cents / 100).toFixed(2);
  return lang === 'en' ? text : text.replace('.', ',');
}

/**
 * Text → whole cents, or null when it is not an amount of 0 or more. The separator used last is
 * the decimal one when one or two digits follow it; a group of three digits is a thousands group.
 */
export function parseEuro(text: string, { blank }: Blank): number | null {
  const clean = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/eur(o)?$/i, '');
  if (clean === '') return blank;
  if (!/^\d[\d.,]*$/.test(clean)) return null;
  const last = Math.max(clean.lastIndexOf(','), clean.lastIndexOf('.'));
  let whole = clean;
  let fraction = '';
  if (last >= 0 && clean.length - last - 1 <= 2 && clean.length - last - 1 >= 1) {
    whole = clean.slice(0, last);
    fraction = clean.slice(last + 1);
    // The decimal separator cannot also group thousands.
    if (whole.includes(clean[last])) return null;
  } else if (last === clean.length - 1) {
    return null;
  }
  // What is left may only use one kind of separator, in groups of three.
  if (/[.,]/.test(whole)) {
    if (!/^\d{1,3}([.,]\d{3})+$/.test(whole) || (whole.includes('.') && whole.includes(','))) return null;
    whole = whole.replace(/[.,]/g, '');
  }
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/**
 * Hours as typed ("1,5", "16") → whole minutes, or null. With `positive`, a duration that rounds
 * to no minutes at all is refused too (an offer lasts some time).
 */
export function parseHours(text: string, { blank, positive = false }: Blank & { positive?: boolean }): number | null {
  const clean = text.trim().replace(',', '.');
  if (clean === '') return blank;
  if (!/^\d+(\.\d+)?$/.test(clean)) return null;
  const minutes = Math.round(Number(clean) * 60);
  return positive && minutes === 0 ? null : minutes;
}

/** Minutes → hours as an input shows them ("1,5" in nl/fr, "1.5" in en). */
export function hoursInput(minutes: number, lang: string): string {
  const text = String(Math.round((minutes / 60) * 100) / 100);
  return lang === 'en' ? text : text.replace('.', ',');
}
