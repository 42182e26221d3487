/**
 * Anonymity of aggregates (domain-rules §3). Every aggregate of the product — screens, API,
 * exports, reports — decides what it may show with these functions. Choices where the rule leaves
 * room are in docs/domain.md ("Anonymity"):
 *
 * (a) threshold: a cell is shown only when built from at least k distinct persons; k comes from the
 *     organisation's settings and is never below 3;
 * (b) complementary suppression: in a row (one competence: a total and its parts) whose total is
 *     shown, the hidden parts must not be computable from the total and the shown parts. While
 *     exactly one non-empty part is hidden, or the hidden non-empty parts together hold fewer than
 *     k persons, the smallest shown part is hidden too. Empty parts (0 persons) reveal nobody and
 *     do not count;
 * (c) differencing: a cell of a filtered query is answered only if, for every coarser query
 *     obtained by dropping one filter, the difference in persons is 0 or at least k.
 */

export const MIN_THRESHOLD = 3;
export const DEFAULT_THRESHOLD = 5;

export type SuppressionReason = 'below_threshold' | 'complementary' | 'differencing';

export interface Disclosure {
  shown: boolean;
  reason?: SuppressionReason;
}

/** The k in force: the organisation's value, the default when unset, never below 3. */
export function effectiveThreshold(k: number | null | undefined): number {
  const value = k === null || k === undefined || !Number.isFinite(k) ? DEFAULT_THRESHOLD : Math.floor(k);
  return Math.max(MIN_THRESHOLD, value);
}

/** (a) Built from at least k distinct persons. */
export function meetsThreshold(persons: number, k: number): boolean {
  return persons >= effectiveThreshold(k);
}

/**
 * (c) Differencing: `coarser` holds the person counts of the same cell in every query that has
 * one filter fewer. Each difference must be 0 (same group) or at least k.
 */
export function passesDifferencing(persons: number, coarser: readonly number[], k: number): boolean {
  const threshold = effectiveThreshold(k);
  return coarser.every((count) => {
    const difference = count - persons;
    return difference === 0 || difference >= threshold;
  });
}

/** A cell before suppression: its persons, and its persons in every one-filter-coarser query. */
export interface CellCount {
  persons: number;
  coarser?: readonly number[];
}

/** (a) then (c) for one cell on its own. */
export function discloseCell(cell: CellCount, k: number): Disclosure {
  if (!meetsThreshold(cell.persons, k)) return { shown: false, reason: 'below_threshold' };
  if (!passesDifferencing(cell.persons, cell.coarser ?? [], k)) return { shown: false, reason: 'differencing' };
  return { shown: true };
}

export interface Part {
  key: string;
  persons: number;
  shown: boolean;
}

/**
 * (b) Complementary suppression in one row. `parts` together make up the total (every person in
 * exactly one part). Returns the keys of the shown parts that must be hidden as well; the smallest
 * parts go first (ties: by key, so the result is stable).
 */
export function complementarySuppression(totalShown: boolean, parts: readonly Part[], k: number): string[] {
  if (!totalShown) return [];
  const threshold = effectiveThreshold(k);
  const hidden = parts.filter((p) => !p.shown && p.persons > 0);
  const shown = parts.filter((p) => p.shown).sort((a, b) => a.persons - b.persons || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const extra: string[] = [];
  const hiddenPersons = () => hidden.reduce((sum, p) => sum + p.persons, 0);
  while (hidden.length > 0 && (hidden.length === 1 || hiddenPersons() < threshold) && shown.length > 0) {
    const next = shown.shift()!;
    extra.push(next.key);
    hidden.push(next);
  }
  return extra;
}

/**
 * The whole rule for one row: the total and its parts, each with its own counts. Threshold and
 * differencing per cell first, then complementary suppression over the parts.
 */
export function discloseRow(
  total: CellCount,
  parts: ReadonlyMap<string, CellCount>,
  k: number,
): { total: Disclosure; parts: Map<string, Disclosure> } {
  const totalDisclosure = discloseCell(total, k);
  const result = new Map<string, Disclosure>();
  for (const [key, cell] of parts) result.set(key, discloseCell(cell, k));
  const extra = complementarySuppression(
    totalDisclosure.shown,
    [...parts].map(([key, cell]) => ({ key, persons: cell.persons, shown: result.get(key)!.shown })),
    k,
  );
  for (const key of extra) result.set(key, { shown: false, reason: 'complementary' });
  return { total: totalDisclosure, parts: result };
}
