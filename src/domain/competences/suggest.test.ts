import { describe, expect, it } from 'vitest';
import { buildSuggestionQuery, rankSuggestions, type SuggestionCandidate } from './suggest.js';

describe('suggestion query', () => {
  it('ORs the telling words of a sentence, longer words also as prefixes', () => {
    expect(buildSuggestionQuery('Ik wil beter leren werken met de tablet aan de lijn.')).toEqual({
      any: 'met | tablet | aan | lijn',
      anyPrefix: 'met | tablet:* | aan | lijn:*',
      words: ['met', 'tablet', 'aan', 'lijn'],
    });
  });

  it('keeps the common words when nothing else is left', () => {
    expect(buildSuggestionQuery('Beter leren werken')?.words).toEqual(['beter', 'leren', 'werken']);
  });

  it('keeps only letters and digits, so operators cannot be injected', () => {
    expect(buildSuggestionQuery("EHBO & 'kettingzaag':* !veilig")?.any).toBe('ehbo | kettingzaag | veilig');
  });

  it('gives nothing to search for in a text of short words only', () => {
    expect(buildSuggestionQuery('ik ?! en')).toBeNull();
    expect(buildSuggestionQuery('')).toBeNull();
  });

  it('counts every word once and at most 24 words', () => {
    const q = buildSuggestionQuery(Array.from({ length: 30 }, (_, i) => `woord${i} woord${i}`).join(' '))!;
    expect(q.words).toHaveLength(24);
  });
});

describe('ranking suggestions', () => {
  const hit = (id: string, rank: number, exact = true, kind = 'skill'): SuggestionCandidate => ({ id, label: id, kind, rank, exact });

  it('ranks whole-word matches first, drops tree nodes, keeps five', () => {
    const ranked = rankSuggestions(
      [
        hit('a', 0.2, false),
        hit('b', 0.1),
        hit('g', 0.9, true, 'group'),
        hit('c', 0.3),
        hit('d', 0.05),
        hit('e', 0.01),
        hit('f', 0.02),
        hit('c', 0.3),
      ],
      {
        preferred: new Set(),
      },
    );
    expect(ranked.map((r) => r.competenceId)).toEqual(['c', 'b', 'd', 'f', 'e']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('puts competences the organisation uses ahead of similar matches', () => {
    const ranked = rankSuggestions([hit('esco', 0.3), hit('own', 0.2)], { preferred: new Set(['own']) });
    expect(ranked[0]).toMatchObject({ competenceId: 'own', rank: 1 });
  });
});
