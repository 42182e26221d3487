/**
 * The product's calendar is Belgium's: dates and years are those of Europe/Brussels, whether that
 * is UTC+1 (winter) or UTC+2 (summer). A server clock in UTC would otherwise turn the day an hour
 * or two late (on New Year's Eve, the year too).
 */

export const BRUSSELS_TIME_ZONE = 'Europe/Brussels';

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: BRUSSELS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The last date asked for, by UTC minute: every survey request asks, and formatting in a time zone
 * costs more than the rest of checking a link. Brussels' offsets are whole hours, so its days
 * begin on a UTC minute and every instant of one minute has the same date.
 */
let lastDay = { minute: Number.NaN, day: '' };

/** Today's date (YYYY-MM-DD) in Brussels. */
export function todayInBrussels(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute === lastDay.minute) return lastDay.day;
  const p = Object.fromEntries(dateParts.formatToParts(now).map((x) => [x.type, x.value]));
  lastDay = { minute, day: `${p.year}-${p.month}-${p.day}` };
  return lastDay.day;
}

/** The current year in Brussels. */
export function yearInBrussels(now: Date): number {
  return Number(todayInBrussels(now).slice(0, 4));
}
