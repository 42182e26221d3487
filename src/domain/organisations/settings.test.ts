import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDITY_MONTHS, effectiveSettings } from './settings.js';

describe('effectiveSettings', () => {
  it('fills in k = 5 and 24 months where the organisation set nothing', () => {
    expect(effectiveSettings({})).toEqual({ anonymityThreshold: 5, validityMonths: DEFAULT_VALIDITY_MONTHS });
    expect(DEFAULT_VALIDITY_MONTHS).toBe(24);
  });

  it("keeps the organisation's own values, but never a k below 3", () => {
    expect(effectiveSettings({ anonymityThreshold: 8, validityMonths: 12 })).toEqual({ anonymityThreshold: 8, validityMonths: 12 });
    expect(effectiveSettings({ anonymityThreshold: 2 }).anonymityThreshold).toBe(3);
    expect(effectiveSettings({ anonymityThreshold: 3 }).anonymityThreshold).toBe(3);
  });
});
