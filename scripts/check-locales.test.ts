import { describe, expect, it } from 'vitest';
import { findLocaleProblems, findPartialLocaleProblems, flatten } from './check-locales.js';

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
    expect(findLocaleProblems(tree)).toEqual([
      'fr/auth.json: file missing',
      'nl/common.json: "a" is empty',
      'nl/common.json: "b" is not a string',
    ]);
  });

  it('flattens nested messages to dotted keys', () => {
    expect([...flatten({ a: { b: { c: 'x' } }, d: 'y' }).keys()]).toEqual(['a.b.c', 'd']);
  });

  it('ignores partial locales in the nl/fr/en parity', () => {
    const tree = { nl: { common: { a: 'A' } }, fr: { common: { a: 'A' } }, en: { common: { a: 'A' } }, 'nl-easy': { survey: { x: 'X' } } };
    expect(findLocaleProblems(tree)).toEqual([]);
  });
});

describe('partial locales (easy Dutch: the survey namespace only, completely)', () => {
  const nl = { common: { a: 'A' }, survey: { title: 'Vragen', nested: { b: 'B' } } };

  it('accepts nl-easy with exactly the keys of nl/survey.json', () => {
    expect(findPartialLocaleProblems({ nl, 'nl-easy': { survey: { title: 'Vragen', nested: { b: 'Makkelijk' } } } })).toEqual([]);
  });

  it('names missing, empty and extra keys, a missing file and namespaces it must not have', () => {
    expect(findPartialLocaleProblems({ nl, 'nl-easy': { survey: { title: ' ', extra: 'X' }, common: { a: 'A' } } })).toEqual([
      'nl-easy/common.json: nl-easy covers only survey; remove this file',
      'nl-easy/survey.json: missing key "nested.b"',
      'nl-easy/survey.json: "title" is empty',
      'nl-easy/survey.json: key "extra" is not in nl/survey.json',
    ]);
    expect(findPartialLocaleProblems({ nl })).toEqual(['nl-easy/survey.json: file missing']);
  });
});
