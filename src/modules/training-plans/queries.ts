import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  actionParticipants,
  competenceStatus,
  competences,
  enrolments,
  evaluations,
  functionProfileCompetences,
  functionProfiles,
  fundingInstruments,
  fundingLines,
  needPeople,
  offerEditions,
  offers,
  organisations,
  people,
  planActionNeeds,
  planActions,
  proficiencyScales,
  scaleLevels,
  teams,
  trainingNeeds,
  trainingPlans,
  trainingPlanVersions,
  users,
  type OrganisationSettings,
} from '../../db/schema/index.js';

/*
 * Queries of the training plan. Every query that reads organisation data filters on the
 * organisation id (defence in depth next to the tenancy guard in the service).
 */

export type PlanRow = typeof trainingPlans.$inferSelect;
export type ActionRow = typeof planActions.$inferSelect;
export type InstrumentRow = typeof fundingInstruments.$inferSelect;

// ---------------------------------------------------------------- organisation

export async function organisationOf(db: Executor, organisationId: string) {
  const [row] = await db
    .select({ name: organisations.name, kind: organisations.kind, settings: organisations.settings })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row ? { ...row, settings: row.settings as OrganisationSettings } : null;
}

export async function peopleCount(db: Executor, organisationId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(people).where(eq(people.organisationId, organisationId));
  return Number(row.n);
}

// ---------------------------------------------------------------- plans

export async function listPlans(db: Executor, organisationId: string): Promise<PlanRow[]> {
  return db.select().from(trainingPlans).where(eq(trainingPlans.organisationId, organisationId)).orderBy(desc(trainingPlans.year));
}

export async function findPlan(db: Executor, organisationId: string, planId: string): Promise<PlanRow | null> {
  const [row] = await db
    .select()
    .from(trainingPlans)
    .where(and(eq(trainingPlans.organisationId, organisationId), eq(trainingPlans.id, planId)));
  return row ?? null;
}

/** Null when the organisation has a plan for that year already. */
export async function insertPlan(db: Executor, values: { organisationId: string; year: number; title: string }): Promise<PlanRow | null> {
  const [row] = await db.insert(trainingPlans).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updatePlan(db: Executor, organisationId: string, planId: string, values: Partial<typeof trainingPlans.$inferInsert>) {
  await db
    .update(trainingPlans)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(trainingPlans.organisationId, organisationId), eq(trainingPlans.id, planId)));
}

/**
 * Moves the plan from one status to another only if it still has the expected status and version
 * (two people approving at once: one wins, the other gets null).
 */
export async function transitionPlan(
  db: Executor,
  organisationId: string,
  planId: string,
  expected: { status: PlanRow['status']; version: number },
  values: Partial<typeof trainingPlans.$inferInsert>,
): Promise<PlanRow | null> {
  const [row] = await db
    .update(trainingPlans)
    .set({ ...values, updatedAt: new Date() })
    .where(
      and(
        eq(trainingPlans.organisationId, organisationId),
        eq(trainingPlans.id, planId),
        eq(trainingPlans.status, expected.status),
        eq(trainingPlans.version, expected.version),
      ),
    )
    .returning();
  return row ?? null;
}

