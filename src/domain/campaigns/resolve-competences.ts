/**
 * Which competences a campaign asks (issue 3 item 1): the union of the competences of the function
 * profiles in scope, narrowed by the competences HR removed and extended by those HR added.
 *
 * Choices (docs/domain.md, "Campaigns"):
 * - a competence that is core in at least one profile in scope counts as core;
 * - order: core before supporting, then by the lowest position the competence has in any profile,
 *   then by the order of the profiles as given, then by id (so the order never depends on the
 *   database); added competences follow, in the order HR added them;
 * - the default required level (the target for people whose own profile does not list the
 *   competence) is the most common required level among the profiles that list it; on a tie the
 *   higher level wins (we would rather aim a little high than hide a need); added competences
 *   have none (null);
 * - a competence both added and removed is removed.
 */

export type Importance = 'core' | 'supporting';

export interface ProfileCompetence {
  profileId: string;
  competenceId: string;
  requiredLevel: number;
  importance: Importance;
  /** Position of the competence inside its profile (0 = first). */
  position: number;
}

export interface ResolvedCompetence {
  competenceId: string;
  /** 0-based order in the campaign. */
  position: number;
  /** 'profile' = from a function profile in scope; 'added' = added by HR only. */
  origin: 'profile' | 'added';
  /** null for competences that come only from HR's additions. */
  importance: Importance | null;
  defaultRequiredLevel: number | null;
  /** How many profiles in scope list the competence. */
  profileCount: number;
}

export interface ResolveInput {
  /** The profiles in scope, in the order used to break ties. */
  profileIds: readonly string[];
  /** Items of (at least) those profiles; items of other profiles are ignored. */
  items: readonly ProfileCompetence[];
  addedCompetenceIds: readonly string[];
  removedCompetenceIds: readonly string[];
}

/** The most common value; ties go to the highest. Empty input → null. */
export function mostCommonLevel(levels: readonly number[]): number | null {
  if (levels.length === 0) return null;
  const counts = new Map<number, number>();
  for (const level of levels) counts.set(level, (counts.get(level) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [level, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && level > best)) {
      best = level;
      bestCount = n;
    }
  }
  return best;
}

export function resolveCampaignCompetences(input: ResolveInput): ResolvedCompetence[] {
  const removed = new Set(input.removedCompetenceIds);
  const profileOrder = new Map<string, number>();
  input.profileIds.forEach((id, index) => {
    if (!profileOrder.has(id)) profileOrder.set(id, index);
  });

  interface Acc {
    competenceId: string;
    core: boolean;
    minPosition: number;
    firstProfile: number;
    levels: number[];
  }
  const byCompetence = new Map<string, Acc>();
  for (const item of input.items) {
    const profileIndex = profileOrder.get(item.profileId);
    if (profileIndex === undefined || removed.has(item.competenceId)) continue;
    const acc = byCompetence.get(item.competenceId) ?? {
      competenceId: item.competenceId,
      core: false,
      minPosition: Number.POSITIVE_INFINITY,
      firstProfile: Number.POSITIVE_INFINITY,
      levels: [],
    };
    acc.core ||= item.importance === 'core';
    if (item.position < acc.minPosition || (item.position === acc.minPosition && profileIndex < acc.firstProfile)) {
      acc.minPosition = item.position;
      acc.firstProfile = profileIndex;
    }
    acc.levels.push(item.requiredLevel);
    byCompetence.set(item.competenceId, acc);
  }

  const fromProfiles = [...byCompetence.values()].sort(
    (a, b) =>
      Number(b.core) - Number(a.core) ||
      a.minPosition - b.minPosition ||
      a.firstProfile - b.firstProfile ||
      (a.competenceId < b.competenceId ? -1 : a.competenceId > b.competenceId ? 1 : 0),
  );

  const result: ResolvedCompetence[] = fromProfiles.map((acc) => ({
    competenceId: acc.competenceId,
    position: 0,
    origin: 'profile',
    importance: acc.core ? 'core' : 'supporting',
    defaultRequiredLevel: mostCommonLevel(acc.levels),
    profileCount: acc.levels.length,
  }));
  const seen = new Set(result.map((r) => r.competenceId));
  for (const competenceId of input.addedCompetenceIds) {
    if (seen.has(competenceId) || removed.has(competenceId)) continue;
    seen.add(competenceId);
    result.push({ competenceId, position: 0, origin: 'added', importance: null, defaultRequiredLevel: null, profileCount: 0 });
  }
  return result.map((r, position) => ({ ...r, position }));
}
