import { describe, expect, it } from 'vitest';
import { competencePrognosis, employedAt, point, requiredAt, type PrognosisSubject } from './prognosis.js';

const subject = (over: Partial<PrognosisSubject> = {}): PrognosisSubject => ({
  currentLevel: 3,
  requiredLevel: 3,
  futureLevel: null,
  futureYear: null,
  employedNow: true,
  exitYear: null,
  ...over,
});

describe('prognosis (domain-rules §4)', () => {
  it('coverage = holders / needed; below 0.8 is at risk', () => {
    // 10 need it, 7 hold it: coverage 0.7 < 0.8 → at risk.
    expect(point(10, 7)).toEqual({ needed: 10, holders: 7, coverage: 0.7, atRisk: true });
    expect(point(10, 8)).toEqual({ needed: 10, holders: 8, coverage: 0.8, atRisk: false });
  });

  it('fewer than 2 holders is at risk even at full coverage ("dreigt te verdwijnen")', () => {
    expect(point(1, 1)).toMatchObject({ coverage: 1, atRisk: true });
    expect(point(2, 2)).toMatchObject({ coverage: 1, atRisk: false });
  });

  it('nothing needed: no coverage and not at risk', () => {
    expect(point(0, 0)).toEqual({ needed: 0, holders: 0, coverage: null, atRisk: false });
  });

  it('the future level applies from its horizon year on', () => {
    const s = { requiredLevel: 2, futureLevel: 3, futureYear: 2029 };
    expect(requiredAt(s, 2028)).toBe(2);
    expect(requiredAt(s, 2029)).toBe(3);
    expect(requiredAt({ requiredLevel: 2, futureLevel: null, futureYear: null }, 2040)).toBe(2);
  });

  it('a person leaving in year H is no longer employed at H; one leaving after H is', () => {
    expect(employedAt({ exitYear: 2029 }, 2029)).toBe(false);
    expect(employedAt({ exitYear: 2030 }, 2029)).toBe(true);
    expect(employedAt({ exitYear: null }, 2029)).toBe(true);
  });

  it('worked example: a digital transition and two retirements put a competence at risk at the horizon', () => {
    // Five people need "digital planning" at level 2 today, level 3 from 2029.
    const base = { requiredLevel: 2, futureLevel: 3, futureYear: 2029 };
    const people = [
      subject({ ...base, currentLevel: 3 }),
      subject({ ...base, currentLevel: 3, exitYear: 2028 }), // retires before H
      subject({ ...base, currentLevel: 4, exitYear: 2029 }), // leaves in H
      subject({ ...base, currentLevel: 2 }), // enough today, not at H
      subject({ ...base, currentLevel: null }), // never assessed: unknown, not a holder
    ];
    const result = competencePrognosis(people, 2029);
    expect(result.now).toEqual({ needed: 5, holders: 4, coverage: 0.8, atRisk: false });
    // At 2029: five positions need level 3; only the first person still holds it → 1 holder.
    expect(result.horizon).toEqual({ needed: 5, holders: 1, coverage: 0.2, atRisk: true });
  });

  it('coverage fine but fewer than 2 holders at H: at risk', () => {
    const result = competencePrognosis([subject(), subject({ exitYear: 2027 })], 2030);
    expect(result.now).toMatchObject({ needed: 2, holders: 2, atRisk: false });
    expect(result.horizon).toMatchObject({ needed: 2, holders: 1, coverage: 0.5, atRisk: true });
  });

  it('counts classes of identical subjects with their weight', () => {
    const result = competencePrognosis([subject({ count: 8 }), subject({ count: 2, currentLevel: 1 })], 2030);
    expect(result.now).toEqual({ needed: 10, holders: 8, coverage: 0.8, atRisk: false });
  });

  it('a future level of 0 means not needed at H; a person already gone is not a holder now', () => {
    const result = competencePrognosis(
      [subject({ futureLevel: 0, futureYear: 2028 }), subject({ employedNow: false, exitYear: 2025 })],
      2030,
    );
    expect(result.now).toEqual({ needed: 2, holders: 1, coverage: 0.5, atRisk: true });
    expect(result.horizon).toEqual({ needed: 1, holders: 0, coverage: 0, atRisk: true });
  });
});
