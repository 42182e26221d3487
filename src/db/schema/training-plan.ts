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
import { learningQuestions, organisationIssues, starrInterviews } from './needs-analysis.js';
import type { FundingConditions } from '../../domain/plan/funding.js';

/**
 * From learning question to training plan (issue 4, domain-rules §5–7): the needs register,
 * triage, prioritisation, the yearly plan with its actions and funding, and the follow-up.
 * Money is in integer euro cents; durations in minutes.
 */

export const needStatus = pgEnum('need_status', ['open', 'triaged', 'planned', 'in_progress', 'met', 'dismissed']);
export const needSource = pgEnum('need_source', ['diagnosis', 'learning_question', 'organisation_issue', 'prognosis', 'manual']);
export const triageClassification = pgEnum('triage_classification', ['training_need', 'non_training', 'unclear']);
export const triageAnswer = pgEnum('triage_answer', ['yes', 'no', 'unknown']);
export const scoreOrigin = pgEnum('score_origin', ['suggested', 'override', 'manual']);
export const planStatus = pgEnum('plan_status', ['draft', 'approved', 'closed']);
export const actionKind = pgEnum('action_kind', [
  'external_offer',
  'internal_training',
  'coaching_intervision',
  'workplace_learning',
  'train_the_trainer',
  'non_training',
]);
export const nonTrainingKind = pgEnum('non_training_kind', ['communication', 'tools', 'hr_policy', 'work_organisation', 'coaching']);
export const actionStatus = pgEnum('action_status', ['planned', 'in_progress', 'done', 'cancelled']);
export const fundingStatus = pgEnum('funding_status', ['planned', 'committed', 'spent']);
export const participationStatus = pgEnum('participation_status', ['planned', 'enrolled', 'attended', 'completed', 'no_show', 'cancelled']);
export const evaluationKind = pgEnum('evaluation_kind', ['reaction', 'application']);

/** Funding instruments as data (Vlaams Opleidingsverlof, opleidingscheques, …); public when organisation_id is null. */
export const fundingInstruments = pgTable(
  'funding_instruments',
  {
    id: id(),
    key: text('key').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    /** The documented conditions, in words, per language (shown as the hint's "why"). */
    conditionsText: jsonb('conditions_text').$type<LocalizedText>().notNull().default({}),
    /** The same conditions as checkable facts (src/domain/plan/funding.ts). */
    conditions: jsonb('conditions').$type<FundingConditions>().notNull().default({}),
    /** Share of the eligible cost covered, in basis points (5000 = 50 %). */
    coverageBasisPoints: integer('coverage_basis_points').notNull(),
    /** Instruments that pay per training hour (Vlaams Opleidingsverlof) instead of a share of the cost. */
    amountPerHourCents: integer('amount_per_hour_cents'),
    capPerParticipantCents: integer('cap_per_participant_cents'),
    capPerActionCents: integer('cap_per_action_cents'),
    sourceUrl: text('source_url'),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    ...timestamps,
  },
  (t) => [uniqueIndex('funding_instruments_key_uq').on(t.key)],
);

/** A training need: a competence (or a learning question) for a group of people. */
export const trainingNeeds = pgTable(
  'training_needs',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    competenceId: uuid('competence_id').references(() => competences.id, { onDelete: 'set null' }),
    learningQuestionId: uuid('learning_question_id').references(() => learningQuestions.id, { onDelete: 'set null' }),
    organisationIssueId: uuid('organisation_issue_id').references(() => organisationIssues.id, { onDelete: 'set null' }),
    /** The group: any combination; all null = the whole organisation. */
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    functionProfileId: uuid('function_profile_id').references(() => functionProfiles.id, { onDelete: 'set null' }),
    targetGroup: targetGroup('target_group'),
    /** Persons concerned: named people in need_people, or only a count (anonymous sources). */
    peopleCount: integer('people_count').notNull().default(0),
    sources: needSource('sources').array().notNull(),
    /** Diagnosis figures when created (assessed, meanGap, shareGap1, shareGap2), for the record. */
    gapSummary: jsonb('gap_summary').$type<{ assessed: number; meanGap: number; shareGap1: number; shareGap2: number } | null>(),
    urgencyDate: date('urgency_date'),
    status: needStatus('status').notNull().default('open'),
    classification: triageClassification('classification'),
    /** Weighted priority (domain-rules §6), stored for sorting; recomputed when scores or weights change. */
    priorityCenti: integer('priority_centi'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('training_needs_org_idx').on(t.organisationId, t.status)],
);

export const needPeople = pgTable(
  'need_people',
  {
    needId: uuid('need_id')
      .notNull()
      .references(() => trainingNeeds.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.needId, t.personId] }), index('need_people_person_idx').on(t.personId)],
);