export async function userName(db: Executor, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

export async function insertVersion(db: Executor, values: typeof trainingPlanVersions.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(trainingPlanVersions)
    .values(values)
    .onConflictDoNothing()
    .returning({ version: trainingPlanVersions.version });
  return rows.length > 0;
}

export async function listVersions(db: Executor, planId: string) {
  return db
    .select({
      version: trainingPlanVersions.version,
      snapshot: trainingPlanVersions.snapshot,
      approvedAt: trainingPlanVersions.approvedAt,
      approvedByName: users.displayName,
    })
    .from(trainingPlanVersions)
    .leftJoin(users, eq(users.id, trainingPlanVersions.approvedBy))
    .where(eq(trainingPlanVersions.planId, planId))
    .orderBy(desc(trainingPlanVersions.version));
}

export async function findVersion(db: Executor, planId: string, version: number) {
  const [row] = await db
    .select({ snapshot: trainingPlanVersions.snapshot })
    .from(trainingPlanVersions)
    .where(and(eq(trainingPlanVersions.planId, planId), eq(trainingPlanVersions.version, version)));
  return row ?? null;
}

// ---------------------------------------------------------------- actions

export async function actionsOfPlans(db: Executor, organisationId: string, planIds: readonly string[]): Promise<ActionRow[]> {
  if (!planIds.length) return [];
  return db
    .select()
    .from(planActions)
    .where(and(eq(planActions.organisationId, organisationId), inArray(planActions.planId, [...planIds])))
    .orderBy(asc(planActions.position), asc(planActions.createdAt), asc(planActions.id));
}

export async function findAction(db: Executor, organisationId: string, planId: string, actionId: string): Promise<ActionRow | null> {
  const [row] = await db
    .select()
    .from(planActions)
    .where(and(eq(planActions.organisationId, organisationId), eq(planActions.planId, planId), eq(planActions.id, actionId)));
  return row ?? null;
}

export async function nextPosition(db: Executor, planId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number | null>`max(${planActions.position})` })
    .from(planActions)
    .where(eq(planActions.planId, planId));
  return row?.n === null || row?.n === undefined ? 0 : Number(row.n) + 1;
}

export async function insertAction(db: Executor, values: typeof planActions.$inferInsert): Promise<ActionRow> {
  const [row] = await db.insert(planActions).values(values).returning();
  return row;
}

export async function updateAction(
  db: Executor,
  organisationId: string,
  actionId: string,
  values: Partial<typeof planActions.$inferInsert>,
) {
  await db
    .update(planActions)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(planActions.organisationId, organisationId), eq(planActions.id, actionId)));
}

export async function deleteAction(db: Executor, organisationId: string, actionId: string) {
  await db.delete(planActions).where(and(eq(planActions.organisationId, organisationId), eq(planActions.id, actionId)));
}

export async function needsOfActions(db: Executor, organisationId: string, actionIds: readonly string[]) {
  if (!actionIds.length) return [];
  return db
    .select({
      actionId: planActionNeeds.actionId,
      id: trainingNeeds.id,
      title: trainingNeeds.title,
      status: trainingNeeds.status,
      competenceId: trainingNeeds.competenceId,
    })
    .from(planActionNeeds)
    .innerJoin(trainingNeeds, eq(trainingNeeds.id, planActionNeeds.needId))
    .where(and(inArray(planActionNeeds.actionId, [...actionIds]), eq(trainingNeeds.organisationId, organisationId)))
    .orderBy(asc(trainingNeeds.title), asc(trainingNeeds.id));
}

export async function replaceActionNeeds(db: Executor, actionId: string, needIds: readonly string[]) {
  await db.delete(planActionNeeds).where(eq(planActionNeeds.actionId, actionId));
  if (needIds.length) await db.insert(planActionNeeds).values(needIds.map((needId) => ({ actionId, needId })));
}

export async function participantsOfActions(db: Executor, organisationId: string, actionIds: readonly string[]) {
  if (!actionIds.length) return [];
  return db
    .select({
      actionId: actionParticipants.actionId,
      personId: actionParticipants.personId,
      displayName: people.displayName,
      teamName: teams.name,
      targetGroup: people.targetGroup,
      functionProfileId: people.functionProfileId,
      status: actionParticipants.status,
      minutesAttended: actionParticipants.minutesAttended,
      completedOn: actionParticipants.completedOn,
    })
    .from(actionParticipants)
    .innerJoin(people, eq(people.id, actionParticipants.personId))
    .leftJoin(teams, eq(teams.id, people.teamId))
    .where(and(inArray(actionParticipants.actionId, [...actionIds]), eq(actionParticipants.organisationId, organisationId)))
    .orderBy(asc(people.displayName), asc(people.id));
}

