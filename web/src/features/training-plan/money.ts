/**
 * Euros on screen, integer cents in the API. People type amounts the way they write them
 * ("1.234,50", "1234.5", "€ 80"); the parser turns that into cents or says it cannot.
 */

/** Cents → "€ 1.234,50" in the UI language. */
export function formatEuro(cents: number, lang: string): string {
  return new Intl.NumberFormat(`${lang}-BE`, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Cents → the text an input shows ("1234,50" in nl/fr, "1234.50" in en); empty for 0 when asked. */
export function euroInput(cents: number, lang: string): string {
  const text = (cents / 100).toFixed(2);
  return lang === 'en' ? text : text.replace('.', ',');
}

/**
 * Text → whole cents, or null when it is not an amount of 0 or more. The separator used last is
 * the decimal one when one or two digits follow it; a group of three digits is a thousands group.
 */
export function parseEuro(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/eur(o)?$/i, '');
  if (clean === '') return 0;
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

/** Hours as typed ("1,5", "2") → whole minutes, or null. */
export function parseHours(text: string): number | null {
  const clean = text.trim().replace(',', '.');
  if (clean === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(clean)) return null;
  return Math.round(Number(clean) * 60);
}

export function hoursInput(minutes: number, lang: string): string {
  const text = String(Math.round((minutes / 60) * 100) / 100);
  return lang === 'en' ? text : text.replace('.', ',');
}
