/**
 * What has to change in the database to make a stored framework match its shipped definition.
 * Pure: the loader reads the stored rows, asks for a plan, and writes only what the plan says,
 * so loading an unchanged file writes nothing (and leaves updated_at alone).
 *
 * Competences that are stored but no longer in the file are reported, never deleted: function
 * profiles and assessments may point at them.
 */
import type { FlatCompetence } from './validate-framework.js';

export interface StoredCompetence {
  id: string;
  key: string;
  parentId: string | null;
  kind: string;
  label: unknown;
  altLabels: unknown;
  description: unknown;
  position: number;
}

export interface CompetenceSyncPlan {
  insert: FlatCompetence[];
  update: Array<{ id: string; competence: FlatCompetence; changed: Array<keyof FlatCompetence> }>;
  unchanged: number;
  /** Stored, but not in the definition any more: kept as they are. */
  orphaned: StoredCompetence[];
}

export function planCompetenceSync(desired: FlatCompetence[], stored: StoredCompetence[]): CompetenceSyncPlan {
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const keyById = new Map(stored.map((s) => [s.id, s.key]));
  const plan: CompetenceSyncPlan = { insert: [], update: [], unchanged: 0, orphaned: [] };
  for (const competence of desired) {
    const row = byKey.get(competence.key);
    if (!row) {
      plan.insert.push(competence);
      continue;
    }
    const changed: Array<keyof FlatCompetence> = [];
    const storedParentKey = row.parentId === null ? null : (keyById.get(row.parentId) ?? `#${row.parentId}`);
    if (storedParentKey !== competence.parentKey) changed.push('parentKey');
    if (row.kind !== competence.kind) changed.push('kind');
    if (!sameJson(row.label, competence.label)) changed.push('label');
    if (!sameJson(row.altLabels, competence.altLabels)) changed.push('altLabels');
    if (!sameJson(row.description, competence.description)) changed.push('description');
    if (row.position !== competence.position) changed.push('position');
    if (changed.length > 0) plan.update.push({ id: row.id, competence, changed });
    else plan.unchanged++;
  }
  const wanted = new Set(desired.map((d) => d.key));
  plan.orphaned = stored.filter((s) => !wanted.has(s.key));
  return plan;
}

/**
 * Structural equality of JSON values, ignoring object key order (JSONB reorders keys) but not
 * array order (alternative labels keep the order we wrote them in).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameJson(v, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ak = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
