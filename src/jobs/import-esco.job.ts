import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/client.js';
import { ensureDefaultScale } from '../db/reference-data.js';
import {
  classifyEscoFile,
  compareVersions,
  escoAttribution,
  escoFileOrder,
  escoVersionFromName,
  mapBroaderRow,
  mapHierarchyRow,
  mapIscoGroupRow,
  mapOccupationRow,
  mapOccupationSkillRow,
  mapSkillGroupRow,
  mapSkillRow,
  mapSkillSkillRow,
  mergeConceptRecords,
  mergeOccupationRecords,
  newerVersion,
  type EscoConceptRecord,
  type EscoFile,
  type EscoOccupationRecord,
  type EscoRow,
  type MapResult,
} from '../domain/competences/esco.js';
import { countCsvRecords, readCsvRecords } from './csv-records.js';
import { runJob, type JobLineError } from './runner.js';

export const ESCO_FRAMEWORK_KEY = 'esco-skills';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface LinkCounts extends UpsertCounts {
  /** Links whose concept (at either end) is not in the database. */
  skippedUnknownConcept: number;
}

export interface EscoImportSummary {
  [key: string]: unknown;
  version: string | null;
  /** True when the folder is an older ESCO version than the database: it only filled gaps. */
  olderThanDatabase: boolean;
  files: Array<{ name: string; kind: string; lang: string; records: number }>;
  competences: UpsertCounts;
  occupations: UpsertCounts;
  parents: { competencesUpdated: number; occupationsUpdated: number; skippedUnknownConcept: number };
  broaderRelations: LinkCounts;
  skillRelations: LinkCounts;
  occupationSkills: LinkCounts;
  errorCount: number;
}

export interface EscoImportOptions {
  /** Folder with the ESCO CSV files of one language. */
  dir: string;
  /** ESCO version; by default taken from the folder name (e.g. "v1.2.0-nl" → 1.2.0). */
  version?: string;
  /** Rows per INSERT statement (default 1,000). */
  batchSize?: number;
  createdBy?: string | null;
  onProgress?: (state: { processed: number; total: number | null; file: string }) => void;
}

export interface EscoImportResult {
  jobId: string;
  summary: EscoImportSummary;
  errors: JobLineError[];
}

const emptyCounts = (): UpsertCounts => ({ inserted: 0, updated: 0, unchanged: 0 });
const emptyLinks = (): LinkCounts => ({ ...emptyCounts(), skippedUnknownConcept: 0 });

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A Postgres text[] literal; tags are plain words, quoted anyway. */
const textArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** `($1,$2,…),($n,…)` for `rows` rows of `width` parameters, with per-column casts. */
function valuesList(rows: number, casts: string[]): string {
  const parts: string[] = [];
  let n = 1;
  for (let r = 0; r < rows; r++) parts.push(`(${casts.map((cast) => `$${n++}${cast}`).join(',')})`);
  return parts.join(',');
}

function countReturned(rows: Array<{ inserted: boolean }>, batch: number, counts: UpsertCounts) {
  const inserted = rows.filter((r) => r.inserted).length;
  counts.inserted += inserted;
  counts.updated += rows.length - inserted;
  counts.unchanged += batch - rows.length;
}

/**
 * Imports one folder of the official ESCO CSV export (any language, whichever files are present)
 * into the public framework "esco-skills" and the occupations tables, as a job with progress.
 * Idempotent: rows are compared in the database and only changed ones are written.
 */
