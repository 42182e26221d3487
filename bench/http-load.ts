/**
 * A small HTTP load client for the benchmarks.
 * runLoad() drives a listening server with `concurrency` clients from a worker thread (its own
 * event loop, so the client's work does not queue behind the server's): each client takes the
 * next script from a shared queue and sends its steps in order (a script is one respondent's
 * visit, e.g. answer ten questions then submit), until every script is done. Each client is one
 * keep-alive HTTP/1.1 connection on a plain socket (LoadConnection), not node:http: the load
 * client shares the machine's cores with the server under test, and node:http's agent, request
 * and response objects cost the client about as much CPU per request as the 204 route costs the
 * server, which then counted against the routes that need both cores (the survey: the server's
 * thread and PostgreSQL) far more than against the 204 route (the server's thread alone).
 * timedRequest() sends one request from the calling thread with node:http, for latency series.
 */
import http from 'node:http';
import net from 'node:net';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { percentile, round } from './support.js';

export interface LoadStep {
  /** Groups latencies in the result, e.g. "answer" or "submit". */
  label: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface LatencyStats {
  n: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  /** Count per HTTP status (0 = connection error). */
  statuses: Record<string, number>;
  wallMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  byLabel: Record<string, LatencyStats>;
  /** The first few failures, for the log. */
  firstErrors: string[];
}

export interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  ms: number;
}

export function timedRequest(agent: http.Agent, origin: string, step: LoadStep): Promise<Reply> {
  const url = new URL(step.path, origin);
  const payload = step.body === undefined ? undefined : JSON.stringify(step.body);
  const headers: Record<string, string> = { ...(step.headers ?? {}) };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, hostname: url.hostname, port: url.port, path: url.pathname + url.search, method: step.method, headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(parts).toString('utf8'),
            headers: res.headers,
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

function stats(latencies: number[], errors: number): LatencyStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    n: latencies.length,
    errors,
    p50Ms: round(percentile(sorted, 50), 2),
    p95Ms: round(percentile(sorted, 95), 2),
    p99Ms: round(percentile(sorted, 99), 2),
    maxMs: round(sorted[sorted.length - 1] ?? NaN, 2),
  };
}

interface LoadJob {
  origin: string;
  concurrency: number;
  scripts: LoadStep[][];
}

const CRLF_CRLF = Buffer.from('\r\n\r\n');

/**
 * One keep-alive HTTP/1.1 connection sending one request at a time and reading the answer by its
 * content-length (the server under test always sends one; a chunked answer is an error here).
 */
class LoadConnection {
  private socket: net.Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: { status: number; body: string }) => void; reject: (e: Error) => void } | null = null;
  private readonly ready: Promise<void>;

  constructor(private readonly url: URL) {
    this.socket = net.connect({ host: url.hostname, port: Number(url.port) });
    this.socket.setNoDelay(true);
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk: Buffer) => this.received(chunk));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  async send(step: LoadStep): Promise<{ status: number; body: string }> {
    await this.ready;
    const payload = step.body === undefined ? '' : JSON.stringify(step.body);
    let head = `${step.method} ${step.path} HTTP/1.1\r\nhost: ${this.url.host}\r\n`;
    for (const [name, value] of Object.entries(step.headers ?? {})) head += `${name}: ${value}\r\n`;
    if (step.body !== undefined) head += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(`${head}\r\n${payload}`);
    });
  }

  close() {
    this.waiting = null;
    this.socket.destroy();
  }

  private received(chunk: Buffer) {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const headEnd = this.buffered.indexOf(CRLF_CRLF);
    if (headEnd < 0) return;
    const head = this.buffered.toString('latin1', 0, headEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length && /\r\ntransfer-encoding:/i.test(head))
      return this.fail(new Error('chunked answers are not supported by the load client'));
    const bodyStart = headEnd + CRLF_CRLF.length;
    const bodyEnd = bodyStart + (length ? Number(length[1]) : 0);
    if (this.buffered.length < bodyEnd) return;
    // The body is decoded only when it will be shown (a failure); its bytes are read either way.
    const body = status >= 400 ? this.buffered.toString('utf8', bodyStart, bodyEnd) : '';
    this.buffered = this.buffered.subarray(bodyEnd);
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve({ status, body });
  }

  private fail(error: Error) {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }
}

