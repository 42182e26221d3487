import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { databaseKinds } from '../support/databases.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { buildOrganisation } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildPerson } from '../factories/people.js';
import { assessments, campaigns, competenceStatus } from '../../src/db/schema/index.js';
import { recordAssessments, refreshExpiredStatus } from '../../src/modules/assessments/record.js';

const settings = { now: new Date('2026-11-23T12:00:00Z'), validityMonths: 24 };

describe.each(databaseKinds)('recording assessments on %s', (kind) => {
  let t: TestDatabase;
  let orgId: string;
  let personId: string;
  let competenceId: string;
  let campaignId: string;

  const status = async () =>
    (
      await t.database.db
        .select()
        .from(competenceStatus)
        .where(and(eq(competenceStatus.subjectId, personId), eq(competenceStatus.competenceId, competenceId)))
    )[0];
  const ratingCount = async () => (await t.database.db.select().from(assessments).where(eq(assessments.personId, personId))).length;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const org = await buildOrganisation(t.database);
    orgId = org.id;
    const fw = await buildPublicFramework(t.database);
    competenceId = (await buildCompetence(t.database, { frameworkId: fw.id, label: { nl: 'Veilig werken' } })).id;
    personId = (await buildPerson(t.database, { organisationId: orgId })).id;
    [{ id: campaignId }] = await t.database.db
      .insert(campaigns)
      .values({
        organisationId: orgId,
        title: 'Bevraging',
        perspectives: ['competence'],
        mode: 'named',
        opensOn: '2026-11-01',
        closesOn: '2026-12-01',
        locales: ['nl'],
        scope: { teamIds: [], functionProfileIds: [], targetGroups: [] },
      })
      .returning({ id: campaigns.id });
  });
  afterAll(() => t.dispose());

  const rating = (source: 'self' | 'supervisor', level: number, assessedAt: string, campaign: string | null = campaignId) => ({
    organisationId: orgId,
    personId,
    competenceId,
    source,
    level,
    campaignId: campaign,
    visibility: 'hr' as const,
    assessedAt: new Date(assessedAt),
  });

  it('keeps the diagnosis of the worked example: self 4, supervisor 2 → current 2, disagreement', async () => {
    await t.database.db.transaction((tx) =>
      recordAssessments(tx, [rating('self', 4, '2026-11-10T10:00:00Z'), rating('supervisor', 2, '2026-11-12T10:00:00Z')], settings),
    );
    expect(await status()).toMatchObject({
      currentLevel: 2,
      source: 'supervisor',
      selfLevel: 4,
      supervisorLevel: 2,
      disagreement: true,
      stale: false,
    });
  });

  it('a campaign stores one rating per source: resubmitting replaces it and updates the diagnosis', async () => {
    const before = await ratingCount();
    await t.database.db.transaction((tx) => recordAssessments(tx, [rating('self', 3, '2026-11-13T10:00:00Z')], settings));
    expect(await ratingCount()).toBe(before);
    expect(await status()).toMatchObject({ currentLevel: 2, selfLevel: 3, disagreement: false });
  });

  it('refreshes rows whose deciding rating has left the validity window', async () => {
    // An older supervisor rating outside any campaign: the newer campaign rating of the same source wins.
    await t.database.db.transaction((tx) =>
      recordAssessments(tx, [{ ...rating('supervisor', 1, '2025-01-05T10:00:00Z', null) }], settings),
    );
    // The campaign's supervisor rating (2026-11-12) is newer, so it still decides.
    expect(await status()).toMatchObject({ currentLevel: 2, source: 'supervisor' });
    // The supervisor's campaign rating leaves the window first: the fresher self-assessment decides.
    const sooner = { now: new Date('2028-11-12T12:00:00Z'), validityMonths: 24 };
    expect(await t.database.db.transaction((tx) => refreshExpiredStatus(tx, orgId, sooner))).toBe(1);
    expect(await status()).toMatchObject({ currentLevel: 3, source: 'self', stale: false });
    // Once every rating is outside the window they count again, and the result is marked stale.
    const later = { now: new Date('2028-12-01T00:00:00Z'), validityMonths: 24 };
    expect(await t.database.db.transaction((tx) => refreshExpiredStatus(tx, orgId, later))).toBe(1);
    expect(await status()).toMatchObject({ currentLevel: 2, source: 'supervisor', stale: true, staleFrom: null });
    expect(await t.database.db.transaction((tx) => refreshExpiredStatus(tx, orgId, later))).toBe(0);
  });

  it('stores a large batch in one call: ratings, notes with quotes and commas, and one diagnosis row per pair', async () => {
    const fw = await buildPublicFramework(t.database);
    const competenceIds = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        buildCompetence(t.database, { frameworkId: fw.id, label: { nl: `Batch ${i}` } }).then((c) => c.id),
      ),
    );
    const personIds = await Promise.all(
      Array.from({ length: 300 }, () => buildPerson(t.database, { organisationId: orgId }).then((p) => p.id)),
    );
    // 3,000 ratings: more than a statement of one parameter per value could take.
    const batch = personIds.flatMap((id, p) =>
      competenceIds.flatMap((cId, c) => [
        { ...rating('self', (p + c) % 6, '2026-11-10T10:00:00Z'), personId: id, competenceId: cId, note: 'zei "ja", {zeker}\\ niet' },
        { ...rating('supervisor', (p + 2 * c) % 6, '2026-11-11T10:00:00Z', null), personId: id, competenceId: cId, note: null },
      ]),
    );
    await t.database.db.transaction((tx) => recordAssessments(tx, batch, settings));
    const [counts] = await t.database.query<{ ratings: number; statuses: number; notes: number; disagreements: number }>(
      `select (select count(*)::int from assessments where person_id = any($1::uuid[])) as ratings,
              (select count(*)::int from competence_status where person_id = any($1::uuid[])) as statuses,
              (select count(*)::int from assessments where person_id = any($1::uuid[]) and note = 'zei "ja", {zeker}\\ niet') as notes,
              (select count(*)::int from competence_status where person_id = any($1::uuid[]) and disagreement) as disagreements`,
      [personIds],
    );
    const expectedDisagreements = personIds.flatMap((_, p) =>
      competenceIds.filter((_, c) => Math.abs(((p + c) % 6) - ((p + 2 * c) % 6)) >= 2),
    ).length;
    expect(counts).toEqual({ ratings: 3000, statuses: 1500, notes: 1500, disagreements: expectedDisagreements });
    const [sample] = await t.database.query<{ current_level: number; self_level: number; supervisor_level: number }>(
      'select current_level, self_level, supervisor_level from competence_status where person_id = $1 and competence_id = $2',
      [personIds[7], competenceIds[3]],
    );
    // Supervisor decides (domain-rules §2): person 7, competence 3 → self (7+3)%6 = 4, supervisor (7+6)%6 = 1.
    expect(sample).toEqual({ current_level: 1, self_level: 4, supervisor_level: 1 });
  });

  it('refuses a rating without a subject', async () => {
    await expect(
      t.database.db.transaction((tx) =>
        recordAssessments(tx, [{ ...rating('self', 1, '2026-11-13T10:00:00Z'), personId: null }], settings),
      ),
    ).rejects.toThrow(/exactly one/);
  });
});
