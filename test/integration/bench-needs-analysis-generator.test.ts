import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { generateNeedsAnalysis, type GeneratedOrganisation } from '../../bench/generate-needs-analysis.js';
import { hashToken } from '../../src/server/auth/tokens.js';

/*
 * The synthetic organisation of the needs-analysis benchmark (bench/needs-analysis.bench.ts),
 * generated small: the benchmark itself never runs in the test suite, but its data must be right.
 */

const now = new Date('2026-11-23T12:00:00Z');

describe.each(databaseKinds)('needs-analysis bench generator on %s', (kind) => {
  let t: TestDatabase;
  let g: GeneratedOrganisation;
  let again: GeneratedOrganisation;
  const one = async <T>(text: string, params: unknown[]) => (await t.database.query<T>(text, params))[0];

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    g = await generateNeedsAnalysis(t.database, { people: 50, teams: 2, now, peoplePerBatch: 20 });
    again = await generateNeedsAnalysis(t.database, { people: 50, teams: 2, now, peoplePerBatch: 20 });
  });
  afterAll(() => t.dispose());

  it('builds the organisation: people in teams, five profiles of 25 competences, supervisors, planned exits', async () => {
    expect(g.counts).toMatchObject({ people: 50, teams: 2, profiles: 5, ratings: 50 * 25 * 2, surveyAnswers: 50 * 25 });
    const people = await one<{ n: number; teams: number; profiles: number; supervisors: number; without_supervisor: number }>(
      `select count(*)::int n, count(distinct team_id)::int teams, count(distinct function_profile_id)::int profiles,
              count(*) filter (where target_group = 'supervisory_staff')::int supervisors,
              count(*) filter (where supervisor_id is null)::int without_supervisor
         from people where organisation_id = $1`,
      [g.organisationId],
    );
    expect(people).toEqual({ n: 50, teams: 2, profiles: 5, supervisors: g.counts.supervisors, without_supervisor: 0 });
    expect(g.counts.supervisors).toBeGreaterThan(0);
    const items = await t.database.query<{ n: number }>(
      'select count(*)::int n from function_profile_competences fpc join function_profiles fp on fp.id = fpc.profile_id where fp.organisation_id = $1 group by fp.id',
      [g.organisationId],
    );
    expect(items.map((r) => r.n)).toEqual([25, 25, 25, 25, 25]);
    // Every supervisor is a supervisory staff member of the same organisation.
    const wrongSupervisor = await one<{ n: number }>(
      `select count(*)::int n from people p left join people s on s.id = p.supervisor_id and s.organisation_id = p.organisation_id
        where p.organisation_id = $1 and (s.id is null or s.target_group <> 'supervisory_staff')`,
      [g.organisationId],
    );
    expect(wrongSupervisor.n).toBe(0);
  });

  it('rates every person on their own profile competences, self and supervisor, and fills the diagnosis', async () => {
    const ratings = await one<{ n: number; self: number; supervisor: number; outside: number }>(
      `select count(*)::int n, count(*) filter (where source = 'self')::int self, count(*) filter (where source = 'supervisor')::int supervisor,
              count(*) filter (where not exists (select 1 from people p join function_profile_competences fpc on fpc.profile_id = p.function_profile_id
                                                  where p.id = a.person_id and fpc.competence_id = a.competence_id))::int outside
         from assessments a where organisation_id = $1 and campaign_id = $2`,
      [g.organisationId, g.closedCampaignId],
    );
    expect(ratings).toEqual({ n: 2500, self: 1250, supervisor: 1250, outside: 0 });
    const status = await one<{ n: number; supervisor: number; levels_ok: number }>(
      `select count(*)::int n, count(*) filter (where source = 'supervisor')::int supervisor,
              count(*) filter (where current_level = supervisor_level and current_level between 0 and 4)::int levels_ok
         from competence_status where organisation_id = $1`,
      [g.organisationId],
    );
    expect(status).toEqual({ n: 1250, supervisor: 1250, levels_ok: 1250 });
    const outsideCampaign = await one<{ n: number }>(
      'select count(*)::int n from assessments a where a.organisation_id = $1 and not exists (select 1 from campaign_competences cc where cc.campaign_id = a.campaign_id and cc.competence_id = a.competence_id)',
      [g.organisationId],
    );
    expect(outsideCampaign.n).toBe(0);
    const responses = await one<{ submitted: number; answers: number }>(
      `select count(*) filter (where status = 'submitted')::int submitted, (select count(*)::int from survey_answers sa join survey_responses r on r.id = sa.response_id where r.campaign_id = $1) answers
         from survey_responses where campaign_id = $1`,
      [g.closedCampaignId],
    );
    expect(responses).toEqual({ submitted: 50, answers: 1250 });
  });

  it('opens a second campaign with a live, hashed invitation token per person', async () => {
    expect(g.tokens).toHaveLength(50);
    expect(new Set(g.tokens).size).toBe(50);
    const invitations = await one<{ n: number; live: number; matching: number }>(
      `select count(*)::int n, count(*) filter (where expires_at > $2 and revoked_at is null)::int live,
              count(*) filter (where token_hash = any($3::text[]))::int matching
         from campaign_invitations where campaign_id = $1`,
      [g.openCampaignId, now, g.tokens.map(hashToken)],
    );
    expect(invitations).toEqual({ n: 50, live: 50, matching: 50 });
    const campaign = await one<{ status: string; competences: number }>(
      'select status, (select count(*)::int from campaign_competences where campaign_id = c.id) competences from campaigns c where id = $1',
      [g.openCampaignId],
    );
    expect(campaign).toEqual({ status: 'open', competences: g.openCompetenceIds.length });
  });

  it('is deterministic: the same seed gives the same people and levels', async () => {
    const fingerprint = (orgId: string) =>
      t.database.query<{ ref: string; key: string; source: string; level: number }>(
        `select p.external_ref ref, c.key, a.source::text source, a.level from assessments a join people p on p.id = a.person_id
           join competences c on c.id = a.competence_id where a.organisation_id = $1 order by 1, 2, 3`,
        [orgId],
      );
    const first = await fingerprint(g.organisationId);
    expect(first).toHaveLength(2500);
    expect(await fingerprint(again.organisationId)).toEqual(first);
    expect(again.tokens).not.toEqual(g.tokens);
  });
});
