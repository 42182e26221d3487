import { describe, expect, it } from 'vitest';
import { euroInput, formatEuro, hoursInput, parseEuro, parseHours } from './money';

describe('amounts typed in euros become whole cents', () => {
  it('reads Belgian and English notations', () => {
    expect(parseEuro('1.234,50')).toBe(123_450);
    expect(parseEuro('1234,5')).toBe(123_450);
    expect(parseEuro('1234.50')).toBe(123_450);
    expect(parseEuro('1,234.50')).toBe(123_450);
    expect(parseEuro('€ 80')).toBe(8_000);
    expect(parseEuro('1.234')).toBe(123_400);
    expect(parseEuro('149,95')).toBe(14_995);
    expect(parseEuro('')).toBe(0);
  });
  it('refuses what is not an amount of 0 or more', () => {
    for (const text of ['-5', 'abc', '12,345,6', '1,2.3', '10,', '1.2345']) expect(parseEuro(text), text).toBeNull();
  });
  it('shows cents as euros', () => {
    expect(euroInput(123_450, 'nl')).toBe('1234,50');
    expect(euroInput(123_450, 'en')).toBe('1234.50');
    expect(formatEuro(123_450, 'nl')).toMatch(/1\.234,50/);
  });
});

describe('hours', () => {
  it('become whole minutes', () => {
    expect(parseHours('1,5')).toBe(90);
    expect(parseHours('16')).toBe(960);
    expect(parseHours('x')).toBeNull();
    expect(hoursInput(90, 'nl')).toBe('1,5');
  });
});
