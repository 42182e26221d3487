/**
 * The sector-scale workload (issue 6 item 1), deterministic and set-based (INSERT … SELECT over
 * generate_series / unnest, so the rows are made inside the database and nothing travels row by
 * row):
 * - a sector body (sectorfonds) with MEMBERS member organisations of skewed sizes (one large
 *   employer, many small ones: size ∝ 1/rank^0.9), PEOPLE people in all, teams of about 40,
 *   5 function profiles per member of 25 competences each (15 shared by every profile, 10 from a
 *   rotating window over the 33 shop-floor competences of the shipped 21st-century framework);
 * - per member a closed, named campaign with an invitation and a submitted response per person,
 *   and a self and a supervisor rating for every person × profile competence (PEOPLE × 25 × 2
 *   ratings) plus the materialised diagnosis (competence_status) those ratings give under the
 *   rule of src/domain/assessment/current-level.ts (all ratings fresh: the supervisor decides,
 *   disagreement at 2 levels apart) — written in SQL, not through recordAssessments, which would
 *   take minutes at this size (needs-analysis.bench.ts measures that path); the survey answers of
 *   the closed campaigns are left out (the diagnosis does not read them);
 * - an open campaign of 10 competences in the largest member, for the survey load (invitations
 *   are minted per run by mintSurveyInvitations);
 * - the 50,000-offer catalog of offer-search.bench.ts (generateOffers).
 * Users: an HR user of the largest member and a platform administrator (who may read every
 * member's diagnosis, for the sector aggregate).
 *
 * The workload is kept between benchmarks of one `npm run bench` (bench/.work/sector-<scale>/ and
 * the PostgreSQL database lk_bench_sector_<scale>): openSectorWorkload() generates it when missing
 * or of an older generator version; run.ts generates it afresh at the start and drops it at the end.
 * Usage on its own: npx tsx bench/generate-sector.ts [pglite|postgres] (BENCH_SCALE=small for a tenth).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { bootstrap, PLATFORM_ORG_SLUG } from '../src/db/bootstrap.js';
import { ensureDefaultScale } from '../src/db/reference-data.js';
import { createUserWithRole } from '../src/modules/organisations/service.js';
import { endOfDayInBrussels } from '../src/domain/campaigns/expiry.js';
import { hashToken, randomToken } from '../src/server/auth/tokens.js';
import { generateOffers } from './offer-search.bench.js';
import { benchDir, benchScale, loadAverage, postgresAdminUrl, type BenchDatabaseKind } from './support.js';

/** Bump when the generated data changes: a stored workload of another version is regenerated. */
export const SECTOR_GENERATOR_VERSION = 1;

export const SECTOR_SIZES = {
  full: { members: 50, people: 20_000, offers: 50_000 },
  small: { members: 5, people: 2_000, offers: 5_000 },
} as const;
export const COMPETENCES_PER_PERSON = 25;
const SHARED_COMPETENCES = 15;
const PROFILES = ['Productiemedewerker', 'Logistiek medewerker', 'Groenarbeider', 'Schoonmaakmedewerker', 'Ploegbegeleider'];
const OPEN_COMPETENCES = 10;
export const BENCH_PASSWORD = 'bench-password-long';
const VALIDITY_MONTHS = 24;
const DAY = 86_400_000;

export interface SectorManifest {
  version: number;
  scale: 'full' | 'small';
  kind: BenchDatabaseKind;
  sectorId: string;
  memberIds: string[];
  /** The largest member: the heat map, top needs and survey load run on it. */
  largest: { organisationId: string; people: number; closedCampaignId: string; openCampaignId: string; openCompetenceIds: string[] };
  hr: { email: string; password: string };
  admin: { email: string; password: string };
  counts: Record<string, number>;
  /** Wall times of the setup in ms. */
  timings: Record<string, number>;
  generatedAt: string;
  loadAverage: number[];
}

