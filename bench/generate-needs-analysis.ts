/**
 * A synthetic organisation for the needs-analysis benchmark (issue 3 item 12), deterministic with
 * the shared seeded PRNG:
 * - 5,000 people in 20 teams, 5 function profiles of 25 competences each, drawn from our own
 *   frameworks (4 shop-floor profiles from the 21st-century skills, one supervisor profile from
 *   the coaching framework); target groups mixed, supervisors per team, some planned exits;
 * - a closed, named campaign over the whole organisation (its competences resolved from the
 *   profiles like the campaigns module does), with an invitation, a submitted response and the
 *   answers of every person, and a self and a supervisor rating for every person × profile
 *   competence (5,000 × 25 × 2 = 250,000 ratings) written through the real path,
 *   recordAssessments, which also fills the materialised competence_status;
 * - an open, named campaign asking a handful of competences, with a live invitation token per
 *   person (returned, so the benchmark can answer through the public survey routes).
 */
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Database, Executor } from '../src/db/client.js';
import {
  campaignCompetences,
  campaignInvitations,
  campaigns,
  competences,
  frameworks,
  functionProfileCompetences,
  functionProfiles,
  organisations,
  people,
  surveyAnswers,
  surveyResponses,
  teams,
} from '../src/db/schema/index.js';
import { ensureDefaultScale } from '../src/db/reference-data.js';
import { recordAssessments, type NewAssessment } from '../src/modules/assessments/record.js';
import { createUserWithRole } from '../src/modules/organisations/service.js';
import { resolveCampaignCompetences, type ProfileCompetence } from '../src/domain/campaigns/resolve-competences.js';
import { endOfDayInBrussels } from '../src/domain/campaigns/expiry.js';
import { hashToken, randomToken } from '../src/server/auth/tokens.js';
import { prng } from '../src/shared/prng.js';

export interface GenerateOptions {
  /** Default 5,000. */
  people?: number;
  /** Default 20. */
  teams?: number;
  /** Competences per function profile; default 25 (at most 33 for the shop-floor profiles). */
  competencesPerProfile?: number;
  /** Competences asked by the open campaign; default 10. */
  openCompetences?: number;
  /** People per recordAssessments transaction; default 200 (10,000 ratings). */
  peoplePerBatch?: number;
  seed?: number;
  now?: Date;
  /** Progress lines (default: silent). */
  log?: (line: string) => void;
}

export interface GeneratedOrganisation {
  organisationId: string;
  slug: string;
  hr: { email: string; password: string };
  teamIds: string[];
  profileIds: string[];
  closedCampaignId: string;
  openCampaignId: string;
  /** The competences of the open campaign, in campaign order. */
  openCompetenceIds: string[];
  /** Live invitation tokens of the open campaign, one per person, in person order. */
  tokens: string[];
  counts: {
    people: number;
    teams: number;
    profiles: number;
    supervisors: number;
    plannedExits: number;
    closedCampaignCompetences: number;
    surveyAnswers: number;
    ratings: number;
  };
  /** Wall times of the setup, in ms: organisation + people + campaigns, then the ratings. */
  timings: { structureMs: number; answersMs: number; ratingsMs: number; totalMs: number };
}

export const HR_PASSWORD = 'bench-password-long';
const DAY = 86_400_000;
const VALIDITY_MONTHS = 24;
const PROFILE_NAMES = ['Productiemedewerker', 'Logistiek medewerker', 'Groenarbeider', 'Schoonmaakmedewerker', 'Ploegbegeleider'];
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const clampLevel = (x: number) => Math.max(0, Math.min(4, Math.round(x)));

