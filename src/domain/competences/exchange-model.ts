/**
 * The neutral model both framework exchange formats (Moodle CSV, 1EdTech CASE JSON) are converted
 * to and from, and the tree checks they share. Pure: no I/O, no clock, no random ids.
 */

export type ExchangeLang = 'nl' | 'fr' | 'en';
export const exchangeLangs: readonly ExchangeLang[] = ['nl', 'fr', 'en'];
export type ExchangeKind = 'skill' | 'knowledge' | 'attitude' | 'transversal' | 'group';

/** A problem with one row (Moodle, 1-based file line) or one array element (CASE, 0-based index). */
export interface ExchangeRowError {
  line?: number;
  /** JSON pointer-like location inside a CASE package, e.g. "CFItems" with index 3. */
  index?: number;
  message: string;
}

/** One competence as read from a file; texts are in `lang`. */
export interface ExchangeCompetence {
  /** Stable key within the framework (Moodle idnumber, CASE CFItem identifier). */
  key: string;
  /** Human-readable code (CASE humanCodingScheme), null when the format has none. */
  code: string | null;
  parentKey: string | null;
  kind: ExchangeKind;
  lang: ExchangeLang;
  label: string;
  altLabels: string[];
  description: string;
  /** Pre-order index over the whole tree, set by `finishTree`. */
  position: number;
  /** Where the competence came from in the file, for error messages. */
  origin: { line?: number; index?: number };
}

export interface ExchangeRelation {
  fromKey: string;
  toKey: string;
  /** 'related' is symmetric (Moodle related competencies, CASE isRelatedTo); 'broader' is an extra parent. */
  kind: 'related' | 'broader';
}

export interface ExchangeScale {
  /** Level labels from the lowest level up. */
  labels: string[];
  /** 0-based index of the first proficient level, when the file says so. */
  proficientFrom: number | null;
}

export interface ExchangeFramework {
  /** The framework's key in the source (Moodle idnumber, CASE CFDocument identifier). */
  key: string;
  lang: ExchangeLang;
  title: string;
  description: string;
  version: string | null;
  scale: ExchangeScale | null;
  competences: ExchangeCompetence[];
  relations: ExchangeRelation[];
}

export type ExchangeParseResult =
  { ok: true; framework: ExchangeFramework; errors: ExchangeRowError[] } | { ok: false; fatal: string; errors: ExchangeRowError[] };

/** Normalises a language tag ("nl-BE", "EN") to one of ours, or null. */
export function toExchangeLang(tag: unknown): ExchangeLang | null {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (exchangeLangs as readonly string[]).includes(primary) ? (primary as ExchangeLang) : null;
}

/**
 * Checks parent links and orders the tree. A cycle is fatal (the file is not a tree); a competence
 * whose parent is missing (or was itself rejected) is skipped with an error, and so are its
 * descendants. Siblings keep the order given by `order` (file order by default). Returns the kept
 * competences in pre-order with `position` set.
 */
