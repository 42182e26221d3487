import { describe, expect, it } from 'vitest';
import { contrast, gapBin, gapBins, hatchLines, ink, numberFormats, paper, suppressedFill } from './scale';

describe('heat map colours', () => {
  it('write every number with at least 4.5:1 contrast on its cell colour', () => {
    for (const bin of gapBins) expect(contrast(bin.text, bin.fill), bin.fill).toBeGreaterThanOrEqual(4.5);
    expect(contrast(ink, suppressedFill)).toBeGreaterThanOrEqual(4.5);
  });

  it('get darker as the gap grows, and cover every gap from 0 up', () => {
    const lum = gapBins.map((b) => contrast(b.fill, paper));
    for (let i = 1; i < lum.length; i++) expect(lum[i]).toBeGreaterThan(lum[i - 1]);
    expect(gapBin(0)).toBe(gapBins[0]);
    expect(gapBin(0.25)).toBe(gapBins[1]);
    expect(gapBin(1)).toBe(gapBins[2]);
    expect(gapBin(1.5)).toBe(gapBins[3]);
    expect(gapBin(4)).toBe(gapBins[4]);
  });

  it('computes the WCAG contrast ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('number formats', () => {
  it('use the language of the screen', () => {
    const nl = numberFormats('nl');
    expect(nl.gap(1.25)).toBe('1,3');
    expect(nl.percent(0.6)).toMatch(/^60\s?%$/);
    expect(numberFormats('en').gap(1)).toBe('1.0');
  });
});

describe('hatch lines', () => {
  it('stay inside the cell', () => {
    const lines = hatchLines(10, 20, 40, 30, 6);
    expect(lines.length).toBeGreaterThan(5);
    for (const [x1, y1, x2, y2] of lines) {
      for (const x of [x1, x2]) {
        expect(x).toBeGreaterThanOrEqual(10 - 1e-9);
        expect(x).toBeLessThanOrEqual(50 + 1e-9);
      }
      for (const y of [y1, y2]) {
        expect(y).toBeGreaterThanOrEqual(20 - 1e-9);
        expect(y).toBeLessThanOrEqual(50 + 1e-9);
      }
    }
  });
});
