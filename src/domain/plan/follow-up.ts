import { addMonths } from '../assessment/current-level.js';
import { meetsThreshold } from '../anonymity/disclosure.js';
import { PlanRuleError } from './plan.js';

/**
 * Follow-up of a plan action (issue 4 item 5): participation per person, the two evaluations
 * (reaction right after, application at work three months later) and closing the loop with a
 * re-assessment. Dates are ISO days (YYYY-MM-DD); "today" is passed in.
 */

export const participationStatuses = ['planned', 'enrolled', 'attended', 'completed', 'no_show', 'cancelled'] as const;
export type ParticipationStatus = (typeof participationStatuses)[number];

export const evaluationKinds = ['reaction', 'application'] as const;
export type EvaluationKind = (typeof evaluationKinds)[number];

/** Months after completion when the application evaluation is due. */
export const APPLICATION_AFTER_MONTHS = 3;

/** Statuses whose time counts as training time (the fairness criterion reads these minutes). */
export const countedStatuses: readonly ParticipationStatus[] = ['attended', 'completed'];

export interface ParticipationInput {
  status: ParticipationStatus;
  minutesAttended?: number | null;
  completedOn?: string | null;
}

export interface Participation {
  status: ParticipationStatus;
  minutesAttended: number;
  completedOn: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The stored participation: attended and completed count the minutes given, or the action's
 * duration when none are given; other statuses count no minutes. Completed carries a completion
 * day (today when none is given, never in the future); other statuses have none.
 */
export function normaliseParticipation(input: ParticipationInput, context: { durationMinutes: number; today: string }): Participation {
  const counted = countedStatuses.includes(input.status);
  const minutes = input.minutesAttended ?? null;
  if (minutes !== null && (!Number.isSafeInteger(minutes) || minutes < 0)) {
    throw new PlanRuleError('plan.invalid_minutes', '/minutesAttended', 'Minutes are a whole number, 0 or more.');
  }
  if (!counted && minutes !== null && minutes > 0) {
    throw new PlanRuleError(
      'plan.invalid_minutes',
      '/minutesAttended',
      'Minutes count only when the person attended or completed the action.',
    );
  }
  const completedOn = input.completedOn ?? null;
  if (completedOn !== null && !ISO_DAY.test(completedOn))
    throw new PlanRuleError('plan.invalid_date', '/completedOn', 'Use a day as YYYY-MM-DD.');
  if (input.status !== 'completed' && completedOn !== null) {
    throw new PlanRuleError('plan.invalid_date', '/completedOn', 'Only a completed participation has a completion day.');
  }
  if (completedOn !== null && completedOn > context.today)
    throw new PlanRuleError('plan.invalid_date', '/completedOn', 'The completion day cannot be in the future.');
  return {
    status: input.status,
    minutesAttended: counted ? (minutes ?? context.durationMinutes) : 0,
    completedOn: input.status === 'completed' ? (completedOn ?? context.today) : null,
  };
}

/** The day the application evaluation becomes due: completion + 3 months (clamped to month end). */
export function applicationDueOn(completedOn: string): string {
  return addMonths(new Date(`${completedOn}T00:00:00Z`), APPLICATION_AFTER_MONTHS)
    .toISOString()
    .slice(0, 10);
}

export function isApplicationDue(completedOn: string | null, today: string): boolean {
  return completedOn !== null && applicationDueOn(completedOn) <= today;
}

export interface ScoreSummary {
  count: number;
  /** The mean is shown only when at least k people evaluated (domain-rules §3). */
  shown: boolean;
  /** Rounded to two decimals; null when hidden or when there is nothing to average. */
  mean: number | null;
}

/** Mean of 1–5 scores, hidden below the anonymity threshold k. */
export function scoreSummary(scores: readonly number[], k: number): ScoreSummary {
  const count = scores.length;
  const shown = count > 0 && meetsThreshold(count, k);
  const mean = shown ? Math.round((scores.reduce((s, x) => s + x, 0) / count) * 100) / 100 : null;
  return { count, shown, mean };
}

/** Named participants decide the number; without names the planned count does. */
export function effectiveParticipants(named: number, count: number): number {
  return named > 0 ? named : count;
}

export interface PersonCompetence {
  /** Level the person's function profile requires; null when the profile does not ask for it. */
  required: number | null;
  /** Current level from the diagnosis; null when unknown (no assessment). */
  current: number | null;
}

/**
 * A need is met when nobody linked to it still has a gap of 1 or more for its competence
 * (domain-rules §2: gap = required − current). Unknown levels are never zero, so a person without
 * an assessment keeps the need open, and a need without people cannot be declared met.
 */
export function needIsMet(persons: readonly PersonCompetence[]): boolean {
  if (persons.length === 0) return false;
  return persons.every((p) => p.required === null || (p.current !== null && p.required - p.current < 1));
}
