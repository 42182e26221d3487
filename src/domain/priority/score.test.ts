import { describe, expect, it } from 'vitest';
import {
  compareByPriority,
  defaultWeights,
  priority,
  PriorityInputError,
  suggestCoreTask,
  suggestFairness,
  suggestFeasibility,
  suggestInvestment,
  suggestUrgency,
  type Scores,
} from './score.js';

const s = (score: number, origin: 'suggested' | 'override' | 'manual' = 'suggested') => ({ score, origin, reason: 'test' });

describe('priority (domain-rules §6)', () => {
  it('is the plain mean with the default weights', () => {
    const scores: Scores = {
      investment: s(4),
      urgency: s(5),
      success: s(3),
      fairness: s(5),
      feasibility: s(5),
      core_task: s(5),
      strategic_fit: s(2),
    };
    // (4+5+3+5+5+5+2)/7 = 29/7 = 4.142857…
    expect(priority(scores)).toMatchObject({ value: 4.14, missing: [] });
  });

  it('applies organisation weights: Σ wᵢ·sᵢ / Σ wᵢ', () => {
    const scores: Scores = {
      investment: s(1),
      urgency: s(5),
      success: s(3),
      fairness: s(3),
      feasibility: s(3),
      core_task: s(5),
      strategic_fit: s(3),
    };
    const weights = { ...defaultWeights, urgency: 3, investment: 0 };
    // investment weight 0 drops out: (3·5 + 3 + 3 + 3 + 5 + 3) / (3+1+1+1+1+1) = 32/8 = 4
    expect(priority(scores, weights)).toMatchObject({
      value: 4,
      counted: ['urgency', 'success', 'fairness', 'feasibility', 'core_task', 'strategic_fit'],
    });
  });

  it('leaves missing criteria out of both sums instead of guessing', () => {
    expect(priority({ urgency: s(5), core_task: s(3) })).toMatchObject({
      value: 4,
      missing: ['investment', 'success', 'fairness', 'feasibility', 'strategic_fit'],
    });
    expect(priority({})).toMatchObject({ value: null });
  });

  it('an override counts like any score', () => {
    expect(priority({ urgency: s(2, 'override'), core_task: s(4) }).value).toBe(3);
  });

  it('rejects scores outside 1–5 and weights that sum to zero, naming the field', () => {
    expect(() => priority({ urgency: s(6) })).toThrowError(PriorityInputError);
    try {
      priority({ urgency: s(0) });
    } catch (e) {
      expect((e as PriorityInputError).field).toBe('/scores/urgency');
    }
    const zero = Object.fromEntries(Object.keys(defaultWeights).map((k) => [k, 0])) as typeof defaultWeights;
    expect(() => priority({ urgency: s(3) }, zero)).toThrowError(/At least one weight/);
    expect(() => priority({ urgency: s(3) }, { ...defaultWeights, success: -1 })).toThrowError(/0 to 10/);
    expect(() => priority({ urgency: s(2.5) })).toThrowError(/whole number/);
  });
});

describe('ranking', () => {
  const need = (id: string, p: number | null, urgency: number | null, people: number, title = id) => ({
    id,
    priority: p,
    urgency,
    people,
    title,
  });
  it('breaks ties on urgency, then people concerned, then title; unknown priority last', () => {
    const ranked = [
      need('a', 3.5, 2, 10),
      need('b', 4, 1, 3),
      need('c', 3.5, 4, 2),
      need('d', null, 5, 50),
      need('e', 3.5, 4, 9),
      need('f', 3.5, 4, 9, 'Aa'),
    ].sort(compareByPriority);
    expect(ranked.map((n) => n.id)).toEqual(['b', 'f', 'e', 'c', 'a', 'd']);
  });
});

describe('suggested scores', () => {
  it('core-task relevance: core 5, supporting 3, absent 1', () => {
    expect(suggestCoreTask('core').score).toBe(5);
    expect(suggestCoreTask('supporting').score).toBe(3);
    expect(suggestCoreTask(null).score).toBe(1);
  });

  it('feasibility: offer soon 5, internal trainer 4, only distant or expensive 2, none 1', () => {
    expect(suggestFeasibility({ offerWithin6Months: true, internalTrainer: true, onlyDistantOrExpensive: false }).score).toBe(5);
    expect(suggestFeasibility({ offerWithin6Months: false, internalTrainer: true, onlyDistantOrExpensive: true }).score).toBe(4);
    expect(suggestFeasibility({ offerWithin6Months: false, internalTrainer: false, onlyDistantOrExpensive: true }).score).toBe(2);
    expect(suggestFeasibility({ offerWithin6Months: false, internalTrainer: false, onlyDistantOrExpensive: false }).score).toBe(1);
  });

  it('fairness: "is it always the same people?"', () => {
    expect(suggestFairness(2, 16)?.score).toBe(5); // well below the median
    expect(suggestFairness(8, 16)?.score).toBe(5); // exactly half: well below
    expect(suggestFairness(14, 16)?.score).toBe(3);
    expect(suggestFairness(24, 16)?.score).toBe(1);
    expect(suggestFairness(0, 0)?.score).toBe(3);
    expect(suggestFairness(4, 0)?.score).toBe(1);
    expect(suggestFairness(null, 16)).toBeNull();
  });

  it('urgency from the nearest of deadline and prognosis horizon', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    expect(suggestUrgency({ now, deadline: new Date('2027-01-15T00:00:00Z'), atRiskHorizonYear: null })).toEqual({
      score: 5,
      reason: 'urgency.deadline',
    });
    expect(suggestUrgency({ now, deadline: null, atRiskHorizonYear: 2028 })).toEqual({ score: 2, reason: 'urgency.prognosis' });
    expect(suggestUrgency({ now, deadline: new Date('2027-09-01T00:00:00Z'), atRiskHorizonYear: 2028 })).toEqual({
      score: 3,
      reason: 'urgency.deadline',
    });
    expect(suggestUrgency({ now, deadline: new Date('2026-10-01T00:00:00Z'), atRiskHorizonYear: null })?.score).toBe(5);
    expect(suggestUrgency({ now, deadline: null, atRiskHorizonYear: 2031 })?.score).toBe(1);
    expect(suggestUrgency({ now, deadline: null, atRiskHorizonYear: null })).toBeNull();
  });

  it('investment: cheaper and shorter scores higher; money in cents', () => {
    expect(suggestInvestment(0, 3)?.score).toBe(5); // €120 of time
    expect(suggestInvestment(25_000, 3)?.score).toBe(4); // €250 + €120
    expect(suggestInvestment(60_000, 8)?.score).toBe(3); // €600 + €320
    expect(suggestInvestment(150_000, 24)?.score).toBe(2); // €1,500 + €960
    expect(suggestInvestment(300_000, 40)?.score).toBe(1);
    expect(suggestInvestment(null, null)).toBeNull();
    expect(() => suggestInvestment(-1, 2)).toThrowError(/negative/);
  });
});