export const workloadDir = () => path.join(benchDir, '.work', `sector-${benchScale}`);
const manifestFile = (kind: BenchDatabaseKind) => path.join(workloadDir(), `${kind}.json`);
export const pgliteDataDir = () => path.join(workloadDir(), 'pglite', 'db');
export const postgresDatabaseName = () => `lk_bench_sector_${benchScale}`;
export function postgresWorkloadUrl(): string {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${postgresDatabaseName()}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Removes the stored workload of this scale (PGlite folder, PostgreSQL database, manifests). */
export async function dropSectorWorkload(kind: BenchDatabaseKind) {
  fs.rmSync(manifestFile(kind), { force: true });
  if (kind === 'pglite') fs.rmSync(path.join(workloadDir(), 'pglite'), { recursive: true, force: true });
  else await admin((c) => c.query(`DROP DATABASE IF EXISTS ${postgresDatabaseName()} WITH (FORCE)`));
}

export async function openWorkloadDatabase(kind: BenchDatabaseKind, poolSize = 10): Promise<Database> {
  return kind === 'pglite'
    ? openDatabase({ kind: 'pglite', dataDir: pgliteDataDir() })
    : openDatabase({ kind: 'postgres', url: postgresWorkloadUrl(), poolSize });
}

export function readManifest(kind: BenchDatabaseKind): SectorManifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(manifestFile(kind), 'utf8')) as SectorManifest;
    return m.version === SECTOR_GENERATOR_VERSION && m.scale === benchScale ? m : null;
  } catch {
    return null;
  }
}

/**
 * The stored workload of `kind` at this scale, generated first when missing or outdated.
 * The caller closes the database.
 */
export async function openSectorWorkload(
  kind: BenchDatabaseKind,
  options: { poolSize?: number; log?: (line: string) => void } = {},
): Promise<{ database: Database; manifest: SectorManifest }> {
  let manifest = readManifest(kind);
  if (manifest && kind === 'postgres') {
    const exists = await admin((c) => c.query('select 1 from pg_database where datname = $1', [postgresDatabaseName()]));
    if (!exists.rowCount) manifest = null;
  }
  if (!manifest) manifest = await generateSectorWorkload(kind, options.log);
  return { database: await openWorkloadDatabase(kind, options.poolSize), manifest };
}

