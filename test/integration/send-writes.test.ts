import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWrites } from '../../src/db/client.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

describe.each(databaseKinds)('sendWrites on %s', (kind) => {
  let t: TestDatabase;
  const rows = () => t.database.query<{ key: string; amount: number }>('select key, amount from send_writes_probe order by key');

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await t.database.exec('create table send_writes_probe (key text primary key, amount int not null)');
  });
  afterAll(() => t.dispose());

  it('sends several writes as one statement, each with its own placeholders', async () => {
    await sendWrites(t.database.db, [
      { text: 'insert into send_writes_probe (key, amount) values ($1, $2), ($3, $4)', params: ['a', 1, 'b', 2] },
      { text: 'insert into send_writes_probe (key, amount) select k, $2 from unnest($1::text[]) as k', params: [['c', 'd'], 3] },
      { text: 'insert into send_writes_probe (key, amount) values ($1, $2)', params: ['e', 5] },
    ]);
    expect(await rows()).toEqual([
      { key: 'a', amount: 1 },
      { key: 'b', amount: 2 },
      { key: 'c', amount: 3 },
      { key: 'd', amount: 3 },
      { key: 'e', amount: 5 },
    ]);
  });

  it('is one statement: when a later write fails, the earlier ones are not kept either', async () => {
    await expect(
      sendWrites(t.database.db, [
        { text: 'insert into send_writes_probe (key, amount) values ($1, $2)', params: ['f', 6] },
        { text: 'insert into send_writes_probe (key, amount) values ($1, $2)', params: ['a', 7] },
      ]),
    ).rejects.toThrow(/duplicate key/);
    expect((await rows()).map((r) => r.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('runs the same shape again with other values (the prepared statement is reused)', async () => {
    for (const [key, amount] of [
      ['g', 8],
      ['h', 9],
    ] as const) {
      await sendWrites(t.database.db, [
        { text: 'insert into send_writes_probe (key, amount) values ($1, $2)', params: [key, amount] },
        { text: 'update send_writes_probe set amount = amount + $1 where key = $2', params: [100, 'a'] },
      ]);
    }
    expect(await rows()).toContainEqual({ key: 'h', amount: 9 });
    expect(await rows()).toContainEqual({ key: 'a', amount: 201 });
  });
});