export function finishTree(
  competences: ExchangeCompetence[],
  options: { describe?: (c: ExchangeCompetence) => string } = {},
): { ok: true; competences: ExchangeCompetence[]; errors: ExchangeRowError[] } | { ok: false; fatal: string } {
  const byKey = new Map(competences.map((c) => [c.key, c]));
  // Cycles first: walk up from every node; a walk that comes back to a node on its own path loops.
  const state = new Map<string, 'open' | 'done'>();
  for (const start of competences) {
    const path: string[] = [];
    let current: ExchangeCompetence | undefined = start;
    while (current && state.get(current.key) !== 'done') {
      if (state.get(current.key) === 'open') {
        const loop = path.slice(path.indexOf(current.key));
        return { ok: false, fatal: `The parent links form a cycle: ${[...loop, current.key].join(' → ')}. Nothing was imported.` };
      }
      state.set(current.key, 'open');
      path.push(current.key);
      current = current.parentKey === null ? undefined : byKey.get(current.parentKey);
    }
    for (const key of path) state.set(key, 'done');
  }

  const children = new Map<string | null, ExchangeCompetence[]>();
  const errors: ExchangeRowError[] = [];
  for (const c of competences) {
    const parent = c.parentKey === null ? null : c.parentKey;
    if (parent !== null && !byKey.has(parent)) {
      errors.push({ ...c.origin, message: `The parent "${parent}" of "${c.key}" is not in the file; the competence was skipped.` });
      continue;
    }
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  const kept: ExchangeCompetence[] = [];
  const visit = (parentKey: string | null) => {
    for (const c of children.get(parentKey) ?? []) {
      kept.push({ ...c, position: kept.length });
      visit(c.key);
    }
  };
  visit(null);
  // Whatever was not reached hangs under a skipped competence.
  const reached = new Set(kept.map((c) => c.key));
  for (const c of competences) {
    if (!reached.has(c.key) && c.parentKey !== null && byKey.has(c.parentKey)) {
      errors.push({
        ...c.origin,
        message: `The parent "${c.parentKey}" of "${options.describe?.(c) ?? c.key}" was skipped, so this competence was skipped too.`,
      });
    }
  }
  return { ok: true, competences: kept, errors };
}

/** Drops relations whose ends are not both kept; symmetric duplicates of 'related' are merged. */
export function keepRelations(relations: ExchangeRelation[], keys: Set<string>): ExchangeRelation[] {
  const seen = new Set<string>();
  const out: ExchangeRelation[] = [];
  for (const r of relations) {
    if (!keys.has(r.fromKey) || !keys.has(r.toKey) || r.fromKey === r.toKey) continue;
    const id = r.kind === 'related' ? `related|${[r.fromKey, r.toKey].sort().join('|')}` : `${r.kind}|${r.fromKey}|${r.toKey}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(r);
  }
  return out;
}

/**
 * A deterministic UUID (version 8, RFC 9562 custom layout) from a name: the same name always gives
 * the same UUID, so an export of unchanged data is byte-for-byte the same file. Not cryptographic.
 */
export function stableUuid(name: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  for (let w = 0; w < 4; w++) {
    let h = words[w] ^ (w * 0x27d4eb2d);
    for (let i = 0; i < name.length; i++) {
      h ^= name.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
      h ^= h >>> 13;
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    words[w] = (h ^ (h >>> 16)) >>> 0;
  }
  const hex = words.map((x) => x.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The stored competences and relations a converter writes out; texts per language. */
export interface ExportFramework {
  id: string;
  key: string;
  /** Key as the source knew it (the part after "<org slug>:" for imported frameworks). */
  sourceKey: string;
  title: Partial<Record<string, string>>;
  description: Partial<Record<string, string>>;
  version: string | null;
  /** ISO 8601 date-time of the last change. */
  updatedAt: string;
  publisher: string;
  scale: { key: string; proficientFrom: number; levels: Array<{ level: number; label: Partial<Record<string, string>> }> } | null;
  competences: Array<{
    id: string;
    key: string;
    code: string | null;
    parentId: string | null;
    kind: ExchangeKind;
    label: Partial<Record<string, string>>;
    altLabels: Partial<Record<string, string[]>>;
    description: Partial<Record<string, string>>;
    position: number;
    updatedAt: string;
  }>;
  relations: Array<{ fromId: string; toId: string; kind: string }>;
}

/** Competences in pre-order (parents before children, siblings by position then key). */
export function preOrder<T extends { id: string; parentId: string | null; position: number; key: string }>(
  competences: T[],
): Array<T & { depth: number }> {
  const ids = new Set(competences.map((c) => c.id));
  const children = new Map<string | null, T[]>();
  for (const c of competences) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const out: Array<T & { depth: number }> = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({ ...c, depth });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Upsert planning: what an import changes in a stored framework

type Texts = Partial<Record<string, string>>;
type Lists = Partial<Record<string, string[]>>;

/** A competence as stored, with the fields an import may change. */
export interface StoredExchangeCompetence {
  id: string;
  key: string;
  code: string | null;
  parentId: string | null;
  kind: ExchangeKind;
  label: Texts;
  altLabels: Lists;
  description: Texts;
  position: number;
}

export type PlannedCompetence = Omit<StoredExchangeCompetence, 'id'> & { id: string };

export interface CompetenceUpsertPlan {
  inserts: PlannedCompetence[];
  updates: PlannedCompetence[];
  unchanged: number;
  /** Id per key of every competence in the file (existing or new). */
  idByKey: Map<string, string>;
}

/** JSON equality that ignores the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Plans the upsert of a file's competences into a stored framework, matched by key. Texts merge per
 * language: the file's language is set (an empty description removes it), other languages stay, so
 * importing the French version of a file after the Dutch one adds French labels. Alternative
 * labels are only replaced when the file has some. Stored competences missing from the file stay.
 */
export function planCompetenceUpserts(
  desired: ExchangeCompetence[],
  stored: StoredExchangeCompetence[],
  newId: () => string,
): CompetenceUpsertPlan {
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const idByKey = new Map(desired.map((d) => [d.key, byKey.get(d.key)?.id ?? newId()]));
  const plan: CompetenceUpsertPlan = { inserts: [], updates: [], unchanged: 0, idByKey };
  for (const d of desired) {
    const old = byKey.get(d.key);
    const description = { ...(old?.description ?? {}) };
    if (d.description) description[d.lang] = d.description;
    else delete description[d.lang];
    const altLabels = { ...(old?.altLabels ?? {}) };
    if (d.altLabels.length) altLabels[d.lang] = d.altLabels;
    const next: PlannedCompetence = {
      id: idByKey.get(d.key)!,
      key: d.key,
      code: d.code ?? old?.code ?? null,
      parentId: d.parentKey === null ? null : idByKey.get(d.parentKey)!,
      kind: d.kind,
      label: { ...(old?.label ?? {}), [d.lang]: d.label },
      altLabels,
      description,
      position: d.position,
    };
    if (!old) plan.inserts.push(next);
    else if (sameValue({ ...old }, next)) plan.unchanged++;
    else plan.updates.push(next);
  }
  return plan;
}

export interface RelationRow {
  fromId: string;
  toId: string;
  kind: string;
}

/**
 * Plans the relation changes among the file's competences: the file is the truth for 'related'
 * (symmetric: a→b equals b→a) and 'broader' links between competences it contains; links that
 * touch a competence outside the file, and other kinds, are left alone.
 */
export function planRelationSync(
  desired: RelationRow[],
  stored: RelationRow[],
  idsInFile: Set<string>,
): { inserts: RelationRow[]; deletes: RelationRow[] } {
  const managed = (r: RelationRow) => (r.kind === 'related' || r.kind === 'broader') && idsInFile.has(r.fromId) && idsInFile.has(r.toId);
  const id = (r: RelationRow) =>
    r.kind === 'related' ? `related|${[r.fromId, r.toId].sort().join('|')}` : `${r.kind}|${r.fromId}|${r.toId}`;
  const want = new Map(desired.map((r) => [id(r), r]));
  const have = new Set<string>();
  const deletes: RelationRow[] = [];
  for (const r of stored.filter(managed)) {
    const k = id(r);
    if (want.has(k) && !have.has(k)) have.add(k);
    else deletes.push(r);
  }
  return { inserts: [...want.entries()].filter(([k]) => !have.has(k)).map(([, r]) => r), deletes };
}
