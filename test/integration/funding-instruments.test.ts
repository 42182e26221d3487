import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { bootstrap } from '../../src/db/bootstrap.js';
import { loadFundingInstruments, shippedFundingInstruments } from '../../src/db/reference/load-funding-instruments.js';
import { buildOrganisation } from '../factories/accounts.js';

async function fingerprint(t: TestDatabase) {
  const [row] = await t.database.query<{ n: number; fp: string }>(
    `select count(*)::int as n, md5(string_agg(key || id::text || updated_at::text, ',' order by key)) as fp from funding_instruments`,
  );
  return row;
}

describe.each(databaseKinds)('funding instruments as reference data on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.dispose());

  it('bootstrap loads the four shipped instruments as public records with their conditions', async () => {
    const rows = await t.database.query<{
      key: string;
      organisation_id: string | null;
      coverage_basis_points: number;
      amount_per_hour_cents: number | null;
      cap_per_participant_cents: number | null;
      cap_per_action_cents: number | null;
      source_url: string | null;
      valid_from: string | null;
      conditions: Record<string, unknown>;
      conditions_text: Record<string, string>;
    }>(
      'select key, organisation_id, coverage_basis_points, amount_per_hour_cents, cap_per_participant_cents, cap_per_action_cents, source_url, valid_from::text, conditions, conditions_text from funding_instruments order by key',
    );
    expect(rows.map((r) => r.key)).toEqual(['kmo-portefeuille', 'opleidingscheques', 'sectorfonds-voorbeeld', 'vlaams-opleidingsverlof']);
    expect(rows.every((r) => r.organisation_id === null)).toBe(true);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey['vlaams-opleidingsverlof']).toMatchObject({
      amount_per_hour_cents: 2_130,
      cap_per_participant_cents: 125 * 2_130,
      valid_from: '2019-09-01',
    });
    expect(byKey['vlaams-opleidingsverlof'].conditions).toMatchObject({
      recognition: 'vlaams_opleidingsverlof',
      minHours: 32,
      maxHoursPerParticipant: 125,
    });
    expect(byKey.opleidingscheques).toMatchObject({ coverage_basis_points: 5_000, cap_per_participant_cents: 12_500 });
    expect(byKey['kmo-portefeuille']).toMatchObject({ coverage_basis_points: 2_000, cap_per_action_cents: 750_000 });
    expect(byKey['kmo-portefeuille'].conditions.coverageByEmployees).toEqual([
      { maxEmployees: 49, coverageBasisPoints: 3_000 },
      { maxEmployees: 249, coverageBasisPoints: 2_000 },
    ]);
    for (const row of rows.filter((r) => r.key !== 'sectorfonds-voorbeeld'))
      expect(row.source_url).toMatch(/^https:\/\/www\.(vlaanderen|vlaio)\.be\//);
    for (const row of rows) {
      for (const lang of ['nl', 'fr', 'en']) expect(row.conditions_text[lang].length).toBeGreaterThan(80);
    }
    expect(byKey['sectorfonds-voorbeeld'].conditions_text.nl).toMatch(/[Vv]oorbeeld/);
    expect(byKey['vlaams-opleidingsverlof'].conditions_text.nl).toMatch(/indicatief/);
  });

  it('is idempotent: running bootstrap again changes nothing', async () => {
    const before = await fingerprint(t);
    await bootstrap(t.database.db);
    expect(await loadFundingInstruments(t.database.db)).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(await fingerprint(t)).toEqual(before);
  });

  it('upserts by key: a changed record is written again, nothing is duplicated', async () => {
    const records = shippedFundingInstruments().map((r) => (r.key === 'vlaams-opleidingsverlof' ? { ...r, amountPerHourCents: 2_200 } : r));
    expect(await loadFundingInstruments(t.database.db, records)).toEqual({ created: 0, updated: 1, unchanged: 3 });
    const [row] = await t.database.query<{ n: number; amount: number }>(
      "select count(*)::int as n, max(amount_per_hour_cents)::int as amount from funding_instruments where key = 'vlaams-opleidingsverlof'",
    );
    expect(row).toEqual({ n: 1, amount: 2_200 });
    expect(await loadFundingInstruments(t.database.db)).toEqual({ created: 0, updated: 1, unchanged: 3 });
  });

  it('refuses an invalid file with every problem listed, and a key taken by an organisation', async () => {
    const [first] = shippedFundingInstruments();
    expect(() =>
      shippedFundingInstruments({ instruments: [{ ...first, coverageBasisPoints: -5, sourceUrl: 'http://x' }, first] }),
    ).toThrowError(/coverageBasisPoints[\s\S]*sourceUrl[\s\S]*keys are not unique/);
    const org = await buildOrganisation(t.database);
    await t.database.query(
      'insert into funding_instruments (id, key, organisation_id, name, coverage_basis_points) values (gen_random_uuid(), \'eigen-fonds\', $1, \'{"nl":"Eigen"}\', 1000)',
      [org.id],
    );
    await expect(loadFundingInstruments(t.database.db, [{ ...first, key: 'eigen-fonds' }])).rejects.toThrowError(
      /taken by an organisation/,
    );
  });
});
