import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { LocalizedText } from '../../db/schema/columns.js';
import {
  competences,
  functionProfiles,
  learningQuestions,
  needPeople,
  organisationIssues,
  organisations,
  people,
  planActionNeeds,
  planActions,
  priorityScores,
  starrInterviews,
  teams,
  trainingNeeds,
  trainingPlans,
  triages,
  users,
} from '../../db/schema/index.js';
import type { GroupBy, NeedSource, NeedStatus } from './schemas.js';

/* Queries of the needs register, triage and prioritisation. Every one filters on the organisation. */

async function rawRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const inList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

export type NeedRow = typeof trainingNeeds.$inferSelect;
export type NeedInsert = typeof trainingNeeds.$inferInsert;

export interface NeedListRow {
  need: NeedRow;
  competenceKey: string | null;
  competenceLabel: LocalizedText | null;
  teamName: string | null;
  profileName: string | null;
}

export interface NeedFilter {
  id?: string;
  ids?: string[];
  status?: NeedStatus;
  classification?: 'training_need' | 'non_training' | 'unclear';
  source?: NeedSource;
  teamId?: string;
  competenceId?: string;
}

export type NeedSortKey = 'created' | 'title' | 'urgency' | 'priority';

/** The sort key of each list order, with nulls replaced so keyset pagination stays total. */
export const sortKey: Record<NeedSortKey, { column: SQL; direction: 'asc' | 'desc' }> = {
  created: { column: sql`${trainingNeeds.createdAt}`, direction: 'desc' },
  title: { column: sql`lower(${trainingNeeds.title})`, direction: 'asc' },
  urgency: { column: sql`coalesce(${trainingNeeds.urgencyDate}, '9999-12-31'::date)`, direction: 'asc' },
  priority: { column: sql`coalesce(${trainingNeeds.priorityCenti}, -1)`, direction: 'desc' },
};

/** The value of a row's sort key, as stored in the cursor. */
export function sortValue(row: NeedRow, sort: NeedSortKey): string | number {
  switch (sort) {
    case 'created':
      return row.createdAt.toISOString();
    case 'title':
      return row.title.toLowerCase();
    case 'urgency':
      return row.urgencyDate ?? '9999-12-31';
    case 'priority':
      return row.priorityCenti ?? -1;
  }
}

function filterWhere(organisationId: string, filter: NeedFilter): SQL {
  const parts: (SQL | undefined)[] = [eq(trainingNeeds.organisationId, organisationId)];
  if (filter.id) parts.push(eq(trainingNeeds.id, filter.id));
  if (filter.ids) parts.push(filter.ids.length ? inArray(trainingNeeds.id, filter.ids) : sql`false`);
  if (filter.status) parts.push(eq(trainingNeeds.status, filter.status));
  if (filter.classification) parts.push(eq(trainingNeeds.classification, filter.classification));
  if (filter.source) parts.push(sql`${filter.source}::need_source = any(${trainingNeeds.sources})`);
  if (filter.teamId) parts.push(eq(trainingNeeds.teamId, filter.teamId));
  if (filter.competenceId) parts.push(eq(trainingNeeds.competenceId, filter.competenceId));
  return and(...parts)!;
}

