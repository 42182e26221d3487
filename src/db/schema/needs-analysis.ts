import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps, type LocalizedText } from './columns.js';
import { organisations, teams, users } from './accounts.js';
import { competences, functionProfiles } from './frameworks.js';
import { people, targetGroup } from './people.js';

/**
 * Needs analysis (issue 3, domain-rules §2–4): campaigns, invitations without accounts, survey
 * responses, assessments from every source, the materialised diagnosis per subject × competence,
 * STARR interviews, organisational problems and goals, learning questions.
 */

export const campaignMode = pgEnum('campaign_mode', ['named', 'anonymous']);
export const campaignStatus = pgEnum('campaign_status', ['draft', 'open', 'closed']);
export const responseStatus = pgEnum('response_status', ['in_progress', 'submitted']);
/** Strongest first in the diagnosis: evidence › supervisor › third_party › self (docs/domain.md). */
export const assessmentSource = pgEnum('assessment_source', ['self', 'third_party', 'supervisor', 'evidence']);
/** Who besides the person may see an individual rating. */
export const assessmentVisibility = pgEnum('assessment_visibility', ['private', 'supervisor', 'hr']);
export const learningQuestionSource = pgEnum('learning_question_source', ['survey', 'hr', 'manager', 'employee']);
export const learningQuestionStatus = pgEnum('learning_question_status', ['new', 'confirmed', 'dismissed']);
export const organisationIssueKind = pgEnum('organisation_issue_kind', ['problem', 'goal']);
export const organisationIssueStatus = pgEnum('organisation_issue_status', ['open', 'addressed']);

export const campaignPerspectives = ['organisation', 'functioning', 'competence'] as const;
export type CampaignPerspective = (typeof campaignPerspectives)[number];

/** Who is in a campaign: an empty list means "no restriction on this dimension". */
export interface CampaignScope {
  teamIds: string[];
  functionProfileIds: string[];
  targetGroups: Array<(typeof targetGroup.enumValues)[number]>;
}

export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    perspectives: text('perspectives').array().$type<CampaignPerspective[]>().notNull(),
    mode: campaignMode('mode').notNull(),
    status: campaignStatus('status').notNull().default('draft'),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    /** Languages offered to respondents; 'nl-easy' is the easy-Dutch variant. */
    locales: text('locales').array().notNull(),
    scope: jsonb('scope').$type<CampaignScope>().notNull(),
    supervisorAssessment: boolean('supervisor_assessment').notNull().default(true),
    /** The final open question ("What would you like to learn?"); null = not asked. */
    openQuestion: jsonb('open_question').$type<LocalizedText>(),
    /** Competences added to / removed from those of the function profiles in scope. */
    addedCompetenceIds: uuid('added_competence_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    removedCompetenceIds: uuid('removed_competence_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('campaigns_org_idx').on(t.organisationId, t.status)],
);

/** The competences a campaign asks, fixed when it opens (resolved from scope + additions − removals). */
export const campaignCompetences = pgTable(
  'campaign_competences',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** Target level for people whose function profile does not list this competence. */
    defaultRequiredLevel: smallint('default_required_level'),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.competenceId] })],
);

/**
 * One per person in scope. The token is shown once when issued (links, QR sheet) and kept only as
 * its SHA-256; issuing again replaces it, so a lost sheet can be made useless.
 */
export const campaignInvitations = pgTable(
  'campaign_invitations',
  {
    id: id(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** First opened through the link. */
    startedAt: timestamp('started_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('campaign_invitations_person_uq').on(t.campaignId, t.personId),
    uniqueIndex('campaign_invitations_token_uq')
      .on(t.tokenHash)
      .where(sql`${t.tokenHash} is not null`),
    index('campaign_invitations_org_idx').on(t.organisationId),
  ],
);

/**
 * A respondent's answers to one campaign. Named: linked to the invitation and person. Anonymous:
 * no link to the invitation or person at all; found again through `resumeHash`, a hash derived from
 * the respondent's token, and carrying only the group attributes the aggregates need.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    invitationId: uuid('invitation_id').references(() => campaignInvitations.id, { onDelete: 'set null' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    resumeHash: text('resume_hash').notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    functionProfileId: uuid('function_profile_id').references(() => functionProfiles.id, { onDelete: 'set null' }),
    targetGroup: targetGroup('target_group').notNull(),
    /** Planned exit year copied for the prognosis of anonymous campaigns (year only). */
    exitYear: smallint('exit_year'),
    locale: text('locale').notNull().default('nl'),
    status: responseStatus('status').notNull().default('in_progress'),
    learningWish: text('learning_wish'),
    /** The person's choice of who may see the individual answers (named campaigns). */
    visibility: assessmentVisibility('visibility').notNull().default('hr'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('survey_responses_resume_uq').on(t.resumeHash),
    index('survey_responses_campaign_idx').on(t.campaignId, t.status),
    index('survey_responses_person_idx')
      .on(t.personId)
      .where(sql`${t.personId} is not null`),
  ],
);

/** One answer per competence; `level` null with dontKnow = "I don't know" (never counted as 0). */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
    level: smallint('level'),
    dontKnow: boolean('dont_know').notNull().default(false),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.competenceId] })],
);