/** One triage decision (history kept: the latest counts). Factors: { information: {answer, note}, … }. */
export const triages = pgTable(
  'triages',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    needId: uuid('need_id').references(() => trainingNeeds.id, { onDelete: 'cascade' }),
    learningQuestionId: uuid('learning_question_id').references(() => learningQuestions.id, { onDelete: 'cascade' }),
    factors: jsonb('factors').$type<Record<string, { answer: 'yes' | 'no' | 'unknown'; note: string }>>().notNull(),
    wishToLearn: triageAnswer('wish_to_learn').notNull(),
    wishNote: text('wish_note').notNull().default(''),
    classification: triageClassification('classification').notNull(),
    deadline: date('deadline'),
    starrInterviewId: uuid('starr_interview_id').references(() => starrInterviews.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('triages_need_idx').on(t.needId, t.decidedAt), index('triages_question_idx').on(t.learningQuestionId, t.decidedAt)],
);

/** The score of one criterion for one need, suggested or set by a person (with the reason). */
export const priorityScores = pgTable(
  'priority_scores',
  {
    needId: uuid('need_id')
      .notNull()
      .references(() => trainingNeeds.id, { onDelete: 'cascade' }),
    criterion: text('criterion').notNull(),
    score: smallint('score').notNull(),
    origin: scoreOrigin('origin').notNull(),
    reason: text('reason').notNull(),
    /** The suggestion at the time of an override, so the screen can show both. */
    suggestedScore: smallint('suggested_score'),
    setBy: uuid('set_by').references(() => users.id, { onDelete: 'set null' }),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.needId, t.criterion] })],
);

/** People of the organisation who can train colleagues in a competence (feasibility). */
export const internalTrainers = pgTable(
  'internal_trainers',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.competenceId] }), index('internal_trainers_org_idx').on(t.organisationId, t.competenceId)],
);

/** One plan per organisation and year; approving keeps a snapshot in training_plan_versions. */
export const trainingPlans = pgTable(
  'training_plans',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    status: planStatus('status').notNull().default('draft'),
    /** Increases each time an approved plan is reopened as a new draft. */
    version: integer('version').notNull().default(1),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('training_plans_org_year_uq').on(t.organisationId, t.year)],
);

export const trainingPlanVersions = pgTable(
  'training_plan_versions',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => trainingPlans.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.version] })],
);

export const planActions = pgTable(
  'plan_actions',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => trainingPlans.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: actionKind('kind').notNull(),
    nonTrainingKind: nonTrainingKind('non_training_kind'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Link to a catalog offer and edition (issue 5); plain ids until the catalog exists. */
    offerId: uuid('offer_id'),
    offerEditionId: uuid('offer_edition_id'),
    /** Planned participants when they are not named (anonymous needs). */
    participantsCount: integer('participants_count').notNull().default(0),
    durationMinutes: integer('duration_minutes').notNull().default(0),
    plannedStart: date('planned_start'),
    plannedEnd: date('planned_end'),
    costPerParticipantCents: integer('cost_per_participant_cents').notNull().default(0),
    fixedCostCents: integer('fixed_cost_cents').notNull().default(0),
    status: actionStatus('status').notNull().default('planned'),
    responsible: text('responsible').notNull().default(''),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('plan_actions_plan_idx').on(t.planId), index('plan_actions_org_idx').on(t.organisationId)],
);

export const planActionNeeds = pgTable(
  'plan_action_needs',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id, { onDelete: 'cascade' }),
    needId: uuid('need_id')
      .notNull()
      .references(() => trainingNeeds.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.needId] }), index('plan_action_needs_need_idx').on(t.needId)],
);

export const fundingLines = pgTable(
  'funding_lines',
  {
    id: id(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id, { onDelete: 'cascade' }),
    /** A funding instrument, or null for the organisation's own budget. */
    instrumentId: uuid('instrument_id').references(() => fundingInstruments.id, { onDelete: 'restrict' }),
    amountCents: integer('amount_cents').notNull(),
    status: fundingStatus('status').notNull().default('planned'),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('funding_lines_action_idx').on(t.actionId)],
);

/** Participation of a person in a plan action: the training history that feeds fairness. */
export const actionParticipants = pgTable(
  'action_participants',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: participationStatus('status').notNull().default('planned'),
    /** Time actually spent in training, counted for fairness once attended or completed. */
    minutesAttended: integer('minutes_attended').notNull().default(0),
    completedOn: date('completed_on'),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.actionId, t.personId] }), index('action_participants_person_idx').on(t.personId, t.completedOn)],
);

/** Reaction right after the training; application at work after three months. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    kind: evaluationKind('kind').notNull(),
    /** 1–5 ("not at all" … "very much"). */
    score: smallint('score').notNull(),
    comment: text('comment').notNull().default(''),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    anonymous: boolean('anonymous').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evaluations_action_idx').on(t.actionId, t.kind),
    uniqueIndex('evaluations_person_uq')
      .on(t.actionId, t.personId, t.kind)
      .where(sql`${t.personId} is not null`),
  ],
);
