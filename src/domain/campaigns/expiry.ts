/**
 * Invitation links expire at the end of the campaign's closing day in Belgium: 23:59:59 in
 * Europe/Brussels, whether that day falls in summer time (UTC+2) or winter time (UTC+1).
 */

import { BRUSSELS_TIME_ZONE } from '../calendar/brussels.js';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: BRUSSELS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes the zone is ahead of UTC at the given instant. */
function offsetMinutes(at: Date): number {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** `closesOn` (YYYY-MM-DD) → the instant 23:59:59 of that day in Brussels. */
export function endOfDayInBrussels(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  const local = Date.UTC(y, m - 1, d, 23, 59, 59);
  // Two rounds settle the offset even next to a daylight-saving switch.
  let guess = local - offsetMinutes(new Date(local)) * 60_000;
  guess = local - offsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess);
}