export async function importEscoFolder(database: Database, options: EscoImportOptions): Promise<EscoImportResult> {
  const dir = path.resolve(options.dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`${options.dir} is not a folder.`);
  const files = fs
    .readdirSync(dir)
    .map((name) => ({ name, file: classifyEscoFile(name) }))
    .filter((f): f is { name: string; file: EscoFile } => f.file !== null)
    .sort((a, b) => escoFileOrder.indexOf(a.file.kind) - escoFileOrder.indexOf(b.file.kind) || a.name.localeCompare(b.name));
  if (!files.length) throw new Error(`${options.dir} holds no ESCO CSV files (skills_<lang>.csv, occupations_<lang>.csv, …).`);
  const version = options.version ?? escoVersionFromName(path.basename(dir));
  const batchSize = options.batchSize ?? 1_000;
  const { db } = database;
  let currentFile = '';

  const { jobId, result, errors } = await runJob(
    db,
    {
      kind: 'import.esco',
      input: path.basename(dir),
      createdBy: options.createdBy ?? null,
      onProgress: (s) => options.onProgress?.({ ...s, file: currentFile }),
    },
    async (ctx) => {
      const summary: EscoImportSummary = {
        version,
        olderThanDatabase: false,
        files: [],
        competences: emptyCounts(),
        occupations: emptyCounts(),
        parents: { competencesUpdated: 0, occupationsUpdated: 0, skippedUnknownConcept: 0 },
        broaderRelations: emptyLinks(),
        skillRelations: emptyLinks(),
        occupationSkills: emptyLinks(),
        errorCount: 0,
      };
      let total = 0;
      for (const f of files) total += await countCsvRecords(path.join(dir, f.name));
      ctx.setTotal(total);

      /** Streams one file through `map`, reporting per-line errors; a malformed file stops only itself. */
      async function eachRecord<T>(name: string, map: (row: EscoRow) => MapResult<T>, use: (value: T) => void | Promise<void>) {
        currentFile = name;
        let records = 0;
        try {
          for await (const { row, line } of readCsvRecords(path.join(dir, name))) {
            records++;
            const mapped = map(row);
            if (mapped.ok) await use(mapped.value);
            else ctx.error({ file: name, line, message: mapped.message });
            await ctx.advance(1);
          }
        } catch (error) {
          const line = (error as { lines?: number }).lines ?? 0;
          ctx.error({ file: name, line, message: `The file could not be read further: ${(error as Error).message}` });
        }
        const file = files.find((f) => f.name === name)!.file;
        summary.files.push({ name, kind: file.kind, lang: file.lang, records });
        ctx.setSummary(summary);
      }

      // 1. Concepts of the skill pillar and of the occupation pillar, merged across files in memory.
      const concepts = new Map<string, EscoConceptRecord>();
      const addConcept = (r: EscoConceptRecord) => {
        const existing = concepts.get(r.key);
        concepts.set(r.key, existing ? mergeConceptRecords(existing, r) : r);
      };
      const occupationRecords = new Map<string, EscoOccupationRecord>();
      const addOccupation = (r: EscoOccupationRecord) => {
        const existing = occupationRecords.get(r.key);
        occupationRecords.set(r.key, existing ? mergeOccupationRecords(existing, r) : r);
      };
      const skillBroader: Array<{ from: string; to: string }> = [];
      const occupationBroader: Array<{ from: string; to: string }> = [];
      const relationFiles: Array<{ name: string; file: EscoFile }> = [];

      for (const { name, file } of files) {
        switch (file.kind) {
          case 'skillGroups':
            await eachRecord(name, (row) => mapSkillGroupRow(row, file), addConcept);
            break;
          case 'skillsHierarchy':
            await eachRecord(
              name,
              (row) => mapHierarchyRow(row, file),
              (records) => records.forEach(addConcept),
            );
            break;
          case 'skills':
          case 'skillCollection':
            await eachRecord(name, (row) => mapSkillRow(row, file), addConcept);
            break;
          case 'iscoGroups':
            await eachRecord(name, (row) => mapIscoGroupRow(row, file), addOccupation);
            break;
          case 'occupations':
          case 'occupationCollection':
            await eachRecord(name, (row) => mapOccupationRow(row, file), addOccupation);
            break;
          case 'broaderRelationsSkillPillar':
            await eachRecord(
              name,
              (row) => mapBroaderRow(row, 'skill'),
              (link) => void skillBroader.push(link),
            );
            break;
          case 'broaderRelationsOccPillar':
            await eachRecord(
              name,
              (row) => mapBroaderRow(row, 'occupation'),
              (link) => void occupationBroader.push(link),
            );
            break;
          default:
            relationFiles.push({ name, file });
        }
      }

      currentFile = 'writing concepts';
      const framework = await ensureEscoFramework(database, version);
      const frameworkId = framework.id;
      summary.olderThanDatabase = framework.fillOnly;
      for (const batch of chunks([...concepts.values()], Math.min(batchSize, 500))) {
        await upsertConcepts(database, frameworkId, batch, summary.competences, framework.fillOnly);
      }
      for (const batch of chunks([...occupationRecords.values()], Math.min(batchSize, 500))) {
        await upsertOccupations(database, batch, summary.occupations, framework.fillOnly);
      }
      ctx.setSummary(summary);
      await ctx.flush();

      // 2. Parents (second pass, by key) and the other broader links.
      const competenceIds = await loadKeys(database, 'select key, id, parent_id from competences where framework_id = $1', [frameworkId]);
      const occupationIds =
        occupationRecords.size || occupationBroader.length || relationFiles.length
          ? await loadKeys(database, 'select key, id, parent_id from occupations', [])
          : new Map();
      currentFile = 'linking parents';
      await resolveCompetenceParents(database, concepts, skillBroader, competenceIds, summary, batchSize);
      await resolveOccupationParents(database, occupationRecords, occupationBroader, occupationIds, summary, batchSize);
      ctx.setSummary(summary);
      await ctx.flush();

      // 3. Links between concepts, streamed in batches.
      for (const { name, file } of relationFiles) {
        if (file.kind === 'skillSkillRelations') {
          let pending: Array<[string, string, string]> = [];
          const seen = new Set<string>();
          await eachRecord(name, mapSkillSkillRow, async (link) => {
            const from = competenceIds.get(link.from)?.id;
            const to = competenceIds.get(link.to)?.id;
            if (!from || !to) return void summary.skillRelations.skippedUnknownConcept++;
            const k = `${from}|${to}|${link.relation}`;
            if (seen.has(k)) return void summary.skillRelations.unchanged++;
            seen.add(k);
            pending.push([from, to, link.relation]);
            if (pending.length >= batchSize) {
              await insertCompetenceRelations(database, pending, summary.skillRelations);
              pending = [];
            }
          });
          await insertCompetenceRelations(database, pending, summary.skillRelations);
        } else if (file.kind === 'occupationSkillRelations') {
          let pending = new Map<string, [string, string, string]>();
          const flush = async () => {
            const rows = [...pending.values()];
            pending = new Map();
            await upsertOccupationSkills(database, rows, summary.occupationSkills);
          };
          await eachRecord(name, mapOccupationSkillRow, async (link) => {
            const occupation = occupationIds.get(link.occupation)?.id;
            const skill = competenceIds.get(link.skill)?.id;
            if (!occupation || !skill) return void summary.occupationSkills.skippedUnknownConcept++;
            const k = `${occupation}|${skill}`;
            if (pending.has(k)) summary.occupationSkills.unchanged++;
            pending.set(k, [occupation, skill, link.relation]);
            if (pending.size >= batchSize * 2) await flush();
          });
          await flush();
        }
        ctx.setSummary(summary);
      }

      // PGlite has no autovacuum: without fresh statistics the planner guesses a few hundred rows
      // per framework and skips the search indexes, and the parent pass leaves dead row versions.
      const written = [
        summary.competences,
        summary.occupations,
        summary.occupationSkills,
        summary.skillRelations,
        summary.broaderRelations,
      ].some((c) => c.inserted + c.updated > 0);
      if (written || summary.parents.competencesUpdated + summary.parents.occupationsUpdated > 0) {
        currentFile = 'updating statistics';
        await database.exec('VACUUM (ANALYZE) competences, occupations, occupation_competences, competence_relations');
      }
      summary.errorCount = ctx.errorCount;
      ctx.setSummary(summary);
      return summary;
    },
  );
  return { jobId, summary: result, errors };
}

