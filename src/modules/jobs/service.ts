import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';
import { notFound } from '../../server/errors.js';
import { readableOrganisations, requireActor, type Actor } from '../../server/tenancy.js';
import type { JobListQuery, JobView } from './schemas.js';

type JobRow = typeof jobs.$inferSelect;

function toJobView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    organisationId: row.organisationId,
    status: row.status,
    input: row.input,
    processed: row.processed,
    total: row.total,
    summary: row.summary,
    errors: row.errors,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Jobs are visible to platform admins (all, including platform-wide imports without an
 * organisation) and to holders of 'import:run' in the job's organisation.
 */
export function createJobsService({ db }: { db: Db }) {
  function scopeFilter(actor: Actor): SQL | undefined | 'none' {
    const scope = readableOrganisations(actor, 'import:run');
    if (scope === 'all') return undefined;
    if (!scope.length) return 'none';
    return inArray(jobs.organisationId, scope);
  }

  return {
    /** The newest jobs the actor may see. */
    async listJobs(actor: Actor | null, query: JobListQuery): Promise<JobView[]> {
      const who = requireActor(actor);
      const scope = scopeFilter(who);
      if (scope === 'none') return [];
      const filters = [scope, query.status ? eq(jobs.status, query.status) : undefined, query.kind ? eq(jobs.kind, query.kind) : undefined];
      const rows = await db
        .select()
        .from(jobs)
        .where(and(...filters))
        .orderBy(desc(jobs.createdAt), desc(jobs.id))
        .limit(query.limit ?? 50);
      return rows.map(toJobView);
    },

    /** One job; a job the actor may not see is reported as missing. */
    async getJob(actor: Actor | null, jobId: string): Promise<JobView> {
      const who = requireActor(actor);
      const scope = scopeFilter(who);
      if (scope === 'none') throw notFound('job');
      const [row] = await db
        .select()
        .from(jobs)
        .where(and(eq(jobs.id, jobId), scope));
      if (!row) throw notFound('job');
      return toJobView(row);
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
