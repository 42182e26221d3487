import { sql } from 'drizzle-orm';
import { date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.js';
import { organisations, teams, users } from './accounts.js';
import { functionProfiles } from './frameworks.js';

/** doelgroepmedewerker / omkaderingspersoneel / anyone else. */
export const targetGroup = pgEnum('target_group', ['target_group_employee', 'supervisory_staff', 'other_staff']);

/**
 * A person working in an organisation. Most people never get an account (they answer through
 * invitation links), so this is separate from users. Only what the needs analysis needs is kept.
 */
export const people = pgTable(
  'people',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    /** The organisation's own staff number, for imports; unique per organisation when set. */
    externalRef: text('external_ref'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    functionProfileId: uuid('function_profile_id').references(() => functionProfiles.id, { onDelete: 'set null' }),
    supervisorId: uuid('supervisor_id'),
    targetGroup: targetGroup('target_group').notNull().default('other_staff'),
    preferredLocale: text('preferred_locale').notNull().default('nl'),
    /** Planned exit or retirement (prognosis, domain-rules §4). */
    plannedExitDate: date('planned_exit_date'),
    ...timestamps,
  },
  (t) => [
    index('people_org_idx').on(t.organisationId),
    index('people_team_idx')
      .on(t.teamId)
      .where(sql`${t.teamId} is not null`),
    index('people_profile_idx')
      .on(t.functionProfileId)
      .where(sql`${t.functionProfileId} is not null`),
    index('people_user_idx')
      .on(t.userId)
      .where(sql`${t.userId} is not null`),
    index('people_supervisor_idx')
      .on(t.supervisorId)
      .where(sql`${t.supervisorId} is not null`),
  ],
);
