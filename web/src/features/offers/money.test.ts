import { describe, expect, it } from 'vitest';
import { euroInput, formatEuro, hoursInput, parseEuro, parseHours } from './money';

describe('offer prices: euros on screen, cents to the API', () => {
  it('reads Belgian and English notations', () => {
    expect(parseEuro('49,50')).toBe(4_950);
    expect(parseEuro('1.234,50')).toBe(123_450);
    expect(parseEuro('1234.5')).toBe(123_450);
    expect(parseEuro('€ 0')).toBe(0);
  });
  it('refuses an empty price, a negative one and words', () => {
    for (const text of ['', '-5', 'gratis', '10,', '1,2.3']) expect(parseEuro(text), text).toBeNull();
  });
  it('shows cents as euros', () => {
    expect(euroInput(4_950, 'nl')).toBe('49,50');
    expect(euroInput(4_950, 'en')).toBe('49.50');
    expect(formatEuro(4_950, 'nl')).toMatch(/49,50/);
  });
});

describe('offer duration: hours on screen, minutes to the API', () => {
  it('turns hours into whole minutes above zero', () => {
    expect(parseHours('3')).toBe(180);
    expect(parseHours('1,5')).toBe(90);
    expect(parseHours('0')).toBeNull();
    expect(parseHours('')).toBeNull();
    expect(parseHours('drie')).toBeNull();
    expect(hoursInput(90, 'nl')).toBe('1,5');
    expect(hoursInput(90, 'en')).toBe('1.5');
  });
});
