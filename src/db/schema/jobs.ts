import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.js';
import { organisations, users } from './accounts.js';

export const jobStatus = pgEnum('job_status', ['queued', 'running', 'succeeded', 'failed']);

/** Long-running work (imports, exports) with persisted progress, shown on the import-status page. */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text('kind').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    status: jobStatus('status').notNull().default('queued'),
    /** Human-readable name of the input (file or folder). */
    input: text('input').notNull().default(''),
    processed: integer('processed').notNull().default(0),
    total: integer('total'),
    /** Counts per kind of thing: { skills: { inserted, updated, unchanged }, … }. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    /** Per-line errors, capped (the count is in summary.errorCount). */
    errors: jsonb('errors').$type<Array<{ file?: string; line: number; message: string }>>().notNull().default([]),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('jobs_org_idx')
      .on(t.organisationId)
      .where(sql`${t.organisationId} is not null`),
    index('jobs_created_by_idx')
      .on(t.createdBy)
      .where(sql`${t.createdBy} is not null`),
    index('jobs_created_at_idx').on(t.createdAt),
  ],
);
