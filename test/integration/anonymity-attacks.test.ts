import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Heatmap } from '../../src/modules/diagnosis/schemas.js';
import { databaseKinds } from '../support/databases.js';
import { pdfWords } from '../support/pdf-text.js';
import { createTestApp, logIn, type Session, type TestApp } from '../support/test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildPublicFramework } from '../factories/competences.js';
import { buildFunctionProfile, buildPerson, buildTeam, type TargetGroup } from '../factories/people.js';
import { setCurrentLevel } from '../factories/catalog.js';

/**
 * Attacks on the anonymity rule (domain-rules §3, src/domain/anonymity) through every aggregate
 * route and export. The world is small on purpose (k = 5):
 *   - T4: a team of 4;
 *   - T5: a team of 5 in which function profile B isolates one person;
 *   - T6: a team of 6 in which profile A holds 5, so "team T6" and "team T6 + profile A" differ by one person;
 *   - T9: a team of 9, 3 of them supervisory staff; 1 other_staff person sits in T6.
 * An oracle counts the persons behind every cell from the world itself and checks each shown
 * number: at least k persons (a), hidden parts of a shown total not computable (b), and no
 * coarser query one filter away that differs by 1..k−1 persons (c).
 */

const K = 5;
const KEYS = ['team', 'function_profile', 'target_group'] as const;
type Dimension = (typeof KEYS)[number];
type Filters = Partial<Record<Dimension, string>>;
interface Member {
  team: string;
  function_profile: string;
  target_group: TargetGroup;
}

/**
 * Every route that serves aggregates of people, attacked below; and the routes that look like
 * aggregates but are not (with the reason). The last test fails on a route of the app that looks
 * like an aggregate (its response carries a threshold or `shown`, or it is an export, a report
 * or a ranking) and is in neither list.
 */
const attacked = [
  'GET /api/organisations/{orgId}/diagnosis/heatmap',
  'GET /api/organisations/{orgId}/diagnosis/heatmap/export',
  'GET /api/organisations/{orgId}/diagnosis/top-needs',
  'GET /api/organisations/{orgId}/diagnosis/top-needs/export',
  'GET /api/organisations/{orgId}/diagnosis/prognosis',
  'GET /api/organisations/{orgId}/diagnosis/prognosis/export',
  'GET /api/organisations/{orgId}/diagnosis/report.pdf',
];
const nonAggregate: Record<string, string> = {
  'GET /api/organisations/{orgId}/diagnosis/disagreements':
    'named people for HR/their manager (individual results, per-record visibility), not an aggregate',
  'GET /api/organisations/{orgId}/people/{personId}/diagnosis': "one person's own result",
  'GET /api/organisations/{orgId}/me/diagnosis': "the caller's own result",
  'GET /api/organisations/{orgId}/needs/ranked':
    'training needs HR wrote down (titles, counts of named people HR chose), not survey aggregates',
  'GET /api/organisations/{orgId}/needs/ranked.csv': 'idem, as CSV',
  'GET /api/organisations/{orgId}/needs/ranked.xlsx': 'idem, as XLSX',
  'GET /api/organisations/{orgId}/function-profiles/export.csv': 'function profiles, no people',
  'GET /api/organisations/{orgId}/offers/export.csv': "a provider's own catalog",
  'GET /api/organisations/{orgId}/offers/export.json': "a provider's own catalog",
  'GET /api/organisations/{orgId}/editions/{editionId}/enrolments.csv': "the provider's list of named participants of its own edition",
  'GET /api/organisations/{orgId}/plans/{planId}/export.pdf': 'the training plan: actions, budget, named participants HR planned',
  'GET /api/organisations/{orgId}/plans/{planId}/export.xlsx': 'idem, as XLSX',
  'GET /api/organisations/{orgId}/plans/{planId}/follow-up':
    'plan follow-up (its own k-rule for evaluations is tested in training-plans.test.ts)',
  'GET /api/organisations/{orgId}/campaigns/{id}/invitations':
    'response progress of a campaign; anonymous campaigns hide counts below k (campaigns.test.ts)',
  'GET /api/frameworks/{id}/export': 'a competence framework, no people',
  'GET /api/organisations': "the caller's organisations and their settings (the threshold itself, no data)",
  'GET /api/organisations/{orgId}': 'idem, one organisation',
  'GET /api/organisations/{orgId}/sector-members': "a sector body's member organisations (names), no people",
  'GET /api/organisations/{orgId}/campaigns/{id}': 'a campaign and its settings; its progress counts are in …/invitations',
};

