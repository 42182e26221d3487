import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  assessments,
  campaignCompetences,
  campaignInvitations,
  campaigns,
  competences,
  frameworks,
  functionProfileCompetences,
  functionProfiles,
  organisations,
  teams,
  users,
} from '../../db/schema/index.js';

/* Queries of supervisor and third-party assessment. Every one takes the organisation id and filters on it. */

export async function organisationSettings(db: Executor, organisationId: string) {
  const [row] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.settings ?? {};
}

export async function profilesOf(db: Executor, organisationId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: functionProfiles.id, name: functionProfiles.name, scaleId: functionProfiles.scaleId })
    .from(functionProfiles)
    .where(and(eq(functionProfiles.organisationId, organisationId), inArray(functionProfiles.id, [...ids])));
}

export async function teamsOf(db: Executor, organisationId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.organisationId, organisationId), inArray(teams.id, [...ids])));
}

/** With `lock`, the campaign cannot be closed until the rating's transaction ends. */
export async function findCampaign(db: Executor, organisationId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.organisationId, organisationId), eq(campaigns.id, id)));
  const [row] = lock ? await query.for('share') : await query;
  return row ?? null;
}

/** Open campaigns that ask supervisors to rate. */
export async function openRatingCampaigns(db: Executor, organisationId: string) {
  return db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.organisationId, organisationId), eq(campaigns.status, 'open'), eq(campaigns.supervisorAssessment, true)))
    .orderBy(asc(campaigns.closesOn), asc(campaigns.id));
}

/** Pairs "campaign:person" that have an invitation. */
export async function invitedPairs(
  db: Executor,
  organisationId: string,
  campaignIds: readonly string[],
  personIds: readonly string[],
): Promise<Set<string>> {
  if (!campaignIds.length || !personIds.length) return new Set();
  const rows = await db
    .select({ campaignId: campaignInvitations.campaignId, personId: campaignInvitations.personId })
    .from(campaignInvitations)
    .where(
      and(
        eq(campaignInvitations.organisationId, organisationId),
        inArray(campaignInvitations.campaignId, [...campaignIds]),
        inArray(campaignInvitations.personId, [...personIds]),
      ),
    );
  return new Set(rows.map((r) => `${r.campaignId}:${r.personId}`));
}

export async function campaignCompetenceRefs(db: Executor, campaignIds: readonly string[]) {
  if (!campaignIds.length) return [];
  return db
    .select({
      campaignId: campaignCompetences.campaignId,
      id: competences.id,
      key: competences.key,
      label: competences.label,
      frameworkKey: frameworks.key,
    })
    .from(campaignCompetences)
    .innerJoin(competences, eq(competences.id, campaignCompetences.competenceId))
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(inArray(campaignCompetences.campaignId, [...campaignIds]))
    .orderBy(asc(campaignCompetences.campaignId), asc(campaignCompetences.position));
}

export async function profileCompetenceRefs(db: Executor, profileId: string) {
  return db
    .select({
      id: competences.id,
      key: competences.key,
      label: competences.label,
      frameworkKey: frameworks.key,
      requiredLevel: functionProfileCompetences.requiredLevel,
    })
    .from(functionProfileCompetences)
    .innerJoin(competences, eq(competences.id, functionProfileCompetences.competenceId))
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(eq(functionProfileCompetences.profileId, profileId))
    .orderBy(asc(functionProfileCompetences.position));
}

/** Which (campaign, person, competence, source) campaign ratings exist, without their levels. */
export async function campaignRatingPresence(
  db: Executor,
  organisationId: string,
  campaignIds: readonly string[],
  personIds: readonly string[],
): Promise<Set<string>> {
  if (!campaignIds.length || !personIds.length) return new Set();
  const rows = await db
    .selectDistinct({
      campaignId: assessments.campaignId,
      personId: assessments.personId,
      competenceId: assessments.competenceId,
      source: assessments.source,
    })
    .from(assessments)
    .where(
      and(
        eq(assessments.organisationId, organisationId),
        inArray(assessments.campaignId, [...campaignIds]),
        inArray(assessments.personId, [...personIds]),
        inArray(assessments.source, ['self', 'supervisor']),
      ),
    );
  return new Set(rows.map((r) => `${r.campaignId}:${r.personId}:${r.competenceId}:${r.source}`));
}

/** Supervisor and third-party ratings of a person, newest first. */
export async function personRatings(db: Executor, organisationId: string, personId: string, limit = 500) {
  return db
    .select({
      id: assessments.id,
      competenceId: assessments.competenceId,
      source: assessments.source,
      level: assessments.level,
      note: assessments.note,
      campaignId: assessments.campaignId,
      authorUserId: assessments.authorUserId,
      authorName: users.displayName,
      visibility: assessments.visibility,
      assessedAt: assessments.assessedAt,
    })
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.authorUserId))
    .where(
      and(
        eq(assessments.organisationId, organisationId),
        eq(assessments.personId, personId),
        inArray(assessments.source, ['supervisor', 'third_party']),
      ),
    )
    .orderBy(desc(assessments.assessedAt), desc(assessments.id))
    .limit(limit);
}