/** The public framework "esco-skills", created on first import; keeps the newest version seen. */
async function ensureEscoFramework(database: Database, version: string | null): Promise<{ id: string; fillOnly: boolean }> {
  const scaleId = await ensureDefaultScale(database.db);
  const [existing] = await database.query<{ id: string; version: string | null }>('select id, version from frameworks where key = $1', [
    ESCO_FRAMEWORK_KEY,
  ]);
  if (existing) {
    const next = newerVersion(existing.version, version);
    if (next !== existing.version) {
      await database.query('update frameworks set version = $2, attribution = $3, updated_at = now() where id = $1', [
        existing.id,
        next,
        escoAttribution(next),
      ]);
    }
    const fillOnly = Boolean(version && existing.version && compareVersions(version, existing.version) < 0);
    return { id: existing.id, fillOnly };
  }
  const id = uuidv7();
  await database.query(
    `insert into frameworks (id, key, organisation_id, title, description, source, version, attribution, scale_id)
     values ($1, $2, null, $3::jsonb, $4::jsonb, 'esco', $5, $6, $7) on conflict (key) do nothing`,
    [
      id,
      ESCO_FRAMEWORK_KEY,
      JSON.stringify({ nl: 'ESCO vaardigheden en kennis', fr: 'ESCO aptitudes et connaissances', en: 'ESCO skills and knowledge' }),
      JSON.stringify({
        nl: 'De Europese classificatie van vaardigheden, competenties en beroepen.',
        fr: 'La classification européenne des aptitudes, compétences et professions.',
        en: 'The European classification of skills, competences and occupations.',
      }),
      version,
      escoAttribution(version),
      scaleId,
    ],
  );
  const [row] = await database.query<{ id: string }>('select id from frameworks where key = $1', [ESCO_FRAMEWORK_KEY]);
  return { id: row.id, fillOnly: false };
}

