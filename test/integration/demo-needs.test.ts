import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { seedDemoData } from '../../src/db/seed/demo.js';

describe.each(databaseKinds)('demo needs register on %s', (kind) => {
  let t: TestDatabase;
  let notes: string[];
  let orgId: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    notes = (await seedDemoData(t.database)).notes;
    [{ id: orgId }] = await t.database.query<{ id: string }>(`select id from organisations where slug = 'de-brug'`);
  }, 240_000);
  afterAll(() => t.dispose());

  it('gives De Brug triaged needs made from the diagnosis, with their figures', async () => {
    const needs = await t.database.query<{
      title: string;
      status: string;
      classification: string | null;
      sources: string;
      people_count: number;
      gap: unknown;
      named: number;
    }>(
      `select n.title, n.status::text, n.classification::text, n.sources::text, n.people_count, n.gap_summary as gap,
              (select count(*) from need_people np where np.need_id = n.id)::int as named
         from training_needs n where n.organisation_id = $1 order by n.created_at`,
      [orgId],
    );
    expect(needs.length).toBeGreaterThanOrEqual(4);
    expect(notes.some((n) => n.includes('training needs'))).toBe(true);
    const fromDiagnosis = needs.filter((n) => n.sources.includes('diagnosis'));
    expect(fromDiagnosis.length).toBeGreaterThanOrEqual(3);
    for (const n of fromDiagnosis) {
      expect(n.gap).toMatchObject({ assessed: expect.any(Number) });
      expect(n.named).toBe(n.people_count);
    }
    expect(new Set(needs.map((n) => n.classification))).toEqual(new Set(['non_training', 'training_need', 'unclear', null]));
  });

  it('turns the planning-software problem into two non-training actions (tools, communication) in the plan of the year, which the demo approves', async () => {
    const actions = await t.database.query<{
      kind: string;
      non_training_kind: string;
      plan_status: string;
      title: string;
      need: string;
      sources: string;
    }>(
      `select a.kind::text, a.non_training_kind::text, p.status::text as plan_status, a.title, n.title as need, n.sources::text
         from plan_actions a join plan_action_needs l on l.action_id = a.id join training_needs n on n.id = l.need_id
         join training_plans p on p.id = a.plan_id
        where a.organisation_id = $1 and a.kind = 'non_training' order by a.position`,
      [orgId],
    );
    expect(actions.map((a) => a.non_training_kind)).toEqual(['communication', 'tools']);
    expect(actions[0].need).toMatch(/Verpakking$/);
    expect(actions[0].sources).toContain('organisation_issue');
    expect(actions[0].plan_status).toBe('approved');
  });

  it('scores the triaged needs with reasons under the organisation weights, and keeps it all when seeded again', async () => {
    const scored = await t.database.query<{ need_id: string; n: number; overrides: number; priority_centi: number | null }>(
      `select s.need_id, count(*)::int as n, count(*) filter (where s.origin <> 'suggested')::int as overrides, n.priority_centi
         from priority_scores s join training_needs n on n.id = s.need_id where n.organisation_id = $1 group by s.need_id, n.priority_centi`,
      [orgId],
    );
    expect(scored.length).toBeGreaterThanOrEqual(3);
    for (const s of scored) {
      expect(s.n).toBeGreaterThanOrEqual(4);
      expect(s.overrides).toBeGreaterThanOrEqual(2);
      expect(s.priority_centi).toBeGreaterThanOrEqual(100);
    }
    const [settings] = await t.database.query<{ w: { urgency: number } }>(
      `select settings->'priorityWeights' as w from organisations where id = $1`,
      [orgId],
    );
    expect(settings.w.urgency).toBe(2);
    const before = await t.database.query(`select count(*)::int as n from training_needs where organisation_id = $1`, [orgId]);
    await seedDemoData(t.database);
    expect(await t.database.query(`select count(*)::int as n from training_needs where organisation_id = $1`, [orgId])).toEqual(before);
  }, 240_000);
});
