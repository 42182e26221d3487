import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAssessments, type NewAssessment } from '../../src/modules/assessments/record.js';
import { createDiagnosisService } from '../../src/modules/diagnosis/service.js';
import type { Actor } from '../../src/server/tenancy.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { actorWith, buildOrganisation } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildFunctionProfile, buildPerson, buildTeam } from '../factories/people.js';

/*
 * The aggregates bring diagnoses whose deciding rating left the validity window up to date before
 * they count (domain-rules §2), also when nothing else changed: the diagnosis service only opens
 * its refresh transaction when its context statement finds such a row, so this pins that probe.
 *
 * Five people of one team, profile C1 required 3: self 3 (2026-11-13), supervisor 1 (2026-11-12),
 * a disagreement decided by the supervisor: gap 2. On 2028-11-12 12:00 the supervisor's rating
 * has left the 24-month window and the fresher self-assessment decides: gap 0.
 */
describe.each(databaseKinds)('diagnosis after ratings expire on %s', (kind) => {
  let t: TestDatabase;
  let orgId: string;
  let teamId: string;
  let competenceId: string;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const org = await buildOrganisation(t.database);
    orgId = org.id;
    actor = actorWith(orgId, 'hr');
    const fw = await buildPublicFramework(t.database);
    competenceId = (await buildCompetence(t.database, { frameworkId: fw.id, label: { nl: 'Veilig werken' } })).id;
    const profile = await buildFunctionProfile(t.database, { organisationId: orgId, items: [{ competenceId, requiredLevel: 3 }] });
    teamId = (await buildTeam(t.database, orgId, 'Atelier')).id;
    const ratings: NewAssessment[] = [];
    for (let i = 0; i < 5; i++) {
      const personId = (await buildPerson(t.database, { organisationId: orgId, teamId, functionProfileId: profile.id })).id;
      const rating = (source: 'self' | 'supervisor', level: number, assessedAt: string): NewAssessment => ({
        organisationId: orgId,
        personId,
        competenceId,
        source,
        level,
        visibility: 'hr',
        assessedAt: new Date(assessedAt),
      });
      ratings.push(rating('self', 3, '2026-11-13T10:00:00Z'), rating('supervisor', 1, '2026-11-12T10:00:00Z'));
    }
    const settings = { now: new Date('2026-11-23T12:00:00Z'), validityMonths: 24 };
    await t.database.db.transaction((tx) => recordAssessments(tx, ratings, settings));
  });
  afterAll(() => t.dispose());

  const heatmapAt = async (now: string) => {
    const service = createDiagnosisService({ db: t.database.db, now: () => new Date(now) });
    const map = await service.heatmap(actor, orgId, { groupBy: 'team' });
    return map.cells.find((c) => c.competenceId === competenceId && c.groupId === teamId);
  };

  it('counts the supervisor while their rating is valid', async () => {
    expect(await heatmapAt('2026-11-23T12:00:00Z')).toMatchObject({ shown: true, assessed: 5, meanGap: 2, shareGap1: 1, shareGap2: 1 });
    expect(await heatmapAt('2028-11-12T09:00:00Z')).toMatchObject({ shown: true, assessed: 5, meanGap: 2, shareGap1: 1, shareGap2: 1 });
  });

  it('recomputes the diagnoses whose deciding rating expired before aggregating them', async () => {
    expect(await heatmapAt('2028-11-12T12:00:00Z')).toMatchObject({ shown: true, assessed: 5, meanGap: 0, shareGap1: 0, shareGap2: 0 });
    // Top needs and disagreements read the refreshed diagnoses as well.
    const later = createDiagnosisService({ db: t.database.db, now: () => new Date('2028-11-12T12:00:00Z') });
    expect((await later.disagreements(actor, orgId, {})).items).toEqual([]);
    const needs = await later.topNeeds(actor, orgId, {});
    expect(needs.groups.flatMap((g) => g.items).map((i) => i.shareGap1)).toEqual([0]);
  });
});
