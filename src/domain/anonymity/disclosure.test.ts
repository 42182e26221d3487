import { describe, expect, it } from 'vitest';
import {
  complementarySuppression,
  discloseCell,
  discloseRow,
  effectiveThreshold,
  meetsThreshold,
  passesDifferencing,
  type CellCount,
} from './disclosure.js';

describe('threshold (domain-rules §3 a)', () => {
  it('k defaults to 5 and is never below 3', () => {
    expect(effectiveThreshold(undefined)).toBe(5);
    expect(effectiveThreshold(null)).toBe(5);
    expect(effectiveThreshold(2)).toBe(3);
    expect(effectiveThreshold(0)).toBe(3);
    expect(effectiveThreshold(7)).toBe(7);
  });

  it('a team of 4 is hidden at k = 5, a team of 5 is shown', () => {
    expect(meetsThreshold(4, 5)).toBe(false);
    expect(meetsThreshold(5, 5)).toBe(true);
    expect(discloseCell({ persons: 4 }, 5)).toEqual({ shown: false, reason: 'below_threshold' });
    expect(discloseCell({ persons: 5 }, 5)).toEqual({ shown: true });
  });

  it('a setting below 3 still hides groups of 2', () => {
    expect(meetsThreshold(2, 1)).toBe(false);
    expect(meetsThreshold(3, 1)).toBe(true);
  });

  it('raising k hides what was shown', () => {
    expect(discloseCell({ persons: 6 }, 5).shown).toBe(true);
    expect(discloseCell({ persons: 6 }, 7)).toEqual({ shown: false, reason: 'below_threshold' });
  });
});

describe('complementary suppression (domain-rules §3 b)', () => {
  it('a team of 5 next to a team of 4: the 5 is hidden too, or the 4 could be computed from the total', () => {
    expect(
      complementarySuppression(
        true,
        [
          { key: 'A', persons: 5, shown: true },
          { key: 'B', persons: 4, shown: false },
        ],
        5,
      ),
    ).toEqual(['A']);
  });

  it('hides the smallest shown part first', () => {
    expect(
      complementarySuppression(
        true,
        [
          { key: 'big', persons: 20, shown: true },
          { key: 'small', persons: 2, shown: false },
          { key: 'mid', persons: 6, shown: true },
        ],
        5,
      ),
    ).toEqual(['mid']);
  });

  it('two hidden parts of one person each still add up to fewer than k: a third part is hidden', () => {
    const parts = [
      { key: 'A', persons: 1, shown: false },
      { key: 'B', persons: 1, shown: false },
      { key: 'C', persons: 8, shown: true },
      { key: 'D', persons: 9, shown: true },
    ];
    expect(complementarySuppression(true, parts, 5)).toEqual(['C']);
  });

  it('empty parts reveal nobody and do not count as hidden', () => {
    const parts = [
      { key: 'empty', persons: 0, shown: false },
      { key: 'B', persons: 3, shown: false },
      { key: 'C', persons: 10, shown: true },
      { key: 'D', persons: 12, shown: true },
    ];
    expect(complementarySuppression(true, parts, 5)).toEqual(['C']);
  });

  it('nothing to do when the total is hidden or nothing is hidden', () => {
    expect(
      complementarySuppression(
        false,
        [
          { key: 'A', persons: 2, shown: false },
          { key: 'B', persons: 9, shown: true },
        ],
        5,
      ),
    ).toEqual([]);
    expect(
      complementarySuppression(
        true,
        [
          { key: 'A', persons: 6, shown: true },
          { key: 'B', persons: 9, shown: true },
        ],
        5,
      ),
    ).toEqual([]);
  });

  it('hidden parts holding k persons together need no further suppression', () => {
    const parts = [
      { key: 'A', persons: 3, shown: false },
      { key: 'B', persons: 4, shown: false },
      { key: 'C', persons: 9, shown: true },
    ];
    expect(complementarySuppression(true, parts, 5)).toEqual([]);
  });
});

describe('differencing (domain-rules §3 c)', () => {
  it('two groups that differ by one person are never both answered', () => {
    // Team A has 10 people; team A filtered on a target group has 9: the finer one is refused.
    expect(passesDifferencing(9, [10], 5)).toBe(false);
    expect(discloseCell({ persons: 9, coarser: [10] }, 5)).toEqual({ shown: false, reason: 'differencing' });
    expect(discloseCell({ persons: 10 }, 5)).toEqual({ shown: true });
  });

  it('a difference of 0 (the filter changes nothing) or of k or more is fine', () => {
    expect(passesDifferencing(10, [10], 5)).toBe(true);
    expect(passesDifferencing(10, [15, 10], 5)).toBe(true);
    expect(passesDifferencing(10, [15, 14], 5)).toBe(false);
  });
});

describe('discloseRow', () => {
  it('applies threshold, differencing and complementary suppression in that order', () => {
    const parts = new Map<string, CellCount>([
      ['A', { persons: 6, coarser: [6] }],
      ['B', { persons: 7, coarser: [8] }],
      ['C', { persons: 12, coarser: [12] }],
      ['D', { persons: 2, coarser: [2] }],
    ]);
    const { total, parts: result } = discloseRow({ persons: 27, coarser: [40] }, parts, 5);
    expect(total).toEqual({ shown: true });
    expect(result.get('B')).toEqual({ shown: false, reason: 'differencing' });
    expect(result.get('D')).toEqual({ shown: false, reason: 'below_threshold' });
    // Hidden: B (7) + D (2) = 9 ≥ k and two parts: nothing more to hide.
    expect(result.get('A')).toEqual({ shown: true });
    expect(result.get('C')).toEqual({ shown: true });
  });

  it('a total below k hides everything', () => {
    const { total, parts } = discloseRow({ persons: 4 }, new Map([['A', { persons: 4 }]]), 5);
    expect(total.shown).toBe(false);
    expect(parts.get('A')).toEqual({ shown: false, reason: 'below_threshold' });
  });
});
