import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundledEscoOnce } from '../../src/db/reference/bundled-esco.js';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(databaseKinds)('bundled Dutch ESCO on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t?.close());

  it('imports the shipped files once, and they are searchable in Dutch with the attribution', async () => {
    const log: string[] = [];
    expect(await importBundledEscoOnce(t.db.database, (l) => log.push(l))).toBe(true);
    const [counts] = await t.db.database.query<{ skills: string; groups: string; occupations: string }>(
      `select (select count(*) from competences c join frameworks f on f.id = c.framework_id where f.key = 'esco-skills' and c.kind <> 'group') as skills,
              (select count(*) from competences c join frameworks f on f.id = c.framework_id where f.key = 'esco-skills' and c.kind = 'group') as groups,
              (select count(*) from occupations where not is_group) as occupations`,
    );
    expect(Number(counts.skills)).toBeGreaterThanOrEqual(2218);
    expect(Number(counts.groups)).toBeGreaterThanOrEqual(600);
    expect(Number(counts.occupations)).toBeGreaterThanOrEqual(3000);

    const hits = (await t.app.inject({ url: '/api/competences?q=spreadsheet&lang=nl' })).json() as Array<{
      frameworkKey: string;
      attribution: string | null;
    }>;
    const esco = hits.find((h) => h.frameworkKey === 'esco-skills');
    expect(esco?.attribution).toMatch(/© European Union, ESCO classification/);

    // A second start finds ESCO present and does nothing.
    expect(await importBundledEscoOnce(t.db.database, (l) => log.push(l))).toBe(false);
    expect(log).toHaveLength(1);
  });
});
