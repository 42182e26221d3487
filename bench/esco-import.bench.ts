/**
 * Full-size ESCO import (real Dutch files + generated skills_nl / occupationSkillRelations_nl of
 * the real size) into a fresh PGlite and a fresh PostgreSQL database; then the same folder again
 * (everything unchanged). Target: first import under 60 s on PGlite.
 * The first import is compared with COPY of the rows it wrote (every table whose row count it
 * raised, into a copy of that table with its indexes; PostgreSQL: server-side COPY FROM a file,
 * PGlite: COPY FROM '/dev/blob'): the database's floor for writing the same rows. Median of
 * COPY_RUNS; ratio = first import / that median.
 * Writes bench/results/esco-import.json.
 */
import { importEscoFolder } from '../src/jobs/import-esco.job.js';
import type { Database } from '../src/db/client.js';
import {
  benchKinds,
  columnsOf,
  copyRows,
  ensureFullEscoFolder,
  figure,
  freshDatabase,
  FULL_ESCO_VERSION,
  machineInfo,
  round,
  writeResult,
} from './support.js';

const TARGET_PGLITE_MS = 60_000;
const COPY_RUNS = 3;

/** Row counts of every table in the public schema. */
async function rowCounts(database: Database): Promise<Map<string, number>> {
  const tables = await database.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts = new Map<string, number>();
  for (const { table_name: table } of tables) {
    counts.set(table, Number((await database.query<{ n: string }>(`select count(*) as n from "${table}"`))[0].n));
  }
  return counts;
}

/**
 * COPY of the rows the import added to each table it wrote into a copy of that table (indexes
 * included, no foreign keys): COPY_RUNS times, the total per run in ms.
 */
async function copyReference(database: Database, before: Map<string, number>, after: Map<string, number>) {
  const written = [...after].filter(([table, n]) => n > (before.get(table) ?? 0)).map(([table]) => table);
  const columns = new Map(await Promise.all(written.map(async (t) => [t, await columnsOf(database, t)] as const)));
  await database.exec(
    written.map((t) => `drop table if exists "bench_copy_${t}"; create table "bench_copy_${t}" (like "${t}" including all);`).join('\n'),
  );
  try {
    const runs: number[] = [];
    for (let run = 0; run < COPY_RUNS; run++) {
      let ms = 0;
      // Whole tables: the fresh database held only the bootstrap's few rows in them.
      for (const t of written) ms += await copyRows(database, `select ${columns.get(t)} from "${t}"`, `"bench_copy_${t}"`, columns.get(t)!);
      runs.push(ms);
    }
    const rows = written.reduce((n, t) => n + (after.get(t) ?? 0), 0);
    return { tables: Object.fromEntries(written.map((t) => [t, after.get(t)])), rows, copyMs: figure(runs) };
  } finally {
    await database.exec(written.map((t) => `drop table if exists "bench_copy_${t}";`).join('\n'));
  }
}

export async function runEscoImportBench() {
  const dir = ensureFullEscoFolder();
  const results: Record<string, unknown> = {};
  for (const kind of await benchKinds()) {
    const bench = await freshDatabase(kind);
    try {
      const before = await rowCounts(bench.database);
      let started = performance.now();
      const first = await importEscoFolder(bench.database, { dir, version: FULL_ESCO_VERSION });
      const firstMs = performance.now() - started;
      const copy = await copyReference(bench.database, before, await rowCounts(bench.database));
      started = performance.now();
      const second = await importEscoFolder(bench.database, { dir, version: FULL_ESCO_VERSION });
      const secondMs = performance.now() - started;
      const s = first.summary;
      const records = s.files.reduce((n, f) => n + f.records, 0);
      results[kind] = {
        firstImportMs: Math.round(firstMs),
        reimportUnchangedMs: Math.round(secondMs),
        records,
        recordsPerSecond: Math.round(records / (firstMs / 1000)),
        competences: s.competences,
        occupations: s.occupations,
        occupationSkills: s.occupationSkills,
        skillRelations: s.skillRelations,
        broaderRelations: s.broaderRelations,
        errors: s.errorCount,
        copy: {
          ...copy,
          reference: kind === 'pglite' ? "COPY FROM '/dev/blob' of the same rows" : 'COPY FROM a file of the same rows (server-side)',
        },
        copyRows: copy.rows,
        copyMedianMs: copy.copyMs.medianMs,
        ratioToCopy: round(firstMs / copy.copyMs.medianMs, 1),
        reimport: {
          competences: second.summary.competences,
          occupations: second.summary.occupations,
          occupationSkills: second.summary.occupationSkills,
        },
      };
      console.log(
        `esco-import ${kind}: first ${round(firstMs / 1000)} s (${records} records), re-import ${round(secondMs / 1000)} s; ` +
          `competences ${s.competences.inserted}, occupations ${s.occupations.inserted}, links ${s.occupationSkills.inserted}; ` +
          `COPY of the ${copy.rows} rows ${copy.copyMs.medianMs} ms (×${round(firstMs / copy.copyMs.medianMs, 1)})`,
      );
    } finally {
      await bench.dispose();
    }
  }
  const pglite = results.pglite as { firstImportMs: number } | undefined;
  const output = {
    benchmark: 'esco-import',
    at: new Date().toISOString(),
    machine: machineInfo(),
    targetPgliteMs: TARGET_PGLITE_MS,
    meetsTarget: pglite ? pglite.firstImportMs < TARGET_PGLITE_MS : null,
    results,
  };
  writeResult('esco-import.json', output);
  return output;
}

await runEscoImportBench();
