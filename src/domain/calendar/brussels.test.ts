import { describe, expect, it } from 'vitest';
import { todayInBrussels, yearInBrussels } from './brussels.js';

describe('todayInBrussels', () => {
  it('uses the Brussels calendar day, not the UTC one', () => {
    expect(todayInBrussels(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(todayInBrussels(new Date('2026-01-10T22:30:00Z'))).toBe('2026-01-10');
  });

  it('turns at midnight to the second, one instant after the other', () => {
    // Winter: midnight in Brussels is 23:00 UTC; summer: 22:00 UTC.
    expect(todayInBrussels(new Date('2026-12-15T22:59:59.999Z'))).toBe('2026-12-15');
    expect(todayInBrussels(new Date('2026-12-15T23:00:00.000Z'))).toBe('2026-12-16');
    expect(todayInBrussels(new Date('2026-06-30T21:59:59.999Z'))).toBe('2026-06-30');
    expect(todayInBrussels(new Date('2026-06-30T22:00:00.000Z'))).toBe('2026-07-01');
    expect(todayInBrussels(new Date('2026-06-30T21:59:30.000Z'))).toBe('2026-06-30');
  });
});

describe('yearInBrussels', () => {
  it('is already next year in the last hour of 31 December UTC', () => {
    expect(yearInBrussels(new Date('2026-12-31T22:59:59.999Z'))).toBe(2026);
    expect(yearInBrussels(new Date('2026-12-31T23:00:00.000Z'))).toBe(2027);
    expect(yearInBrussels(new Date('2027-01-01T00:30:00.000Z'))).toBe(2027);
  });
});