export async function listNeeds(
  db: Executor,
  organisationId: string,
  filter: NeedFilter,
  page?: { sort: NeedSortKey; limit: number; after?: { value: string | number; id: string } },
): Promise<NeedListRow[]> {
  const where: SQL[] = [filterWhere(organisationId, filter)];
  let order: SQL[] = [desc(trainingNeeds.createdAt), desc(trainingNeeds.id)];
  if (page) {
    const { column, direction } = sortKey[page.sort];
    if (page.after) {
      const cmp = direction === 'asc' ? sql`>` : sql`<`;
      const value =
        page.sort === 'created'
          ? sql`${page.after.value}::timestamptz`
          : page.sort === 'urgency'
            ? sql`${page.after.value}::date`
            : sql`${page.after.value}`;
      where.push(sql`(${column}, ${trainingNeeds.id}) ${cmp} (${value}, ${page.after.id}::uuid)`);
    }
    order = direction === 'asc' ? [sql`${column} asc`, asc(trainingNeeds.id)] : [sql`${column} desc`, desc(trainingNeeds.id)];
  }
  const query = db
    .select({
      need: trainingNeeds,
      competenceKey: competences.key,
      competenceLabel: competences.label,
      teamName: teams.name,
      profileName: functionProfiles.name,
    })
    .from(trainingNeeds)
    .leftJoin(competences, eq(competences.id, trainingNeeds.competenceId))
    .leftJoin(teams, eq(teams.id, trainingNeeds.teamId))
    .leftJoin(functionProfiles, eq(functionProfiles.id, trainingNeeds.functionProfileId))
    .where(and(...where))
    .orderBy(...order);
  return page ? query.limit(page.limit) : query;
}

export async function findNeed(db: Executor, organisationId: string, id: string): Promise<NeedRow | null> {
  const [row] = await db
    .select()
    .from(trainingNeeds)
    .where(and(eq(trainingNeeds.organisationId, organisationId), eq(trainingNeeds.id, id)));
  return row ?? null;
}

export async function insertNeed(db: Executor, values: NeedInsert): Promise<NeedRow> {
  const [row] = await db.insert(trainingNeeds).values(values).returning();
  return row;
}

export async function updateNeed(db: Executor, organisationId: string, id: string, changes: Partial<NeedInsert>): Promise<void> {
  await db
    .update(trainingNeeds)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(trainingNeeds.organisationId, organisationId), eq(trainingNeeds.id, id)));
}

export async function deleteNeed(db: Executor, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(trainingNeeds)
    .where(and(eq(trainingNeeds.organisationId, organisationId), eq(trainingNeeds.id, id)))
    .returning({ id: trainingNeeds.id });
  return rows.length > 0;
}

export async function replaceNeedPeople(db: Executor, needId: string, personIds: readonly string[]): Promise<void> {
  await db.delete(needPeople).where(eq(needPeople.needId, needId));
  for (let i = 0; i < personIds.length; i += 1000) {
    const part = personIds.slice(i, i + 1000);
    await db.insert(needPeople).values(part.map((personId) => ({ needId, personId })));
  }
}

export interface NeedPersonRow {
  needId: string;
  personId: string;
  displayName: string;
  supervisorId: string | null;
}

export async function peopleOfNeeds(db: Executor, needIds: readonly string[]): Promise<NeedPersonRow[]> {
  if (!needIds.length) return [];
  return db
    .select({ needId: needPeople.needId, personId: people.id, displayName: people.displayName, supervisorId: people.supervisorId })
    .from(needPeople)
    .innerJoin(people, eq(people.id, needPeople.personId))
    .where(inArray(needPeople.needId, [...needIds]))
    .orderBy(asc(people.displayName), asc(people.id));
}

// ---------------------------------------------------------------- ownership checks

