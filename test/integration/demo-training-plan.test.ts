import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { seedDemoData } from '../../src/db/seed/demo.js';
import { todayInBrussels, yearInBrussels } from '../../src/domain/calendar/brussels.js';

describe.each(databaseKinds)('demo training plan on %s', (kind) => {
  let t: TestDatabase;
  let notes: string[];
  let orgId: string;
  const year = yearInBrussels(new Date());

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    notes = (await seedDemoData(t.database)).notes;
    [{ id: orgId }] = await t.database.query<{ id: string }>(`select id from organisations where slug = 'de-brug'`);
  }, 600_000);
  afterAll(() => t.dispose());

  async function footprint() {
    const [row] = await t.database.query<Record<string, number>>(
      `select (select count(*) from training_plans)::int as plans, (select count(*) from plan_actions)::int as actions,
              (select count(*) from funding_lines)::int as funding, (select count(*) from action_participants)::int as participants,
              (select count(*) from evaluations)::int as evaluations, (select count(*) from training_plan_versions)::int as versions`,
    );
    return row;
  }

  it('gives De Brug an approved plan of the current year with actions of several kinds', async () => {
    expect(notes.some((n) => n.includes('approved training plan'))).toBe(true);
    const [plan] = await t.database.query<{ id: string; status: string; version: number }>(
      'select id, status::text, version from training_plans where organisation_id = $1 and year = $2',
      [orgId, year],
    );
    expect(plan).toMatchObject({ status: 'approved', version: 1 });
    const actions = await t.database.query<{ kind: string; title: string; needs: number }>(
      'select kind::text, title, (select count(*) from plan_action_needs n where n.action_id = a.id)::int as needs from plan_actions a where plan_id = $1',
      [plan.id],
    );
    expect(actions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(actions.map((a) => a.kind))).toEqual(
      new Set(['internal_training', 'external_offer', 'coaching_intervision', 'workplace_learning', 'train_the_trainer', 'non_training']),
    );
    expect(actions.map((a) => a.title)).toEqual(
      expect.arrayContaining(['Werken met de tablet', 'Veilig werken met machines', 'Feedback geven aan je ploeg']),
    );
    // Linked to the needs of the needs step.
    expect(actions.filter((a) => a.needs > 0).length).toBeGreaterThanOrEqual(5);

    const [snapshot] = await t.database.query<{ n: number }>(
      "select jsonb_array_length(snapshot->'actions')::int as n from training_plan_versions where plan_id = $1 and version = 1",
      [plan.id],
    );
    expect(snapshot.n).toBe(actions.length);
  });

  it('funds the plan from several instruments and the own budget, partly committed or spent', async () => {
    const lines = await t.database.query<{ source: string; status: string; amount: number }>(
      `select coalesce(i.key, 'own_budget') as source, l.status::text, l.amount_cents as amount
         from funding_lines l join plan_actions a on a.id = l.action_id left join funding_instruments i on i.id = l.instrument_id
        where a.organisation_id = $1`,
      [orgId],
    );
    expect(new Set(lines.map((l) => l.source))).toEqual(
      new Set(['own_budget', 'sectorfonds-voorbeeld', 'vlaams-opleidingsverlof', 'opleidingscheques']),
    );
    expect(new Set(lines.map((l) => l.status))).toEqual(new Set(['planned', 'committed', 'spent']));
    expect(lines.every((l) => Number.isInteger(l.amount) && l.amount >= 0)).toBe(true);
  });

  it('follows up: participants with minutes, evaluations, a need re-assessed', async () => {
    const [row] = await t.database.query<{ completed: number; minutes: number; reactions: number; supervisor_ratings: number }>(
      `select (select count(*) from action_participants where organisation_id = $1 and status = 'completed')::int as completed,
              (select coalesce(sum(minutes_attended), 0) from action_participants where organisation_id = $1)::int as minutes,
              (select count(*) from evaluations where organisation_id = $1 and kind = 'reaction')::int as reactions,
              (select count(*) from assessments where organisation_id = $1 and note like 'Re-assessment after:%')::int as supervisor_ratings`,
      [orgId],
    );
    const safetyHeld = todayInBrussels(new Date()) >= `${year}-03-03`;
    if (safetyHeld) {
      expect(row.completed).toBeGreaterThanOrEqual(5);
      expect(row.minutes).toBeGreaterThan(0);
      expect(row.reactions).toBeGreaterThanOrEqual(5);
      expect(row.supervisor_ratings).toBe(3);
    } else {
      expect(row.completed).toBe(0);
    }
    const [enrolled] = await t.database.query<{ n: number }>(
      "select count(*)::int as n from action_participants where organisation_id = $1 and status = 'enrolled'",
      [orgId],
    );
    expect(enrolled.n).toBeGreaterThan(0);
  });

  it('seeding twice adds nothing', async () => {
    const before = await footprint();
    await seedDemoData(t.database);
    expect(await footprint()).toEqual(before);
  }, 600_000);
});
