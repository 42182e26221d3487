import { describe, expect, it } from 'vitest';
import { addMonths, currentLevel, gap, type Assessment } from './current-level.js';

const now = new Date('2026-11-23T12:00:00Z');
const settings = { now, validityMonths: 24 };
const at = (iso: string) => new Date(iso);
const a = (source: Assessment['source'], level: number, when = '2026-10-01T00:00:00Z'): Assessment => ({
  source,
  level,
  assessedAt: at(when),
});

describe('currentLevel (domain-rules §2)', () => {
  it('worked example: required 3, self 4, supervisor 2 → disagreement, current 2, gap 1', () => {
    const result = currentLevel([a('self', 4), a('supervisor', 2)], settings)!;
    expect(result.disagreement).toBe(true);
    expect(result.level).toBe(2);
    expect(result.source).toBe('supervisor');
    expect(gap(3, result.level)).toBe(1);
  });

  it('self and supervisor one level apart: no disagreement, the supervisor counts', () => {
    const result = currentLevel([a('self', 3), a('supervisor', 2)], settings)!;
    expect(result).toMatchObject({ level: 2, source: 'supervisor', disagreement: false, selfLevel: 3, supervisorLevel: 2 });
  });

  it('only a self-assessment: it is the current level', () => {
    expect(currentLevel([a('self', 1)], settings)).toMatchObject({ level: 1, source: 'self', disagreement: false, stale: false });
  });

  it('validated evidence beats the supervisor, and a disagreement is still flagged', () => {
    const result = currentLevel([a('self', 0), a('supervisor', 3), a('evidence', 2)], settings)!;
    expect(result).toMatchObject({ level: 2, source: 'evidence', disagreement: true });
  });

  it('a third party ranks above self and below supervisor', () => {
    expect(currentLevel([a('self', 1), a('third_party', 3)], settings)).toMatchObject({ level: 3, source: 'third_party' });
    expect(currentLevel([a('third_party', 3), a('supervisor', 2)], settings)).toMatchObject({ level: 2, source: 'supervisor' });
  });

  it('takes the latest assessment per source', () => {
    const result = currentLevel(
      [a('self', 1, '2026-01-01T00:00:00Z'), a('self', 3, '2026-09-01T00:00:00Z'), a('self', 2, '2026-05-01T00:00:00Z')],
      settings,
    )!;
    expect(result.level).toBe(3);
    expect(result.assessedAt.toISOString()).toBe('2026-09-01T00:00:00.000Z');
  });

  it('ignores stale assessments when a newer one exists, even from a weaker source', () => {
    const result = currentLevel([a('supervisor', 1, '2023-06-01T00:00:00Z'), a('self', 3, '2026-06-01T00:00:00Z')], settings)!;
    expect(result).toMatchObject({ level: 3, source: 'self', stale: false, supervisorLevel: null });
  });

  it('uses stale assessments when nothing newer exists, and marks the result stale', () => {
    const result = currentLevel([a('supervisor', 1, '2023-06-01T00:00:00Z'), a('self', 4, '2024-01-01T00:00:00Z')], settings)!;
    expect(result).toMatchObject({ level: 1, source: 'supervisor', stale: true, disagreement: true, staleFrom: null });
  });

  it('reports when the result will next change by time alone', () => {
    const result = currentLevel([a('supervisor', 2, '2025-03-10T00:00:00Z'), a('self', 2, '2026-02-01T00:00:00Z')], settings)!;
    expect(result.staleFrom?.toISOString()).toBe('2027-03-10T00:00:00.000Z');
    // On that day the supervisor rating drops out and the self-assessment decides.
    const later = currentLevel([a('supervisor', 1, '2025-03-10T00:00:00Z'), a('self', 3, '2026-02-01T00:00:00Z')], {
      ...settings,
      now: at('2027-03-10T00:00:00Z'),
    })!;
    expect(later).toMatchObject({ level: 3, source: 'self', stale: false });
  });

  it('no assessment → unknown (null), never zero', () => {
    expect(currentLevel([], settings)).toBeNull();
  });
});

describe('gap', () => {
  it('is max(0, required − current)', () => {
    expect(gap(3, 1)).toBe(2);
    expect(gap(2, 4)).toBe(0);
    expect(gap(2, 2)).toBe(0);
  });
  it('is unknown without a current level or a requirement', () => {
    expect(gap(3, null)).toBeNull();
    expect(gap(null, 2)).toBeNull();
  });
});

describe('addMonths', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths(at('2024-01-31T08:00:00Z'), 1).toISOString()).toBe('2024-02-29T08:00:00.000Z');
    expect(addMonths(at('2025-01-31T08:00:00Z'), 1).toISOString()).toBe('2025-02-28T08:00:00.000Z');
  });
  it('adds years as 12 months', () => {
    expect(addMonths(at('2024-11-23T00:00:00Z'), 24).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });
});
