import { describe, expect, it } from 'vitest';
import { applicationDueOn, effectiveParticipants, isApplicationDue, needIsMet, normaliseParticipation, scoreSummary } from './follow-up.js';
import { PlanRuleError } from './plan.js';

const context = { durationMinutes: 480, today: '2026-11-23' };

describe('participation', () => {
  it('attended and completed count the action’s duration unless minutes are given', () => {
    expect(normaliseParticipation({ status: 'attended' }, context)).toEqual({
      status: 'attended',
      minutesAttended: 480,
      completedOn: null,
    });
    expect(normaliseParticipation({ status: 'completed', minutesAttended: 300, completedOn: '2026-10-01' }, context)).toEqual({
      status: 'completed',
      minutesAttended: 300,
      completedOn: '2026-10-01',
    });
  });
  it('a completed participation without a day is completed today', () => {
    expect(normaliseParticipation({ status: 'completed' }, context).completedOn).toBe('2026-11-23');
  });
  it('planned, enrolled, no-show and cancelled count no minutes', () => {
    for (const status of ['planned', 'enrolled', 'no_show', 'cancelled'] as const) {
      expect(normaliseParticipation({ status }, context)).toEqual({ status, minutesAttended: 0, completedOn: null });
    }
    expect(() => normaliseParticipation({ status: 'no_show', minutesAttended: 60 }, context)).toThrowError(/attended or completed/);
  });
  it('refuses negative minutes, a completion day on another status and a day in the future', () => {
    expect(() => normaliseParticipation({ status: 'attended', minutesAttended: -5 }, context)).toThrowError(PlanRuleError);
    expect(() => normaliseParticipation({ status: 'attended', completedOn: '2026-11-01' }, context)).toThrowError(/completion day/);
    const future = (() => {
      try {
        normaliseParticipation({ status: 'completed', completedOn: '2026-12-01' }, context);
      } catch (error) {
        return error as PlanRuleError;
      }
    })();
    expect(future?.field).toBe('/completedOn');
  });
});

describe('application evaluation after three months', () => {
  it('is due three months after completion, at the end of a shorter month', () => {
    expect(applicationDueOn('2026-08-23')).toBe('2026-11-23');
    expect(applicationDueOn('2026-11-30')).toBe('2027-02-28');
  });
  it('is due on that day and later, never before or without completion', () => {
    expect(isApplicationDue('2026-08-23', '2026-11-23')).toBe(true);
    expect(isApplicationDue('2026-08-24', '2026-11-23')).toBe(false);
    expect(isApplicationDue(null, '2026-11-23')).toBe(false);
  });
});

describe('evaluation means and the anonymity threshold', () => {
  it('shows the mean from k evaluations on', () => {
    expect(scoreSummary([4, 5, 3, 4, 4], 5)).toEqual({ count: 5, shown: true, mean: 4 });
    expect(scoreSummary([4, 5, 3], 3)).toEqual({ count: 3, shown: true, mean: 4 });
  });
  it('hides the mean below k, and k is never below 3', () => {
    expect(scoreSummary([4, 5, 3, 4], 5)).toEqual({ count: 4, shown: false, mean: null });
    expect(scoreSummary([5, 1], 2)).toEqual({ count: 2, shown: false, mean: null });
    expect(scoreSummary([], 3)).toEqual({ count: 0, shown: false, mean: null });
  });
  it('rounds to two decimals', () => {
    expect(scoreSummary([4, 4, 5], 3).mean).toBe(4.33);
  });
});

describe('participants', () => {
  it('named people decide; without names the planned count', () => {
    expect(effectiveParticipants(3, 10)).toBe(3);
    expect(effectiveParticipants(0, 10)).toBe(10);
  });
});

describe('is the need met? (gap = required − current, domain-rules §2)', () => {
  it('met when nobody linked has a gap of 1 or more', () => {
    expect(
      needIsMet([
        { required: 3, current: 3 },
        { required: 2, current: 4 },
      ]),
    ).toBe(true);
  });
  it('open while one person still has a gap', () => {
    expect(
      needIsMet([
        { required: 3, current: 3 },
        { required: 3, current: 2 },
      ]),
    ).toBe(false);
  });
  it('an unknown level is never zero and never met; no people, no decision', () => {
    expect(needIsMet([{ required: 2, current: null }])).toBe(false);
    expect(needIsMet([])).toBe(false);
  });
  it('people whose profile does not ask for the competence have no gap', () => {
    expect(
      needIsMet([
        { required: null, current: null },
        { required: 2, current: 2 },
      ]),
    ).toBe(true);
  });
});