/**
 * One statement per batch (atomic on its own): insert new concepts; for existing ones merge
 * labels per language, unite tags, and write only when something changed or the source is newer.
 * "transversal" stays once a collection said so; an older modifiedDate never overwrites.
 */
async function upsertConcepts(
  database: Database,
  frameworkId: string,
  batch: EscoConceptRecord[],
  counts: UpsertCounts,
  fillOnly: boolean,
) {
  if (!batch.length) return;
  const params: unknown[] = [];
  for (const r of batch) {
    params.push(
      uuidv7(),
      frameworkId,
      r.key,
      r.kind,
      JSON.stringify(r.label),
      JSON.stringify(r.altLabels),
      JSON.stringify(r.description),
      r.code,
      textArray(r.tags),
      r.modifiedAt,
    );
  }
  // An import of an older ESCO version only fills gaps: existing values win the merge.
  const merge = (column: string) => (fillOnly ? `(excluded.${column} || c.${column})` : `(c.${column} || excluded.${column})`);
  const newKind = fillOnly
    ? 'c.kind'
    : `(case when c.kind = 'transversal' and excluded.kind in ('skill', 'knowledge') then c.kind else excluded.kind end)`;
  const newCode = fillOnly ? 'coalesce(c.code, excluded.code)' : 'coalesce(excluded.code, c.code)';
  const rows = await database.query<{ inserted: boolean }>(
    `insert into competences as c (id, framework_id, key, kind, label, alt_labels, description, code, tags, source_modified_at)
     values ${valuesList(batch.length, ['::uuid', '::uuid', '', '::competence_kind', '::jsonb', '::jsonb', '::jsonb', '', '::text[]', '::timestamptz'])}
     on conflict (framework_id, key) do update set
       kind = ${newKind},
       label = ${merge('label')},
       alt_labels = ${merge('alt_labels')},
       description = ${merge('description')},
       code = ${newCode},
       tags = (select coalesce(array_agg(distinct t order by t), '{}') from unnest(c.tags || excluded.tags) t),
       source_modified_at = greatest(c.source_modified_at, excluded.source_modified_at),
       updated_at = now()
     where coalesce(excluded.source_modified_at >= c.source_modified_at, true) and (
       ${merge('label')} <> c.label
       or ${merge('alt_labels')} <> c.alt_labels
       or ${merge('description')} <> c.description
       or ${newKind} <> c.kind
       or not (c.tags @> excluded.tags)
       or ${newCode} is distinct from c.code
       or excluded.source_modified_at > c.source_modified_at
       or (c.source_modified_at is null and excluded.source_modified_at is not null))
     returning (xmax = 0) as inserted`,
    params,
  );
  countReturned(rows, batch.length, counts);
}

