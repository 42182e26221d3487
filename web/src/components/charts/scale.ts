/**
 * Colours and number formats shared by the charts. Pure functions (no DOM, no ECharts), so the
 * colour rules are unit-tested (scale.test.ts): every fill has a text colour with at least 4.5:1
 * contrast, and the number is always written in the cell, so colour is never the only cue.
 */

export const ink = '#1b1b1b';
export const paper = '#ffffff';
export const muted = '#4a4a4a';
export const brand = '#0b4f8a';
/** Second series colour (the horizon in the paired bars): dark orange, ≥ 3:1 against white and distinct from brand blue for colour-blind eyes. */
export const accent = '#b4490a';
export const suppressedFill = '#e6e6e6';
export const hatchStroke = '#8a8a8a';

export interface GapBin {
  /** Inclusive lower bound of the mean gap. */
  from: number;
  /** Exclusive upper bound; null = no upper bound. */
  to: number | null;
  fill: string;
  /** Text colour on this fill. */
  text: string;
}

/** Mean gap (in levels) → colour, light (small need) to dark (large need). */
export const gapBins: readonly GapBin[] = [
  { from: 0, to: 0.25, fill: '#fff5d6', text: ink },
  { from: 0.25, to: 0.75, fill: '#fdd58a', text: ink },
  { from: 0.75, to: 1.25, fill: '#f59e3b', text: ink },
  { from: 1.25, to: 1.75, fill: '#b4490a', text: paper },
  { from: 1.75, to: null, fill: '#7f2704', text: paper },
];

export function gapBin(meanGap: number): GapBin {
  for (const bin of gapBins) if (meanGap >= bin.from && (bin.to === null || meanGap < bin.to)) return bin;
  return gapBins[0];
}

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours (1..21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Number formats for one UI language. */
export function numberFormats(lang: string) {
  const gap = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const int = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  return {
    /** 1.25 → "1,3" (nl). */
    gap: (n: number) => gap.format(n),
    /** 0.6 → "60 %" (nl). */
    percent: (n: number) => pct.format(n),
    int: (n: number) => int.format(n),
  };
}

/** Segments of 45° hatch lines inside a rectangle (for suppressed cells), `step` px apart. */
export function hatchLines(x: number, y: number, width: number, height: number, step = 6): Array<[number, number, number, number]> {
  const lines: Array<[number, number, number, number]> = [];
  // Lines x + y = c, from the top-left corner to the bottom-right corner.
  for (let c = x + y + step; c < x + width + y + height; c += step) {
    const x1 = Math.max(x, c - (y + height));
    const x2 = Math.min(x + width, c - y);
    if (x2 <= x1) continue;
    lines.push([x1, c - x1, x2, c - x2]);
  }
  return lines;
}
