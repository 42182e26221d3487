import { describe, expect, it } from 'vitest';
import { endOfDayInBrussels } from './expiry.js';

describe('endOfDayInBrussels', () => {
  it('summer time: 23:59:59 CEST is 21:59:59 UTC', () => {
    expect(endOfDayInBrussels('2026-06-30').toISOString()).toBe('2026-06-30T21:59:59.000Z');
  });

  it('winter time: 23:59:59 CET is 22:59:59 UTC', () => {
    expect(endOfDayInBrussels('2026-12-15').toISOString()).toBe('2026-12-15T22:59:59.000Z');
  });

  it('the days of the clock changes', () => {
    // 29 March 2026: clocks go forward at 02:00; by midnight it is summer time.
    expect(endOfDayInBrussels('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.000Z');
    // 25 October 2026: clocks go back at 03:00; by midnight it is winter time.
    expect(endOfDayInBrussels('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.000Z');
  });
});
