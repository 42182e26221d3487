/**
 * Full-size ESCO import (real Dutch files + generated skills_nl / occupationSkillRelations_nl of
 * the real size) into a fresh PGlite and a fresh PostgreSQL database; then the same folder again
 * (everything unchanged). Target: first import under 60 s on PGlite.
 * Writes bench/results/esco-import.json.
 */
import { importEscoFolder } from '../src/jobs/import-esco.job.js';
import { benchKinds, ensureFullEscoFolder, freshDatabase, FULL_ESCO_VERSION, machineInfo, round, writeResult } from './support.js';

const TARGET_PGLITE_MS = 60_000;

export async function runEscoImportBench() {
  const dir = ensureFullEscoFolder();
  const results: Record<string, unknown> = {};
  for (const kind of await benchKinds()) {
    const bench = await freshDatabase(kind);
    try {
      let started = performance.now();
      const first = await importEscoFolder(bench.database, { dir, version: FULL_ESCO_VERSION });
      const firstMs = performance.now() - started;
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
        reimport: { competences: second.summary.competences, occupations: second.summary.occupations, occupationSkills: second.summary.occupationSkills },
      };
      console.log(
        `esco-import ${kind}: first ${round(firstMs / 1000)} s (${records} records), re-import ${round(secondMs / 1000)} s; ` +
          `competences ${s.competences.inserted}, occupations ${s.occupations.inserted}, links ${s.occupationSkills.inserted}`,
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
