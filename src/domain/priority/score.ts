/**
 * Prioritisation of training needs (domain-rules §6, after Baert et al.): seven criteria scored
 * 1 (low priority) … 5 (high priority), a weighted mean with organisation-set weights, and the
 * suggested scores computed from data. Every suggestion carries a reason key and its inputs, so the
 * screen can say why; a person may override any suggestion, with a reason of their own.
 */

export const priorityCriteria = ['investment', 'urgency', 'success', 'fairness', 'feasibility', 'core_task', 'strategic_fit'] as const;
export type PriorityCriterion = (typeof priorityCriteria)[number];

export type Weights = Record<PriorityCriterion, number>;
export const defaultWeights: Weights = {
  investment: 1,
  urgency: 1,
  success: 1,
  fairness: 1,
  feasibility: 1,
  core_task: 1,
  strategic_fit: 1,
};

export interface CriterionScore {
  score: number;
  /** 'suggested' = computed from data; 'override' / 'manual' = set by a person with a reason. */
  origin: 'suggested' | 'override' | 'manual';
  reason: string;
}

export type Scores = Partial<Record<PriorityCriterion, CriterionScore>>;

export class PriorityInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function validateScore(field: string, score: number): void {
  if (!Number.isInteger(score) || score < 1 || score > 5) throw new PriorityInputError(field, 'A score is a whole number from 1 to 5.');
}

export function validateWeights(weights: Weights): void {
  for (const c of priorityCriteria) {
    const w = weights[c];
    if (!Number.isFinite(w) || w < 0 || w > 10) throw new PriorityInputError(`/weights/${c}`, 'A weight is a number from 0 to 10.');
  }
  if (priorityCriteria.every((c) => weights[c] === 0)) throw new PriorityInputError('/weights', 'At least one weight must be above 0.');
}

export interface Priority {
  /** Σ wᵢ·sᵢ / Σ wᵢ over the criteria that have a score, rounded to 2 decimals; null when none has. */
  value: number | null;
  /** Criteria that counted (score present and weight > 0). */
  counted: PriorityCriterion[];
  /** Criteria without a score: left out of both sums rather than guessed. */
  missing: PriorityCriterion[];
}

export function priority(scores: Scores, weights: Weights = defaultWeights): Priority {
  validateWeights(weights);
  let sum = 0;
  let weightSum = 0;
  const counted: PriorityCriterion[] = [];
  const missing: PriorityCriterion[] = [];
  for (const c of priorityCriteria) {
    const s = scores[c];
    if (!s) {
      missing.push(c);
      continue;
    }
    validateScore(`/scores/${c}`, s.score);
    if (weights[c] === 0) continue;
    sum += weights[c] * s.score;
    weightSum += weights[c];
    counted.push(c);
  }
  return { value: weightSum === 0 ? null : Math.round((sum / weightSum) * 100) / 100, counted, missing };
}

/** Ranking: priority (unknown last), then urgency, then more people concerned, then title. Stable and total. */
export function compareByPriority<T extends { priority: number | null; urgency: number | null; people: number; title: string; id: string }>(
  a: T,
  b: T,
): number {
  const p = (b.priority ?? -1) - (a.priority ?? -1);
  if (p !== 0) return p;
  const u = (b.urgency ?? 0) - (a.urgency ?? 0);
  if (u !== 0) return u;
  if (b.people !== a.people) return b.people - a.people;
  return a.title.localeCompare(b.title, 'nl') || a.id.localeCompare(b.id);
}

// ---- Suggested scores -------------------------------------------------------------------------

export interface Suggestion {
  score: number;
  reason: string;
}

/** Core-task relevance (doelmatigheid): core in the function profile 5, supporting 3, absent 1. */
export function suggestCoreTask(importance: 'core' | 'supporting' | null): Suggestion {
  if (importance === 'core') return { score: 5, reason: 'core_task.core' };
  if (importance === 'supporting') return { score: 3, reason: 'core_task.supporting' };
  return { score: 1, reason: 'core_task.absent' };
}

export interface FeasibilityInput {
  /** A matching offer with a free seat in an edition starting within 6 months. */
  offerWithin6Months: boolean;
  internalTrainer: boolean;
  /** Matching offers exist, but only far away, expensive, or later than 6 months. */
  onlyDistantOrExpensive: boolean;
}

