import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { LocalizedText } from '../../db/schema/columns.js';
import type { GroupBy, TargetGroup } from './schemas.js';

/*
 * Read queries of the diagnosis. The subjects of an aggregate are either the named people of the
 * organisation (optionally only those of one named campaign) or the submitted responses of an
 * anonymous campaign; `subjectSource` builds that FROM part once for every query below.
 */

async function rawRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface CampaignRef {
  id: string;
  title: string;
  mode: 'named' | 'anonymous';
}

export type Scope = { organisationId: string; campaign: CampaignRef | null };

export interface Filters {
  teamId?: string;
  functionProfileId?: string;
  targetGroup?: TargetGroup;
}

export const filterKeys = ['teamId', 'functionProfileId', 'targetGroup'] as const;
export type FilterKey = (typeof filterKeys)[number];

export async function findCampaign(db: Executor, organisationId: string, id: string): Promise<CampaignRef | null> {
  const rows = await rawRows<CampaignRef>(
    db,
    sql`select id, title, mode from campaigns where id = ${id} and organisation_id = ${organisationId}`,
  );
  return rows[0] ?? null;
}

export interface AggregateContextRow {
  name: string;
  settings: Record<string, unknown>;
  /** The asked campaign of the organisation (null when not asked or not found). */
  campaign: CampaignRef | null;
  /** Whether the asked team / function profile is the organisation's (true when not asked). */
  teamFound: boolean;
  profileFound: boolean;
  /** Whether some diagnosis of the organisation has left its validity window by `now` (see refreshExpiredStatus). */
  expired: boolean;
}

/**
 * Everything an aggregate needs to know before it runs, in one statement (each would otherwise be
 * a round trip of its own): the organisation's settings, the asked campaign, team and profile, and
 * whether any diagnosis expired, so the refresh transaction is only opened when there is work.
 * Null when the organisation does not exist.
 */
export async function aggregateContext(
  db: Executor,
  organisationId: string,
  ids: { campaignId?: string; teamId?: string; functionProfileId?: string },
  now: Date,
): Promise<AggregateContextRow | null> {
  const rows = await rawRows<{
    name: string;
    settings: Record<string, unknown>;
    campaign: CampaignRef | null;
    team_found: boolean;
    profile_found: boolean;
    expired: boolean;
  }>(
    db,
    sql`select o.name, o.settings,
          ${
            ids.campaignId
              ? sql`(select json_build_object('id', c.id, 'title', c.title, 'mode', c.mode) from campaigns c
                      where c.id = ${ids.campaignId} and c.organisation_id = o.id)`
              : sql`null`
          } as campaign,
          ${ids.teamId ? sql`exists (select 1 from teams where id = ${ids.teamId} and organisation_id = o.id)` : sql`true`} as team_found,
          ${
            ids.functionProfileId
              ? sql`exists (select 1 from function_profiles where id = ${ids.functionProfileId} and organisation_id = o.id)`
              : sql`true`
          } as profile_found,
          exists (select 1 from competence_status cs
                  where cs.organisation_id = o.id and not cs.stale and cs.stale_from <= ${now.toISOString()}::timestamptz) as expired
        from organisations o where o.id = ${organisationId}`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    name: row.name,
    settings: row.settings,
    campaign: row.campaign,
    teamFound: row.team_found,
    profileFound: row.profile_found,
    expired: row.expired,
  };
}

export async function organisationRow(db: Executor, organisationId: string) {
  const rows = await rawRows<{ name: string; settings: Record<string, unknown> }>(
    db,
    sql`select name, settings from organisations where id = ${organisationId}`,
  );
  return rows[0] ?? null;
}

/**
 * Whether the person `personId` (a column) is a subject of a named campaign: they submitted an
 * answer or were rated in it. Written as two EXISTS probes per person (index lookups on
 * survey_responses_person_idx and assessments_campaign_person_uq) rather than a set of all the
 * campaign's rating rows: a campaign of 5,000 people holds 250,000 of those. The redundant
 * `person_id is not null` lets the planner use that partial index also when it hashes the probe
 * into a set (few subjects expected): without it, it scanned every rating of the organisation.
 */
function isCampaignSubject(personId: SQL, campaignId: string): SQL {
  return sql`(exists (select 1 from survey_responses r where r.person_id = ${personId} and r.campaign_id = ${campaignId} and r.status = 'submitted')
             or exists (select 1 from assessments a where a.campaign_id = ${campaignId} and a.person_id = ${personId} and a.person_id is not null))`;
}

