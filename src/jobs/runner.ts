import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { jobs } from '../db/schema/index.js';

/** One per-line problem of an import; `line` is the 1-based line of the record in its file. */
export interface JobLineError {
  file?: string;
  line: number;
  message: string;
}

/** The progress handle a running job writes to. Writes to the `jobs` row are throttled. */
export interface JobContext {
  readonly jobId: string;
  /** Known (or estimated) number of units of work; shown as "processed / total". */
  setTotal(total: number): void;
  /** Adds `n` processed units; flushes to the database every `flushEvery` units. */
  advance(n?: number): Promise<void>;
  /** Records a per-line error; only the first `maxStoredErrors` are kept, all are counted. */
  error(error: JobLineError): void;
  /** Replaces the summary (counts per kind of thing). */
  setSummary(summary: Record<string, unknown>): void;
  readonly processed: number;
  readonly total: number | null;
  readonly errorCount: number;
  /** Writes the current state now. */
  flush(): Promise<void>;
}

export interface JobOptions {
  kind: string;
  /** Human-readable name of the input (file or folder). */
  input: string;
  organisationId?: string | null;
  createdBy?: string | null;
  /** Flush progress to the row every this many processed units (default 2,000). */
  flushEvery?: number;
  maxStoredErrors?: number;
  /** Called after every advance (e.g. a progress bar); never writes the database. */
  onProgress?: (state: { processed: number; total: number | null }) => void;
}

export interface JobResult<T> {
  jobId: string;
  result: T;
  errorCount: number;
  errors: JobLineError[];
}

/**
 * Runs `work` as a job: a `jobs` row goes queued → running → succeeded | failed, with processed,
 * total, summary and per-line errors written as the work progresses. A failed job rethrows.
 */
export async function runJob<T extends Record<string, unknown>>(
  db: Db,
  options: JobOptions,
  work: (ctx: JobContext) => Promise<T>,
): Promise<JobResult<T>> {
  const flushEvery = options.flushEvery ?? 2_000;
  const maxStoredErrors = options.maxStoredErrors ?? 1_000;
  const [row] = await db
    .insert(jobs)
    .values({
      kind: options.kind,
      input: options.input,
      organisationId: options.organisationId ?? null,
      createdBy: options.createdBy ?? null,
      status: 'queued',
    })
    .returning({ id: jobs.id });
  const jobId = row.id;
  let processed = 0;
  let total: number | null = null;
  let lastFlushed = 0;
  let errorCount = 0;
  const storedErrors: JobLineError[] = [];
  let summary: Record<string, unknown> = {};

  const state = () => ({ processed, total, summary: { ...summary, errorCount }, errors: storedErrors });
  const flush = async () => {
    lastFlushed = processed;
    await db.update(jobs).set(state()).where(eq(jobs.id, jobId));
  };
  const ctx: JobContext = {
    jobId,
    setTotal(n) {
      total = n;
    },
    async advance(n = 1) {
      processed += n;
      options.onProgress?.({ processed, total });
      if (processed - lastFlushed >= flushEvery) await flush();
    },
    error(error) {
      errorCount++;
      if (storedErrors.length < maxStoredErrors) storedErrors.push(error);
    },
    setSummary(next) {
      summary = next;
    },
    get processed() {
      return processed;
    },
    get total() {
      return total;
    },
    get errorCount() {
      return errorCount;
    },
    flush,
  };

  await db.update(jobs).set({ status: 'running', startedAt: new Date() }).where(eq(jobs.id, jobId));
  try {
    const result = await work(ctx);
    await db
      .update(jobs)
      .set({ ...state(), status: 'succeeded', finishedAt: new Date() })
      .where(eq(jobs.id, jobId));
    return { jobId, result, errorCount, errors: storedErrors };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(jobs)
      .set({ ...state(), summary: { ...summary, errorCount, failure: message }, status: 'failed', finishedAt: new Date() })
      .where(eq(jobs.id, jobId));
    throw error;
  }
}