/** Sets the named participants: people no longer listed are removed, new ones start as planned. */
export async function replaceParticipants(db: Executor, organisationId: string, actionId: string, personIds: readonly string[]) {
  const current = await db
    .select({ personId: actionParticipants.personId })
    .from(actionParticipants)
    .where(eq(actionParticipants.actionId, actionId));
  const keep = new Set(personIds);
  const gone = current.map((r) => r.personId).filter((id) => !keep.has(id));
  if (gone.length)
    await db.delete(actionParticipants).where(and(eq(actionParticipants.actionId, actionId), inArray(actionParticipants.personId, gone)));
  if (personIds.length) {
    await db
      .insert(actionParticipants)
      .values(personIds.map((personId) => ({ actionId, personId, organisationId })))
      .onConflictDoNothing();
  }
}

export async function upsertParticipation(
  db: Executor,
  values: {
    actionId: string;
    personId: string;
    organisationId: string;
    status: ParticipationRow['status'];
    minutesAttended: number;
    completedOn: string | null;
  },
) {
  await db
    .insert(actionParticipants)
    .values(values)
    .onConflictDoUpdate({
      target: [actionParticipants.actionId, actionParticipants.personId],
      set: { status: values.status, minutesAttended: values.minutesAttended, completedOn: values.completedOn, updatedAt: new Date() },
    });
}
export type ParticipationRow = typeof actionParticipants.$inferSelect;

export async function fundingOfActions(db: Executor, actionIds: readonly string[]) {
  if (!actionIds.length) return [];
  return db
    .select({
      id: fundingLines.id,
      actionId: fundingLines.actionId,
      instrumentId: fundingLines.instrumentId,
      instrumentKey: fundingInstruments.key,
      instrumentName: fundingInstruments.name,
      amountCents: fundingLines.amountCents,
      status: fundingLines.status,
      note: fundingLines.note,
    })
    .from(fundingLines)
    .leftJoin(fundingInstruments, eq(fundingInstruments.id, fundingLines.instrumentId))
    .where(inArray(fundingLines.actionId, [...actionIds]))
    .orderBy(asc(fundingLines.createdAt), asc(fundingLines.id));
}

export async function replaceFunding(db: Executor, actionId: string, lines: Array<Omit<typeof fundingLines.$inferInsert, 'actionId'>>) {
  await db.delete(fundingLines).where(eq(fundingLines.actionId, actionId));
  if (lines.length) await db.insert(fundingLines).values(lines.map((line) => ({ ...line, actionId })));
}

export async function setFundingStatus(
  db: Executor,
  actionId: string,
  lineId: string,
  status: (typeof fundingLines.$inferSelect)['status'],
): Promise<boolean> {
  const rows = await db
    .update(fundingLines)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(fundingLines.actionId, actionId), eq(fundingLines.id, lineId)))
    .returning({ id: fundingLines.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------- catalog links

/** Offers by id with their provider's name (any status: the service decides what may be linked). */
export async function offersByIds(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: offers.id,
      title: offers.title,
      providerId: offers.providerId,
      providerName: organisations.name,
      status: offers.status,
      format: offers.format,
      languages: offers.languages,
      durationMinutes: offers.durationMinutes,
      priceCents: offers.priceCents,
      recognitions: offers.recognitions,
    })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.providerId))
    .where(inArray(offers.id, [...ids]));
}
export type OfferLinkRow = Awaited<ReturnType<typeof offersByIds>>[number];

export async function editionsByIds(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: offerEditions.id,
      offerId: offerEditions.offerId,
      startsOn: offerEditions.startsOn,
      endsOn: offerEditions.endsOn,
      enrolmentDeadline: offerEditions.enrolmentDeadline,
      status: offerEditions.status,
      capacity: offerEditions.capacity,
      enrolledCount: offerEditions.enrolledCount,
    })
    .from(offerEditions)
    .where(inArray(offerEditions.id, [...ids]));
}
export type EditionLinkRow = Awaited<ReturnType<typeof editionsByIds>>[number];

