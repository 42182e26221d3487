import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { bootstrap } from '../../src/db/bootstrap.js';
import { loadOwnFrameworks, shippedFrameworks } from '../../src/db/reference/load-frameworks.js';
import { DEFAULT_SCALE_KEY } from '../../src/db/reference-data.js';
import { demoAccounts, seedDemoData } from '../../src/db/seed/demo.js';
import { validateFramework } from '../../src/domain/competences/validate-framework.js';

const ownKeys = ['lk-21st-century-skills', 'lk-coaching-guidance'];

function expectedCount(key: string): number {
  const file = shippedFrameworks.find((f) => (f.data as { key: string }).key === key)!;
  const result = validateFramework(file.data);
  if (!result.ok) throw new Error('shipped file invalid');
  return result.competences.length;
}

/** Row counts and a fingerprint of ids + updated_at of the reference tables. */
async function referenceSnapshot(t: TestDatabase) {
  const [row] = await t.database.query<Record<string, string>>(`
    select
      (select count(*) from frameworks)::int as frameworks,
      (select count(*) from competences)::int as competences,
      (select count(*) from proficiency_scales)::int as scales,
      (select count(*) from scale_levels)::int as levels,
      (select count(*) from organisations)::int as organisations,
      (select md5(string_agg(id::text || updated_at::text, ',' order by id)) from frameworks) as frameworks_fp,
      (select md5(string_agg(id::text || updated_at::text || coalesce(parent_id::text, '') || position::text, ',' order by id)) from competences) as competences_fp`);
  return row;
}

async function demoSnapshot(t: TestDatabase) {
  const [row] = await t.database.query<Record<string, number>>(`
    select
      (select count(*) from organisations)::int as organisations,
      (select count(*) from sector_memberships)::int as sector_memberships,
      (select count(*) from users)::int as users,
      (select count(*) from memberships)::int as memberships,
      (select count(*) from teams)::int as teams,
      (select count(*) from people)::int as people,
      (select count(*) from function_profiles)::int as profiles,
      (select count(*) from function_profile_competences)::int as profile_competences`);
  return row;
}

