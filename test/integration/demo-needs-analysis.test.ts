import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { seedDemoData } from '../../src/db/seed/demo.js';
import { hashToken } from '../../src/server/auth/tokens.js';

describe.each(databaseKinds)('demo needs analysis on %s', (kind) => {
  let t: TestDatabase;
  let notes: string[];
  let orgId: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    notes = (await seedDemoData(t.database)).notes;
    [{ id: orgId }] = await t.database.query<{ id: string }>(`select id from organisations where slug = 'de-brug'`);
  });
  afterAll(() => t.dispose());

  it('has a closed named campaign answered by most people, with self and supervisor ratings', async () => {
    const campaigns = await t.database.query<{
      id: string;
      status: string;
      mode: string;
      competences: number;
      invited: number;
      submitted: number;
    }>(
      `select c.id, c.status::text, c.mode::text,
              (select count(*) from campaign_competences cc where cc.campaign_id = c.id)::int as competences,
              (select count(*) from campaign_invitations i where i.campaign_id = c.id)::int as invited,
              (select count(*) from campaign_invitations i where i.campaign_id = c.id and i.submitted_at is not null)::int as submitted
         from campaigns c where c.organisation_id = $1 order by c.status`,
      [orgId],
    );
    expect(campaigns.map((c) => c.status)).toEqual(['open', 'closed']);
    const closed = campaigns.find((c) => c.status === 'closed')!;
    expect(closed.invited).toBe(120);
    expect(closed.submitted).toBeGreaterThan(90);
    expect(closed.submitted).toBeLessThan(120);
    expect(closed.competences).toBeGreaterThanOrEqual(20);

    const [sources] = await t.database.query<{ self: number; supervisor: number; persons: number; dont_know: number }>(
      `select count(*) filter (where source = 'self')::int as self, count(*) filter (where source = 'supervisor')::int as supervisor,
              count(distinct person_id)::int as persons,
              (select count(*) from survey_answers a join survey_responses r on r.id = a.response_id where r.campaign_id = $2 and a.dont_know)::int as dont_know
         from assessments where organisation_id = $1 and campaign_id = $2`,
      [orgId, closed.id],
    );
    expect(sources.self).toBeGreaterThan(900);
    expect(sources.supervisor).toBeGreaterThan(900);
    expect(sources.persons).toBeGreaterThan(100);
    expect(sources.dont_know).toBeGreaterThan(0);
  });

  it('gives a diagnosis with real gaps, a few disagreements and learning questions', async () => {
    const [status] = await t.database.query<{ rows: number; disagreements: number; with_gap: number }>(
      `select count(*)::int as rows, count(*) filter (where s.disagreement)::int as disagreements,
              count(*) filter (where fpc.required_level > s.current_level)::int as with_gap
         from competence_status s join people p on p.id = s.person_id
         join function_profile_competences fpc on fpc.profile_id = p.function_profile_id and fpc.competence_id = s.competence_id
        where s.organisation_id = $1`,
      [orgId],
    );
    expect(status.rows).toBeGreaterThan(1000);
    expect(status.disagreements).toBeGreaterThan(0);
    expect(status.disagreements).toBeLessThan(status.rows / 5);
    // The demo's story: digital work tools are the weakest, so gaps are common but not universal.
    expect(status.with_gap / status.rows).toBeGreaterThan(0.1);
    expect(status.with_gap / status.rows).toBeLessThan(0.6);

    const [extras] = await t.database.query<{ questions: number; issues: number; starr: number }>(
      `select (select count(*) from learning_questions where organisation_id = $1)::int as questions,
              (select count(*) from organisation_issues where organisation_id = $1)::int as issues,
              (select count(*) from starr_interviews where organisation_id = $1)::int as starr`,
      [orgId],
    );
    expect(extras.questions).toBeGreaterThan(10);
    expect(extras.issues).toBe(3);
    expect(extras.starr).toBe(1);
  });

  it('prints a working self-assessment link for the demo employee in the open campaign', async () => {
    const note = notes.find((n) => n.includes('Self-assessment link'))!;
    const token = /\/s#([A-Za-z0-9_-]+)/.exec(note)![1];
    const [invitation] = await t.database.query<{ name: string; status: string }>(
      `select p.display_name as name, c.status::text as status from campaign_invitations i
         join people p on p.id = i.person_id join campaigns c on c.id = i.campaign_id where i.token_hash = $1`,
      [hashToken(token)],
    );
    expect(invitation).toEqual({ name: 'Emre Yilmaz', status: 'open' });
  });
});
