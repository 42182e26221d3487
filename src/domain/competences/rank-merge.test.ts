import { describe, expect, it } from 'vitest';
import { mergeRankedHits, scoreTextHit, scoreTrigramHit } from './rank-merge.js';

describe('mergeRankedHits', () => {
  it('ranks whole-word matches above prefix matches above trigram matches', () => {
    const result = mergeRankedHits(
      [
        { id: 'p', label: 'computervaardigheden', rank: 0.5, exact: false },
        { id: 'f', label: 'werken met computers', rank: 0.1, exact: true },
      ],
      [{ id: 't', label: 'compost maken', similarity: 0.7 }],
      { query: 'computer', limit: 10 },
    );
    expect(result.map((r) => [r.id, r.matchedBy])).toEqual([
      ['f', 'fulltext'],
      ['p', 'prefix'],
      ['t', 'trigram'],
    ]);
  });

  it('dedupes a competence found both ways, keeping the better score and its kind', () => {
    const result = mergeRankedHits(
      [{ id: 'a', label: 'lassen', rank: 0.4, exact: true }],
      [
        { id: 'a', label: 'lassen', similarity: 1 },
        { id: 'b', label: 'lassers', similarity: 0.5 },
      ],
      { query: 'lasen', limit: 10 },
    );
    expect(result).toHaveLength(2);
    expect(result[0]).toEqual({ id: 'a', score: scoreTextHit({ id: 'a', label: '', rank: 0.4, exact: true }), matchedBy: 'fulltext' });
    expect(result[1]).toEqual({ id: 'b', score: scoreTrigramHit({ id: 'b', label: '', similarity: 0.5 }), matchedBy: 'trigram' });
  });

  it('puts a label equal to the query first with score 1', () => {
    const result = mergeRankedHits(
      [
        { id: 'long', label: 'Plannen van werk', rank: 0.9, exact: true },
        { id: 'same', label: 'Plannen', rank: 0.2, exact: true },
      ],
      [],
      { query: ' plannen ', limit: 5 },
    );
    expect(result[0]).toEqual({ id: 'same', score: 1, matchedBy: 'fulltext' });
  });

  it('breaks ties by label and respects the limit', () => {
    const hits = ['c', 'a', 'b'].map((label) => ({ id: label, label, similarity: 0.5 }));
    expect(mergeRankedHits([], hits, { query: 'x', limit: 2 }).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('keeps scores within 0..1 even for odd inputs', () => {
    const result = mergeRankedHits([{ id: 'x', label: 'x', rank: Number.NaN, exact: true }], [{ id: 'y', label: 'y', similarity: 7 }], {
      query: 'q',
      limit: 5,
    });
    for (const r of result) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
  });
});
