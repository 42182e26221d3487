import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.js';
import { organisationKinds, roles } from '../../shared/roles.js';

export const organisationKind = pgEnum('organisation_kind', organisationKinds);
export const role = pgEnum('role', roles);

export interface OrganisationSettings {
  /** Minimum distinct persons behind an aggregate cell (domain-rules §3); never below 3. */
  anonymityThreshold?: number;
  /** Months an assessment stays current (domain-rules §2). */
  validityMonths?: number;
  /** Whether people choose who sees their individual ratings (else `defaultVisibility` applies). */
  allowVisibilityChoice?: boolean;
  /** Visibility of individual ratings when people do not choose: 'private' | 'supervisor' | 'hr'. */
  defaultVisibility?: 'private' | 'supervisor' | 'hr';
  /** Weights of the seven prioritisation criteria (domain-rules §6); default all 1. */
  priorityWeights?: Record<'investment' | 'urgency' | 'success' | 'fairness' | 'feasibility' | 'core_task' | 'strategic_fit', number>;
}

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    kind: organisationKind('kind').notNull(),
    /** Postcode of the main site; used later for regions. */
    postcode: text('postcode'),
    settings: jsonb('settings').$type<OrganisationSettings>().notNull().default({}),
    ...timestamps,
  },
  (t) => [uniqueIndex('organisations_slug_uq').on(t.slug)],
);

/** A sector body (sectorfonds) and its member organisations. */
export const sectorMemberships = pgTable(
  'sector_memberships',
  {
    sectorId: uuid('sector_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sectorId, t.memberId] }), index('sector_memberships_member_idx').on(t.memberId)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('nl'),
    disabled: boolean('disabled').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: role('role').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('memberships_user_org_role_uq').on(t.userId, t.organisationId, t.role),
    index('memberships_org_idx').on(t.organisationId),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** login, login_failed, logout, password_changed, role_granted, role_revoked, data_export, … */
    event: text('event').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    subject: text('subject'),
    ip: text('ip'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx')
      .on(t.actorUserId)
      .where(sql`${t.actorUserId} is not null`),
    index('audit_log_org_idx')
      .on(t.organisationId)
      .where(sql`${t.organisationId} is not null`),
  ],
);

/** Teams inside an organisation (used by function profiles now, campaigns later). */
export const teams = pgTable(
  'teams',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('teams_org_name_uq').on(t.organisationId, t.name)],
);