export async function existingIds(
  db: Executor,
  table: 'teams' | 'function_profiles' | 'people' | 'organisation_issues' | 'learning_questions' | 'starr_interviews' | 'campaigns',
  organisationId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select id from ${sql.identifier(table)} where organisation_id = ${organisationId} and id in (${inList(ids)})`,
  );
  return new Set(rows.map((r) => r.id));
}

export async function issueTitle(db: Executor, organisationId: string, id: string): Promise<string | null> {
  const [row] = await db
    .select({ title: organisationIssues.title })
    .from(organisationIssues)
    .where(and(eq(organisationIssues.organisationId, organisationId), eq(organisationIssues.id, id)));
  return row?.title ?? null;
}

export async function learningQuestionExists(db: Executor, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: learningQuestions.id })
    .from(learningQuestions)
    .where(and(eq(learningQuestions.organisationId, organisationId), eq(learningQuestions.id, id)));
  return rows.length > 0;
}

export async function starrExists(db: Executor, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: starrInterviews.id })
    .from(starrInterviews)
    .where(and(eq(starrInterviews.organisationId, organisationId), eq(starrInterviews.id, id)));
  return rows.length > 0;
}

export async function competenceRef(db: Executor, id: string): Promise<{ id: string; key: string; label: LocalizedText } | null> {
  const [row] = await db
    .select({ id: competences.id, key: competences.key, label: competences.label })
    .from(competences)
    .where(eq(competences.id, id));
  return row ?? null;
}

// ---------------------------------------------------------------- from the diagnosis

/**
 * The named people of one heat-map cell whose gap is ≥ 1, with the same subject set and required
 * level as the diagnosis (src/modules/diagnosis/queries.ts): without a campaign, people of the
 * organisation with the competence in their function profile; with a named campaign, the people
 * who answered or were rated in it, required level from the profile else the campaign default.
 */
export async function namedGapPersons(
  db: Executor,
  organisationId: string,
  campaignId: string | null,
  competenceId: string,
  groupBy: GroupBy,
  groupId: string,
): Promise<string[]> {
  const column = groupBy === 'team' ? sql`s.team_id` : groupBy === 'function_profile' ? sql`s.function_profile_id` : sql`s.target_group`;
  const group =
    groupBy === 'target_group'
      ? sql`${column}::text = ${groupId}`
      : groupId === 'none'
        ? sql`${column} is null`
        : sql`${column} = ${groupId}::uuid`;
  const query = campaignId
    ? sql`select s.id from competence_status cs
          join campaign_competences cc on cc.campaign_id = ${campaignId} and cc.competence_id = cs.competence_id
          join people s on s.id = cs.subject_id
          left join function_profile_competences fpc on fpc.profile_id = s.function_profile_id and fpc.competence_id = cs.competence_id
          where cs.organisation_id = ${organisationId} and cs.person_id is not null and s.organisation_id = ${organisationId}
            and cs.competence_id = ${competenceId}
            and cs.subject_id in (select r.person_id from survey_responses r where r.campaign_id = ${campaignId} and r.status = 'submitted' and r.person_id is not null
                                  union select a.person_id from assessments a where a.campaign_id = ${campaignId} and a.person_id is not null)
            and ${group}
            and coalesce(fpc.required_level, cc.default_required_level) - cs.current_level >= 1
          order by s.display_name, s.id`
    : sql`select s.id from competence_status cs
          join people s on s.id = cs.subject_id
          join function_profile_competences fpc on fpc.profile_id = s.function_profile_id and fpc.competence_id = cs.competence_id
          where cs.organisation_id = ${organisationId} and cs.person_id is not null and s.organisation_id = ${organisationId}
            and cs.competence_id = ${competenceId} and ${group}
            and fpc.required_level - cs.current_level >= 1
          order by s.display_name, s.id`;
  return (await rawRows<{ id: string }>(db, query)).map((r) => r.id);
}

/**
 * Open organisation issues linked to the competence; with a team, only those that name the team
 * or no team at all (a problem of the whole organisation). Newest first.
 */
export async function openIssuesFor(db: Executor, organisationId: string, competenceId: string, teamId: string | null): Promise<string[]> {
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select i.id from organisation_issues i
        join organisation_issue_competences ic on ic.issue_id = i.id and ic.competence_id = ${competenceId}
        where i.organisation_id = ${organisationId} and i.status = 'open'
        ${
          teamId
            ? sql`and (exists (select 1 from organisation_issue_teams it where it.issue_id = i.id and it.team_id = ${teamId})
                           or not exists (select 1 from organisation_issue_teams it where it.issue_id = i.id))`
            : sql``
        }
        order by i.created_at desc, i.id desc`,
  );
  return rows.map((r) => r.id);
}

