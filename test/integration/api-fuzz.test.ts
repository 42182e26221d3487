import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { databaseKinds } from '../support/databases.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { reissueInvitation } from '../factories/campaigns.js';
import { seedDemoData, DEMO_PASSWORD } from '../../src/db/seed/demo.js';
import { memberships } from '../../src/db/schema/index.js';
import {
  describeRequest,
  invalidRequest,
  listOperations,
  randomRequest,
  type FuzzContext,
  type FuzzRequest,
  type OpenApiDocument,
  type Operation,
} from '../support/openapi-fuzz.js';

/**
 * Bad input, systematically: thousands of generated requests to every route of the OpenAPI
 * document (see test/support/openapi-fuzz.ts), as a user with HR + manager roles (and provider
 * staff at a training provider), as a platform administrator, and anonymously, in the seeded demo
 * world so real ids take requests past the 404s.
 *
 * - Invalid phase: every request breaks its schema somewhere. Each must get a 4xx
 *   application/problem+json; a 400 names the broken field (errors[].path); and the database is
 *   exactly as before (a fingerprint of every table).
 * - Random phase: valid-ish requests (they may succeed and change data), invalid ones and junk.
 *   Only "never 5xx, every 4xx is problem+json" is asserted.
 *
 * FUZZ_RUNS (default 2400) is the number of requests per database kind; FUZZ_SEED replays a run
 * (the seed is printed), FUZZ_PATH (with FUZZ_SEED) replays the failing case fast-check reports.
 */

const totalRuns = Number(process.env.FUZZ_RUNS ?? 2400);
const seed = Number(process.env.FUZZ_SEED ?? 20260601);
const replayPath = process.env.FUZZ_PATH;
const share = (fraction: number) => Math.max(1, Math.round(totalRuns * fraction));
/** Each phase's own time limit: generous per request, so a loaded machine or a big FUZZ_RUNS does not time out. */
const phaseTimeout = (fraction: number) => 60_000 + share(fraction) * 250;
// FUZZ_NO_SHRINK=1 reports the first failure as found: shrinking a failure re-sends many requests.
const fcOptions = (numRuns: number) => ({
  numRuns,
  seed,
  endOnFailure: process.env.FUZZ_NO_SHRINK === '1',
  ...(replayPath ? { path: replayPath } : {}),
});

/**
 * Tables no rejected request may change: all of them. None is excluded: sessions are only read by
 * the session plugin (no last-seen column), rate limits live in memory, audit rows are written
 * inside the services' transactions (so only by requests that pass validation), and no job is
 * queued before a handler runs.
 */
const excludedFromFingerprint: string[] = [];

/** Operations the random phase leaves out for a signed-in client, because they end its session. */
const sessionEnders = new Set(['logOut']);

