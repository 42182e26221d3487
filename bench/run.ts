/**
 * Runs every bench/*.bench.ts, one child process each (so one benchmark's memory and caches do
 * not colour the next), then writes bench/results/summary.md from the JSON results.
 * Usage: npm run bench [-- name-filter]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchDir, resultsDir } from './support.js';

const filter = process.argv[2];
const files = fs
  .readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
const runs: Array<{ file: string; ok: boolean; seconds: number }> = [];
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, file)], { stdio: 'inherit', cwd: path.dirname(benchDir) });
  runs.push({ file, ok: child.status === 0, seconds: (Date.now() - started) / 1000 });
}

type Json = Record<string, unknown>;
const lines = ['# Benchmark results', ''];
if (runs.length) {
  lines.push(`Written by \`npm run bench\` on ${new Date().toISOString()}. Times from one run on this machine; compare ratios, not absolutes.`, '');
  lines.push('| benchmark | status | wall time |', '| --- | --- | --- |');
  for (const r of runs) lines.push(`| ${r.file} | ${r.ok ? 'ok' : '**failed**'} | ${r.seconds.toFixed(1)} s |`);
} else {
  // `npm run bench -- <filter matching nothing>`: only rebuilds this page from the stored results.
  lines.push(`Rebuilt on ${new Date().toISOString()} from the stored results; each section says when it was measured. Compare ratios, not absolutes.`);
}
lines.push('');
for (const name of fs.existsSync(resultsDir) ? fs.readdirSync(resultsDir).filter((f) => f.endsWith('.json')).sort() : []) {
  const data = JSON.parse(fs.readFileSync(path.join(resultsDir, name), 'utf8')) as Json;
  lines.push(`## ${data.benchmark ?? name}`, '', `Measured ${data.at}. Target met: ${data.meetsTarget === null ? 'n/a' : data.meetsTarget ? 'yes' : '**no**'}.`, '');
  const results = (data.results ?? {}) as Record<string, Json>;
  const keys = [...new Set(Object.values(results).flatMap((r) => Object.keys(r).filter((k) => typeof r[k] === 'number')))];
  if (keys.length) {
    lines.push(`| database | ${keys.join(' | ')} |`, `| --- | ${keys.map(() => '---').join(' | ')} |`);
    for (const [kind, r] of Object.entries(results)) lines.push(`| ${kind} | ${keys.map((k) => (r[k] ?? '')).join(' | ')} |`);
    lines.push('');
  }
}
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, 'summary.md'), `${lines.join('\n')}\n`);
console.log(`\nSummary: ${path.join(resultsDir, 'summary.md')}`);
if (runs.some((r) => !r.ok)) process.exitCode = 1;