/** An open need of the same competence and group (the one-click creation is idempotent). */
export async function findOpenNeedForCell(
  db: Executor,
  organisationId: string,
  competenceId: string,
  group: { teamId: string | null; functionProfileId: string | null; targetGroup: string | null },
): Promise<NeedRow | null> {
  const same = (column: SQL, value: string | null) => (value === null ? sql`${column} is null` : sql`${column} = ${value}`);
  const [row] = await db
    .select()
    .from(trainingNeeds)
    .where(
      and(
        eq(trainingNeeds.organisationId, organisationId),
        eq(trainingNeeds.competenceId, competenceId),
        same(sql`${trainingNeeds.teamId}`, group.teamId),
        same(sql`${trainingNeeds.functionProfileId}`, group.functionProfileId),
        same(sql`${trainingNeeds.targetGroup}::text`, group.targetGroup),
        sql`${trainingNeeds.status} not in ('met', 'dismissed')`,
        sql`'diagnosis'::need_source = any(${trainingNeeds.sources})`,
      ),
    )
    .orderBy(desc(trainingNeeds.createdAt))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------- triage

export type TriageRow = typeof triages.$inferSelect;

export async function insertTriage(db: Executor, values: typeof triages.$inferInsert): Promise<TriageRow> {
  const [row] = await db.insert(triages).values(values).returning();
  return row;
}

/** Triages of a need or a learning question, newest first, with the decider's name. */
export async function triageHistory(
  db: Executor,
  organisationId: string,
  of: { needId?: string; learningQuestionId?: string },
  limit?: number,
) {
  const query = db
    .select({ triage: triages, deciderName: users.displayName })
    .from(triages)
    .leftJoin(users, eq(users.id, triages.decidedBy))
    .where(
      and(
        eq(triages.organisationId, organisationId),
        of.needId ? eq(triages.needId, of.needId) : eq(triages.learningQuestionId, of.learningQuestionId!),
      ),
    )
    .orderBy(desc(triages.decidedAt), desc(triages.id));
  return limit ? query.limit(limit) : query;
}

// ---------------------------------------------------------------- plan and actions

export type PlanRow = typeof trainingPlans.$inferSelect;

/** The organisation's plan of the year; created as a draft when there is none (concurrency-safe). */
export async function planOfYear(db: Executor, organisationId: string, year: number, create: boolean): Promise<PlanRow | null> {
  if (create) {
    await db
      .insert(trainingPlans)
      .values({ organisationId, year, title: `Opleidingsplan ${year}` })
      .onConflictDoNothing();
  }
  const [row] = await db
    .select()
    .from(trainingPlans)
    .where(and(eq(trainingPlans.organisationId, organisationId), eq(trainingPlans.year, year)));
  return row ?? null;
}

export interface ActionRow {
  needId: string;
  id: string;
  planId: string;
  planYear: number;
  title: string;
  kind: string;
  nonTrainingKind: 'communication' | 'tools' | 'hr_policy' | 'work_organisation' | 'coaching' | null;
  status: string;
  costPerParticipantCents: number;
  fixedCostCents: number;
  participantsCount: number;
  durationMinutes: number;
}

export async function actionsOfNeeds(db: Executor, organisationId: string, needIds: readonly string[]): Promise<ActionRow[]> {
  if (!needIds.length) return [];
  return db
    .select({
      needId: planActionNeeds.needId,
      id: planActions.id,
      planId: planActions.planId,
      planYear: trainingPlans.year,
      title: planActions.title,
      kind: planActions.kind,
      nonTrainingKind: planActions.nonTrainingKind,
      status: planActions.status,
      costPerParticipantCents: planActions.costPerParticipantCents,
      fixedCostCents: planActions.fixedCostCents,
      participantsCount: planActions.participantsCount,
      durationMinutes: planActions.durationMinutes,
    })
    .from(planActionNeeds)
    .innerJoin(planActions, eq(planActions.id, planActionNeeds.actionId))
    .innerJoin(trainingPlans, eq(trainingPlans.id, planActions.planId))
    .where(and(inArray(planActionNeeds.needId, [...needIds]), eq(planActions.organisationId, organisationId)))
    .orderBy(desc(trainingPlans.year), asc(planActions.position), asc(planActions.createdAt), asc(planActions.id));
}

export async function nextActionPosition(db: Executor, planId: string): Promise<number> {
  const rows = await rawRows<{ n: number | null }>(db, sql`select max(position)::int as n from plan_actions where plan_id = ${planId}`);
  return (rows[0]?.n ?? -1) + 1;
}

export async function insertAction(db: Executor, values: typeof planActions.$inferInsert, needId: string) {
  const [row] = await db.insert(planActions).values(values).returning();
  await db.insert(planActionNeeds).values({ actionId: row.id, needId });
  return row;
}

// ---------------------------------------------------------------- priority

export type ScoreRow = typeof priorityScores.$inferSelect;

export async function scoresOfNeeds(db: Executor, needIds: readonly string[]) {
  if (!needIds.length) return [];
  return db
    .select({ score: priorityScores, setByName: users.displayName })
    .from(priorityScores)
    .leftJoin(users, eq(users.id, priorityScores.setBy))
    .where(inArray(priorityScores.needId, [...needIds]));
}

export async function upsertScore(db: Executor, values: typeof priorityScores.$inferInsert): Promise<void> {
  await db
    .insert(priorityScores)
    .values(values)
    .onConflictDoUpdate({
      target: [priorityScores.needId, priorityScores.criterion],
      set: {
        score: sql`excluded.score`,
        origin: sql`excluded.origin`,
        reason: sql`excluded.reason`,
        suggestedScore: sql`excluded.suggested_score`,
        setBy: sql`excluded.set_by`,
        setAt: sql`excluded.set_at`,
      },
    });
}

export async function organisationSettings(db: Executor, organisationId: string) {
  const [row] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.settings ?? null;
}

export async function saveOrganisationSettings(
  db: Executor,
  organisationId: string,
  settings: typeof organisations.$inferInsert.settings,
): Promise<void> {
  await db.update(organisations).set({ settings, updatedAt: new Date() }).where(eq(organisations.id, organisationId));
}

/**
 * The persons a need concerns, for the suggestions: its named people, else (anonymous needs)
 * everyone of the organisation in its group (team, function profile, target group; all null =
 * the whole organisation).
 */
export async function concernedPersonIds(db: Executor, need: NeedRow): Promise<string[]> {
  const named = await db.select({ id: needPeople.personId }).from(needPeople).where(eq(needPeople.needId, need.id));
  if (named.length) return named.map((r) => r.id);
  const parts: SQL[] = [eq(people.organisationId, need.organisationId)];
  if (need.teamId) parts.push(eq(people.teamId, need.teamId));
  if (need.functionProfileId) parts.push(eq(people.functionProfileId, need.functionProfileId));
  if (need.targetGroup) parts.push(eq(people.targetGroup, need.targetGroup));
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(...parts));
  return rows.map((r) => r.id);
}

