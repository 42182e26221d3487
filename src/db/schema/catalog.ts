import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps, type LocalizedText } from './columns.js';
import { organisations, users } from './accounts.js';
import { competences } from './frameworks.js';
import { people } from './people.js';
import { planActions } from './training-plan.js';

/**
 * Training catalog, enrolment and the learner portal (issue 5, domain-rules §8). Offers belong to
 * a training-provider organisation. Money in integer euro cents, durations in minutes.
 */

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const offerStatus = pgEnum('offer_status', ['draft', 'published', 'archived']);
export const offerFormat = pgEnum('offer_format', ['classroom', 'online', 'blended', 'workplace']);
export const editionStatus = pgEnum('edition_status', ['scheduled', 'cancelled']);
export const enrolmentStatus = pgEnum('enrolment_status', ['enrolled', 'waitlisted', 'cancelled', 'attended', 'completed', 'no_show']);

/** Provider-study characteristics: each axis from −2 (first pole) to +2 (second pole). */
export interface OfferCharacteristics {
  /** person-oriented (−2) ↔ labour-market-oriented (+2) */
  orientation?: number;
  /** own initiative (−2) ↔ external demand (+2) */
  initiative?: number;
  /** short (−2) ↔ long (+2) */
  length?: number;
}

export const offers = pgTable(
  'offers',
  {
    id: id(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The provider's own code: imports are idempotent on (provider, code). */
    code: text('code').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    languages: text('languages').array().notNull(),
    format: offerFormat('format').notNull(),
    postcode: text('postcode'),
    municipality: text('municipality'),
    region: text('region'),
    latitude: real('latitude'),
    longitude: real('longitude'),
    durationMinutes: integer('duration_minutes').notNull(),
    priceCents: integer('price_cents').notNull(),
    targetAudience: text('target_audience').notNull().default(''),
    entryRequirements: text('entry_requirements').notNull().default(''),
    /** 1 = beginner … 4 = advanced (same words as the default proficiency scale). */
    level: smallint('level'),
    characteristics: jsonb('characteristics').$type<OfferCharacteristics>().notNull().default({}),
    /** Funding recognitions, keys of funding_instruments (e.g. 'opleidingscheques'). */
    recognitions: text('recognitions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    credential: text('credential'),
    /** e.g. 'plain_language', 'dutch_a1_a2', 'wheelchair'. */
    accessibility: text('accessibility')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: offerStatus('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    searchNl: tsvector('search_nl').generatedAlwaysAs(
      sql`setweight(to_tsvector('dutch', coalesce(title->>'nl', '')), 'A') || setweight(to_tsvector('dutch', coalesce(description->>'nl', '')), 'B')`,
    ),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('offers_provider_code_uq').on(t.providerId, t.code),
    index('offers_status_idx').on(t.status, t.format),
    index('offers_search_nl_idx').using('gin', t.searchNl),
    index('offers_languages_idx').using('gin', t.languages),
    index('offers_recognitions_idx').using('gin', t.recognitions),
    // Catalog search (src/modules/offers/search.ts): the columns the facet counts and the common
    // filters read (id for the date filter's join to the editions), so those can come from this
    // index alone (8 MB for 50,000 offers against 47 MB of rows); and one partial index per sort
    // order, so a page is read in order and the scan stops after it.
    index('offers_search_facets_idx').on(
      t.status,
      t.region,
      t.format,
      t.level,
      t.priceCents,
      t.durationMinutes,
      t.languages,
      t.recognitions,
      t.id,
    ),
    index('offers_published_price_idx')
      .on(t.priceCents, t.id)
      .where(sql`${t.status} = 'published'`),
    index('offers_published_duration_idx')
      .on(t.durationMinutes, t.id)
      .where(sql`${t.status} = 'published'`),
    index('offers_published_recent_idx')
      .on(t.publishedAt.desc().nullsLast(), t.id)
      .where(sql`${t.status} = 'published'`),
  ],
);

/** Competences an offer develops, with the level reached; suggestions wait for the provider's confirmation. */
export const offerCompetences = pgTable(
  'offer_competences',
  {
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
    level: smallint('level').notNull(),
    confirmed: boolean('confirmed').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.competenceId] }), index('offer_competences_competence_idx').on(t.competenceId)],
);

export const offerEditions = pgTable(
  'offer_editions',
  {
    id: id(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** [{ date, from, to }] in local time. */
    sessions: jsonb('sessions').$type<Array<{ date: string; from: string; to: string }>>().notNull().default([]),
    capacity: integer('capacity').notNull(),
    enrolmentDeadline: date('enrolment_deadline'),
    status: editionStatus('status').notNull().default('scheduled'),
    /** Seats taken, kept in step under a row lock so concurrent enrolments never overbook. */
    enrolledCount: integer('enrolled_count').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index('offer_editions_offer_idx').on(t.offerId, t.startsOn),
    index('offer_editions_starts_idx').on(t.startsOn),
    // Catalog search sorted by next start: scheduled editions in start order.
    index('offer_editions_scheduled_start_idx')
      .on(t.startsOn, t.offerId)
      .where(sql`${t.status} = 'scheduled'`),
  ],
);

export const enrolments = pgTable(
  'enrolments',
  {
    id: id(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => offerEditions.id, { onDelete: 'cascade' }),
    /** The learner: a person of an employer, and/or a user account (leerportaal). */
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    employerId: uuid('employer_id').references(() => organisations.id, { onDelete: 'set null' }),
    planActionId: uuid('plan_action_id').references(() => planActions.id, { onDelete: 'set null' }),
    status: enrolmentStatus('status').notNull(),
    /** Order on the waiting list (lower = earlier); null when not waitlisted. */
    waitlistPosition: integer('waitlist_position'),
    enrolledBy: uuid('enrolled_by').references(() => users.id, { onDelete: 'set null' }),
    minutesAttended: integer('minutes_attended').notNull().default(0),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    completedOn: date('completed_on'),
    ...timestamps,
  },
  (t) => [
    index('enrolments_edition_idx').on(t.editionId, t.status),
    uniqueIndex('enrolments_edition_person_uq')
      .on(t.editionId, t.personId)
      .where(sql`${t.personId} is not null and ${t.status} <> 'cancelled'`),
    uniqueIndex('enrolments_edition_user_uq')
      .on(t.editionId, t.userId)
      .where(sql`${t.personId} is null and ${t.userId} is not null and ${t.status} <> 'cancelled'`),
    index('enrolments_person_idx').on(t.personId),
    index('enrolments_user_idx').on(t.userId),
  ],
);

export const savedOffers = pgTable(
  'saved_offers',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.offerId] })],
);