/** Generates the workload afresh (dropping a stored one) and writes its manifest. */
export async function generateSectorWorkload(kind: BenchDatabaseKind, log: (line: string) => void = () => {}): Promise<SectorManifest> {
  await dropSectorWorkload(kind);
  fs.mkdirSync(workloadDir(), { recursive: true });
  if (kind === 'postgres') await admin((c) => c.query(`CREATE DATABASE ${postgresDatabaseName()}`));
  const database = await openWorkloadDatabase(kind);
  try {
    const manifest = await generateInto(database, kind, log);
    fs.writeFileSync(manifestFile(kind), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await database.close();
  }
}

/** Member sizes: ∝ 1/rank^0.9, at least 20, summing to `people`. */
export function memberSizes(members: number, people: number): number[] {
  const weights = Array.from({ length: members }, (_, i) => 1 / (i + 1) ** 0.9);
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(20, Math.floor((w / total) * people)));
  sizes[0] += people - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

async function generateInto(database: Database, kind: BenchDatabaseKind, log: (line: string) => void): Promise<SectorManifest> {
  const size = SECTOR_SIZES[benchScale];
  const loadBefore = loadAverage();
  const timings: Record<string, number> = {};
  const step = async (name: string, fn: () => Promise<void>) => {
    const started = performance.now();
    await fn();
    timings[name] = Math.round(performance.now() - started);
    log(`${kind} setup: ${name} ${timings[name]} ms`);
  };
  const totalStarted = performance.now();
  await step('migrate', async () => {
    await migrateDatabase(database);
    await bootstrap(database.db);
  });
  const scaleId = await ensureDefaultScale(database.db);
  const sizes = memberSizes(size.members, size.people);
  const now = new Date();
  const closedOpens = new Date(now.getTime() - 80 * DAY).toISOString();
  const closedCloses = new Date(now.getTime() - 52 * DAY).toISOString();
  const opens = new Date(now.getTime() - 3 * DAY);
  const closesOn = new Date(now.getTime() + 25 * DAY).toISOString().slice(0, 10);

  await step('structure', async () => {
    const [{ n: shopFloor }] = await database.query<{ n: number }>(
      `select count(*)::int as n from competences c join frameworks f on f.id = c.framework_id
        where f.key = 'lk-21st-century-skills' and c.kind <> 'group'`,
    );
    if (shopFloor < COMPETENCES_PER_PERSON) throw new Error(`Only ${shopFloor} shop-floor competences; need ${COMPETENCES_PER_PERSON}.`);
    await database.exec(`
      drop table if exists bench_sector_orgs, bench_sector_skills, bench_sector_teams, bench_sector_profiles, bench_sector_people;
      create table bench_sector_orgs (n int primary key, id uuid not null, size int not null, teams int not null, closed_campaign uuid not null);
      insert into bench_sector_orgs
        select n - 1, gen_random_uuid(), size, greatest(2, size / 40), gen_random_uuid()
        from unnest(array[${sizes.join(',')}]::int[]) with ordinality as u(size, n);
      create table bench_sector_skills as
        select c.id, (row_number() over (order by c.key) - 1)::int as n from competences c join frameworks f on f.id = c.framework_id
        where f.key = 'lk-21st-century-skills' and c.kind <> 'group';
      insert into organisations (id, name, slug, kind, settings)
        values (gen_random_uuid(), 'Bench sectorfonds', 'bench-sector', 'sector_body', '{"anonymityThreshold": 5, "validityMonths": ${VALIDITY_MONTHS}}');
      insert into organisations (id, name, slug, kind, settings, postcode)
        select id, 'Maatwerkbedrijf ' || (n + 1), 'bench-member-' || (n + 1), 'employer',
               '{"anonymityThreshold": 5, "validityMonths": ${VALIDITY_MONTHS}}', (array['9000','2000','3000','8000','1000'])[1 + n % 5]
        from bench_sector_orgs;
      insert into sector_memberships (sector_id, member_id)
        select (select id from organisations where slug = 'bench-sector'), id from bench_sector_orgs;
      create table bench_sector_teams as
        select o.n as org, t, gen_random_uuid() as id from bench_sector_orgs o cross join lateral generate_series(0, o.teams - 1) t;
      insert into teams (id, organisation_id, name, position)
        select t.id, o.id, 'Ploeg ' || lpad((t.t + 1)::text, 2, '0'), t.t from bench_sector_teams t join bench_sector_orgs o on o.n = t.org;
      create table bench_sector_profiles as
        select o.n as org, p, gen_random_uuid() as id from bench_sector_orgs o cross join generate_series(0, ${PROFILES.length - 1}) p;
      insert into function_profiles (id, organisation_id, name, scale_id)
        select p.id, o.id, (array[${PROFILES.map((n) => `'${n}'`).join(',')}])[p.p + 1], '${scaleId}'
        from bench_sector_profiles p join bench_sector_orgs o on o.n = p.org;
      -- 15 competences every profile shares, 10 from a window that moves with the profile.
      insert into function_profile_competences (profile_id, competence_id, required_level, importance, position, future_level, horizon_year)
        select p.id, s.id, 1 + (s.n * 7 + p.p) % 4, case when k < 15 then 'core' else 'supporting' end::importance, k,
               case when s.n % 6 = 0 then least(4, 2 + (s.n * 7 + p.p) % 4) end, case when s.n % 6 = 0 then ${now.getUTCFullYear() + 3} end
        from bench_sector_profiles p cross join generate_series(0, ${COMPETENCES_PER_PERSON - 1}) k
        join bench_sector_skills s on s.n = case when k < ${SHARED_COMPETENCES} then k
                                        else ${SHARED_COMPETENCES} + (p.p * 4 + k - ${SHARED_COMPETENCES}) % (${shopFloor} - ${SHARED_COMPETENCES}) end;
      -- People: a supervisor (omkaderingspersoneel, the 5th profile) per 16, the others on their
      -- team's profile (85 %) or another shop-floor one; 68 % of the others in the target group.
      create table bench_sector_people as
        select gen_random_uuid() as id, o.n as org, o.id as org_id, i, (i % o.teams) as team,
               case when i % 16 = 0 then 4
                    when (i::bigint * 2654435761 % 1000003) % 100 < 85 then (i % o.teams) % 4
                    else (i::bigint * 40503 % 1000033) % 4 end as profile,
               case when i % 16 = 0 then 'supervisory_staff'
                    when (i::bigint * 2246822519 % 1000037) % 100 < 68 then 'target_group_employee' else 'other_staff' end as target_group,
               (o.n * 100000 + i)::bigint as g
        from bench_sector_orgs o cross join lateral generate_series(0, o.size - 1) i;
      insert into people (id, organisation_id, display_name, external_ref, team_id, function_profile_id, target_group, planned_exit_date)
        select p.id, p.org_id, 'Medewerker ' || (p.org + 1) || '-' || (p.i + 1), 'S' || (p.org + 1) || '-' || (p.i + 1), t.id, fp.id,
               p.target_group::target_group,
               case when (p.g::bigint * 3266489917 % 1000039) % 100 < 8 then current_date + ((p.g * 37) % 2000)::int end
        from bench_sector_people p
        join bench_sector_teams t on t.org = p.org and t.t = p.team
        join bench_sector_profiles fp on fp.org = p.org and fp.p = p.profile;
      insert into campaigns (id, organisation_id, title, perspectives, mode, status, opens_on, closes_on, locales, scope,
                             supervisor_assessment, open_question, opened_at, closed_at)
        select closed_campaign, id, 'Behoefteanalyse (bench)', '{organisation,functioning,competence}', 'named', 'closed',
               '${closedOpens.slice(0, 10)}', '${closedCloses.slice(0, 10)}', '{nl,nl-easy,fr,en}',
               '{"teamIds": [], "functionProfileIds": [], "targetGroups": []}', true, '{"nl": "Wat wil je graag leren?"}',
               '${closedOpens}', '${closedCloses}'
        from bench_sector_orgs;
      insert into campaign_competences (campaign_id, competence_id, position, default_required_level)
        select o.closed_campaign, s.id, s.n, 2 from bench_sector_orgs o cross join bench_sector_skills s
        where s.id in (select competence_id from function_profile_competences);
    `);
  });

  await step('responses', async () => {
    await database.exec(`
      drop table if exists bench_sector_inv;
      create table bench_sector_inv as
        select p.id as person_id, gen_random_uuid() as invitation_id, gen_random_uuid() as response_id,
               timestamptz '${closedOpens}' + ((2 + p.g % 24) * interval '1 day') + ((p.g * 7919) % 28800) * interval '1 second' as submitted_at
        from bench_sector_people p;
      insert into campaign_invitations (id, campaign_id, organisation_id, person_id, issued_at, expires_at, started_at, submitted_at)
        select v.invitation_id, o.closed_campaign, p.org_id, p.id, '${closedOpens}', '${closedCloses}', v.submitted_at, v.submitted_at
        from bench_sector_people p join bench_sector_orgs o on o.n = p.org join bench_sector_inv v on v.person_id = p.id;
      insert into survey_responses (id, campaign_id, organisation_id, invitation_id, person_id, resume_hash, team_id, function_profile_id,
                                    target_group, exit_year, status, submitted_at)
        select v.response_id, o.closed_campaign, p.org_id, v.invitation_id, p.id, md5(v.response_id::text), pe.team_id, pe.function_profile_id,
               pe.target_group, extract(year from pe.planned_exit_date)::int, 'submitted', v.submitted_at
        from bench_sector_people p join bench_sector_orgs o on o.n = p.org join bench_sector_inv v on v.person_id = p.id
        join people pe on pe.id = p.id;
    `);
  });

  // Ratings member by member (a few statements of at most ~150,000 rows each, so neither database
  // holds one huge transaction): levels from integer hashes — a competence's typical level, the
  // person's ability, noise; self-ratings a little optimistic.
  await step('ratings', async () => {
    for (let member = 0; member < size.members; member++) {
      // The rows are consistent by construction: skip the per-row foreign-key triggers (the bulk
      // loader's usual trick; superuser, which PGlite and the benchmark's server are).
      await database.exec(`
        set session_replication_role = replica;
        drop table if exists bench_sector_levels;
        create table bench_sector_levels as
          select x.*, least(4, greatest(0, x.sup + (array[-1, 0, 0, 1, 1, 0, 2])[1 + (x.g * 13 + x.k * 5) % 7]))::smallint as self
          from (
            select p.org_id, p.id as person_id, p.g, s.n as k, s.id as competence_id, o.closed_campaign, v.submitted_at,
                   v.submitted_at + (1 + (p.g % 5)) * interval '1 day' as rated_at,
                   least(4, greatest(0, 1 + (s.n * 7) % 3 + ((p.g::bigint * 2654435761 % 1000003) % 5 - 2) / 2
                                        + ((p.g * 31 + s.n * 17)::bigint * 2246822519 % 1000037) % 3 - 1))::smallint as sup
            from bench_sector_people p
            join bench_sector_orgs o on o.n = p.org
            join bench_sector_inv v on v.person_id = p.id
            join bench_sector_profiles fp on fp.org = p.org and fp.p = p.profile
            join function_profile_competences fpc on fpc.profile_id = fp.id
            join bench_sector_skills s on s.id = fpc.competence_id
            where p.org = ${member}
          ) x;
        insert into assessments (id, organisation_id, person_id, competence_id, source, level, campaign_id, visibility, assessed_at)
          select gen_random_uuid(), org_id, person_id, competence_id, 'self'::assessment_source, self, closed_campaign, 'hr'::assessment_visibility, submitted_at from bench_sector_levels
          union all
          select gen_random_uuid(), org_id, person_id, competence_id, 'supervisor'::assessment_source, sup, closed_campaign, 'hr'::assessment_visibility, rated_at from bench_sector_levels;
        insert into competence_status (organisation_id, subject_id, person_id, competence_id, current_level, source, self_level, supervisor_level,
                                       disagreement, stale, stale_from, assessed_at)
          select org_id, person_id, person_id, competence_id, sup, 'supervisor', self, sup, abs(self - sup) >= 2, false,
                 submitted_at + interval '${VALIDITY_MONTHS} months', rated_at
          from bench_sector_levels;
        set session_replication_role = default;
      `);
      if ((member + 1) % 10 === 0 || member === size.members - 1) log(`${kind} setup: ratings of ${member + 1}/${size.members} members`);
    }
  });

  const [largest] = await database.query<{ id: string; size: number; closed_campaign: string }>(
    'select id, size, closed_campaign from bench_sector_orgs where n = 0',
  );
  const memberIds = (await database.query<{ id: string }>('select id from bench_sector_orgs order by n')).map((r) => r.id);
  const [sector] = await database.query<{ id: string }>("select id from organisations where slug = 'bench-sector'");

  const openCampaignId = crypto.randomUUID();
  const openCompetenceIds = (
    await database.query<{ id: string }>(`select id from bench_sector_skills where n < ${OPEN_COMPETENCES} order by n`)
  ).map((r) => r.id);
  await database.query(
    `insert into campaigns (id, organisation_id, title, perspectives, mode, status, opens_on, closes_on, locales, scope,
                            supervisor_assessment, open_question, opened_at)
     values ($1, $2, 'Digitaal werken (bench, open)', '{competence}', 'named', 'open', $3, $4, '{nl,nl-easy,fr,en}',
             '{"teamIds": [], "functionProfileIds": [], "targetGroups": []}', false, '{"nl": "Wat wil je graag leren?"}', $5)`,
    [openCampaignId, largest.id, opens.toISOString().slice(0, 10), closesOn, opens.toISOString()],
  );
  await database.query(
    `insert into campaign_competences (campaign_id, competence_id, position, default_required_level)
     select $1, id, n, 2 from bench_sector_skills where n < ${OPEN_COMPETENCES}`,
    [openCampaignId],
  );

  const slug = 'bench-member-1';
  const hr = { email: `hr@${slug}.example.org`, password: BENCH_PASSWORD };
  const adminUser = { email: 'admin@bench-sector.example.org', password: BENCH_PASSWORD };
  await step('users', async () => {
    await createUserWithRole(database.db, { email: hr.email, password: hr.password, organisation: largest.id, role: 'hr' });
    await createUserWithRole(database.db, {
      email: adminUser.email,
      password: adminUser.password,
      organisation: PLATFORM_ORG_SLUG,
      role: 'platform_admin',
    });
  });

  let offerCounts: Record<string, number> = {};
  await step('offers', async () => {
    offerCounts = await generateOffers(database, size.offers);
  });
  await step('analyze', async () => {
    await database.exec(
      'drop table bench_sector_levels, bench_sector_inv, bench_sector_people, bench_sector_profiles, bench_sector_teams, bench_sector_skills; ANALYZE',
    );
  });
  const [counts] = await database.query<Record<string, number>>(
    `select (select count(*)::int from sector_memberships) as members, (select count(*)::int from people) as people,
            (select count(*)::int from teams) as teams, (select count(*)::int from function_profiles) as profiles,
            (select count(*)::int from assessments) as ratings, (select count(*)::int from competence_status) as diagnoses,
            (select count(*)::int from survey_responses) as responses`,
  );
  await database.exec('drop table bench_sector_orgs');
  timings.total = Math.round(performance.now() - totalStarted);
  log(`${kind} setup: ${JSON.stringify(counts)}, ${offerCounts.offers} offers; total ${timings.total} ms`);
  return {
    version: SECTOR_GENERATOR_VERSION,
    scale: benchScale,
    kind,
    sectorId: sector.id,
    memberIds,
    largest: {
      organisationId: largest.id,
      people: largest.size,
      closedCampaignId: largest.closed_campaign,
      openCampaignId,
      openCompetenceIds,
    },
    hr,
    admin: adminUser,
    counts: { ...counts, ...offerCounts, largestMember: largest.size, smallestMember: Math.min(...sizes) },
    timings,
    generatedAt: new Date().toISOString(),
    loadAverage: loadBefore,
  };
}

/**
 * `count` fresh survey links for the largest member's open campaign: a new open campaign (a copy
 * of the generated one, so every run starts from unanswered invitations) with an invitation per
 * person. Returns the campaign and the tokens, in person order.
 */
export async function mintSurveyInvitations(database: Database, manifest: SectorManifest, count: number) {
  const campaignId = crypto.randomUUID();
  const template = manifest.largest.openCampaignId;
  await database.query(
    `insert into campaigns (id, organisation_id, title, perspectives, mode, status, opens_on, closes_on, locales, scope,
                            supervisor_assessment, open_question, opened_at)
     select $1, organisation_id, title, perspectives, mode, status, opens_on, closes_on, locales, scope, supervisor_assessment, open_question, opened_at
     from campaigns where id = $2`,
    [campaignId, template],
  );
  await database.query(
    `insert into campaign_competences (campaign_id, competence_id, position, default_required_level)
     select $1, competence_id, position, default_required_level from campaign_competences where campaign_id = $2`,
    [campaignId, template],
  );
  const [campaign] = await database.query<{ closes_on: string; opened_at: Date }>(
    'select closes_on::text as closes_on, opened_at from campaigns where id = $1',
    [campaignId],
  );
  const people = await database.query<{ id: string }>('select id from people where organisation_id = $1 order by external_ref limit $2', [
    manifest.largest.organisationId,
    count,
  ]);
  const tokens = people.map(() => randomToken());
  await database.query(
    `insert into campaign_invitations (id, campaign_id, organisation_id, person_id, token_hash, issued_at, expires_at)
     select gen_random_uuid(), $1, $2, person_id, token_hash, $3, $4 from unnest($5::uuid[], $6::text[]) as u(person_id, token_hash)`,
    [
      campaignId,
      manifest.largest.organisationId,
      campaign.opened_at,
      endOfDayInBrussels(campaign.closes_on),
      people.map((p) => p.id),
      tokens.map(hashToken),
    ],
  );
  return { campaignId, tokens };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kinds = (process.argv[2] ? [process.argv[2]] : ['pglite']) as BenchDatabaseKind[];
  for (const kind of kinds) await generateSectorWorkload(kind, (line) => console.log(line));
}
