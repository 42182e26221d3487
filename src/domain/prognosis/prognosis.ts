/**
 * Prognosis of domain-rules §4: for one competence, who needs it and who holds it now and at the
 * horizon year H. Choices where the rule leaves room (docs/domain.md, "Prognosis"):
 * - a subject "needs" a competence when its function profile asks level ≥ 1 for it; at H the future
 *   level counts when it is set and its horizon year is ≤ H (a future level of 0 means "no longer
 *   needed"); now, the present required level counts;
 * - needed counts positions: a person who leaves before H still counts in needed(H) (the job
 *   remains), but not in holders(H);
 * - a holder has a known current level ≥ the required level at that moment and is still employed:
 *   now = not yet left; at H = no planned exit, or an exit year after H. Unknown level = not a holder;
 * - coverage = holders / needed (null when nothing is needed); at risk when coverage < 0.8 or
 *   holders < 2 ("dreigt te verdwijnen"), only when something is needed.
 */

export const AT_RISK_COVERAGE = 0.8;
export const AT_RISK_MIN_HOLDERS = 2;

/** One subject (or a class of identical subjects, with `count`) for one competence. */
export interface PrognosisSubject {
  /** How many identical subjects this stands for (default 1). */
  count?: number;
  /** Known current level; null = never assessed (unknown). */
  currentLevel: number | null;
  /** Required level today (from the function profile). */
  requiredLevel: number;
  /** Future required level and the year from which it applies; both or neither. */
  futureLevel: number | null;
  futureYear: number | null;
  /** Not yet left the organisation today. */
  employedNow: boolean;
  /** Year of the planned exit or retirement; null = none planned. */
  exitYear: number | null;
}

export interface PrognosisPoint {
  needed: number;
  holders: number;
  coverage: number | null;
  atRisk: boolean;
}

export interface CompetencePrognosis {
  now: PrognosisPoint;
  horizon: PrognosisPoint;
}

/** The required level at year H: the future level when set and in force by H. */
export function requiredAt(subject: Pick<PrognosisSubject, 'requiredLevel' | 'futureLevel' | 'futureYear'>, year: number): number {
  if (subject.futureLevel !== null && subject.futureYear !== null && subject.futureYear <= year) return subject.futureLevel;
  return subject.requiredLevel;
}

/** Still employed at year H: no planned exit, or an exit after H. */
export function employedAt(subject: Pick<PrognosisSubject, 'exitYear'>, year: number): boolean {
  return subject.exitYear === null || subject.exitYear > year;
}

export function point(needed: number, holders: number): PrognosisPoint {
  const coverage = needed > 0 ? holders / needed : null;
  const atRisk = needed > 0 && ((coverage as number) < AT_RISK_COVERAGE || holders < AT_RISK_MIN_HOLDERS);
  return { needed, holders, coverage, atRisk };
}

export function competencePrognosis(subjects: readonly PrognosisSubject[], horizonYear: number): CompetencePrognosis {
  let neededNow = 0;
  let holdersNow = 0;
  let neededH = 0;
  let holdersH = 0;
  for (const s of subjects) {
    const n = s.count ?? 1;
    const known = s.currentLevel !== null;
    if (s.requiredLevel >= 1) {
      neededNow += n;
      if (known && s.employedNow && (s.currentLevel as number) >= s.requiredLevel) holdersNow += n;
    }
    const requiredH = requiredAt(s, horizonYear);
    if (requiredH >= 1) {
      neededH += n;
      if (known && s.employedNow && employedAt(s, horizonYear) && (s.currentLevel as number) >= requiredH) holdersH += n;
    }
  }
  return { now: point(neededNow, holdersNow), horizon: point(neededH, holdersH) };
}
