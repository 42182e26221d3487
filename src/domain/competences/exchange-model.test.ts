import { describe, expect, it } from 'vitest';
import {
  finishTree,
  keepRelations,
  planCompetenceUpserts,
  planRelationSync,
  preOrder,
  sameValue,
  stableUuid,
  toExchangeLang,
  UUID_PATTERN,
  type ExchangeCompetence,
} from './exchange-model.js';

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

describe('planCompetenceUpserts', () => {
  const stored = [
    {
      id: 'id-a',
      key: 'a',
      code: 'a',
      parentId: null,
      kind: 'group' as const,
      label: { nl: 'A', fr: 'A-fr' },
      altLabels: { nl: ['Aa'] },
      description: { nl: 'oud' },
      position: 0,
    },
    {
      id: 'id-b',
      key: 'b',
      code: 'b',
      parentId: 'id-a',
      kind: 'skill' as const,
      label: { nl: 'B' },
      altLabels: {},
      description: {},
      position: 1,
    },
    {
      id: 'id-x',
      key: 'x',
      code: null,
      parentId: null,
      kind: 'skill' as const,
      label: { nl: 'X' },
      altLabels: {},
      description: {},
      position: 9,
    },
  ];
  const row = (
    key: string,
    parentKey: string | null,
    label: string,
    position: number,
    extra: Partial<ExchangeCompetence> = {},
  ): ExchangeCompetence => ({ ...c(key, parentKey, position + 2), code: key, label, position, ...extra });

  it('inserts new keys, updates changed ones, counts the rest and merges texts per language', () => {
    let n = 0;
    const plan = planCompetenceUpserts(
      [row('a', null, 'A', 0, { kind: 'group' }), row('b', 'a', 'B nieuw', 1), row('c', 'b', 'C', 2)],
      stored,
      () => `new-${++n}`,
    );
    expect(plan.unchanged).toBe(0);
    // "a": the Moodle-like row has no description, so the Dutch one goes; French label and alt labels stay.
    expect(plan.updates.map((u) => u.key)).toEqual(['a', 'b']);
    expect(plan.updates[0]).toMatchObject({ label: { nl: 'A', fr: 'A-fr' }, altLabels: { nl: ['Aa'] }, description: {} });
    expect(plan.updates[1]).toMatchObject({ id: 'id-b', label: { nl: 'B nieuw' }, parentId: 'id-a' });
    expect(plan.inserts).toEqual([expect.objectContaining({ id: 'new-1', key: 'c', parentId: 'id-b' })]);
    expect(plan.idByKey.has('x')).toBe(false);
  });

  it('finds nothing to do when the file matches what is stored', () => {
    const plan = planCompetenceUpserts(
      [row('a', null, 'A', 0, { kind: 'group', description: 'oud', altLabels: ['Aa'] }), row('b', 'a', 'B', 1)],
      stored,
      () => 'never',
    );
    expect(plan).toMatchObject({ inserts: [], updates: [], unchanged: 2 });
  });
});

describe('planRelationSync', () => {
  it('treats related links as symmetric and leaves links outside the file alone', () => {
    const inFile = new Set(['a', 'b', 'c']);
    const plan = planRelationSync(
      [
        { fromId: 'b', toId: 'a', kind: 'related' },
        { fromId: 'c', toId: 'a', kind: 'broader' },
      ],
      [
        { fromId: 'a', toId: 'b', kind: 'related' },
        { fromId: 'a', toId: 'c', kind: 'related' },
        { fromId: 'a', toId: 'z', kind: 'related' },
        { fromId: 'a', toId: 'b', kind: 'essential' },
      ],
      inFile,
    );
    expect(plan).toEqual({
      inserts: [{ fromId: 'c', toId: 'a', kind: 'broader' }],
      deletes: [{ fromId: 'a', toId: 'c', kind: 'related' }],
    });
  });
});

describe('sameValue', () => {
  it('ignores key order but not values', () => {
    expect(sameValue({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});