describe.each(databaseKinds)('API fuzz on %s', (kind) => {
  let t: TestApp;
  let operations: Operation[];
  let ctx: FuzzContext;
  let member: Session;
  let admin: Session;

  beforeAll(async () => {
    console.info(`api-fuzz on ${kind}: seed ${seed}, ${totalRuns} requests (FUZZ_SEED / FUZZ_RUNS to change)`);
    t = await createTestApp(kind, { LEERKOMPAS_LOGIN_LIMIT: '99999', LEERKOMPAS_SURVEY_LIMIT: '999999' });
    const database = t.db.database;
    await seedDemoData(database);
    const orgs = Object.fromEntries(
      (await database.query<{ slug: string; id: string }>(`select slug, id from organisations`)).map((o) => [o.slug, o.id]),
    );
    const deBrug = orgs['de-brug'];
    const provider = orgs['leerhuis-schelde'];

    // HR + manager at an employer, provider staff at a training provider.
    const user = await buildUser(database, { organisationId: deBrug, role: 'hr' });
    await database.db.insert(memberships).values([
      { userId: user.id, organisationId: deBrug, role: 'manager' },
      { userId: user.id, organisationId: provider, role: 'provider_staff' },
    ]);
    member = await logIn(t.app, user.email, TEST_PASSWORD);
    admin = await logIn(t.app, 'admin@demo.leerkompas.be', DEMO_PASSWORD);

    // Live survey links of the open campaign.
    const invitations = await database.query<{ id: string }>(
      `select i.id from campaign_invitations i join campaigns c on c.id = i.campaign_id
        where c.organisation_id = $1 and c.status = 'open' and i.revoked_at is null order by i.id limit 3`,
      [deBrug],
    );
    const surveyTokens = await Promise.all(invitations.map((i) => reissueInvitation(database, i.id)));

    // The app's own exports make good starting points for broken import files.
    const csvSamples: string[] = [];
    for (const url of [`/api/organisations/${deBrug}/function-profiles/export.csv`, `/api/organisations/${provider}/offers/export.csv`]) {
      const res = await member.request('GET', url);
      if (res.statusCode === 200) csvSamples.push(res.body.slice(0, 20_000));
    }

    const pools = await idPools(t, [deBrug, provider, orgs['sectorfonds-maatwerk']], [deBrug, provider, orgs['atelier-zonneweg']], user.id);
    ctx = { idsFor: (name, path) => pools.get(tableFor(name, path) ?? '') ?? [], csvSamples, surveyTokens };

    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as OpenApiDocument;
    operations = listOperations(doc);
    expect(operations.length).toBeGreaterThan(100);
  });
  afterAll(() => t?.close());

  async function send(session: Session | null, request: FuzzRequest): Promise<LightMyRequestResponse> {
    const headers = { ...request.headers, ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) };
    return t.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
  }

  function check(request: FuzzRequest, res: LightMyRequestResponse, invalid: boolean): void {
    const fail = (why: string) => {
      throw new Error(
        `${why}\nrequest: ${describeRequest(request)}\nresponse: ${res.statusCode} ${res.headers['content-type']} ${res.body.slice(0, 800)}`,
      );
    };
    if (res.statusCode >= 500) fail('5xx for user input');
    if (invalid && (res.statusCode < 400 || res.statusCode >= 500)) fail('a request that breaks its schema was not rejected');
    if (res.statusCode < 400) return;
    if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) fail('4xx without application/problem+json');
    if (request.method === 'HEAD') return;
    const body = JSON.parse(res.body) as { status: number; code: string; errors?: Array<{ path: string; message: string }> };
    if (body.status !== res.statusCode || typeof body.code !== 'string') fail('problem body without status/code');
    if (res.statusCode === 400) {
      if (!body.errors?.length) fail('400 without errors[]');
      if (!body.errors!.every((e) => /^\/(body|querystring|params|headers|url)(\/|$)/.test(e.path)))
        fail('400 with an error path that names no part of the request');
      // An undecodable path parameter makes the whole address invalid: reported as /url.
      const related = (a: string, b: string) =>
        a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`) || (a === '/url' && b.startsWith('/params/'));
      if (invalid && body.code === 'validation.failed' && !body.errors!.some((e) => request.violations.some((v) => related(e.path, v)))) {
        fail(`400 names none of the broken fields ${request.violations.join(', ')}`);
      }
    }
  }

  async function fingerprint(): Promise<Map<string, string>> {
    const tables = await t.db.database.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const out = new Map<string, string>();
    for (const { name } of tables) {
      if (excludedFromFingerprint.includes(name)) continue;
      const [row] = await t.db.database.query<{ n: number; h: string }>(
        `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${name}" t`,
      );
      out.set(name, `${row.n}:${row.h}`);
    }
    return out;
  }

  function invalidArbitrary(): fc.Arbitrary<FuzzRequest> {
    const arbs = operations.map((op) => invalidRequest(op, ctx)).filter((a): a is fc.Arbitrary<FuzzRequest> => a !== null);
    return fc.oneof(...arbs);
  }

  // Regressions the fuzzer found, pinned down one by one.
  it('answers an undecodable address and an over-long path segment with problem+json', async () => {
    for (const [url, status] of [
      ['/api/occupations/%zz', 400],
      ['/api/frameworks/%ED%A0%80', 400],
      [`/api/frameworks/${'x'.repeat(3000)}`, 414],
    ] as const) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().errors).toEqual([expect.objectContaining({ path: '/url' })]);
    }
  });

  it('rejects numbers that Ajv coerces to Infinity instead of passing them to the database', async () => {
    for (const limit of ['1e999', 'Infinity', '-Infinity']) {
      const res = await admin.request('GET', `/api/jobs?limit=${limit}`);
      expect(res.statusCode, limit).toBe(400);
      expect(res.json().errors).toEqual([{ path: '/querystring/limit', message: 'must be a finite number' }]);
    }
    const body = await member.request('PUT', '/api/auth/locale', { locale: 'nl' });
    expect(body.statusCode).toBe(204);
  });

  it('gives a platform administrator 404 for an organisation that does not exist, 400 for a malformed id', async () => {
    const missing = '00000000-0000-1000-8000-000000000000';
    const weights = { investment: 1, urgency: 1, success: 1, fairness: 1, feasibility: 1, core_task: 1, strategic_fit: 1 };
    const put = await admin.request('PUT', `/api/organisations/${missing}/priority-weights`, { weights });
    expect(put.statusCode).toBe(404);
    expect(put.json().code).toBe('tenancy.not_found');
    const malformed = await admin.request('GET', '/api/organisations/not-a-uuid/teams');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toEqual([expect.objectContaining({ path: '/params/orgId' })]);
  });

  const clients = () => ({ member, admin, anonymous: null }) as Record<string, Session | null>;

  it.each([
    ['member', 0.34],
    ['admin', 0.2],
    ['anonymous', 0.12],
  ] as const)(
    'rejects schema-breaking requests of %s with problem+json naming the field, changing nothing',
    async (who, fraction) => {
      const session = clients()[who];
      const before = await fingerprint();
      const started = Date.now();
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(invalidArbitrary(), async (request) => {
          const res = await send(session, request);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          check(request, res, true);
        }),
        fcOptions(share(fraction)),
      );
      const after = await fingerprint();
      const changed = [...before].filter(([table, print]) => after.get(table) !== print).map(([table]) => table);
      expect(changed, 'tables changed by rejected requests').toEqual([]);
      console.info(
        `api-fuzz ${kind} invalid/${who}: ${share(fraction)} requests in ${Date.now() - started} ms, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
      );
    },
    phaseTimeout(0.34),
  );

  it.each([
    ['member', 0.2],
    ['admin', 0.1],
    ['anonymous', 0.04],
  ] as const)(
    'never answers random requests of %s with 5xx, and every 4xx is problem+json',
    async (who, fraction) => {
      const session = clients()[who];
      const ops = session ? operations.filter((op) => !sessionEnders.has(op.operationId)) : operations;
      const started = Date.now();
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(randomRequest(ops, ctx), async (request) => {
          const res = await send(session, request);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          check(request, res, false);
        }),
        fcOptions(share(fraction)),
      );
      console.info(
        `api-fuzz ${kind} random/${who}: ${share(fraction)} requests in ${Date.now() - started} ms, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
      );
      // The session survived (the random phase must not have signed the client out by accident).
      if (session) expect((await session.request('GET', '/api/auth/session')).statusCode).toBe(200);
    },
    phaseTimeout(0.2),
  );
});

