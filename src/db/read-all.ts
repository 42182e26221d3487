import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

type Reads<T extends readonly unknown[]> = { [K in keyof T]: () => Promise<T[K]> };

/**
 * Several independent reads: at once on the database (a pool hands each its own connection), one
 * after the other inside a transaction. A transaction is one connection; node-postgres would queue
 * the overlapping queries itself, but warns that pg 9 refuses them.
 */
export async function readAll<T extends readonly unknown[]>(executor: Executor, reads: Reads<T>): Promise<T> {
  if (!(executor instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