/** Editions on which the action still has enrolments that are not cancelled. */
export async function enrolledEditionsOfAction(db: Executor, actionId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ editionId: enrolments.editionId })
    .from(enrolments)
    .where(and(eq(enrolments.planActionId, actionId), sql`${enrolments.status} <> 'cancelled'`));
  return rows.map((r) => r.editionId);
}

// ---------------------------------------------------------------- funding instruments

/** Public instruments and the organisation's own. */
export async function usableInstruments(db: Executor, organisationId: string, ids?: readonly string[]): Promise<InstrumentRow[]> {
  if (ids && ids.length === 0) return [];
  return db
    .select()
    .from(fundingInstruments)
    .where(
      and(
        or(isNull(fundingInstruments.organisationId), eq(fundingInstruments.organisationId, organisationId)),
        ids ? inArray(fundingInstruments.id, [...ids]) : undefined,
      ),
    )
    .orderBy(asc(fundingInstruments.key));
}

// ---------------------------------------------------------------- needs and people

export async function needsOfOrganisation(db: Executor, organisationId: string, ids?: readonly string[]) {
  if (ids && ids.length === 0) return [];
  return db
    .select({
      id: trainingNeeds.id,
      title: trainingNeeds.title,
      status: trainingNeeds.status,
      classification: trainingNeeds.classification,
      competenceId: trainingNeeds.competenceId,
      peopleCount: trainingNeeds.peopleCount,
    })
    .from(trainingNeeds)
    .where(and(eq(trainingNeeds.organisationId, organisationId), ids ? inArray(trainingNeeds.id, [...ids]) : undefined))
    .orderBy(desc(trainingNeeds.priorityCenti), asc(trainingNeeds.title), asc(trainingNeeds.id))
    .limit(1000);
}

export async function peopleOfNeeds(db: Executor, needIds: readonly string[]) {
  if (!needIds.length) return [];
  return db
    .select({ needId: needPeople.needId, personId: needPeople.personId })
    .from(needPeople)
    .where(inArray(needPeople.needId, [...needIds]));
}

export async function setNeedStatus(
  db: Executor,
  organisationId: string,
  needId: string,
  status: (typeof trainingNeeds.$inferSelect)['status'],
) {
  await db
    .update(trainingNeeds)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(trainingNeeds.organisationId, organisationId), eq(trainingNeeds.id, needId)));
}

/** Actions (of any plan) linked to the needs, with their named participants. */
export async function participantsOfNeeds(db: Executor, organisationId: string, needIds: readonly string[]) {
  if (!needIds.length) return [];
  return db
    .select({ needId: planActionNeeds.needId, personId: actionParticipants.personId })
    .from(planActionNeeds)
    .innerJoin(actionParticipants, eq(actionParticipants.actionId, planActionNeeds.actionId))
    .where(and(inArray(planActionNeeds.needId, [...needIds]), eq(actionParticipants.organisationId, organisationId)));
}

export async function peopleOfOrganisation(db: Executor, organisationId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: people.id,
      organisationId: people.organisationId,
      displayName: people.displayName,
      teamId: people.teamId,
      functionProfileId: people.functionProfileId,
      supervisorId: people.supervisorId,
      userId: people.userId,
      targetGroup: people.targetGroup,
    })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), inArray(people.id, [...ids])));
}

export async function searchPeople(db: Executor, organisationId: string, options: { q?: string; ids?: string[]; limit: number }) {
  const q = options.q?.trim();
  return db
    .select({ id: people.id, displayName: people.displayName, teamName: teams.name })
    .from(people)
    .leftJoin(teams, eq(teams.id, people.teamId))
    .where(
      and(
        eq(people.organisationId, organisationId),
        q
          ? or(
              ilike(people.displayName, `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`),
              ilike(teams.name, `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`),
            )
          : undefined,
        options.ids ? inArray(people.id, options.ids) : undefined,
      ),
    )
    .orderBy(asc(teams.position), asc(people.displayName), asc(people.id))
    .limit(options.limit);
}

