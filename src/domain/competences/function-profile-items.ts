/**
 * Validation of a function profile's competence list (domain-rules §1): every competence known
 * and visible, levels on the profile's scale, a future level always with its horizon year and the
 * other way round, no competence twice. Returns every problem, each naming the offending field.
 */

export interface ProfileItemInput {
  competenceId: string;
  requiredLevel: number;
  importance: 'core' | 'supporting';
  futureLevel?: number | null;
  horizonYear?: number | null;
}

export interface ItemProblem {
  path: string;
  message: string;
}

/** How far ahead a prognosis horizon may lie. */
export const MAX_HORIZON_YEARS = 30;

export interface ItemRules {
  /** Highest level of the profile's scale (levels run 0..maxLevel). */
  maxLevel: number;
  /** The current calendar year (passed in: domain code has no clock). */
  currentYear: number;
  /** Competences that exist and are visible to the organisation. */
  isKnownCompetence: (id: string) => boolean;
}

export function checkLevels(
  item: { requiredLevel: number; futureLevel?: number | null; horizonYear?: number | null },
  rules: Pick<ItemRules, 'maxLevel' | 'currentYear'>,
): Array<{ field: 'requiredLevel' | 'futureLevel' | 'horizonYear'; message: string }> {
  const problems: Array<{ field: 'requiredLevel' | 'futureLevel' | 'horizonYear'; message: string }> = [];
  if (!Number.isInteger(item.requiredLevel) || item.requiredLevel < 1 || item.requiredLevel > rules.maxLevel) {
    problems.push({ field: 'requiredLevel', message: `must be a level from 1 to ${rules.maxLevel}` });
  }
  const hasFuture = item.futureLevel !== undefined && item.futureLevel !== null;
  const hasHorizon = item.horizonYear !== undefined && item.horizonYear !== null;
  if (hasFuture && (!Number.isInteger(item.futureLevel) || item.futureLevel! < 0 || item.futureLevel! > rules.maxLevel)) {
    problems.push({ field: 'futureLevel', message: `must be a level from 0 to ${rules.maxLevel}` });
  }
  if (hasFuture && !hasHorizon) problems.push({ field: 'horizonYear', message: 'is required when futureLevel is set' });
  if (hasHorizon && !hasFuture) problems.push({ field: 'futureLevel', message: 'is required when horizonYear is set' });
  if (hasHorizon) {
    const last = rules.currentYear + MAX_HORIZON_YEARS;
    if (!Number.isInteger(item.horizonYear) || item.horizonYear! < rules.currentYear || item.horizonYear! > last) {
      problems.push({ field: 'horizonYear', message: `must be a year from ${rules.currentYear} to ${last}` });
    }
  }
  return problems;
}

export function validateProfileItems(items: ProfileItemInput[], rules: ItemRules, basePath = '/body/items'): ItemProblem[] {
  const problems: ItemProblem[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const at = `${basePath}/${index}`;
    if (seen.has(item.competenceId)) {
      problems.push({ path: `${at}/competenceId`, message: 'appears more than once in the list' });
    } else if (!rules.isKnownCompetence(item.competenceId)) {
      problems.push({ path: `${at}/competenceId`, message: 'does not exist or is not visible to this organisation' });
    }
    seen.add(item.competenceId);
    for (const p of checkLevels(item, rules)) problems.push({ path: `${at}/${p.field}`, message: p.message });
  });
  return problems;
}
