import { describe, expect, it } from 'vitest';
import { effortPerParticipant, median, monthsAhead, mostCommonImportance, windowStart } from './inputs.js';
import { suggestCoreTask, suggestFairness, suggestInvestment } from './score.js';

describe('mostCommonImportance', () => {
  it('takes the most common importance among the people concerned', () => {
    expect(mostCommonImportance(['core', 'supporting', 'supporting', null])).toEqual({
      importance: 'supporting',
      core: 1,
      supporting: 2,
      absent: 1,
    });
    expect(mostCommonImportance([null, null, 'core'])?.importance).toBeNull();
  });

  it('breaks ties towards the more important value', () => {
    expect(mostCommonImportance(['core', null])?.importance).toBe('core');
    expect(mostCommonImportance(['supporting', null])?.importance).toBe('supporting');
    expect(mostCommonImportance(['core', 'supporting'])?.importance).toBe('core');
  });

  it('has nothing to say without people', () => {
    expect(mostCommonImportance([])).toBeUndefined();
  });

  it('feeds the core-task suggestion (5 core, 3 supporting, 1 absent)', () => {
    expect(suggestCoreTask(mostCommonImportance(['core', 'core', null])!.importance).score).toBe(5);
    expect(suggestCoreTask(mostCommonImportance([null, null, 'supporting'])!.importance).score).toBe(1);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it('gives the fairness example: affected trained 2 h, organisation median 8 h → well below → 5', () => {
    const organisation = median([0, 2, 8, 8, 12, 16, 20]);
    expect(organisation).toBe(8);
    expect(suggestFairness(median([2, 2]), organisation)).toEqual({ score: 5, reason: 'fairness.well_below' });
  });
});

describe('windowStart', () => {
  it('goes back 24 months by default', () => {
    expect(windowStart('2026-06-15')).toBe('2024-06-15');
    expect(windowStart('2026-01-31', 1)).toBe('2025-12-31');
  });

  it('goes ahead as well (the feasibility horizon of 6 months)', () => {
    expect(monthsAhead('2026-11-23', 6)).toBe('2027-05-23');
    expect(monthsAhead('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('clips to the last day of a shorter month', () => {
    expect(windowStart('2026-03-31', 1)).toBe('2026-02-28');
    expect(windowStart('2028-02-29', 24)).toBe('2026-02-28');
  });
});

describe('effortPerParticipant', () => {
  it('adds prices per participant, spreads fixed costs, and sums hours', () => {
    expect(
      effortPerParticipant([
        { costPerParticipantCents: 10_000, fixedCostCents: 60_000, participants: 6, durationMinutes: 240 },
        { costPerParticipantCents: 0, fixedCostCents: 0, participants: 0, durationMinutes: 90 },
      ]),
    ).toEqual({ costPerParticipantCents: 20_000, hours: 5.5 });
  });

  it('spreads a fixed cost over one participant when none are planned', () => {
    expect(effortPerParticipant([{ costPerParticipantCents: 0, fixedCostCents: 5_000, participants: 0, durationMinutes: 0 }])).toEqual({
      costPerParticipantCents: 5_000,
      hours: 0,
    });
  });

  it('is unknown without actions, and feeds the investment suggestion', () => {
    expect(effortPerParticipant([])).toBeNull();
    const effort = effortPerParticipant([{ costPerParticipantCents: 20_000, fixedCostCents: 0, participants: 4, durationMinutes: 420 }])!;
    // €200 + 7 h × €40 = €480 → ≤ €1,000 → 3
    expect(suggestInvestment(effort.costPerParticipantCents, effort.hours)).toEqual({ score: 3, reason: 'investment.effort' });
  });
});