describe.each(databaseKinds)('anonymity attacks on %s', (kind) => {
  let t: TestApp;
  let hr: Session;
  let orgId: string;
  const members: Member[] = [];
  const ids: Record<string, string> = {};

  const persons = (filters: Filters) => members.filter((m) => KEYS.every((k) => filters[k] === undefined || m[k] === filters[k])).length;

  /** (a) and (c) for one shown cell whose persons are described by `filters`. */
  function checkShown(filters: Filters, assessed: number | null, where: string, leaks: string[]) {
    const n = persons(filters);
    if (n < K) leaks.push(`${where}: shown from ${n} persons`);
    if (assessed !== n) leaks.push(`${where}: assessed ${assessed}, the world has ${n}`);
    for (const key of Object.keys(filters) as Dimension[]) {
      const coarser = { ...filters };
      delete coarser[key];
      const difference = persons(coarser) - n;
      if (difference > 0 && difference < K) leaks.push(`${where}: differs by ${difference} from the query without ${key}`);
    }
  }

  const queryOf = (groupBy: Dimension, filters: Filters) => {
    const q = new URLSearchParams({ groupBy });
    if (filters.team) q.set('teamId', filters.team);
    if (filters.function_profile) q.set('functionProfileId', filters.function_profile);
    if (filters.target_group) q.set('targetGroup', filters.target_group);
    return q.toString();
  };

  /** Every combination of filters over the small groups (each dimension: none or one value). */
  function filterCombinations(): Filters[] {
    const values: Record<Dimension, (string | undefined)[]> = {
      team: [undefined, ids.T4, ids.T5, ids.T6, ids.T9],
      function_profile: [undefined, ids.A, ids.B],
      target_group: [undefined, 'target_group_employee', 'supervisory_staff', 'other_staff'],
    };
    const result: Filters[] = [];
    for (const team of values.team)
      for (const fp of values.function_profile)
        for (const tg of values.target_group)
          result.push({ ...(team ? { team } : {}), ...(fp ? { function_profile: fp } : {}), ...(tg ? { target_group: tg } : {}) });
    return result;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.database;
    const org = await buildOrganisation(db, { name: 'Klein bedrijf' });
    orgId = org.id;
    const admin = await buildUser(db, { organisationId: orgId, role: 'hr' });
    hr = await logIn(t.app, admin.email, TEST_PASSWORD);
    const framework = await buildPublicFramework(db);
    const c1 = await buildCompetence(db, { frameworkId: framework.id, label: { nl: 'Plannen' } });
    const c2 = await buildCompetence(db, { frameworkId: framework.id, label: { nl: 'Rekenen' } });
    ids.c1 = c1.id;
    ids.c2 = c2.id;
    const items = [
      { competenceId: c1.id, requiredLevel: 3, futureLevel: 4, horizonYear: 2030 },
      { competenceId: c2.id, requiredLevel: 3 },
    ];
    ids.A = (await buildFunctionProfile(db, { organisationId: orgId, name: 'Profiel A', items })).id;
    ids.B = (await buildFunctionProfile(db, { organisationId: orgId, name: 'Profiel B', items })).id;
    const plan: Array<[string, number, 'A' | 'B', TargetGroup]> = [
      ['T4', 4, 'A', 'target_group_employee'],
      ['T5', 4, 'A', 'target_group_employee'],
      ['T5', 1, 'B', 'target_group_employee'],
      ['T6', 5, 'A', 'target_group_employee'],
      ['T6', 1, 'B', 'other_staff'],
      ['T9', 6, 'A', 'target_group_employee'],
      ['T9', 3, 'A', 'supervisory_staff'],
    ];
    let n = 0;
    for (const [team, count, profile, targetGroup] of plan) {
      ids[team] ??= (await buildTeam(db, orgId, team)).id;
      for (let i = 0; i < count; i++) {
        const person = await buildPerson(db, { organisationId: orgId, teamId: ids[team], functionProfileId: ids[profile], targetGroup });
        members.push({ team: ids[team], function_profile: ids[profile], target_group: targetGroup });
        // Levels 0..4, so gaps differ from person to person.
        await setCurrentLevel(db, { organisationId: orgId, personId: person.id, competenceId: c1.id, level: n % 5 });
        await setCurrentLevel(db, { organisationId: orgId, personId: person.id, competenceId: c2.id, level: (n * 3) % 5 });
        n++;
      }
    }
  });
  afterAll(() => t?.close());

  it('heat map: no cell from fewer than k persons, no computable hidden part, no differencing pair (every groupBy × filter)', async () => {
    const leaks: string[] = [];
    let shownCells = 0;
    for (const groupBy of KEYS) {
      for (const filters of filterCombinations()) {
        if (filters[groupBy]) continue; // grouping by a dimension that is also filtered says nothing new
        const query = queryOf(groupBy, filters);
        const res = await hr.request('GET', `/api/organisations/${orgId}/diagnosis/heatmap?${query}`);
        expect(res.statusCode, query).toBe(200);
        const map = res.json();
        expect(map.threshold).toBe(K);
        for (const total of map.totals) {
          if (total.shown) checkShown(filters, total.assessed, `${query} total ${total.competenceId}`, leaks);
          else if (total.meanGap !== null || total.assessed !== null) leaks.push(`${query} hidden total carries numbers`);
        }
        for (const cell of map.cells) {
          const cellFilters = { ...filters, [groupBy]: cell.groupId };
          if (cell.shown) {
            shownCells++;
            checkShown(cellFilters, cell.assessed, `${query} cell ${cell.groupId}/${cell.competenceId}`, leaks);
          } else if (cell.meanGap !== null || cell.assessed !== null || cell.shareGap1 !== null)
            leaks.push(`${query} hidden cell carries numbers`);
        }
        // (b) complementary: where the row total is shown, the hidden parts are not one alone and hold ≥ k persons.
        for (const total of map.totals.filter((x: { shown: boolean }) => x.shown)) {
          const hidden = map.cells
            .filter((c: { competenceId: string; shown: boolean }) => c.competenceId === total.competenceId && !c.shown)
            .map((c: { groupId: string }) => persons({ ...filters, [groupBy]: c.groupId }))
            .filter((p: number) => p > 0);
          const sum = hidden.reduce((a: number, b: number) => a + b, 0);
          if (hidden.length === 1 || (hidden.length > 1 && sum < K))
            leaks.push(`${query} row ${total.competenceId}: hidden parts ${hidden} computable from the total`);
        }
      }
    }
    expect(leaks.join('\n')).toBe('');
    expect(shownCells).toBeGreaterThan(0); // the oracle also saw numbers it allowed
  });

  it('the two-filter differencing attack: team T6 and team T6 + profile A are never both answered', async () => {
    const wide = (await hr.request('GET', `/api/organisations/${orgId}/diagnosis/heatmap?groupBy=target_group&teamId=${ids.T6}`)).json();
    const narrow = (
      await hr.request(
        'GET',
        `/api/organisations/${orgId}/diagnosis/heatmap?groupBy=target_group&teamId=${ids.T6}&functionProfileId=${ids.A}`,
      )
    ).json();
    for (const competenceId of [ids.c1, ids.c2]) {
      const a = wide.totals.find((x: { competenceId: string }) => x.competenceId === competenceId);
      const b = narrow.totals.find((x: { competenceId: string }) => x.competenceId === competenceId);
      expect(a.shown && b.shown, 'both answered: their difference is one person').toBe(false);
    }
  });

  it('exports (CSV, XLSX) show no number the heat map hides', async () => {
    const leaks: string[] = [];
    for (const groupBy of KEYS) {
      for (const filters of [{}, { team: ids.T6 }, { team: ids.T5 }, { function_profile: ids.A }]) {
        if ((filters as Filters)[groupBy]) continue;
        const query = queryOf(groupBy, filters);
        const map = (await hr.request('GET', `/api/organisations/${orgId}/diagnosis/heatmap?${query}`)).json();
        const allowed = new Set<string>();
        for (const x of [...map.cells, ...map.totals]) if (x.shown) allowed.add(String(x.assessed));
        const hiddenCount = [...map.cells, ...map.totals].filter((x: { shown: boolean }) => !x.shown).length;
        const csv = await hr.request('GET', `/api/organisations/${orgId}/diagnosis/heatmap/export?format=csv&${query}`);
        expect(csv.statusCode).toBe(200);
        const rows: string[][] = parse(csv.body.replace(/^\uFEFF/, ''), { relax_column_count: true });
        const xlsx = await hr.request('GET', `/api/organisations/${orgId}/diagnosis/heatmap/export?format=xlsx&${query}`);
        expect(xlsx.statusCode).toBe(200);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
        const sheetRows: string[][] = [];
        book.eachSheet((sheet) =>
          sheet.eachRow((row) =>
            sheetRows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
          ),
        );
        for (const [label, table] of [
          ['csv', rows],
          ['xlsx', sheetRows],
        ] as const) {
          const text = table.map((r) => r.join(';')).join('\n');
          if (hiddenCount > 0 && !/< ?5|<5|< k/i.test(text))
            leaks.push(`${label} ${query}: hides ${hiddenCount} cells but never says "< 5"`);
          // Every person count in the file is one the screen shows too.
          const header = table[0] ?? [];
          const col = header.findIndex((h) => /^(assessed|persons|beoordeeld|personen|aantal)/i.test(h));
          if (col >= 0) {
            for (const r of table.slice(1))
              if (r[col] && /^\d+$/.test(r[col]) && !allowed.has(r[col]))
                leaks.push(`${label} ${query}: count ${r[col]} not shown on screen`);
          }
        }
      }
    }
    expect(leaks.join('\n')).toBe('');
  });

  it('top needs: per target group only from k persons, and the hidden groups of the organisation total cannot be computed', async () => {
    const leaks: string[] = [];
    const res = await hr.request('GET', `/api/organisations/${orgId}/diagnosis/top-needs`);
    expect(res.statusCode).toBe(200);
    const top = res.json();
    // The heat map shows the organisation total per competence: the target groups are its parts.
    const map = (await hr.request('GET', `/api/organisations/${orgId}/diagnosis/heatmap?groupBy=target_group`)).json();
    for (const competenceId of [ids.c1, ids.c2]) {
      const totalShown = map.totals.find((x: { competenceId: string }) => x.competenceId === competenceId).shown;
      const hidden: number[] = [];
      for (const group of top.groups) {
        const item = group.items.find((i: { competenceId: string }) => i.competenceId === competenceId);
        const n = persons({ target_group: group.targetGroup });
        if (item) checkShown({ target_group: group.targetGroup }, item.assessed, `top-needs ${group.targetGroup}`, leaks);
        else if (n > 0) hidden.push(n);
      }
      const sum = hidden.reduce((a, b) => a + b, 0);
      if (totalShown && (hidden.length === 1 || (hidden.length > 1 && sum < K))) {
        leaks.push(`top-needs ${competenceId}: hidden target groups ${hidden} computable from the heat map's total`);
      }
    }
    const csv = await hr.request('GET', `/api/organisations/${orgId}/diagnosis/top-needs/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    for (const group of top.groups.filter((g: { items: unknown[] }) => g.items.length === 0)) {
      const lines = csv.body.split('\n').filter((l) => l.includes(group.targetGroup) && /\d/.test(l.replace(group.targetGroup, '')));
      if (lines.some((l) => /\b\d+\.\d+\b/.test(l))) leaks.push(`top-needs csv shows numbers for hidden ${group.targetGroup}: ${lines[0]}`);
    }
    expect(leaks.join('\n')).toBe('');
  });

  it('prognosis: every shown row rests on k persons, on screen and in the export', async () => {
    // The prognosis has no team or profile filter (only a campaign): the whole organisation.
    const res = await hr.request('GET', `/api/organisations/${orgId}/diagnosis/prognosis?horizonYear=2030`);
    expect(res.statusCode).toBe(200);
    const rows = res.json().competences;
    expect(rows.length).toBe(2);
    for (const row of rows) {
      if (row.shown) expect(row.now.needed).toBeGreaterThanOrEqual(K);
      else expect([row.now, row.horizon]).toEqual([null, null]);
    }
    const csv = await hr.request('GET', `/api/organisations/${orgId}/diagnosis/prognosis/export?format=csv&horizonYear=2030`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Plannen');
  });

  it('the PDF report is drawn from the suppressed screens (a team of 4 in it)', async () => {
    // The report calls the same heat map, top-needs and prognosis functions as the screens attacked
    // above (diagnosis service, report()): its heat map rows read exactly as the screen's cells,
    // "< k" wherever the screen hides one.
    const res = await hr.request('GET', `/api/organisations/${orgId}/diagnosis/report.pdf?groupBy=team`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const words = pdfWords(res.rawPayload);
    const map = (await hr.request('GET', `/api/organisations/${orgId}/diagnosis/heatmap?groupBy=team`)).json() as Heatmap;
    const share = (c: { shown: boolean; shareGap1: number | null }) => (c.shown ? `${Math.round(c.shareGap1! * 100)}%` : `< ${K}`);
    let hidden = 0;
    for (const competence of map.competences) {
      const cells = map.groups.map((g) => map.cells.find((c) => c.competenceId === competence.id && c.groupId === g.id)!);
      hidden += cells.filter((c) => !c.shown).length;
      const total = map.totals.find((c) => c.competenceId === competence.id)!;
      expect(words).toContain([competence.label.nl, ...cells.map(share), share(total)].join(' '));
    }
    expect(hidden).toBeGreaterThan(0);
  });

  it('every route that looks like an aggregate is attacked here or declared not to be one', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: unknown }>>;
    };
    const suspects: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        const response = JSON.stringify(op.responses ?? {});
        const looksAggregate =
          /"(threshold|shown|suppressed|anonymityThreshold)"/.test(response) ||
          /(export|report|ranked|heatmap|top-needs|prognosis|disagreements|diagnosis|follow-up|\.csv|\.xlsx|\.pdf|sector|demand)/.test(
            path,
          );
        if (looksAggregate && method === 'get') suspects.push(key);
      }
    }
    const undeclared = suspects.filter((s) => !attacked.includes(s) && !(s in nonAggregate));
    expect(undeclared, 'aggregate-looking routes in neither list of anonymity-attacks.test.ts').toEqual([]);
    const stale = [...attacked, ...Object.keys(nonAggregate)].filter((s) => !suspects.includes(s));
    expect(stale, 'listed routes the app no longer has (or that no longer look like aggregates)').toEqual([]);
  });
});
