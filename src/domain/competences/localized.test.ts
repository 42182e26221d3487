import { describe, expect, it } from 'vitest';
import { pickLocalized, shorten } from './localized.js';

describe('pickLocalized', () => {
  it('picks the language and falls back nl → en → fr', () => {
    expect(pickLocalized({ nl: 'lassen', fr: 'souder', en: 'welding' }, 'fr')).toBe('souder');
    expect(pickLocalized({ en: 'welding', fr: 'souder' }, 'nl')).toBe('welding');
    expect(pickLocalized({ nl: 'lassen', en: '' }, 'en')).toBe('lassen');
    expect(pickLocalized({ fr: 'souder' }, 'en')).toBe('souder');
    expect(pickLocalized(null, 'nl')).toBe('');
  });
});

describe('shorten', () => {
  it('leaves short text alone and cuts long text at a word boundary', () => {
    expect(shorten('  kort   en goed ')).toBe('kort en goed');
    const long = 'Dit is een lange beschrijving, '.repeat(20);
    const short = shorten(long, 50);
    expect(short.length).toBeLessThanOrEqual(50);
    expect(short.endsWith('…')).toBe(true);
    expect(short).not.toMatch(/[ ,]…$/);
  });
});
