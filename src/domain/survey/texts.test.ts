import { describe, expect, it } from 'vitest';
import { offeredTexts } from './texts.js';

describe('offeredTexts', () => {
  it('keeps only the languages the campaign offers and drops blank texts', () => {
    const label = { nl: 'Samenwerken', fr: 'Collaborer', en: 'Working together', 'nl-easy': 'Ik werk goed samen.' };
    expect(offeredTexts(label, ['nl', 'nl-easy'])).toEqual({ nl: 'Samenwerken', 'nl-easy': 'Ik werk goed samen.' });
    expect(offeredTexts({ nl: 'X', fr: '  ' }, ['nl', 'fr'])).toEqual({ nl: 'X' });
    expect(offeredTexts(null, ['nl'])).toEqual({});
  });
});
