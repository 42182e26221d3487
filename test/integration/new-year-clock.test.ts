import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiagnosisService } from '../../src/modules/diagnosis/service.js';
import { createFunctionProfilesService } from '../../src/modules/function-profiles/service.js';
import type { Actor } from '../../src/server/tenancy.js';
import { AppError } from '../../src/server/errors.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { actorWith, buildOrganisation } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';

/*
 * The year of "this year or later" is the year in Brussels. At 23:30 UTC on 31 December 2026 it is
 * already 00:30 on 1 January 2027 there: a horizon of 2026 lies in the past, though UTC still says 2026.
 */
const newYearInBrussels = () => new Date('2026-12-31T23:30:00Z');

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(databaseKinds)('the current year on New Year’s Eve, on %s', (kind) => {
  let t: TestDatabase;
  let organisationId: string;
  let hr: Actor;
  let competenceId: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    organisationId = (await buildOrganisation(t.database)).id;
    hr = actorWith(organisationId, 'hr');
    const framework = await buildPublicFramework(t.database);
    competenceId = (await buildCompetence(t.database, { frameworkId: framework.id, key: 'plannen', label: { nl: 'werk plannen' } })).id;
  });
  afterAll(() => t.dispose());

  it('a function profile’s horizon must be 2027 or later once it is 2027 in Brussels', async () => {
    const profiles = createFunctionProfilesService({ db: t.database.db, now: newYearInBrussels });
    const { id } = await profiles.createProfile(hr, organisationId, { name: 'Planner' });
    const item = (horizonYear: number) => ({ competenceId, requiredLevel: 2, importance: 'core' as const, futureLevel: 3, horizonYear });

    const past = await refusal(profiles.replaceItems(hr, organisationId, id, [item(2026)]));
    expect(past.errors).toEqual([
      expect.objectContaining({ path: '/body/items/0/horizonYear', message: expect.stringContaining('from 2027') }),
    ]);
    const saved = await profiles.replaceItems(hr, organisationId, id, [item(2027)]);
    expect(saved.items.map((i) => i.horizonYear)).toEqual([2027]);
  });

  it('the prognosis refuses a horizon of 2026 and offers 2027 as the first year', async () => {
    const diagnosis = createDiagnosisService({ db: t.database.db, now: newYearInBrussels });
    const past = await refusal(diagnosis.prognosis(hr, organisationId, { horizonYear: 2026 }));
    expect(past.errors).toEqual([expect.objectContaining({ path: '/querystring/horizonYear', message: 'must be 2027 or later' })]);
    const current = await diagnosis.prognosis(hr, organisationId, { horizonYear: 2027 });
    expect(current.horizonYear).toBe(2027);
  });
});