/**
 * Per person concerned: the importance of the competence in their function profile (core,
 * supporting, or null when absent or without a profile).
 */
export async function importances(db: Executor, organisationId: string, personIds: readonly string[], competenceId: string) {
  if (!personIds.length) return [];
  return rawRows<{ importance: 'core' | 'supporting' | null }>(
    db,
    sql`select fpc.importance from people p
        left join function_profile_competences fpc on fpc.profile_id = p.function_profile_id and fpc.competence_id = ${competenceId}
        where p.organisation_id = ${organisationId} and p.id in (${inList(personIds)})`,
  );
}

export async function profileImportance(
  db: Executor,
  organisationId: string,
  profileId: string,
  competenceId: string,
): Promise<'core' | 'supporting' | null> {
  const rows = await rawRows<{ importance: 'core' | 'supporting' }>(
    db,
    sql`select fpc.importance from function_profile_competences fpc join function_profiles fp on fp.id = fpc.profile_id
        where fp.organisation_id = ${organisationId} and fp.id = ${profileId} and fpc.competence_id = ${competenceId}`,
  );
  return rows[0]?.importance ?? null;
}

/**
 * Minutes of training attended per person of the organisation (every person, 0 when none):
 * plan participations and catalog enrolments outside the plan, attended or completed, completed
 * on or after `since`.
 */