async function upsertOccupations(database: Database, batch: EscoOccupationRecord[], counts: UpsertCounts, fillOnly: boolean) {
  if (!batch.length) return;
  const params: unknown[] = [];
  for (const r of batch) {
    params.push(
      uuidv7(),
      r.key,
      r.isGroup,
      r.code,
      r.iscoCode,
      JSON.stringify(r.label),
      JSON.stringify(r.altLabels),
      JSON.stringify(r.description),
      r.modifiedAt,
    );
  }
  const merge = (column: string) => (fillOnly ? `(excluded.${column} || o.${column})` : `(o.${column} || excluded.${column})`);
  const keep = (column: string) => (fillOnly ? `coalesce(o.${column}, excluded.${column})` : `coalesce(excluded.${column}, o.${column})`);
  const rows = await database.query<{ inserted: boolean }>(
    `insert into occupations as o (id, key, is_group, code, isco_code, label, alt_labels, description, source_modified_at)
     values ${valuesList(batch.length, ['::uuid', '', '::boolean', '', '', '::jsonb', '::jsonb', '::jsonb', '::timestamptz'])}
     on conflict (key) do update set
       is_group = excluded.is_group or o.is_group,
       code = ${keep('code')},
       isco_code = ${keep('isco_code')},
       label = ${merge('label')},
       alt_labels = ${merge('alt_labels')},
       description = ${merge('description')},
       source_modified_at = greatest(o.source_modified_at, excluded.source_modified_at),
       updated_at = now()
     where coalesce(excluded.source_modified_at >= o.source_modified_at, true) and (
       ${merge('label')} <> o.label
       or ${merge('alt_labels')} <> o.alt_labels
       or ${merge('description')} <> o.description
       or (excluded.is_group and not o.is_group)
       or ${keep('code')} is distinct from o.code
       or ${keep('isco_code')} is distinct from o.isco_code
       or excluded.source_modified_at > o.source_modified_at
       or (o.source_modified_at is null and excluded.source_modified_at is not null))
     returning (xmax = 0) as inserted`,
    params,
  );
  countReturned(rows, batch.length, counts);
}

interface KeyedRow {
  id: string;
  parentId: string | null;
}

async function loadKeys(database: Database, text: string, params: unknown[]): Promise<Map<string, KeyedRow>> {
  const rows = await database.query<{ key: string; id: string; parent_id: string | null }>(text, params);
  return new Map(rows.map((r) => [r.key, { id: r.id, parentId: r.parent_id }]));
}

async function setParents(
  database: Database,
  table: 'competences' | 'occupations',
  updates: Array<[string, string]>,
  batchSize: number,
): Promise<number> {
  let updated = 0;
  for (const batch of chunks(updates, batchSize)) {
    const rows = await database.query(
      `update ${table} t set parent_id = v.parent, updated_at = now()
       from (values ${valuesList(batch.length, ['::uuid', '::uuid'])}) as v(id, parent)
       where t.id = v.id and t.parent_id is distinct from v.parent returning t.id`,
      batch.flat(),
    );
    updated += rows.length;
  }
  return updated;
}

/**
 * parent_id = the first broader concept that exists (kept when one is already set, so importing
 * another language or collection never moves a concept); every other broader concept becomes a
 * competence_relations row of kind "broader".
 */