/**
 * Stage 1 of the heat map: the subjects as `s` (group attributes team_id, function_profile_id,
 * target_group) joined with their diagnosis `cs`. With a campaign, rows of competences it did not
 * ask are not filtered out here: stage 2 joins every class with the campaign's competences anyway
 * (an inner join), and filtering the rows first cost a join over all of them.
 */
function subjectDiagnosis(scope: Scope): SQL {
  const org = scope.organisationId;
  const c = scope.campaign;
  if (!c) {
    // Without a campaign the required level comes only from a function profile.
    return sql`competence_status cs
      join people s on s.id = cs.subject_id
      where cs.organisation_id = ${org} and cs.person_id is not null and s.organisation_id = ${org} and s.function_profile_id is not null`;
  }
  if (c.mode === 'anonymous') {
    return sql`survey_responses s
      join competence_status cs on cs.subject_id = s.id and cs.response_id is not null
      where s.campaign_id = ${c.id} and s.organisation_id = ${org} and s.status = 'submitted' and cs.organisation_id = ${org}`;
  }
  return sql`competence_status cs
    join people s on s.id = cs.subject_id
    where cs.organisation_id = ${org} and cs.person_id is not null and s.organisation_id = ${org}
      and ${isCampaignSubject(sql`s.id`, c.id)}`;
}

/**
 * Stage 2: the required level of a stage-1 row `a` (profile, else the campaign's default). The inner
 * join with the campaign's competences keeps only the competences it asked.
 */
function requiredLevel(scope: Scope, profile: SQL): { join: SQL; required: SQL } {
  if (!scope.campaign) {
    return {
      join: sql`join function_profile_competences fpc on fpc.profile_id = ${profile} and fpc.competence_id = a.competence_id`,
      required: sql`fpc.required_level`,
    };
  }
  return {
    join: sql`join campaign_competences cc on cc.campaign_id = ${scope.campaign.id} and cc.competence_id = a.competence_id
      left join function_profile_competences fpc on fpc.profile_id = ${profile} and fpc.competence_id = a.competence_id`,
    required: sql`coalesce(fpc.required_level, cc.default_required_level)`,
  };
}

/** Grouped by the raw column (uuid / enum: cheap to hash), turned into text only at the end. */
const groupColumn: Record<GroupBy, SQL> = {
  team: sql`s.team_id`,
  function_profile: sql`s.function_profile_id`,
  target_group: sql`s.target_group`,
};

function filterPredicate(key: FilterKey, filters: Filters): SQL {
  switch (key) {
    case 'teamId':
      return sql`s.team_id = ${filters.teamId}`;
    case 'functionProfileId':
      return sql`s.function_profile_id = ${filters.functionProfileId}`;
    case 'targetGroup':
      return sql`s.target_group = ${filters.targetGroup}`;
  }
}

