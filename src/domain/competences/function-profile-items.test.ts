import { describe, expect, it } from 'vitest';
import { validateProfileItems } from './function-profile-items.js';

const rules = { maxLevel: 4, currentYear: 2026, isKnownCompetence: (id: string) => id !== 'unknown' };

describe('validateProfileItems', () => {
  it('accepts a valid list', () => {
    expect(
      validateProfileItems(
        [
          { competenceId: 'a', requiredLevel: 2, importance: 'core' },
          { competenceId: 'b', requiredLevel: 4, importance: 'supporting', futureLevel: 0, horizonYear: 2056 },
        ],
        rules,
      ),
    ).toEqual([]);
  });

  it('names each offending field with its index', () => {
    const problems = validateProfileItems(
      [
        { competenceId: 'a', requiredLevel: 2, importance: 'core' },
        { competenceId: 'unknown', requiredLevel: 2, importance: 'core' },
        { competenceId: 'c', requiredLevel: 0, importance: 'core' },
        { competenceId: 'd', requiredLevel: 5, importance: 'core' },
        { competenceId: 'a', requiredLevel: 1, importance: 'core' },
      ],
      rules,
    );
    expect(problems.map((p) => p.path)).toEqual([
      '/body/items/1/competenceId',
      '/body/items/2/requiredLevel',
      '/body/items/3/requiredLevel',
      '/body/items/4/competenceId',
    ]);
    expect(problems[3].message).toMatch(/more than once/);
  });

  it('requires futureLevel and horizonYear together, and a horizon within 30 years', () => {
    const problems = validateProfileItems(
      [
        { competenceId: 'a', requiredLevel: 2, importance: 'core', futureLevel: 3 },
        { competenceId: 'b', requiredLevel: 2, importance: 'core', horizonYear: 2030, futureLevel: null },
        { competenceId: 'c', requiredLevel: 2, importance: 'core', futureLevel: 3, horizonYear: 2025 },
        { competenceId: 'd', requiredLevel: 2, importance: 'core', futureLevel: 3, horizonYear: 2057 },
        { competenceId: 'e', requiredLevel: 2, importance: 'core', futureLevel: 9, horizonYear: 2030 },
      ],
      rules,
    );
    expect(problems).toEqual([
      { path: '/body/items/0/horizonYear', message: 'is required when futureLevel is set' },
      { path: '/body/items/1/futureLevel', message: 'is required when horizonYear is set' },
      { path: '/body/items/2/horizonYear', message: 'must be a year from 2026 to 2056' },
      { path: '/body/items/3/horizonYear', message: 'must be a year from 2026 to 2056' },
      { path: '/body/items/4/futureLevel', message: 'must be a level from 0 to 4' },
    ]);
  });
});