async function resolveCompetenceParents(
  database: Database,
  concepts: Map<string, EscoConceptRecord>,
  pillarLinks: Array<{ from: string; to: string }>,
  ids: Map<string, KeyedRow>,
  summary: EscoImportSummary,
  batchSize: number,
) {
  const broader = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = broader.get(from);
    if (!list) broader.set(from, [to]);
    else if (!list.includes(to)) list.push(to);
  };
  for (const record of concepts.values()) for (const to of record.broader) add(record.key, to);
  for (const link of pillarLinks) add(link.from, link.to);

  const parentUpdates: Array<[string, string]> = [];
  const relations: Array<[string, string, string]> = [];
  for (const [from, targets] of broader) {
    const self = ids.get(from);
    if (!self) {
      summary.parents.skippedUnknownConcept += targets.length;
      continue;
    }
    const resolved: string[] = [];
    for (const to of targets) {
      const target = ids.get(to);
      if (target && target.id !== self.id) resolved.push(target.id);
      else summary.parents.skippedUnknownConcept++;
    }
    if (!resolved.length) continue;
    let parent = self.parentId;
    if (!parent) {
      parent = resolved[0];
      parentUpdates.push([self.id, parent]);
      self.parentId = parent;
    }
    for (const to of resolved) if (to !== parent) relations.push([self.id, to, 'broader']);
  }
  summary.parents.competencesUpdated += await setParents(database, 'competences', parentUpdates, batchSize);
  for (const batch of chunks(relations, batchSize)) await insertCompetenceRelations(database, batch, summary.broaderRelations);
}

/**
 * Occupations: the broader link of broaderRelationsOccPillar wins (it also places narrower
 * occupations under their occupation); otherwise the ISCO group of the row, only when no parent
 * is set yet.
 */
async function resolveOccupationParents(
  database: Database,
  records: Map<string, EscoOccupationRecord>,
  pillarLinks: Array<{ from: string; to: string }>,
  ids: Map<string, KeyedRow>,
  summary: EscoImportSummary,
  batchSize: number,
) {
  const updates: Array<[string, string]> = [];
  const fromPillar = new Map<string, string>();
  for (const link of pillarLinks) {
    if (fromPillar.has(link.from)) continue;
    const self = ids.get(link.from);
    const target = ids.get(link.to);
    if (!self || !target) {
      summary.parents.skippedUnknownConcept++;
      continue;
    }
    fromPillar.set(link.from, target.id);
    if (self.parentId !== target.id) {
      updates.push([self.id, target.id]);
      self.parentId = target.id;
    }
  }
  for (const record of records.values()) {
    const self = ids.get(record.key);
    if (!self || self.parentId || fromPillar.has(record.key)) continue;
    const target = record.broader.map((uri) => ids.get(uri)).find((t) => t && t.id !== self.id);
    if (!target) {
      if (record.broader.length) summary.parents.skippedUnknownConcept++;
      continue;
    }
    updates.push([self.id, target.id]);
    self.parentId = target.id;
  }
  summary.parents.occupationsUpdated += await setParents(database, 'occupations', updates, batchSize);
}

async function insertCompetenceRelations(database: Database, batch: Array<[string, string, string]>, counts: LinkCounts) {
  if (!batch.length) return;
  const rows = await database.query(
    `insert into competence_relations (from_id, to_id, kind) values ${valuesList(batch.length, ['::uuid', '::uuid', ''])}
     on conflict do nothing returning 1`,
    batch.flat(),
  );
  counts.inserted += rows.length;
  counts.unchanged += batch.length - rows.length;
}

async function upsertOccupationSkills(database: Database, batch: Array<[string, string, string]>, counts: LinkCounts) {
  if (!batch.length) return;
  const rows = await database.query<{ inserted: boolean }>(
    `insert into occupation_competences as oc (occupation_id, competence_id, relation)
     values ${valuesList(batch.length, ['::uuid', '::uuid', '::relation_kind'])}
     on conflict (occupation_id, competence_id) do update set relation = excluded.relation
     where oc.relation <> excluded.relation
     returning (xmax = 0) as inserted`,
    batch.flat(),
  );
  countReturned(rows, batch.length, counts);
}