function normal(rnd: () => number): number {
  const u = Math.max(rnd(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function insertChunked<T>(tx: Executor, rows: T[], insert: (tx: Executor, part: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await insert(tx, rows.slice(i, i + size));
}

/** Leaf competences (no groups) of one of our own frameworks, by key. */
async function leafCompetences(db: Executor, frameworkKey: string) {
  const rows = await db
    .select({ id: competences.id, key: competences.key, kind: competences.kind })
    .from(competences)
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(eq(frameworks.key, frameworkKey));
  return rows.filter((r) => r.kind !== 'group').sort((a, b) => (a.key < b.key ? -1 : 1));
}

export async function generateNeedsAnalysis(database: Database, options: GenerateOptions = {}): Promise<GeneratedOrganisation> {
  const personCount = options.people ?? 5_000;
  const teamCount = options.teams ?? 20;
  const perProfile = options.competencesPerProfile ?? 25;
  const openCount = options.openCompetences ?? 10;
  const batch = options.peoplePerBatch ?? 200;
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const rnd = prng(options.seed ?? 20261124);
  const db = database.db;
  const started = performance.now();

  // ------------------------------------------------------------ organisation, teams, profiles
  const slug = `bench-${uuidv7().slice(-12)}`;
  const [org] = await db
    .insert(organisations)
    .values({ name: 'Bench vzw', slug, kind: 'employer', settings: { anonymityThreshold: 5, validityMonths: VALIDITY_MONTHS } })
    .returning({ id: organisations.id });
  const hr = { email: `hr@${slug}.example.org`, password: HR_PASSWORD };
  await createUserWithRole(db, { email: hr.email, password: hr.password, organisation: org.id, role: 'hr' });

  const shopFloor = await leafCompetences(db, 'lk-21st-century-skills');
  const coaching = await leafCompetences(db, 'lk-coaching-guidance');
  if (shopFloor.length < perProfile) throw new Error(`Only ${shopFloor.length} shop-floor competences; asked ${perProfile} per profile.`);
  const horizonYear = now.getUTCFullYear() + 3;
  const scaleId = await ensureDefaultScale(db);

  const teamIds = Array.from({ length: teamCount }, () => uuidv7());
  await db
    .insert(teams)
    .values(teamIds.map((id, i) => ({ id, organisationId: org.id, name: `Ploeg ${String(i + 1).padStart(2, '0')}`, position: i })));

  const profileIds = PROFILE_NAMES.map(() => uuidv7());
  const items: ProfileCompetence[] = [];
  const required = new Map<string, number>(); // profileId|competenceId → required level
  const profileItems = new Map<string, Array<{ competenceId: string; key: string }>>();
  const profileRows: (typeof functionProfileCompetences.$inferInsert)[] = [];
  PROFILE_NAMES.forEach((_name, p) => {
    const pool = p === PROFILE_NAMES.length - 1 ? [...coaching, ...shuffled(shopFloor, rnd)] : shuffled(shopFloor, rnd);
    const chosen = pool.slice(0, perProfile);
    profileItems.set(
      profileIds[p],
      chosen.map((c) => ({ competenceId: c.id, key: c.key })),
    );
    chosen.forEach((c, position) => {
      const level = 1 + Math.min(3, Math.floor(rnd() * 3.5));
      const digital = c.key.includes('digital');
      const importance = position < Math.ceil(perProfile * 0.6) ? 'core' : 'supporting';
      required.set(`${profileIds[p]}|${c.id}`, level);
      items.push({ profileId: profileIds[p], competenceId: c.id, requiredLevel: level, importance, position });
      profileRows.push({
        profileId: profileIds[p],
        competenceId: c.id,
        requiredLevel: level,
        importance,
        position,
        futureLevel: digital ? Math.min(4, level + 1) : null,
        horizonYear: digital ? horizonYear : null,
      });
    });
  });
  await db.insert(functionProfiles).values(PROFILE_NAMES.map((name, p) => ({ id: profileIds[p], organisationId: org.id, name, scaleId })));
  await db.insert(functionProfileCompetences).values(profileRows);

  // ------------------------------------------------------------ people
  // Per team: about one supervisor (omkaderingspersoneel) per 16 people, on the supervisor
  // profile; the others mostly on the team's own shop-floor profile, some on another one.
  interface Person {
    id: string;
    index: number;
    teamId: string;
    profileId: string;
    supervisorId: string | null;
    targetGroup: 'target_group_employee' | 'supervisory_staff' | 'other_staff';
    plannedExitDate: string | null;
  }
  const persons: Person[] = [];
  const supervisorsOfTeam = new Map<string, string[]>();
  const supervisorProfile = profileIds[profileIds.length - 1];
  for (let i = 0; i < personCount; i++) {
    const t = i % teamCount;
    const teamId = teamIds[t];
    const indexInTeam = Math.floor(i / teamCount);
    const supervisors = supervisorsOfTeam.get(teamId) ?? [];
    const isSupervisor = indexInTeam % 16 === 0;
    const ownProfile = profileIds[t % (profileIds.length - 1)];
    const profileId = isSupervisor
      ? supervisorProfile
      : rnd() < 0.85
        ? ownProfile
        : profileIds[Math.floor(rnd() * (profileIds.length - 1))];
    const exit = rnd() < 0.08 ? isoDate(new Date(now.getTime() + Math.floor(rnd() * 6 * 365) * DAY)) : null;
    const person: Person = {
      id: uuidv7(),
      index: i,
      teamId,
      profileId,
      supervisorId: supervisors.length ? supervisors[Math.floor(rnd() * supervisors.length)] : null,
      targetGroup: isSupervisor ? 'supervisory_staff' : rnd() < 0.68 ? 'target_group_employee' : 'other_staff',
      plannedExitDate: exit,
    };
    if (isSupervisor) supervisorsOfTeam.set(teamId, [...supervisors, person.id]);
    persons.push(person);
  }
  // People hired after their team's first supervisor report to one; the first supervisors report to each other.
  const teamHeads = teamIds.map((id) => supervisorsOfTeam.get(id)?.[0]).filter((id): id is string => Boolean(id));
  for (const p of persons) {
    if (p.supervisorId) continue;
    const own = supervisorsOfTeam.get(p.teamId) ?? [];
    const candidates = (own.filter((s) => s !== p.id).length ? own : teamHeads).filter((s) => s !== p.id);
    p.supervisorId = candidates.length ? candidates[Math.floor(rnd() * candidates.length)] : null;
  }
  await insertChunked(db, persons, (tx, part) =>
    tx.insert(people).values(
      part.map((p) => ({
        id: p.id,
        organisationId: org.id,
        displayName: `Medewerker ${p.id.slice(-6)}`,
        externalRef: `B${String(p.index + 1).padStart(5, '0')}`,
        teamId: p.teamId,
        functionProfileId: p.profileId,
        supervisorId: p.supervisorId,
        targetGroup: p.targetGroup,
        plannedExitDate: p.plannedExitDate,
      })),
    ),
  );

  // ------------------------------------------------------------ campaigns
  const resolved = resolveCampaignCompetences({ profileIds, items, addedCompetenceIds: [], removedCompetenceIds: [] });
  const closedOpens = new Date(now.getTime() - 80 * DAY);
  const closedCloses = new Date(now.getTime() - 52 * DAY);
  const closedCampaignId = uuidv7();
  await db.insert(campaigns).values({
    id: closedCampaignId,
    organisationId: org.id,
    title: 'Behoefteanalyse – hele organisatie (bench)',
    perspectives: ['organisation', 'functioning', 'competence'],
    mode: 'named',
    status: 'closed',
    opensOn: isoDate(closedOpens),
    closesOn: isoDate(closedCloses),
    locales: ['nl', 'nl-easy', 'fr', 'en'],
    scope: { teamIds: [], functionProfileIds: [], targetGroups: [] },
    supervisorAssessment: true,
    openQuestion: { nl: 'Wat wil je graag leren?' },
    openedAt: closedOpens,
    closedAt: closedCloses,
  });
  await db.insert(campaignCompetences).values(
    resolved.map((r, position) => ({
      campaignId: closedCampaignId,
      competenceId: r.competenceId,
      position,
      defaultRequiredLevel: r.defaultRequiredLevel,
    })),
  );

  const opens = new Date(now.getTime() - 3 * DAY);
  const closesOn = isoDate(new Date(now.getTime() + 25 * DAY));
  const openCampaignId = uuidv7();
  // The open campaign asks the competences every shop-floor profile shares first, so every respondent has them.
  const openCompetenceIds = resolved.slice(0, openCount).map((r) => r.competenceId);
  await db.insert(campaigns).values({
    id: openCampaignId,
    organisationId: org.id,
    title: 'Digitaal werken (bench, open)',
    perspectives: ['competence'],
    mode: 'named',
    status: 'open',
    opensOn: isoDate(opens),
    closesOn,
    locales: ['nl', 'nl-easy', 'fr', 'en'],
    scope: { teamIds: [], functionProfileIds: [], targetGroups: [] },
    supervisorAssessment: false,
    openQuestion: { nl: 'Wat wil je graag leren?' },
    openedAt: opens,
  });
  await db.insert(campaignCompetences).values(
    resolved.slice(0, openCount).map((r, position) => ({
      campaignId: openCampaignId,
      competenceId: r.competenceId,
      position,
      defaultRequiredLevel: r.defaultRequiredLevel,
    })),
  );
  const expiresAt = endOfDayInBrussels(closesOn);
  const tokens = persons.map(() => randomToken());
  await insertChunked(db, persons, (tx, part) =>
    tx.insert(campaignInvitations).values(
      part.map((p) => ({
        campaignId: openCampaignId,
        organisationId: org.id,
        personId: p.id,
        tokenHash: hashToken(tokens[p.index]),
        issuedAt: opens,
        expiresAt,
      })),
    ),
  );
  const structureMs = performance.now() - started;
  log(
    `structure: ${persons.length} people, ${teamCount} teams, ${profileIds.length} profiles, ${resolved.length} closed-campaign competences (${Math.round(structureMs)} ms)`,
  );

  // ------------------------------------------------------------ the closed campaign's answers and ratings
  // A "true" level per person and competence; self-ratings a bit optimistic, supervisors closer.
  const typical = new Map(resolved.map((r) => [r.competenceId, 1.2 + rnd() * 1.6]));
  const answersStarted = performance.now();
  const ratingBatches: NewAssessment[][] = [];
  let answerCount = 0;
  for (let from = 0; from < persons.length; from += batch) {
    const part = persons.slice(from, from + batch);
    const invitations: (typeof campaignInvitations.$inferInsert)[] = [];
    const responses: (typeof surveyResponses.$inferInsert)[] = [];
    const answers: (typeof surveyAnswers.$inferInsert)[] = [];
    const ratings: NewAssessment[] = [];
    for (const p of part) {
      const invitationId = uuidv7();
      const responseId = uuidv7();
      const submittedAt = new Date(closedOpens.getTime() + (2 + Math.floor(rnd() * 24)) * DAY + Math.floor(rnd() * 8 * 3_600_000));
      const ratedAt = new Date(Math.min(closedCloses.getTime() - DAY, submittedAt.getTime() + (1 + Math.floor(rnd() * 5)) * DAY));
      invitations.push({
        id: invitationId,
        campaignId: closedCampaignId,
        organisationId: org.id,
        personId: p.id,
        tokenHash: null,
        issuedAt: closedOpens,
        expiresAt: closedCloses,
        startedAt: submittedAt,
        submittedAt,
      });
      responses.push({
        id: responseId,
        campaignId: closedCampaignId,
        organisationId: org.id,
        invitationId,
        personId: p.id,
        resumeHash: hashToken(`${closedCampaignId}:${p.id}`),
        teamId: p.teamId,
        functionProfileId: p.profileId,
        targetGroup: p.targetGroup,
        exitYear: p.plannedExitDate ? Number(p.plannedExitDate.slice(0, 4)) : null,
        status: 'submitted',
        submittedAt,
      });
      const ability = normal(rnd) * 0.5;
      const optimism = 0.3 + normal(rnd) * 0.45;
      for (const item of profileItems.get(p.profileId)!) {
        const truth = typical.get(item.competenceId)! + ability + normal(rnd) * 0.7;
        const self = clampLevel(truth + optimism + normal(rnd) * 0.5);
        const supervisor = clampLevel(truth + normal(rnd) * 0.35);
        answers.push({ responseId, competenceId: item.competenceId, level: self, dontKnow: false, answeredAt: submittedAt });
        ratings.push({
          organisationId: org.id,
          personId: p.id,
          competenceId: item.competenceId,
          source: 'self',
          level: self,
          campaignId: closedCampaignId,
          visibility: 'hr',
          assessedAt: submittedAt,
        });
        ratings.push({
          organisationId: org.id,
          personId: p.id,
          competenceId: item.competenceId,
          source: 'supervisor',
          level: supervisor,
          campaignId: closedCampaignId,
          visibility: 'hr',
          assessedAt: ratedAt,
        });
      }
    }
    await db.transaction(async (tx) => {
      await insertChunked(tx, invitations, (t, rows) => t.insert(campaignInvitations).values(rows));
      await insertChunked(tx, responses, (t, rows) => t.insert(surveyResponses).values(rows));
      await insertChunked(tx, answers, (t, rows) => t.insert(surveyAnswers).values(rows), 2000);
    });
    answerCount += answers.length;
    ratingBatches.push(ratings);
  }
  const answersMs = performance.now() - answersStarted;
  log(`closed campaign: ${persons.length} responses, ${answerCount} answers (${Math.round(answersMs)} ms)`);

  const ratingsStarted = performance.now();
  let ratingCount = 0;
  for (const ratings of ratingBatches) {
    await db.transaction((tx) => recordAssessments(tx, ratings, { now, validityMonths: VALIDITY_MONTHS }));
    ratingCount += ratings.length;
    if (ratingCount % 50_000 === 0) log(`ratings: ${ratingCount} (${Math.round(performance.now() - ratingsStarted)} ms)`);
  }
  const ratingsMs = performance.now() - ratingsStarted;
  log(`ratings: ${ratingCount} through recordAssessments (${Math.round(ratingsMs)} ms)`);

  return {
    organisationId: org.id,
    slug,
    hr,
    teamIds,
    profileIds,
    closedCampaignId,
    openCampaignId,
    openCompetenceIds,
    tokens,
    counts: {
      people: persons.length,
      teams: teamCount,
      profiles: profileIds.length,
      supervisors: persons.filter((p) => p.targetGroup === 'supervisory_staff').length,
      plannedExits: persons.filter((p) => p.plannedExitDate).length,
      closedCampaignCompetences: resolved.length,
      surveyAnswers: answerCount,
      ratings: ratingCount,
    },
    timings: {
      structureMs: Math.round(structureMs),
      answersMs: Math.round(answersMs),
      ratingsMs: Math.round(ratingsMs),
      totalMs: Math.round(performance.now() - started),
    },
  };
}