// ---------------------------------------------------------------- evaluations

export async function evaluationsOfActions(db: Executor, organisationId: string, actionIds: readonly string[]) {
  if (!actionIds.length) return [];
  return db
    .select({
      actionId: evaluations.actionId,
      personId: evaluations.personId,
      kind: evaluations.kind,
      score: evaluations.score,
      comment: evaluations.comment,
    })
    .from(evaluations)
    .where(and(eq(evaluations.organisationId, organisationId), inArray(evaluations.actionId, [...actionIds])));
}

/** One evaluation per person, action and kind: giving it again replaces it. */
export async function upsertEvaluation(db: Executor, values: typeof evaluations.$inferInsert) {
  await db
    .insert(evaluations)
    .values(values)
    .onConflictDoUpdate({
      target: [evaluations.actionId, evaluations.personId, evaluations.kind],
      targetWhere: sql`${evaluations.personId} is not null`,
      set: { score: values.score, comment: values.comment, byUserId: values.byUserId, submittedAt: values.submittedAt },
    });
}

// ---------------------------------------------------------------- re-assessment

export async function competenceLabels(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: competences.id, label: competences.label })
    .from(competences)
    .where(inArray(competences.id, [...ids]));
}

/** Current levels of the persons for the competences (from the materialised diagnosis). */
export async function currentLevels(db: Executor, organisationId: string, personIds: readonly string[], competenceIds: readonly string[]) {
  if (!personIds.length || !competenceIds.length) return [];
  return db
    .select({ personId: competenceStatus.personId, competenceId: competenceStatus.competenceId, level: competenceStatus.currentLevel })
    .from(competenceStatus)
    .where(
      and(
        eq(competenceStatus.organisationId, organisationId),
        inArray(competenceStatus.personId, [...personIds]),
        inArray(competenceStatus.competenceId, [...competenceIds]),
      ),
    );
}

/** Required levels from the persons' function profiles. */
export async function requiredLevels(db: Executor, organisationId: string, personIds: readonly string[], competenceIds: readonly string[]) {
  if (!personIds.length || !competenceIds.length) return [];
  return db
    .select({
      personId: people.id,
      competenceId: functionProfileCompetences.competenceId,
      required: functionProfileCompetences.requiredLevel,
    })
    .from(people)
    .innerJoin(functionProfileCompetences, eq(functionProfileCompetences.profileId, people.functionProfileId))
    .where(
      and(
        eq(people.organisationId, organisationId),
        inArray(people.id, [...personIds]),
        inArray(functionProfileCompetences.competenceId, [...competenceIds]),
      ),
    );
}

/** Highest level of each person's scale (their function profile's scale; the default scale otherwise). */
export async function maxLevels(db: Executor, organisationId: string, personIds: readonly string[], defaultScaleId: string) {
  if (!personIds.length) return new Map<string, number>();
  const rows = await db
    .select({ personId: people.id, scaleId: sql<string>`coalesce(${functionProfiles.scaleId}, ${defaultScaleId}::uuid)` })
    .from(people)
    .leftJoin(functionProfiles, eq(functionProfiles.id, people.functionProfileId))
    .where(and(eq(people.organisationId, organisationId), inArray(people.id, [...personIds])));
  const scaleIds = [...new Set(rows.map((r) => r.scaleId))];
  const levels = await db
    .select({ scaleId: scaleLevels.scaleId, max: sql<number>`max(${scaleLevels.level})` })
    .from(scaleLevels)
    .innerJoin(proficiencyScales, eq(proficiencyScales.id, scaleLevels.scaleId))
    .where(inArray(scaleLevels.scaleId, scaleIds))
    .groupBy(scaleLevels.scaleId);
  const maxByScale = new Map(levels.map((l) => [l.scaleId, Number(l.max)]));
  return new Map(rows.map((r) => [r.personId, maxByScale.get(r.scaleId) ?? 4]));
}
