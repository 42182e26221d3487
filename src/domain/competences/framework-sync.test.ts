import { describe, expect, it } from 'vitest';
import { planCompetenceSync, sameJson, type StoredCompetence } from './framework-sync.js';
import type { FlatCompetence } from './validate-framework.js';

const t = (s: string) => ({ nl: s, fr: s, en: s });
const flat = (key: string, parentKey: string | null, position: number, label = key): FlatCompetence => ({
  key,
  parentKey,
  kind: parentKey ? 'skill' : 'group',
  label: t(label),
  altLabels: { nl: [], fr: [], en: [] },
  description: t(`${label}.`),
  position,
  depth: parentKey ? 1 : 0,
});
const stored = (id: string, c: FlatCompetence, parentId: string | null): StoredCompetence => ({
  id,
  key: c.key,
  parentId,
  kind: c.kind,
  // JSONB hands keys back in its own order
  label: { en: c.label.en, fr: c.label.fr, nl: c.label.nl },
  altLabels: { en: [], nl: [], fr: [] },
  description: { ...c.description },
  position: c.position,
});

describe('planCompetenceSync', () => {
  const desired = [flat('g', null, 0), flat('g.a', 'g', 1), flat('g.b', 'g', 2)];

  it('inserts everything into an empty framework', () => {
    const plan = planCompetenceSync(desired, []);
    expect(plan.insert.map((c) => c.key)).toEqual(['g', 'g.a', 'g.b']);
    expect(plan.update).toEqual([]);
  });

  it('changes nothing when the stored rows match, whatever the key order of the JSON', () => {
    const rows = [stored('1', desired[0], null), stored('2', desired[1], '1'), stored('3', desired[2], '1')];
    expect(planCompetenceSync(desired, rows)).toEqual({ insert: [], update: [], unchanged: 3, orphaned: [] });
  });

  it('updates changed labels, parents and positions, inserts new keys and keeps removed ones', () => {
    const rows = [
      stored('1', desired[0], null),
      stored('2', { ...desired[1], label: t('old label') }, '1'),
      stored('3', desired[2], null),
      stored('9', flat('g.gone', 'g', 3), '1'),
    ];
    const next = [...desired, flat('g.c', 'g', 3)];
    const plan = planCompetenceSync(next, rows);
    expect(plan.insert.map((c) => c.key)).toEqual(['g.c']);
    expect(plan.update.map((u) => [u.id, u.changed])).toEqual([
      ['2', ['label']],
      ['3', ['parentKey']],
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.orphaned.map((o) => o.key)).toEqual(['g.gone']);
  });
});

describe('sameJson', () => {
  it('ignores key order but not array order', () => {
    expect(sameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson(null, {})).toBe(false);
  });
});
