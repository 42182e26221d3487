import { describe, expect, it } from 'vitest';
import { mostCommonLevel, resolveCampaignCompetences, type ProfileCompetence } from './resolve-competences.js';

const item = (
  profileId: string,
  competenceId: string,
  requiredLevel: number,
  importance: 'core' | 'supporting',
  position: number,
): ProfileCompetence => ({
  profileId,
  competenceId,
  requiredLevel,
  importance,
  position,
});

// Two profiles of a sheltered workshop: a packer and a team leader.
const packer = [
  item('packer', 'safety', 2, 'core', 0),
  item('packer', 'tablet', 2, 'core', 1),
  item('packer', 'dutch', 1, 'supporting', 2),
];
const leader = [
  item('leader', 'feedback', 3, 'core', 0),
  item('leader', 'tablet', 3, 'core', 1),
  item('leader', 'safety', 3, 'supporting', 2),
  item('leader', 'planning', 2, 'supporting', 3),
];

describe('resolveCampaignCompetences', () => {
  it('unites the profiles: core first, then by position in the profiles, then profile order', () => {
    const result = resolveCampaignCompetences({
      profileIds: ['packer', 'leader'],
      items: [...packer, ...leader],
      addedCompetenceIds: [],
      removedCompetenceIds: [],
    });
    expect(result.map((r) => r.competenceId)).toEqual(['safety', 'feedback', 'tablet', 'dutch', 'planning']);
    expect(result.map((r) => r.position)).toEqual([0, 1, 2, 3, 4]);
    // safety is core for the packer, supporting for the leader → core.
    expect(result[0]).toMatchObject({ importance: 'core', origin: 'profile', profileCount: 2 });
    expect(result.find((r) => r.competenceId === 'planning')).toMatchObject({
      importance: 'supporting',
      profileCount: 1,
      defaultRequiredLevel: 2,
    });
  });

  it('takes the most common required level, the higher one on a tie', () => {
    const third = [item('third', 'tablet', 3, 'core', 0)];
    const result = resolveCampaignCompetences({
      profileIds: ['packer', 'leader', 'third'],
      items: [...packer, ...leader, ...third],
      addedCompetenceIds: [],
      removedCompetenceIds: [],
    });
    // tablet: 2 (packer), 3 (leader), 3 (third) → 3.
    expect(result.find((r) => r.competenceId === 'tablet')!.defaultRequiredLevel).toBe(3);
    // safety: 2 and 3 → tie → 3.
    expect(result.find((r) => r.competenceId === 'safety')!.defaultRequiredLevel).toBe(3);
  });

  it('adds HR’s competences at the end without a required level and removes what HR removed', () => {
    const result = resolveCampaignCompetences({
      profileIds: ['packer'],
      items: [...packer, ...leader],
      addedCompetenceIds: ['first-aid', 'tablet', 'first-aid', 'forklift'],
      removedCompetenceIds: ['dutch', 'forklift'],
    });
    expect(result.map((r) => r.competenceId)).toEqual(['safety', 'tablet', 'first-aid']);
    expect(result[2]).toEqual({
      competenceId: 'first-aid',
      position: 2,
      origin: 'added',
      importance: null,
      defaultRequiredLevel: null,
      profileCount: 0,
    });
    // Leader items are ignored: the leader profile is not in scope.
    expect(result.find((r) => r.competenceId === 'tablet')!.defaultRequiredLevel).toBe(2);
  });

  it('gives an empty list when nothing is in scope', () => {
    expect(resolveCampaignCompetences({ profileIds: [], items: packer, addedCompetenceIds: [], removedCompetenceIds: [] })).toEqual([]);
  });

  it('does not depend on the order of the items', () => {
    const a = resolveCampaignCompetences({
      profileIds: ['packer', 'leader'],
      items: [...packer, ...leader],
      addedCompetenceIds: [],
      removedCompetenceIds: [],
    });
    const b = resolveCampaignCompetences({
      profileIds: ['packer', 'leader'],
      items: [...leader, ...packer].reverse(),
      addedCompetenceIds: [],
      removedCompetenceIds: [],
    });
    expect(b).toEqual(a);
  });
});

describe('mostCommonLevel', () => {
  it('picks the mode, the highest on ties, null for nothing', () => {
    expect(mostCommonLevel([2, 2, 3])).toBe(2);
    expect(mostCommonLevel([1, 3, 2, 3, 1])).toBe(3);
    expect(mostCommonLevel([])).toBeNull();
  });
});