/** Which table's ids fit a parameter or field of this name (for `id`: the collection before it in the path). */
function tableFor(name: string, path: string): string | undefined {
  let key = name.toLowerCase();
  if (key === 'id') {
    const match = /\/([a-z-]+)\/\{id\}/.exec(path);
    key = (match?.[1] ?? '').replace(/-/g, '');
  }
  const rules: Array<[RegExp, string]> = [
    [/functionprofile/, 'function_profiles'],
    [/learningquestion/, 'learning_questions'],
    [/organisationissue/, 'organisation_issues'],
    [/competence|parent/, 'competences'],
    [/person|people/, 'people'],
    [/team/, 'teams'],
    [/campaign/, 'campaigns'],
    [/invitation/, 'campaign_invitations'],
    [/membership/, 'memberships'],
    [/planaction|^action/, 'plan_actions'],
    [/plan/, 'training_plans'],
    [/need/, 'training_needs'],
    [/line/, 'funding_lines'],
    [/instrument/, 'funding_instruments'],
    [/edition/, 'offer_editions'],
    [/enrolment/, 'enrolments'],
    [/offer/, 'offers'],
    [/framework/, 'frameworks'],
    [/scale/, 'proficiency_scales'],
    [/occupation/, 'occupations'],
    [/starr/, 'starr_interviews'],
    [/job/, 'jobs'],
    [/^org|organisation|provider|^memberid$/, 'organisations'],
  ];
  return rules.find(([re]) => re.test(key))?.[1];
}

/** Up to a dozen ids per table, from the fuzzed organisations where the table is scoped. */
async function idPools(t: TestApp, scopeOrgs: string[], orgIds: string[], userId: string): Promise<Map<string, string[]>> {
  const database = t.db.database;
  const scoped = new Set(
    (
      await database.query<{ table_name: string }>(
        `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'organisation_id'`,
      )
    ).map((r) => r.table_name),
  );
  const tables = [
    'function_profiles',
    'learning_questions',
    'organisation_issues',
    'people',
    'teams',
    'campaigns',
    'campaign_invitations',
    'plan_actions',
    'training_plans',
    'training_needs',
    'funding_lines',
    'funding_instruments',
    'offer_editions',
    'enrolments',
    'offers',
    'frameworks',
    'proficiency_scales',
    'occupations',
    'starr_interviews',
    'jobs',
  ];
  const pools = new Map<string, string[]>();
  for (const table of tables) {
    const rows = scoped.has(table)
      ? await database.query<{ id: string }>(`select id::text from ${table} where organisation_id = any($1) order by id limit 12`, [
          scopeOrgs,
        ])
      : await database.query<{ id: string }>(`select id::text from ${table} order by id limit 12`);
    pools.set(
      table,
      rows.map((r) => r.id),
    );
  }
  pools.set('organisations', orgIds);
  // Competences the organisation works with, not the first dozen of the reference set.
  pools.set(
    'competences',
    (await database.query<{ id: string }>(`select distinct competence_id::text as id from campaign_competences order by 1 limit 12`)).map(
      (r) => r.id,
    ),
  );
  // Memberships, except the fuzzing users' own (deleting those would end the run early).
  pools.set(
    'memberships',
    (
      await database.query<{ id: string }>(
        `select m.id::text from memberships m join users u on u.id = m.user_id where m.organisation_id = any($1) and m.user_id <> $2 and u.email <> 'admin@demo.leerkompas.be' order by m.id limit 12`,
        [scopeOrgs, userId],
      )
    ).map((r) => r.id),
  );
  return pools;
}
