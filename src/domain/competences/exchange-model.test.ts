import { describe, expect, it } from 'vitest';
import { finishTree, keepRelations, preOrder, stableUuid, toExchangeLang, UUID_PATTERN, type ExchangeCompetence } from './exchange-model.js';

const c = (key: string, parentKey: string | null, line: number): ExchangeCompetence => ({
  key,
  code: null,
  parentKey,
  kind: 'skill',
  lang: 'nl',
  label: key,
  altLabels: [],
  description: '',
  position: 0,
  origin: { line },
});

describe('finishTree', () => {
  it('orders the tree in pre-order, siblings in input order', () => {
    const result = finishTree([c('b', null, 2), c('a1', 'a', 3), c('a', null, 4), c('b1', 'b', 5)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.competences.map((x) => [x.key, x.position])).toEqual([
      ['b', 0],
      ['b1', 1],
      ['a', 2],
      ['a1', 3],
    ]);
    expect(result.errors).toEqual([]);
  });

  it('rejects a cycle as a whole, naming the loop', () => {
    const result = finishTree([c('root', null, 2), c('x', 'z', 3), c('y', 'x', 4), c('z', 'y', 5)]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fatal).toMatch(/cycle: (x|y|z) → .* → \1/);
  });

  it('rejects a competence that is its own parent', () => {
    expect(finishTree([c('self', 'self', 2)]).ok).toBe(false);
  });

  it('skips a competence with a missing parent and its descendants, with their lines', () => {
    const result = finishTree([c('a', null, 2), c('b', 'missing', 3), c('b1', 'b', 4)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.competences.map((x) => x.key)).toEqual(['a']);
    expect(result.errors).toEqual([
      { line: 3, message: expect.stringContaining('"missing"') },
      { line: 4, message: expect.stringContaining('was skipped') },
    ]);
  });
});

describe('keepRelations', () => {
  it('merges symmetric duplicates and drops links to unknown or same nodes', () => {
    const kept = keepRelations(
      [
        { fromKey: 'a', toKey: 'b', kind: 'related' },
        { fromKey: 'b', toKey: 'a', kind: 'related' },
        { fromKey: 'a', toKey: 'x', kind: 'related' },
        { fromKey: 'a', toKey: 'a', kind: 'related' },
        { fromKey: 'b', toKey: 'a', kind: 'broader' },
      ],
      new Set(['a', 'b']),
    );
    expect(kept).toEqual([
      { fromKey: 'a', toKey: 'b', kind: 'related' },
      { fromKey: 'b', toKey: 'a', kind: 'broader' },
    ]);
  });
});

describe('stableUuid', () => {
  it('gives the same valid UUID for the same name and different ones for different names', () => {
    const a = stableUuid('leerkompas:a');
    expect(a).toMatch(UUID_PATTERN);
    expect(a[14]).toBe('8');
    expect('89ab').toContain(a[19]);
    expect(stableUuid('leerkompas:a')).toBe(a);
    const many = new Set(Array.from({ length: 2000 }, (_, i) => stableUuid(`name-${i}`)));
    expect(many.size).toBe(2000);
  });
});

describe('toExchangeLang and preOrder', () => {
  it('reduces language tags to ours', () => {
    expect(toExchangeLang('nl-BE')).toBe('nl');
    expect(toExchangeLang('EN_us')).toBe('en');
    expect(toExchangeLang('de')).toBeNull();
    expect(toExchangeLang(undefined)).toBeNull();
  });

  it('lists parents before children with depth, siblings by position then key', () => {
    const rows = [
      { id: '3', key: 'c', parentId: '1', position: 5 },
      { id: '1', key: 'a', parentId: null, position: 1 },
      { id: '2', key: 'b', parentId: '1', position: 5 },
      { id: '4', key: 'z', parentId: null, position: 0 },
    ];
    expect(preOrder(rows).map((r) => `${r.key}${r.depth}`)).toEqual(['z0', 'a0', 'b1', 'c1']);
  });
});
