import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSearchQuery, splitWords } from './search-query.js';

describe('buildSearchQuery', () => {
  it('makes an exact AND query and a prefix query on the last word', () => {
    expect(buildSearchQuery('Werken met computers')).toEqual({
      exact: 'werken & met & computers',
      prefix: 'werken & met & computers:*',
      trigram: 'werken met computers',
      words: ['werken', 'met', 'computers'],
    });
  });

  it('strips tsquery operators and punctuation so input cannot inject syntax', () => {
    const q = buildSearchQuery("comp' & !uter:* | (x)");
    expect(q.words).toEqual(['comp', 'uter', 'x']);
    expect(q.exact).toBe('comp & uter & x');
    expect(q.prefix).toBeNull(); // last word "x" is too short for a prefix
  });

  it('keeps accented letters and digits', () => {
    expect(splitWords('Éducation   numérique 2.0')).toEqual(['éducation', 'numérique', '2', '0']);
  });

  it('returns nulls for input without words, and no trigram for very short text', () => {
    expect(buildSearchQuery('  -- !! ')).toEqual({ exact: null, prefix: null, trigram: null, words: [] });
    expect(buildSearchQuery('it').trigram).toBeNull();
    expect(buildSearchQuery('it').prefix).toBeNull();
    expect(buildSearchQuery('computr').trigram).toBe('computr');
  });

  it('caps the number of words', () => {
    expect(buildSearchQuery('a b c d e f g h i j k').words).toHaveLength(8);
  });

  it('only ever emits letters, digits, " & " and a final ":*"', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const q = buildSearchQuery(text);
        for (const s of [q.exact, q.prefix]) {
          if (s !== null) expect(s).toMatch(/^[\p{L}\p{N}]+( & [\p{L}\p{N}]+)*(:\*)?$/u);
        }
      }),
    );
  });
});