/**
 * Every rating from every source, append-only. The subject is a person (named) or an anonymous
 * survey response. Visibility is the person's choice where the organisation allows it.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    responseId: uuid('response_id').references(() => surveyResponses.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
    source: assessmentSource('source').notNull(),
    level: smallint('level').notNull(),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    visibility: assessmentVisibility('visibility').notNull().default('hr'),
    note: text('note'),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assessments_subject_idx').on(t.personId, t.competenceId, t.source, t.assessedAt),
    index('assessments_response_idx')
      .on(t.responseId)
      .where(sql`${t.responseId} is not null`),
    index('assessments_org_idx').on(t.organisationId),
    // A campaign stores one rating per subject, competence and source: resubmitting cannot double it.
    uniqueIndex('assessments_campaign_person_uq')
      .on(t.campaignId, t.personId, t.competenceId, t.source)
      .where(sql`${t.campaignId} is not null and ${t.personId} is not null`),
    uniqueIndex('assessments_campaign_response_uq')
      .on(t.campaignId, t.responseId, t.competenceId, t.source)
      .where(sql`${t.campaignId} is not null and ${t.responseId} is not null`),
  ],
);

/**
 * The diagnosis of domain-rules §2, kept per subject × competence and recomputed (by the domain
 * function) whenever an assessment of that pair is written, so aggregates are one GROUP BY.
 * `staleFrom` is when the deciding assessment leaves the validity window; rows past it are
 * recomputed before they are read.
 */
export const competenceStatus = pgTable(
  'competence_status',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The person id (named) or the survey response id (anonymous). */
    subjectId: uuid('subject_id').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    responseId: uuid('response_id').references(() => surveyResponses.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
    currentLevel: smallint('current_level').notNull(),
    source: assessmentSource('source').notNull(),
    selfLevel: smallint('self_level'),
    supervisorLevel: smallint('supervisor_level'),
    disagreement: boolean('disagreement').notNull().default(false),
    stale: boolean('stale').notNull().default(false),
    staleFrom: timestamp('stale_from', { withTimezone: true }),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.subjectId, t.competenceId] }),
    index('competence_status_org_idx').on(t.organisationId, t.competenceId),
    index('competence_status_stale_idx')
      .on(t.organisationId, t.staleFrom)
      .where(sql`not ${t.stale}`),
  ],
);

/** A STARR interview (situation, task, action, result, reflection) about a person. */
export const starrInterviews = pgTable(
  'starr_interviews',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id').references(() => competences.id, { onDelete: 'set null' }),
    learningQuestionId: uuid('learning_question_id'),
    situation: text('situation').notNull().default(''),
    task: text('task').notNull().default(''),
    action: text('action').notNull().default(''),
    result: text('result').notNull().default(''),
    reflection: text('reflection').notNull().default(''),
    heldOn: date('held_on').notNull(),
    interviewerUserId: uuid('interviewer_user_id').references(() => users.id, { onDelete: 'set null' }),
    visibility: assessmentVisibility('visibility').notNull().default('hr'),
    ...timestamps,
  },
  (t) => [index('starr_interviews_person_idx').on(t.personId), index('starr_interviews_org_idx').on(t.organisationId)],
);

/** The organisation perspective: problems ("more errors since the new planning software") and goals. */
export const organisationIssues = pgTable(
  'organisation_issues',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: organisationIssueKind('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: organisationIssueStatus('status').notNull().default('open'),
    observedOn: date('observed_on'),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('organisation_issues_org_idx').on(t.organisationId)],
);

export const organisationIssueTeams = pgTable(
  'organisation_issue_teams',
  {
    issueId: uuid('issue_id')
      .notNull()
      .references(() => organisationIssues.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.teamId] })],
);

export const organisationIssueCompetences = pgTable(
  'organisation_issue_competences',
  {
    issueId: uuid('issue_id')
      .notNull()
      .references(() => organisationIssues.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.competenceId] })],
);

/**
 * A learning question: a free-text answer from a survey or an entry by HR, a manager or the
 * person. Anonymous survey answers keep only the team (no person).
 */
export const learningQuestions = pgTable(
  'learning_questions',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    responseId: uuid('response_id').references(() => surveyResponses.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    source: learningQuestionSource('source').notNull(),
    status: learningQuestionStatus('status').notNull().default('new'),
    visibility: assessmentVisibility('visibility').notNull().default('hr'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('learning_questions_org_idx').on(t.organisationId, t.status),
    uniqueIndex('learning_questions_response_uq')
      .on(t.responseId)
      .where(sql`${t.responseId} is not null`),
  ],
);

/** Competences linked to a learning question: suggested by search, then confirmed by HR. */
export const learningQuestionCompetences = pgTable(
  'learning_question_competences',
  {
    questionId: uuid('question_id')
      .notNull()
      .references(() => learningQuestions.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
    confirmed: boolean('confirmed').notNull().default(false),
    /** Search rank when suggested (lower = better); null when added by hand. */
    suggestionRank: smallint('suggestion_rank'),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.competenceId] })],
);