/** Feasibility: 5 offer soon, 4 internal trainer, 2 only distant/expensive offers, 1 none. */
export function suggestFeasibility(input: FeasibilityInput): Suggestion {
  if (input.offerWithin6Months) return { score: 5, reason: 'feasibility.offer_soon' };
  if (input.internalTrainer) return { score: 4, reason: 'feasibility.internal_trainer' };
  if (input.onlyDistantOrExpensive) return { score: 2, reason: 'feasibility.distant_or_expensive' };
  return { score: 1, reason: 'feasibility.none' };
}

/** "Well below" and "well above" the organisation median, as a share of it. */
export const FAIRNESS_BAND = 0.5;

/**
 * Fairness (billijkheid): the affected persons' median training hours in the last 24 months
 * against the organisation median. ≤ half the median → 5; ≥ one and a half times → 1; else 3.
 * With an organisation median of 0: nobody trained, so 3 when the affected did not train either
 * and 1 when they did. Unknown history → null (no suggestion).
 */
export function suggestFairness(affectedMedianHours: number | null, organisationMedianHours: number | null): Suggestion | null {
  if (affectedMedianHours === null || organisationMedianHours === null) return null;
  if (organisationMedianHours === 0)
    return affectedMedianHours === 0 ? { score: 3, reason: 'fairness.around_median' } : { score: 1, reason: 'fairness.well_above' };
  if (affectedMedianHours <= organisationMedianHours * (1 - FAIRNESS_BAND)) return { score: 5, reason: 'fairness.well_below' };
  if (affectedMedianHours >= organisationMedianHours * (1 + FAIRNESS_BAND)) return { score: 1, reason: 'fairness.well_above' };
  return { score: 3, reason: 'fairness.around_median' };
}

export interface UrgencyInput {
  now: Date;
  /** Deadline set during triage or on the need. */
  deadline: Date | null;
  /** The competence is at risk in the prognosis (domain-rules §4) at this horizon year. */
  atRiskHorizonYear: number | null;
}

function monthsUntil(now: Date, then: Date): number {
  return (then.getTime() - now.getTime()) / (30.44 * 86_400_000);
}

/**
 * Urgency from the nearest of the deadline and the prognosis horizon (1 January of the horizon
 * year): ≤ 3 months (or past) 5, ≤ 6 months 4, ≤ 12 months 3, ≤ 24 months 2, later 1.
 * No deadline and no risk → null (no suggestion).
 */
export function suggestUrgency(input: UrgencyInput): Suggestion | null {
  const dates = [input.deadline, input.atRiskHorizonYear === null ? null : new Date(Date.UTC(input.atRiskHorizonYear, 0, 1))].filter(
    (d): d is Date => d !== null,
  );
  if (dates.length === 0) return null;
  const nearest = dates.reduce((a, b) => (a.getTime() <= b.getTime() ? a : b));
  const months = monthsUntil(input.now, nearest);
  const source = nearest === input.deadline ? 'deadline' : 'prognosis';
  const score = months <= 3 ? 5 : months <= 6 ? 4 : months <= 12 ? 3 : months <= 24 ? 2 : 1;
  return { score, reason: `urgency.${source}` };
}

/** What an hour away from work is counted at when weighing time against money, in cents. */
export const HOUR_COST_CENTS = 4_000;

/**
 * Investment: lower cost and time → higher score. Effort per participant = price + hours × €40;
 * ≤ €150 → 5, ≤ €400 → 4, ≤ €1,000 → 3, ≤ €2,500 → 2, more → 1. Unknown cost and hours → null.
 */
export function suggestInvestment(costPerParticipantCents: number | null, hours: number | null): Suggestion | null {
  if (costPerParticipantCents === null && hours === null) return null;
  if ((costPerParticipantCents ?? 0) < 0 || (hours ?? 0) < 0)
    throw new PriorityInputError('/estimatedCost', 'Cost and hours cannot be negative.');
  const effort = (costPerParticipantCents ?? 0) + (hours ?? 0) * HOUR_COST_CENTS;
  const score = effort <= 15_000 ? 5 : effort <= 40_000 ? 4 : effort <= 100_000 ? 3 : effort <= 250_000 ? 2 : 1;
  return { score, reason: 'investment.effort' };
}