function allOf(parts: SQL[]): SQL {
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

export interface AggregateRow {
  competenceId: string;
  /** The group ('none' for subjects without a team / profile). */
  groupId: string;
  persons: number;
  gapSum: number;
  gap1: number;
  gap2: number;
  /** Persons of the same cell with one filter dropped, per active filter. */
  coarser: number[];
}

/**
 * The heat map cells in ONE grouped statement (two aggregation stages, no per-subject rows leave
 * the database): stage 1 folds the subjects' diagnoses into classes (competence, group, profile,
 * current level, filter flags) — the join with people is done once per subject × competence;
 * stage 2 adds the required level (function_profile_competences, a small join over the classes)
 * and computes per competence × group the persons, gap sum and persons with gap ≥ 1 / ≥ 2, plus
 * the persons of the same cell when one filter is dropped (for the differencing rule). Totals are
 * the sums over the groups (every subject is in exactly one group).
 */
export async function heatmapAggregates(db: Executor, scope: Scope, groupBy: GroupBy, filters: Filters): Promise<AggregateRow[]> {
  const { query, coarserCount } = heatmapQuery(scope, groupBy, filters);
  const rows = await rawRows<Record<string, unknown>>(db, query);
  return rows.map((r) => ({
    competenceId: r.competence_id as string,
    groupId: (r.group_id as string | null) ?? 'none',
    persons: Number(r.persons),
    gapSum: Number(r.gap_sum),
    gap1: Number(r.gap1),
    gap2: Number(r.gap2),
    coarser: Array.from({ length: coarserCount }, (_, i) => Number(r[`c${i}`])),
  }));
}

/** The statement of heatmapAggregates (exported for EXPLAIN in benchmarks). */
export function heatmapQuery(scope: Scope, groupBy: GroupBy, filters: Filters): { query: SQL; coarserCount: number } {
  const active = filterKeys.filter((k) => filters[k] !== undefined);
  const predicates = new Map(active.map((k) => [k, filterPredicate(k, filters)]));
  const all = allOf([...predicates.values()]);
  const dropOne = active.map((dropped) => allOf(active.filter((k) => k !== dropped).map((k) => predicates.get(k)!)));
  // Only rows some query needs: with two or more filters, those of the one-filter-fewer queries.
  const where =
    active.length >= 2
      ? sql` and (${sql.join(
          dropOne.map((p) => sql`(${p})`),
          sql` or `,
        )})`
      : sql``;
  // Filter flags of a class (none without filters: every row counts).
  const flags = active.length
    ? [sql`coalesce(${all}, false) as f`, ...dropOne.map((p, i) => sql`coalesce(${p}, false) as ${sql.raw(`d${i}`)}`)]
    : [];
  const flagKeys = flags.length ? sql`, ${sql.join([sql`f`, ...dropOne.map((_, i) => sql.raw(`d${i}`))], sql`, `)}` : sql``;
  const counted = active.length ? sql` filter (where a.f)` : sql``;
  const countedAnd = active.length ? sql`a.f and ` : sql``;
  // The profile of a class: its group when grouped by profile (one grouping key fewer), else its own column.
  const byProfile = groupBy === 'function_profile';
  const { join, required } = requiredLevel(scope, byProfile ? sql`a.g` : sql`a.p`);
  const gap = sql`greatest(0, ${required} - a.lvl)`;
  const coarserColumns = dropOne.map(
    (_, i) => sql`, coalesce(sum(a.n) filter (where a.${sql.raw(`d${i}`)}), 0)::int as ${sql.raw(`c${i}`)}`,
  );
  const query = sql`with a as (
          select cs.competence_id, ${groupColumn[groupBy]} as g${byProfile ? sql`` : sql`, s.function_profile_id as p`}, cs.current_level as lvl${
            flags.length ? sql`, ${sql.join(flags, sql`, `)}` : sql``
          }, count(*)::int as n
          from ${subjectDiagnosis(scope)}${where}
          group by cs.competence_id, g${byProfile ? sql`` : sql`, p`}, lvl${flagKeys}
        )
        select a.competence_id, a.g::text as group_id,
          coalesce(sum(a.n)${counted}, 0)::int as persons,
          coalesce(sum(a.n * ${gap})${counted}, 0)::int as gap_sum,
          coalesce(sum(a.n) filter (where ${countedAnd}${gap} >= 1), 0)::int as gap1,
          coalesce(sum(a.n) filter (where ${countedAnd}${gap} >= 2), 0)::int as gap2
          ${sql.join(coarserColumns, sql``)}
        from a ${join}
        where ${required} is not null
        group by a.competence_id, a.g`;
  return { query, coarserCount: dropOne.length };
}

export interface CompetenceRow {
  id: string;
  key: string;
  label: LocalizedText;
}

/**
 * The competences of an aggregate: a campaign's (in its order), else those of the organisation's
 * function profiles (of one profile when filtered on it), by Dutch label.
 */
export async function scopeCompetences(db: Executor, scope: Scope, functionProfileId?: string): Promise<CompetenceRow[]> {
  if (scope.campaign) {
    return rawRows<CompetenceRow>(
      db,
      sql`select c.id, c.key, c.label from campaign_competences cc join competences c on c.id = cc.competence_id
          where cc.campaign_id = ${scope.campaign.id} order by cc.position, c.key`,
    );
  }
  return rawRows<CompetenceRow>(
    db,
    sql`select c.id, c.key, c.label from competences c
        where c.id in (select fpc.competence_id from function_profile_competences fpc join function_profiles fp on fp.id = fpc.profile_id
                       where fp.organisation_id = ${scope.organisationId}${functionProfileId ? sql` and fp.id = ${functionProfileId}` : sql``})
        order by c.label->>'nl', c.key`,
  );
}

export async function competencesByIds(db: Executor, ids: readonly string[]): Promise<CompetenceRow[]> {
  if (!ids.length) return [];
  return rawRows<CompetenceRow>(
    db,
    sql`select id, key, label from competences where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
}

/**
 * The names of the organisation's teams or function profiles (by target group: none, the group
 * keeps its id as label). All of them rather than those of the heat map's groups, so the lookup
 * can run beside the heat map statement instead of after it.
 */
export async function groupLabels(db: Executor, organisationId: string, groupBy: GroupBy): Promise<Map<string, string>> {
  if (groupBy === 'target_group') return new Map();
  const table = groupBy === 'team' ? sql`teams` : sql`function_profiles`;
  const rows = await rawRows<{ id: string; name: string }>(
    db,
    sql`select id, name from ${table} where organisation_id = ${organisationId}`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---------------------------------------------------------------- disagreements

export interface DisagreementRow {
  person_id: string;
  display_name: string;
  team_id: string | null;
  team_name: string | null;
  competence_id: string;
  key: string;
  label: LocalizedText;
  self_level: number;
  supervisor_level: number;
  current_level: number;
}

/**
 * Named pairs flagged as disagreement whose latest self and supervisor ratings the viewer may both
 * see (src/domain/assessment/visibility.ts): HR sees `hr` ratings of everyone; a supervisor sees
 * `supervisor` and `hr` ratings of the people they supervise; an author always sees their own.
 * Without HR rights only the supervised people are listed.
 */
export async function disagreements(
  db: Executor,
  organisationId: string,
  options: { campaignId: string | null; isHr: boolean; ownPersonIds: readonly string[]; actorUserId: string },
): Promise<DisagreementRow[]> {
  if (!options.isHr && options.ownPersonIds.length === 0) return [];
  const supervised = options.ownPersonIds.length
    ? sql`p.supervisor_id in (${sql.join(
        options.ownPersonIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`false`;
  const visible = sql`(a.author_user_id = ${options.actorUserId}
      or (a.visibility in ('supervisor', 'hr') and ${supervised})
      ${options.isHr ? sql`or a.visibility = 'hr'` : sql``})`;
  const latestVisible = (source: string) =>
    sql`coalesce((select ${visible} from assessments a where a.person_id = cs.person_id and a.competence_id = cs.competence_id and a.source = ${source}
         order by a.assessed_at desc, a.created_at desc limit 1), false)`;
  return rawRows<DisagreementRow>(
    db,
    sql`select p.id as person_id, p.display_name, t.id as team_id, t.name as team_name, c.id as competence_id, c.key, c.label,
               cs.self_level, cs.supervisor_level, cs.current_level
        from competence_status cs
        join people p on p.id = cs.person_id
        left join teams t on t.id = p.team_id
        join competences c on c.id = cs.competence_id
        where cs.organisation_id = ${organisationId} and p.organisation_id = ${organisationId} and cs.person_id is not null and cs.disagreement
          and cs.self_level is not null and cs.supervisor_level is not null
          ${options.isHr ? sql`` : sql`and ${supervised}`}
          ${
            options.campaignId
              ? sql`and cs.competence_id in (select competence_id from campaign_competences where campaign_id = ${options.campaignId})
                    and ${isCampaignSubject(sql`p.id`, options.campaignId)}`
              : sql``
          }
          and ${latestVisible('self')}
          and ${latestVisible('supervisor')}
        order by p.display_name, p.id, c.label->>'nl', c.key`,
  );
}

/** The person records of a user in an organisation (normally one). */
export async function personIdsOfUser(db: Executor, organisationId: string, userId: string): Promise<string[]> {
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select id from people where organisation_id = ${organisationId} and user_id = ${userId} order by created_at, id`,
  );
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- a person's result

export interface PersonRow {
  id: string;
  display_name: string;
  user_id: string | null;
  supervisor_id: string | null;
  team_id: string | null;
  team_name: string | null;
  function_profile_id: string | null;
  profile_name: string | null;
  target_group: TargetGroup;
}

export async function findPerson(db: Executor, organisationId: string, personId: string): Promise<PersonRow | null> {
  const rows = await rawRows<PersonRow>(
    db,
    sql`select p.id, p.display_name, p.user_id, p.supervisor_id, p.team_id, t.name as team_name, p.function_profile_id, fp.name as profile_name, p.target_group
        from people p left join teams t on t.id = p.team_id left join function_profiles fp on fp.id = p.function_profile_id
        where p.id = ${personId} and p.organisation_id = ${organisationId}`,
  );
  return rows[0] ?? null;
}

export interface ProfileItemRow {
  competence_id: string;
  key: string;
  label: LocalizedText;
  required_level: number;
  importance: 'core' | 'supporting';
  future_level: number | null;
  horizon_year: number | null;
}

export async function profileItems(db: Executor, profileId: string): Promise<ProfileItemRow[]> {
  return rawRows<ProfileItemRow>(
    db,
    sql`select c.id as competence_id, c.key, c.label, fpc.required_level, fpc.importance, fpc.future_level, fpc.horizon_year
        from function_profile_competences fpc join competences c on c.id = fpc.competence_id
        where fpc.profile_id = ${profileId} order by fpc.position, c.key`,
  );
}

export interface PersonAssessmentRow {
  competence_id: string;
  source: 'self' | 'third_party' | 'supervisor' | 'evidence';
  level: number;
  assessed_at: Date | string;
}

/**
 * The person's named ratings the viewer may see: with one of `visibilities`, or written by
 * `authorUserId` (null visibilities = all: the person's own view).
 */
export async function personAssessments(
  db: Executor,
  organisationId: string,
  personId: string,
  filter: { visibilities: readonly string[]; authorUserId: string } | null,
): Promise<PersonAssessmentRow[]> {
  const visible = filter
    ? sql`and (author_user_id = ${filter.authorUserId}${
        filter.visibilities.length
          ? sql` or visibility in (${sql.join(
              filter.visibilities.map((v) => sql`${v}`),
              sql`, `,
            )})`
          : sql``
      })`
    : sql``;
  return rawRows<PersonAssessmentRow>(
    db,
    sql`select competence_id, source, level, assessed_at from assessments
        where organisation_id = ${organisationId} and person_id = ${personId} ${visible}
        order by assessed_at, created_at`,
  );
}

// ---------------------------------------------------------------- prognosis

export interface PrognosisClassRow {
  competence_id: string;
  required_level: number;
  future_level: number | null;
  horizon_year: number | null;
  current_level: number | null;
  employed_now: boolean;
  exit_year: number | null;
  n: number;
}

/**
 * Subjects × the competences of their function profile, folded into classes of identical inputs
 * of the prognosis rule (one grouped query; the rule itself runs in the domain).
 */
export async function prognosisClasses(db: Executor, scope: Scope, today: string, currentYear: number): Promise<PrognosisClassRow[]> {
  const org = scope.organisationId;
  const c = scope.campaign;
  const from =
    c && c.mode === 'anonymous'
      ? sql`survey_responses s
          join function_profile_competences fpc on fpc.profile_id = s.function_profile_id
          left join competence_status cs on cs.subject_id = s.id and cs.competence_id = fpc.competence_id
          where s.organisation_id = ${org} and s.campaign_id = ${c.id} and s.status = 'submitted'`
      : sql`people s
          join function_profile_competences fpc on fpc.profile_id = s.function_profile_id
          left join competence_status cs on cs.subject_id = s.id and cs.competence_id = fpc.competence_id
          where s.organisation_id = ${org}${c ? sql` and ${isCampaignSubject(sql`s.id`, c.id)}` : sql``}`;
  const employedNow =
    c && c.mode === 'anonymous'
      ? sql`(s.exit_year is null or s.exit_year >= ${currentYear})`
      : sql`(s.planned_exit_date is null or s.planned_exit_date > ${today}::date)`;
  const exitYear = c && c.mode === 'anonymous' ? sql`s.exit_year::int` : sql`extract(year from s.planned_exit_date)::int`;
  const rows = await rawRows<PrognosisClassRow>(
    db,
    sql`select fpc.competence_id, fpc.required_level, fpc.future_level, fpc.horizon_year, cs.current_level,
               ${employedNow} as employed_now, ${exitYear} as exit_year, count(*)::int as n
        from ${from}
        group by 1, 2, 3, 4, 5, 6, 7`,
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** The latest horizon year in the organisation's function profiles, or null. */
export async function latestHorizonYear(db: Executor, organisationId: string): Promise<number | null> {
  const rows = await rawRows<{ year: number | null }>(
    db,
    sql`select max(fpc.horizon_year)::int as year from function_profile_competences fpc join function_profiles fp on fp.id = fpc.profile_id
        where fp.organisation_id = ${organisationId} and fpc.future_level is not null`,
  );
  return rows[0]?.year ?? null;
}
