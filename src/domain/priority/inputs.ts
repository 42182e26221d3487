/**
 * The figures the suggested priority scores (score.ts) are computed from, as pure functions:
 * the most common importance of a competence among the people concerned (core-task relevance),
 * medians of training hours (fairness), the 24-month window, and the effort of the planned
 * actions (investment).
 */

export type Importance = 'core' | 'supporting' | null;

/**
 * The most common importance among the people's function profiles (null = absent or no profile).
 * Ties go to the more important value (core › supporting › absent): a competence that is core for
 * half the group counts as core. No people → undefined (nothing to suggest from).
 */
export function mostCommonImportance(
  importances: readonly Importance[],
): { importance: Importance; core: number; supporting: number; absent: number } | undefined {
  if (importances.length === 0) return undefined;
  const core = importances.filter((i) => i === 'core').length;
  const supporting = importances.filter((i) => i === 'supporting').length;
  const absent = importances.length - core - supporting;
  const importance: Importance = core >= supporting && core >= absent ? 'core' : supporting >= absent ? 'supporting' : null;
  return { importance, core, supporting, absent };
}

/** Median of the values (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The first day (YYYY-MM-DD) of the fairness window: the same date `months` months before `today`. */
export function windowStart(today: string, months = 24): string {
  const [y, m, d] = today.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The same date `months` months after `today` (YYYY-MM-DD), clipped to the month's last day. */
export function monthsAhead(today: string, months: number): string {
  return windowStart(today, -months);
}

export interface PlannedAction {
  costPerParticipantCents: number;
  fixedCostCents: number;
  /** Planned participants of the action; the need's people count when the action has none. */
  participants: number;
  durationMinutes: number;
}

/**
 * Estimated effort per participant of the actions answering a need: the sum of their prices per
 * participant, with fixed costs spread over the participants, and their hours. No actions → null.
 */
export function effortPerParticipant(actions: readonly PlannedAction[]): { costPerParticipantCents: number; hours: number } | null {
  if (actions.length === 0) return null;
  let cost = 0;
  let minutes = 0;
  for (const a of actions) {
    cost += a.costPerParticipantCents + Math.round(a.fixedCostCents / Math.max(1, a.participants));
    minutes += a.durationMinutes;
  }
  return { costPerParticipantCents: cost, hours: Math.round((minutes / 60) * 100) / 100 };
}