export async function trainingMinutesPerPerson(db: Executor, organisationId: string, since: string): Promise<Map<string, number>> {
  const rows = await rawRows<{ id: string; minutes: number }>(
    db,
    // Plan participations, plus catalog courses a person took outside the plan (enrolments linked
    // to a plan action are mirrored into action_participants, so they count once).
    sql`select p.id,
               (coalesce((select sum(ap.minutes_attended) from action_participants ap
                           where ap.person_id = p.id and ap.organisation_id = ${organisationId}
                             and ap.status in ('attended', 'completed') and ap.completed_on >= ${since}::date), 0)
              + coalesce((select sum(e.minutes_attended) from enrolments e
                           where e.person_id = p.id and e.employer_id = ${organisationId} and e.plan_action_id is null
                             and e.status in ('attended', 'completed') and e.completed_on >= ${since}::date), 0))::int as minutes
        from people p
        where p.organisation_id = ${organisationId}`,
  );
  return new Map(rows.map((r) => [r.id, Number(r.minutes)]));
}

export async function internalTrainerCount(db: Executor, organisationId: string, competenceId: string): Promise<number> {
  const rows = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from internal_trainers where organisation_id = ${organisationId} and competence_id = ${competenceId}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Recomputes the stored priority of needs (ids) from their scores. */
export async function setPriorityCenti(
  db: Executor,
  organisationId: string,
  values: ReadonlyArray<{ id: string; centi: number | null }>,
): Promise<void> {
  for (const v of values) {
    await db
      .update(trainingNeeds)
      .set({ priorityCenti: v.centi })
      .where(and(eq(trainingNeeds.organisationId, organisationId), eq(trainingNeeds.id, v.id)));
  }
}

export async function allNeedIds(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db.select({ id: trainingNeeds.id }).from(trainingNeeds).where(eq(trainingNeeds.organisationId, organisationId));
  return rows.map((r) => r.id);
}

export async function campaignMode(db: Executor, organisationId: string, id: string): Promise<'named' | 'anonymous' | null> {
  const rows = await rawRows<{ mode: 'named' | 'anonymous' }>(
    db,
    sql`select mode from campaigns where id = ${id} and organisation_id = ${organisationId}`,
  );
  return rows[0]?.mode ?? null;
}

/**
 * Published catalog offers that develop the competence (confirmed link, issue 5): how many have a
 * scheduled edition with a free seat starting between `today` and `until` (enrolment still open),
 * and how many exist at all.
 */
export async function matchingOffers(
  db: Executor,
  competenceId: string,
  today: string,
  until: string,
): Promise<{ soon: number; all: number }> {
  const rows = await rawRows<{ soon: number; all: number }>(
    db,
    sql`select count(*) filter (where exists (
              select 1 from offer_editions e
              where e.offer_id = o.id and e.status = 'scheduled' and e.starts_on >= ${today}::date and e.starts_on <= ${until}::date
                and e.enrolled_count < e.capacity and (e.enrolment_deadline is null or e.enrolment_deadline >= ${today}::date)))::int as soon,
            count(*)::int as all
        from offers o join offer_competences oc on oc.offer_id = o.id and oc.competence_id = ${competenceId} and oc.confirmed
        where o.status = 'published'`,
  );
  return { soon: Number(rows[0]?.soon ?? 0), all: Number(rows[0]?.all ?? 0) };
}