describe.each(databaseKinds)('reference data and demo data on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.dispose());

  it('bootstrap loads both own frameworks as public frameworks on the default scale', async () => {
    const rows = await t.database.query<{
      key: string;
      organisation_id: string | null;
      source: string;
      scale_key: string;
      n: number;
      title: Record<string, string>;
    }>(
      `select f.key, f.organisation_id, f.source, s.key as scale_key, f.title, (select count(*) from competences c where c.framework_id = f.id)::int as n
         from frameworks f join proficiency_scales s on s.id = f.scale_id
        where f.key = any($1) order by f.key`,
      [ownKeys],
    );
    expect(rows.map((r) => r.key)).toEqual(ownKeys);
    for (const r of rows) {
      expect(r.organisation_id).toBeNull();
      expect(r.source).toBe('own');
      expect(r.scale_key).toBe(DEFAULT_SCALE_KEY);
      expect(r.n).toBe(expectedCount(r.key));
      expect(Object.keys(r.title).sort()).toEqual(['en', 'fr', 'nl']);
    }

    // the tree is intact: every parent lies in the same framework, and groups sit at the top
    const orphans = await t.database.query(
      `select c.key from competences c left join competences p on p.id = c.parent_id
        where c.parent_id is not null and (p.id is null or p.framework_id <> c.framework_id)`,
    );
    expect(orphans).toEqual([]);
    const [smartphone] = await t.database.query<{ label: Record<string, string>; kind: string; parent: string }>(
      `select c.label, c.kind, p.key as parent from competences c join competences p on p.id = c.parent_id where c.key = 'lk21.digital.smartphone'`,
    );
    expect(smartphone).toEqual({
      label: {
        nl: 'Werken met een smartphone',
        fr: 'Utiliser un smartphone',
        en: 'Working with a smartphone',
        'nl-easy': 'Ik gebruik apps op mijn gsm.',
      },
      kind: 'skill',
      parent: 'lk21.digital',
    });

    // the generated search columns pick the labels up: Dutch full-text search finds an alternative label
    const found = await t.database.query<{ key: string }>(
      `select key from competences where search_nl @@ plainto_tsquery('dutch', 'planningssoftware') order by key`,
    );
    expect(found.map((f) => f.key)).toContain('lk21.digital.worktools');
  });

  it('running bootstrap again changes nothing: same rows, same updated_at', async () => {
    const before = await referenceSnapshot(t);
    await bootstrap(t.database.db);
    const results = await loadOwnFrameworks(t.database.db);
    expect(results.map((r) => [r.key, r.created, r.frameworkUpdated, r.inserted, r.updated])).toEqual([
      ['lk-21st-century-skills', false, false, 0, 0],
      ['lk-coaching-guidance', false, false, 0, 0],
    ]);
    expect(await referenceSnapshot(t)).toEqual(before);
  });

  it('updates changed labels and restores missing competences without duplicating', async () => {
    const before = await referenceSnapshot(t);
    await t.database.query(`update competences set label = label || '{"nl":"Oud label"}'::jsonb where key = 'lkc.guiding.feedback'`);
    await t.database.query(`update frameworks set version = '0.9' where key = 'lk-coaching-guidance'`);
    await t.database.query(`delete from competences where key = 'lk21.digital.email'`);

    const results = await loadOwnFrameworks(t.database.db);
    expect(results).toEqual([
      expect.objectContaining({ key: 'lk-21st-century-skills', inserted: 1, updated: 0, frameworkUpdated: false }),
      expect.objectContaining({ key: 'lk-coaching-guidance', inserted: 0, updated: 1, frameworkUpdated: true }),
    ]);
    const [feedback] = await t.database.query<{ nl: string }>(
      `select label->>'nl' as nl from competences where key = 'lkc.guiding.feedback'`,
    );
    expect(feedback.nl).toBe('Feedback geven');
    const [email] = await t.database.query<{ parent: string }>(
      `select p.key as parent from competences c join competences p on p.id = c.parent_id where c.key = 'lk21.digital.email'`,
    );
    expect(email.parent).toBe('lk21.digital');
    const after = await referenceSnapshot(t);
    expect({ frameworks: after.frameworks, competences: after.competences }).toEqual({
      frameworks: before.frameworks,
      competences: before.competences,
    });
  });

  it('gives an existing installation the easy-Dutch texts on the next start', async () => {
    // An installation from before the easy-Dutch texts: the same competences without nl-easy.
    await t.database.query(
      `update competences c set label = c.label - 'nl-easy', description = c.description - 'nl-easy'
         from frameworks f where f.id = c.framework_id and f.key = 'lk-21st-century-skills'`,
    );
    const results = await loadOwnFrameworks(t.database.db);
    expect(results[0]).toMatchObject({ key: 'lk-21st-century-skills', inserted: 0, updated: 40, orphaned: 0 });
    const [row] = await t.database.query<{ label: string; description: string; n: number }>(
      `select c.label->>'nl-easy' as label, c.description->>'nl-easy' as description,
              (select count(*) from competences x join frameworks f on f.id = x.framework_id
                where f.key = 'lk-21st-century-skills' and x.label ? 'nl-easy' and x.description ? 'nl-easy')::int as n
         from competences c where c.key = 'lk21.basics.dutch.instructions'`,
    );
    expect(row).toEqual({
      label: 'Ik begrijp wat mijn leiding vraagt in het Nederlands.',
      description: 'Iemand legt een taak uit. Ik weet wat ik moet doen, of ik vraag het opnieuw.',
      n: 40,
    });
    expect((await loadOwnFrameworks(t.database.db))[0]).toMatchObject({ updated: 0 });
  });

  it('an invalid framework file stops loading and names every problem', async () => {
    const bad = {
      key: 'lk-broken',
      title: { nl: 'Kapot' },
      description: { nl: 'x', fr: 'x', en: 'x' },
      version: '1',
      competences: [{ key: 'a', kind: 'hobby', label: { nl: 'A', fr: 'A', en: 'A' }, description: { nl: 'A.', fr: 'A.', en: 'A.' } }],
    };
    await expect(loadOwnFrameworks(t.database.db, [{ file: 'broken.json', data: bad }])).rejects.toThrow(
      /broken\.json is invalid:[\s\S]*\/title\/fr: is missing[\s\S]*\/competences\/0\/kind/,
    );
    const rows = await t.database.query(`select 1 from frameworks where key = 'lk-broken'`);
    expect(rows).toEqual([]);
  });

  it('seedDemoData gives De Brug 120 people in 6 teams with 5 function profiles, one account per role', async () => {
    const summary = await seedDemoData(t.database);
    expect(summary.notes).toContain('De Brug: 120 people in 6 teams, 5 function profiles');

    const [org] = await t.database.query<{ id: string }>(`select id from organisations where slug = 'de-brug'`);
    const teams = await t.database.query<{ name: string; n: number }>(
      `select t.name, count(p.id)::int as n from teams t left join people p on p.team_id = t.id where t.organisation_id = $1 group by t.name, t.position order by t.position`,
      [org.id],
    );
    expect(teams.map((x) => x.name)).toEqual([
      'Verpakking',
      'Groenonderhoud',
      'Schoonmaak',
      'Drukwerk & afwerking',
      'Keuken & catering',
      'Ondersteuning & omkadering',
    ]);
    expect(teams.every((x) => x.n > 0)).toBe(true);

    const groups = await t.database.query<{ target_group: string; n: number }>(
      `select target_group, count(*)::int as n from people where organisation_id = $1 group by target_group order by target_group`,
      [org.id],
    );
    expect(groups).toEqual([
      { target_group: 'target_group_employee', n: 100 },
      { target_group: 'supervisory_staff', n: 20 },
    ]);
    const [completeness] = await t.database.query<Record<string, number>>(
      `select count(*) filter (where team_id is null)::int as no_team,
              count(*) filter (where function_profile_id is null)::int as no_profile,
              count(*) filter (where supervisor_id is null)::int as no_supervisor,
              count(distinct display_name)::int as names,
              count(distinct external_ref)::int as refs,
              count(*) filter (where preferred_locale = 'nl')::int as nl,
              count(*) filter (where preferred_locale = 'fr')::int as fr,
              count(*) filter (where preferred_locale = 'en')::int as en,
              count(*) filter (where planned_exit_date is not null)::int as exits,
              count(*) filter (where planned_exit_date > current_date and planned_exit_date < current_date + interval '5 years')::int as exits_in_5y
         from people where organisation_id = $1`,
      [org.id],
    );
    expect(completeness).toMatchObject({ no_team: 0, no_profile: 0, no_supervisor: 1, names: 120, refs: 120 });
    expect(completeness.nl).toBeGreaterThan(80);
    expect(completeness.fr).toBeGreaterThan(0);
    expect(completeness.en).toBeGreaterThan(0);
    expect(completeness.exits).toBeGreaterThanOrEqual(3);
    expect(completeness.exits_in_5y).toBe(completeness.exits);

    // target-group employees report to supervisory staff of their own team; supervisors to the head
    const badLinks = await t.database.query(
      `select p.display_name from people p join people s on s.id = p.supervisor_id
        where p.organisation_id = $1 and (s.target_group <> 'supervisory_staff'
           or (p.target_group = 'target_group_employee' and s.team_id <> p.team_id))`,
      [org.id],
    );
    expect(badLinks).toEqual([]);

    const profiles = await t.database.query<{
      name: string;
      n: number;
      min_level: number;
      max_level: number;
      future: number;
      horizons: number[] | null;
    }>(
      `select fp.name, count(*)::int as n, min(c.required_level)::int as min_level, max(c.required_level)::int as max_level,
              count(c.future_level)::int as future, array_agg(distinct c.horizon_year) filter (where c.horizon_year is not null) as horizons
         from function_profiles fp join function_profile_competences c on c.profile_id = fp.id
        where fp.organisation_id = $1 group by fp.name order by fp.name`,
      [org.id],
    );
    expect(profiles.map((p) => p.name)).toEqual([
      'Keukenmedewerker',
      'Medewerker groenonderhoud',
      'Medewerker schoonmaak',
      'Productiemedewerker verpakking',
      'Werkleider / begeleider',
    ]);
    for (const p of profiles) {
      expect(p.n).toBeGreaterThanOrEqual(6);
      expect(p.n).toBeLessThanOrEqual(12);
      expect(p.min_level).toBeGreaterThanOrEqual(1);
      expect(p.max_level).toBeLessThanOrEqual(3);
      expect(p.future).toBeGreaterThan(0);
      expect(p.horizons).toEqual([2028]);
    }
    // every profile stands on our own public frameworks; the supervisor profile on the coaching one
    const [frameworksUsed] = await t.database.query<{ foreign_items: number; coaching: number }>(
      `select count(*) filter (where f.organisation_id is not null or f.key <> all($2))::int as foreign_items,
              count(*) filter (where fp.name = 'Werkleider / begeleider' and f.key = 'lk-coaching-guidance')::int as coaching
         from function_profiles fp join function_profile_competences c on c.profile_id = fp.id
         join competences k on k.id = c.competence_id join frameworks f on f.id = k.framework_id
        where fp.organisation_id = $1`,
      [org.id, ownKeys],
    );
    expect(frameworksUsed.foreign_items).toBe(0);
    expect(frameworksUsed.coaching).toBeGreaterThanOrEqual(6);

    // the demo employee and manager accounts are people of De Brug; the employee reports to the manager
    const linked = await t.database.query<{ email: string; display_name: string; target_group: string; supervisor_email: string | null }>(
      `select u.email, p.display_name, p.target_group, su.email as supervisor_email
         from people p join users u on u.id = p.user_id
         left join people s on s.id = p.supervisor_id left join users su on su.id = s.user_id
        where p.organisation_id = $1 order by u.email`,
      [org.id],
    );
    expect(linked).toEqual([
      { email: 'leiding@demo.leerkompas.be', display_name: 'Marc Claes', target_group: 'supervisory_staff', supervisor_email: null },
      {
        email: 'medewerker@demo.leerkompas.be',
        display_name: 'Emre Yilmaz',
        target_group: 'target_group_employee',
        supervisor_email: 'leiding@demo.leerkompas.be',
      },
    ]);

    const roles = await t.database.query<{ role: string; n: number }>(
      `select m.role::text as role, count(*)::int as n from memberships m join users u on u.id = m.user_id
        where u.email like '%@demo.leerkompas.be' group by m.role order by m.role`,
    );
    expect(roles).toHaveLength(8);
    expect(roles.every((r) => r.n === 1)).toBe(true);
    expect(roles.map((r) => r.role).sort()).toEqual(demoAccounts.map((a) => a.role).sort());
  });

  it('seeding twice duplicates nothing', async () => {
    const before = await demoSnapshot(t);
    const summary = await seedDemoData(t.database);
    expect(summary.notes.some((n) => n.startsWith('De Brug'))).toBe(false);
    expect(await demoSnapshot(t)).toEqual(before);
  });

  it('the demo people are the same on every installation (seeded, not random)', async () => {
    const other = await createTestDatabase(kind);
    try {
      await seedDemoData(other.database);
      const names = (d: TestDatabase) =>
        d.database.query<{ external_ref: string; display_name: string; preferred_locale: string; target_group: string }>(
          `select p.external_ref, p.display_name, p.preferred_locale, p.target_group from people p
             join organisations o on o.id = p.organisation_id where o.slug = 'de-brug' order by p.external_ref`,
        );
      const mine = await names(t);
      expect(mine).toHaveLength(120);
      expect(await names(other)).toEqual(mine);
    } finally {
      await other.dispose();
    }
  });
});
