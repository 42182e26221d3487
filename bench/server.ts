/**
 * The app as its own process, for the load benchmark (bench/load.bench.ts), so the memory it
 * reports is the server's alone: opens an existing database (BENCH_SERVER_PGLITE_DIR or
 * BENCH_SERVER_DATABASE_URL; no migrations, no demo data), adds two benchmark-only routes —
 * GET /bench/noop (204, the framework's floor) and GET /bench/memory (process.memoryUsage()) — and
 * listens on 127.0.0.1 on a free port, which it prints as one JSON line: {"port": …}.
 * The per-IP survey and login limits are lifted (every load client shares 127.0.0.1, while real
 * respondents come from many addresses; the rate-limit hook still runs on every request).
 * Stops on SIGTERM / SIGINT.
 */
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../src/db/client.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';

const dataDir = process.env.BENCH_SERVER_PGLITE_DIR;
const url = process.env.BENCH_SERVER_DATABASE_URL;
if (!dataDir && !url) throw new Error('Set BENCH_SERVER_PGLITE_DIR or BENCH_SERVER_DATABASE_URL.');
const database = dataDir
  ? await openDatabase({ kind: 'pglite', dataDir })
  : await openDatabase({ kind: 'postgres', url: url!, poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const config = loadConfig({ LOG_LEVEL: 'silent', LEERKOMPAS_LOGIN_LIMIT: '99999', LEERKOMPAS_SURVEY_LIMIT: '999999' });
const app = await buildApp({ config, database, version: 'bench' });
app.get('/bench/noop', { schema: { hide: true } }, (_request, reply) => reply.code(204).send());
app.get('/bench/memory', { schema: { hide: true } }, () => process.memoryUsage());
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ port: (app.server.address() as AddressInfo).port })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
