/**
 * The diagnosis rule of domain-rules §2: a person's current level for one competence, from all
 * the assessments of that person and competence.
 *
 * Choices made where the rule leaves room (docs/domain.md, "Current level"):
 * - third_party (a coach, a colleague, HR) ranks between supervisor and self;
 * - "older assessments count only when nothing newer exists" is read across sources: as soon as
 *   one source has an assessment inside the validity window, the stale ones are ignored; when all
 *   are stale they are used as usual and the result is marked stale;
 * - validated evidence beats a supervisor even when self and supervisor disagree; the
 *   disagreement is still flagged, because it still calls for a conversation.
 */

export const assessmentSources = ['self', 'third_party', 'supervisor', 'evidence'] as const;
export type AssessmentSource = (typeof assessmentSources)[number];

/** Higher = stronger. */
export const sourceStrength: Record<AssessmentSource, number> = { self: 0, third_party: 1, supervisor: 2, evidence: 3 };

/** Self and supervisor at least this many levels apart are a disagreement. */
export const DISAGREEMENT_LEVELS = 2;

export interface Assessment {
  source: AssessmentSource;
  level: number;
  assessedAt: Date;
}

export interface CurrentLevel {
  level: number;
  source: AssessmentSource;
  /** Latest self and supervisor levels among the assessments used (null when absent). */
  selfLevel: number | null;
  supervisorLevel: number | null;
  disagreement: boolean;
  /** Every assessment used is older than the validity window. */
  stale: boolean;
  /** When the result may change because an assessment used leaves the window; null = never by time alone. */
  staleFrom: Date | null;
  /** When the deciding assessment was made. */
  assessedAt: Date;
}

export interface DiagnosisSettings {
  now: Date;
  validityMonths: number;
}

/** Adds calendar months in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** The latest assessment of every source (ties: the one listed last wins, i.e. the last written). */
export function latestPerSource(assessments: readonly Assessment[]): Map<AssessmentSource, Assessment> {
  const latest = new Map<AssessmentSource, Assessment>();
  for (const a of assessments) {
    const seen = latest.get(a.source);
    if (!seen || a.assessedAt.getTime() >= seen.assessedAt.getTime()) latest.set(a.source, a);
  }
  return latest;
}

/** No assessment at all gives null: unknown, never zero. */
export function currentLevel(assessments: readonly Assessment[], settings: DiagnosisSettings): CurrentLevel | null {
  const latest = [...latestPerSource(assessments).values()];
  if (latest.length === 0) return null;

  const expiry = (a: Assessment) => addMonths(a.assessedAt, settings.validityMonths);
  const fresh = latest.filter((a) => expiry(a).getTime() > settings.now.getTime());
  const used = fresh.length > 0 ? fresh : latest;
  const stale = fresh.length === 0;

  const bySource = new Map(used.map((a) => [a.source, a]));
  const strongest = used.reduce((best, a) => (sourceStrength[a.source] > sourceStrength[best.source] ? a : best));
  const self = bySource.get('self') ?? null;
  const supervisor = bySource.get('supervisor') ?? null;
  const disagreement = self !== null && supervisor !== null && Math.abs(self.level - supervisor.level) >= DISAGREEMENT_LEVELS;

  const staleFrom = stale ? null : new Date(Math.min(...used.map((a) => expiry(a).getTime())));
  return {
    level: strongest.level,
    source: strongest.source,
    selfLevel: self?.level ?? null,
    supervisorLevel: supervisor?.level ?? null,
    disagreement,
    stale,
    staleFrom,
    assessedAt: strongest.assessedAt,
  };
}

/** Gap = max(0, required − current); unknown current (or no requirement) stays unknown. */
export function gap(required: number | null | undefined, current: number | null | undefined): number | null {
  if (required === null || required === undefined || current === null || current === undefined) return null;
  return Math.max(0, required - current);
}
