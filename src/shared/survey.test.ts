import { describe, expect, it } from 'vitest';
import { htmlLanguage, isSurveyLocale, progressAt, speechLanguage, textIn } from './survey.js';

describe('textIn', () => {
  const label = { nl: 'Instructies begrijpen', fr: 'Comprendre les consignes', 'nl-easy': 'Ik begrijp wat ik moet doen.' };

  it('uses the chosen language', () => {
    expect(textIn(label, 'fr')).toBe('Comprendre les consignes');
    expect(textIn(label, 'nl-easy')).toBe('Ik begrijp wat ik moet doen.');
  });

  it('falls back from easy Dutch to Dutch, and from a missing language to Dutch', () => {
    expect(textIn({ nl: 'Samenwerken' }, 'nl-easy')).toBe('Samenwerken');
    expect(textIn({ nl: 'Samenwerken' }, 'en')).toBe('Samenwerken');
    expect(textIn(null, 'nl')).toBe('');
  });
});

describe('speech and page language', () => {
  it('reads Belgian Dutch (also easy Dutch) and French, British English', () => {
    expect(speechLanguage('nl')).toBe('nl-BE');
    expect(speechLanguage('nl-easy')).toBe('nl-BE');
    expect(speechLanguage('fr')).toBe('fr-BE');
    expect(speechLanguage('en')).toBe('en-GB');
    expect(htmlLanguage('nl-easy')).toBe('nl');
    expect(htmlLanguage('fr')).toBe('fr');
  });

  it('knows the four survey languages', () => {
    expect(['nl', 'fr', 'en', 'nl-easy', 'de', 42].map(isSurveyLocale)).toEqual([true, true, true, true, false, false]);
  });
});

describe('progressAt', () => {
  it('says "question 3 of 12" and how much is answered', () => {
    expect(progressAt(2, 12, 2)).toEqual({ number: 3, total: 12, percent: 17 });
    expect(progressAt(11, 12, 12)).toEqual({ number: 12, total: 12, percent: 100 });
  });

  it('stays within bounds', () => {
    expect(progressAt(20, 4, 9)).toEqual({ number: 4, total: 4, percent: 100 });
    expect(progressAt(-1, 4, -2)).toEqual({ number: 1, total: 4, percent: 0 });
    expect(progressAt(0, 0, 0)).toEqual({ number: 0, total: 0, percent: 100 });
  });
});
