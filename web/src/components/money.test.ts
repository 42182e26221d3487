import { describe, expect, it } from 'vitest';
import { euroInput, formatEuro, hoursInput, parseEuro, parseHours, REQUIRED as required, ZERO_IF_BLANK as optional } from './money';

describe('amounts typed in euros become whole cents', () => {
  it('reads Belgian and English notations', () => {
    expect(parseEuro('49,50', required)).toBe(4_950);
    expect(parseEuro('1.234,50', required)).toBe(123_450);
    expect(parseEuro('1234,5', required)).toBe(123_450);
    expect(parseEuro('1234.50', required)).toBe(123_450);
    expect(parseEuro('1,234.50', required)).toBe(123_450);
    expect(parseEuro('€ 80', required)).toBe(8_000);
    expect(parseEuro('1.234', required)).toBe(123_400);
    expect(parseEuro('149,95', required)).toBe(14_995);
    expect(parseEuro('€ 0', required)).toBe(0);
  });
  it('refuses what is not an amount of 0 or more', () => {
    for (const text of ['-5', 'abc', 'gratis', '12,345,6', '1,2.3', '10,', '1.2345']) expect(parseEuro(text, optional), text).toBeNull();
  });
  it('reads an empty field as the caller says: missing, or zero', () => {
    expect(parseEuro('', required)).toBeNull();
    expect(parseEuro('  ', required)).toBeNull();
    expect(parseEuro('', optional)).toBe(0);
  });
  it('shows cents as euros', () => {
    expect(euroInput(123_450, 'nl')).toBe('1234,50');
    expect(euroInput(123_450, 'en')).toBe('1234.50');
    expect(formatEuro(123_450, 'nl')).toMatch(/1\.234,50/);
    expect(formatEuro(4_950, 'nl')).toMatch(/49,50/);
  });
});

describe('hours typed become whole minutes', () => {
  it('reads whole and decimal hours in both notations', () => {
    expect(parseHours('3', required)).toBe(180);
    expect(parseHours('1,5', required)).toBe(90);
    expect(parseHours('1.5', required)).toBe(90);
    expect(parseHours('16', optional)).toBe(960);
    expect(parseHours('drie', optional)).toBeNull();
    expect(parseHours('-1', optional)).toBeNull();
  });
  it('reads an empty field as the caller says, and refuses no time at all only where a duration must be positive', () => {
    expect(parseHours('', required)).toBeNull();
    expect(parseHours('', optional)).toBe(0);
    expect(parseHours('0', optional)).toBe(0);
    expect(parseHours('0', { ...required, positive: true })).toBeNull();
    expect(parseHours('0,001', { ...required, positive: true })).toBeNull();
  });
  it('shows minutes as hours', () => {
    expect(hoursInput(90, 'nl')).toBe('1,5');
    expect(hoursInput(90, 'en')).toBe('1.5');
  });
});
