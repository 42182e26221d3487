/**
 * `npm run bench [-- name-filter]`: generates the sector-scale workload (bench/generate-sector.ts,
 * on PGlite and, when a PostgreSQL server answers, on PostgreSQL; see bench/support.ts for the
 * URL), runs every bench/*.bench.ts in its own child process (so one benchmark's memory and caches
 * do not colour the next), drops the workload again (BENCH_KEEP_WORKLOAD=1 keeps it), then writes
 * bench/results/latest.json (every figure of this run) and bench/results/summary.md (tables, from
 * the per-benchmark JSON files in bench/results/).
 * BENCH_SCALE=small runs everything at a tenth of the size, for development.
 * A filter that matches no benchmark only rebuilds summary.md from the stored results.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dropSectorWorkload, generateSectorWorkload } from './generate-sector.js';
import { benchDir, benchKinds, benchScale, loadAverage, machineInfo, postgresUrlSource, resultsDir } from './support.js';

const filter = process.argv[2];
const files = fs
  .readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
const started = new Date();
const loadAtStart = loadAverage();
const runs: Array<{ file: string; ok: boolean; seconds: number }> = [];
const workload: Record<string, { setupMs: number; counts: Record<string, number>; timings: Record<string, number> }> = {};
const needsWorkload = files.some((f) => f.startsWith('sector') || f.startsWith('load'));

if (files.length) {
  const kinds = await benchKinds();
  console.log(
    `Benchmarks at ${benchScale} scale on ${kinds.join(' and ')} (PostgreSQL URL from ${postgresUrlSource}); load average ${loadAtStart.join(' ')}`,
  );
  if (needsWorkload) {
    for (const kind of kinds) {
      console.log(`\n▶ sector workload on ${kind}`);
      const m = await generateSectorWorkload(kind, (line) => console.log(`workload ${line}`));
      workload[kind] = { setupMs: m.timings.total, counts: m.counts, timings: m.timings };
    }
  }
  for (const file of files) {
    console.log(`\n▶ ${file}`);
    const t0 = Date.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, file)], {
      stdio: 'inherit',
      cwd: path.dirname(benchDir),
    });
    runs.push({ file, ok: child.status === 0, seconds: (Date.now() - t0) / 1000 });
  }
  if (needsWorkload && process.env.BENCH_KEEP_WORKLOAD !== '1') for (const kind of kinds) await dropSectorWorkload(kind);
}

type Json = Record<string, unknown>;
const readResult = (name: string) => JSON.parse(fs.readFileSync(path.join(resultsDir, name), 'utf8')) as Json;
const resultNames = fs.existsSync(resultsDir)
  ? fs
      .readdirSync(resultsDir)
      .filter((f) => f.endsWith('.json') && f !== 'latest.json')
      .sort()
  : [];
const loadAtEnd = loadAverage();

if (runs.length) {
  const ran = new Set(runs.filter((r) => r.ok).map((r) => r.file.replace(/\.bench\.ts$/, '.json')));
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(
    path.join(resultsDir, 'latest.json'),
    `${JSON.stringify(
      {
        at: started.toISOString(),
        finishedAt: new Date().toISOString(),
        scale: benchScale,
        machine: machineInfo(),
        postgres: postgresUrlSource,
        loadAverage: { start: loadAtStart, end: loadAtEnd },
        runs,
        workload,
        results: Object.fromEntries(resultNames.filter((n) => ran.has(n)).map((n) => [n.replace(/\.json$/, ''), readResult(n)])),
      },
      null,
      2,
    )}\n`,
  );
}

// ---------------------------------------------------------------- summary.md
const lines = ['# Benchmark results', ''];
if (runs.length) {
  lines.push(
    `Written by \`npm run bench\` (${benchScale} scale) on ${started.toISOString()}; load average (1, 5, 15 min) ${loadAtStart.join(' / ')} at the start and ${loadAtEnd.join(' / ')} at the end on ${machineInfo().cpus} cores — a busy machine makes every absolute figure slower, so compare the ratios. All figures of the run: [latest.json](latest.json).`,
    '',
    '| benchmark | status | wall time |',
    '| --- | --- | --- |',
  );
  for (const r of runs) lines.push(`| ${r.file} | ${r.ok ? 'ok' : '**failed**'} | ${r.seconds.toFixed(1)} s |`);
  for (const [kind, w] of Object.entries(workload))
    lines.push(
      '',
      `Sector workload on ${kind}: ${w.counts.members} members, ${w.counts.people} people, ${w.counts.ratings} ratings, ${w.counts.offers} offers, set up in ${(w.setupMs / 1000).toFixed(1)} s (ratings ${(w.timings.ratings / 1000).toFixed(1)} s, offers ${(w.timings.offers / 1000).toFixed(1)} s).`,
    );
} else {
  lines.push(
    `Rebuilt on ${new Date().toISOString()} from the stored results; each section says when it was measured. Compare ratios, not absolutes.`,
  );
}
lines.push('');

const cell = (v: unknown) => (v === undefined || v === null ? '' : String(v));
for (const name of resultNames) {
  const data = readResult(name);
  const results = (data.results ?? {}) as Record<string, Json>;
  lines.push(`## ${data.title ?? data.benchmark ?? name}`, '');
  lines.push(
    `Measured ${data.at}${data.scale ? ` (${data.scale} scale)` : ''}. Target met: ${data.meetsTarget === null || data.meetsTarget === undefined ? 'n/a' : data.meetsTarget ? 'yes' : '**no**'}.${data.note ? ` ${data.note}` : ''}`,
    '',
  );
  const loads = Object.entries(results)
    .map(([kind, r]) => {
      const l = r.loadAverage as { before?: number[]; after?: number[] } | undefined;
      return l?.before ? `${kind} ${l.before[0]} → ${l.after?.[0]}` : null;
    })
    .filter(Boolean);
  if (loads.length) lines.push(`Load average (1 min) before → after: ${loads.join('; ')}.`, '');

  if (Object.values(results).some((r) => Array.isArray(r.comparisons))) {
    lines.push(
      '| database | what | median | p95 | reference | reference median | ratio (median) | ratio (p95) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const [kind, r] of Object.entries(results)) {
      for (const c of (r.comparisons ?? []) as Array<{
        what: string;
        measured: Json;
        reference: Json;
        ratio: number;
        ratioP95: number;
        note?: string;
      }>)
        lines.push(
          `| ${kind} | ${c.what}${c.note ? ` — ${c.note}` : ''} | ${c.measured.medianMs} ms | ${c.measured.p95Ms} ms | ${c.reference.what} | ${c.reference.medianMs} ms | ×${c.ratio} | ×${c.ratioP95} |`,
        );
    }
    lines.push('');
  }
  if (Object.values(results).some((r) => r.scenarios)) {
    lines.push(
      '| database | scenario | requests | errors | req/s | ratio to 204 route | p50 | p95 | p99 |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const [kind, r] of Object.entries(results))
      for (const [scenario, s] of Object.entries(r.scenarios as Record<string, Json>))
        lines.push(
          `| ${kind} | ${scenario} | ${s.requests} | ${s.errors} | ${s.requestsPerSecond} | ${s.ratioToNoop} | ${s.p50Ms} ms | ${s.p95Ms} ms | ${s.p99Ms} ms |`,
        );
    lines.push('');
  }
  const keys = [...new Set(Object.values(results).flatMap((r) => Object.keys(r).filter((k) => typeof r[k] === 'number')))];
  if (keys.length) {
    lines.push(`| database | ${keys.join(' | ')} |`, `| --- | ${keys.map(() => '---').join(' | ')} |`);
    for (const [kind, r] of Object.entries(results)) lines.push(`| ${kind} | ${keys.map((k) => cell(r[k])).join(' | ')} |`);
    lines.push('');
  }
}
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, 'summary.md'), `${lines.join('\n')}\n`);
console.log(`\nSummary: ${path.join(resultsDir, 'summary.md')}`);
if (runs.some((r) => !r.ok)) process.exitCode = 1;
