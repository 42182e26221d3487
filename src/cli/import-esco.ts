import { parseArgs } from 'node:util';
import type { CliCommand } from './commands.js';
import { importEscoFolder, type EscoImportSummary } from '../jobs/import-esco.job.js';
import { createProgressReporter } from './progress.js';

const fmt = (c: { inserted: number; updated: number; unchanged: number; skippedUnknownConcept?: number }) =>
  `${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged${c.skippedUnknownConcept !== undefined ? `, ${c.skippedUnknownConcept} skipped: unknown concept` : ''}`;

export function formatEscoSummary(s: EscoImportSummary): string {
  return [
    `ESCO version ${s.version ?? 'unknown'}; files: ${s.files.map((f) => `${f.name} (${f.records})`).join(', ')}`,
    `  competences:        ${fmt(s.competences)}`,
    `  occupations:        ${fmt(s.occupations)}`,
    `  parents set:        ${s.parents.competencesUpdated} competences, ${s.parents.occupationsUpdated} occupations, ${s.parents.skippedUnknownConcept} skipped: unknown concept`,
    `  broader links:      ${fmt(s.broaderRelations)}`,
    `  skill–skill links:  ${fmt(s.skillRelations)}`,
    `  occupation skills:  ${fmt(s.occupationSkills)}`,
    `  errors:             ${s.errorCount}`,
  ].join('\n');
}

/** `leerkompas import esco <dir> [<dir> …] [--esco-version X]`: folders are imported in order. */
export const importEscoCommand: CliCommand = {
  usage:
    'leerkompas import esco <dir> [<dir> …] [--esco-version X]\n                                               import ESCO CSV folders (nl first; fr/en add labels)',
  matches: (command, sub) => command === 'import' && sub === 'esco',
  async run({ database, args }) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'esco-version': { type: 'string' } } });
    if (!positionals.length) throw new Error('Name at least one folder: leerkompas import esco <dir>');
    for (const dir of positionals) {
      const progress = createProgressReporter(process.stderr, `${dir}: `);
      const started = Date.now();
      const { jobId, summary, errors } = await importEscoFolder(database, {
        dir,
        version: values['esco-version'],
        onProgress: ({ processed, total, file }) => progress.update({ processed, total, phase: file }),
      });
      progress.done();
      console.log(`Imported ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s (job ${jobId}).`);
      console.log(formatEscoSummary(summary));
      for (const e of errors.slice(0, 20)) console.log(`  ${e.file}:${e.line}: ${e.message}`);
      if (summary.errorCount > 20) console.log(`  … and ${summary.errorCount - 20} more (see the job's errors).`);
    }
  },
};
