import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../src/db/client.js';
import { readAll } from '../../src/db/read-all.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

/*
 * readAll runs independent reads at once on a pool (each on a connection of its own) and one after
 * the other inside a transaction, where node-postgres would otherwise queue them on the one
 * connection and warn that pg 9 refuses it.
 */
describe.each(databaseKinds)('readAll on %s', (kind) => {
  let t: TestDatabase;
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await t.dispose();
  });

  /** A read that takes a moment and says which server process answered it. */
  const backend = (executor: Executor, label: string) => async () => {
    // Both drivers answer execute() with { rows }.
    const result = (await executor.execute(sql`select pg_backend_pid() as pid, ${label}::text as label, pg_sleep(0.05)`)) as unknown as {
      rows: Array<{ pid: number; label: string }>;
    };
    return result.rows[0]!;
  };

  it('answers in the order asked, inside a transaction without overlapping queries', async () => {
    const answers = await t.database.db.transaction((tx) => readAll(tx, [backend(tx, 'a'), backend(tx, 'b'), backend(tx, 'c')]));
    expect(answers.map((a) => a.label)).toEqual(['a', 'b', 'c']);
    expect(new Set(answers.map((a) => a.pid)).size).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
  });

  it('outside a transaction, spreads reads over the pool’s connections (PGlite has one)', async () => {
    const answers = await readAll(t.database.db, [backend(t.database.db, 'a'), backend(t.database.db, 'b'), backend(t.database.db, 'c')]);
    expect(answers.map((a) => a.label)).toEqual(['a', 'b', 'c']);
    const connections = new Set(answers.map((a) => a.pid)).size;
    if (kind === 'postgres') expect(connections).toBeGreaterThan(1);
    else expect(connections).toBe(1);
  });
});