async function execute(job: LoadJob): Promise<LoadResult> {
  const url = new URL(job.origin);
  const latencies: number[] = [];
  const byLabel = new Map<string, { latencies: number[]; errors: number }>();
  const statuses: Record<string, number> = {};
  const firstErrors: string[] = [];
  let errors = 0;
  let next = 0;
  const connections: LoadConnection[] = [];
  const client = async () => {
    let connection = new LoadConnection(url);
    connections.push(connection);
    for (let i = next++; i < job.scripts.length; i = next++) {
      for (const step of job.scripts[i]) {
        let status = 0;
        let ms = 0;
        let detail = '';
        const sentAt = performance.now();
        try {
          const reply = await connection.send(step);
          ms = performance.now() - sentAt;
          status = reply.status;
          if (status >= 400) detail = reply.body.slice(0, 300);
        } catch (error) {
          detail = (error as Error).message;
          connection.close();
          connection = new LoadConnection(url);
          connections.push(connection);
        }
        const ok = status >= 200 && status < 300;
        statuses[status] = (statuses[status] ?? 0) + 1;
        const entry = byLabel.get(step.label) ?? { latencies: [], errors: 0 };
        byLabel.set(step.label, entry);
        if (ok) {
          latencies.push(ms);
          entry.latencies.push(ms);
        } else {
          errors++;
          entry.errors++;
          if (firstErrors.length < 5) firstErrors.push(`${step.method} ${step.path} → ${status} ${detail}`);
        }
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, client));
  const wallMs = performance.now() - started;
  for (const connection of connections) connection.close();
  const requests = latencies.length + errors;
  const all = stats(latencies, errors);
  return {
    concurrency: job.concurrency,
    requests,
    errors,
    statuses,
    wallMs: Math.round(wallMs),
    requestsPerSecond: Math.round(requests / (wallMs / 1000)),
    p50Ms: all.p50Ms,
    p95Ms: all.p95Ms,
    p99Ms: all.p99Ms,
    maxMs: all.maxMs,
    byLabel: Object.fromEntries([...byLabel].map(([label, e]) => [label, stats(e.latencies, e.errors)])),
    firstErrors,
  };
}

interface LoadMessage {
  id: number;
  job: LoadJob;
}

/**
 * The load worker: one per process, started on the first runLoad and kept for the next ones. A
 * fresh worker per run would measure the client's own warm-up (its code still interpreted, the
 * tsx loader compiling): at the 204 route a run of 2,000 requests then reached a third of the
 * rate of a long run. A kept worker is as fast in a short run as in a long one once warmed.
 */
let loadWorker: { worker: Worker; pending: Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }> } | null = null;
let nextJobId = 0;

function startLoadWorker() {
  // Node 20 does not apply `--import tsx` inside workers: register tsx first, then load this file.
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { kind: 'lk-http-load-worker' } });
  const pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    loadWorker = null;
  };
  worker.on('message', ({ id, result }: { id: number; result: LoadResult }) => {
    pending.get(id)?.resolve(result);
    pending.delete(id);
    // Idle between runs: the worker must not keep the process alive.
    if (pending.size === 0) worker.unref();
  });
  worker.once('error', failAll);
  worker.once('exit', (code) => failAll(new Error(`load worker exited with ${code}`)));
  return { worker, pending };
}

/** Runs the scripts against `origin` with `concurrency` clients in the load worker thread. */
export function runLoad(origin: string, concurrency: number, scripts: LoadStep[][]): Promise<LoadResult> {
  loadWorker ??= startLoadWorker();
  const { worker, pending } = loadWorker;
  const id = nextJobId++;
  const job: LoadJob = { origin, concurrency, scripts };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.ref();
    worker.postMessage({ id, job } satisfies LoadMessage);
  });
}

if (!isMainThread && (workerData as { kind?: string } | undefined)?.kind === 'lk-http-load-worker') {
  parentPort!.on('message', ({ id, job }: LoadMessage) => {
    execute(job).then(
      (result) => parentPort!.postMessage({ id, result }),
      (error) => {
        throw error;
      },
    );
  });
}
