import { describe, expect, it } from 'vitest';
import { findLocaleProblems, flatten } from './check-locales.js';

describe('locale parity check', () => {
  it('accepts locales with the same keys and non-empty strings', () => {
    const tree = {
      nl: { common: { a: 'A', nested: { b: 'B' } } },
      fr: { common: { a: 'A fr', nested: { b: 'B fr' } } },
      en: { common: { a: 'A en', nested: { b: 'B en' } } },
    };
    expect(findLocaleProblems(tree)).toEqual([]);
  });

  it('names every key missing from any locale, including keys only fr or en has', () => {
    const tree = {
      nl: { common: { a: 'A' } },
      fr: { common: { a: 'A', extra: 'X' } },
      en: { common: { nested: { b: 'B' } } },
    };
    expect(findLocaleProblems(tree)).toEqual([
      'nl/common.json: missing key "extra"',
      'nl/common.json: missing key "nested.b"',
      'fr/common.json: missing key "nested.b"',
      'en/common.json: missing key "a"',
      'en/common.json: missing key "extra"',
    ]);
  });

  it('flags empty and non-string values and missing files', () => {
    const tree = {
      nl: { common: { a: '  ', b: 3 }, auth: { x: 'X' } },
      fr: { common: { a: 'A', b: 'B' } },
      en: { common: { a: 'A', b: 'B' }, auth: { x: 'X' } },
    };
    expect(findLocaleProblems(tree)).toEqual(['fr/auth.json: file missing', 'nl/common.json: "a" is empty', 'nl/common.json: "b" is not a string']);
  });

  it('flattens nested messages to dotted keys', () => {
    expect([...flatten({ a: { b: { c: 'x' } }, d: 'y' }).keys()]).toEqual(['a.b.c', 'd']);
  });
});
