/**
 * Euros and hours on screen, integer cents and minutes in the API. The same reading rules as the
 * training plan's editor (features may not import each other; a shared copy belongs in
 * web/src/components once both use it).
 */

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
 * Text → whole cents, or null when it is not an amount of 0 or more ("1.234,50", "1234.5", "€ 80").
 * The separator used last is the decimal one when one or two digits follow it.
 */
export function parseEuro(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/eur(o)?$/i, '');
  if (clean === '') return null;
  if (!/^\d[\d.,]*$/.test(clean)) return null;
  const last = Math.max(clean.lastIndexOf(','), clean.lastIndexOf('.'));
  let whole = clean;
  let fraction = '';
  if (last >= 0 && clean.length - last - 1 <= 2 && clean.length - last - 1 >= 1) {
    whole = clean.slice(0, last);
    fraction = clean.slice(last + 1);
    if (whole.includes(clean[last])) return null;
  } else if (last === clean.length - 1) {
    return null;
  }
  if (/[.,]/.test(whole)) {
    if (!/^\d{1,3}([.,]\d{3})+$/.test(whole) || (whole.includes('.') && whole.includes(','))) return null;
    whole = whole.replace(/[.,]/g, '');
  }
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Hours as typed ("1,5", "16") → whole minutes above 0, or null. */
export function parseHours(text: string): number | null {
  const clean = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(clean)) return null;
  const minutes = Math.round(Number(clean) * 60);
  return minutes > 0 ? minutes : null;
}

/** Minutes → hours as an input shows them ("1,5"). */
export function hoursInput(minutes: number, lang: string): string {
  const text = String(Math.round((minutes / 60) * 100) / 100);
  return lang === 'en' ? text : text.replace('.', ',');
}
