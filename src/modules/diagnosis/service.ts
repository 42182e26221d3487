import type { Db } from '../../db/client.js';
import { readAll } from '../../db/read-all.js';
import type { OrganisationSettings } from '../../db/schema/index.js';
import { discloseCell, discloseRow, type CellCount, type Disclosure } from '../../domain/anonymity/disclosure.js';
import { todayInBrussels, yearInBrussels } from '../../domain/calendar/brussels.js';
import { currentLevel, gap, type AssessmentSource } from '../../domain/assessment/current-level.js';
import { visibleLevels, type Visibility } from '../../domain/assessment/visibility.js';
import { pickLocalized, type Lang } from '../../domain/competences/localized.js';
import { effectiveSettings } from '../../domain/organisations/settings.js';
import { competencePrognosis, type PrognosisSubject } from '../../domain/prognosis/prognosis.js';
import { writeAudit } from '../../server/audit.js';
import { AppError, badRequest, notFound } from '../../server/errors.js';
import { requireOrgPermission, rolesIn, type Actor } from '../../server/tenancy.js';
import { refreshExpiredStatus } from '../assessments/record.js';
import { heatmapTable, prognosisTable, toCsv, toXlsx, topNeedsTable, type Table } from './exports.js';
import { translator, type Translate } from './messages.js';
import * as q from './queries.js';
import { renderReport } from './report.js';
import type {
  DisagreementsQuery,
  Disagreements,
  ExportFormat,
  GroupBy,
  Heatmap,
  HeatmapCell,
  HeatmapExportQuery,
  HeatmapGroup,
  HeatmapQuery,
  HeatmapTotal,
  PersonDiagnosis,
  PersonDiagnosisItem,
  Prognosis,
  PrognosisExportQuery,
  PrognosisQuery,
  PrognosisRow,
  ReportLocale,
  ReportQuery,
  TargetGroup,
  TopNeeds,
  TopNeedsExportQuery,
  TopNeedsQuery,
} from './schemas.js';

export const targetGroupOrder: TargetGroup[] = ['target_group_employee', 'supervisory_staff', 'other_staff'];
export const DEFAULT_TOP_NEEDS = 10;
/** Years ahead when no function profile sets a horizon. */
export const DEFAULT_HORIZON_YEARS = 3;

export interface DiagnosisDeps {
  db: Db;
  now?: () => Date;
}

/** HR rights over individual records: hr, org_admin, or a platform administrator. */
const hasHrRole = (actor: Actor, organisationId: string) =>
  actor.isPlatformAdmin || rolesIn(actor, organisationId).some((r) => r === 'hr' || r === 'org_admin');

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const asLang = (locale: string | undefined): Lang => (locale === 'fr' || locale === 'en' ? locale : 'nl');

/** Context every aggregate needs: settings and the resolved campaign. */
interface AggregateContext {
  organisationId: string;
  k: number;
  validityMonths: number;
  scope: q.Scope;
}

export type DiagnosisService = ReturnType<typeof createDiagnosisService>;

export function createDiagnosisService({ db, now = () => new Date() }: DiagnosisDeps) {
  async function settingsOf(organisationId: string) {
    const org = await q.organisationRow(db, organisationId);
    if (!org) throw notFound('organisation');
    const settings = effectiveSettings(org.settings as OrganisationSettings);
    return { name: org.name, k: settings.anonymityThreshold, validityMonths: settings.validityMonths };
  }

  /**
   * Checks the query's ids against the organisation and brings expired diagnoses up to date: one
   * statement reads the settings, the ids and whether anything expired; the refresh transaction
   * runs only then.
   */
  async function context(
    organisationId: string,
    query: { campaignId?: string; teamId?: string; functionProfileId?: string },
  ): Promise<AggregateContext> {
    const at = now();
    const row = await q.aggregateContext(db, organisationId, query, at);
    if (!row) throw notFound('organisation');
    const { anonymityThreshold: k, validityMonths } = effectiveSettings(row.settings as OrganisationSettings);
    if (query.campaignId && !row.campaign) throw badRequest('/querystring/campaignId', 'is not a campaign of this organisation');
    if (!row.teamFound) throw badRequest('/querystring/teamId', 'is not a team of this organisation');
    if (!row.profileFound) throw badRequest('/querystring/functionProfileId', 'is not a function profile of this organisation');
    if (row.expired) await db.transaction((tx) => refreshExpiredStatus(tx, organisationId, { now: at, validityMonths }));
    return { organisationId, k, validityMonths, scope: { organisationId, campaign: row.campaign } };
  }

  function aggregateView(cell: CellCount & { gapSum: number; gap1: number; gap2: number }, disclosure: Disclosure) {
    if (!disclosure.shown)
      return { shown: false, reason: disclosure.reason, assessed: null, meanGap: null, shareGap1: null, shareGap2: null };
    return {
      shown: true,
      assessed: cell.persons,
      meanGap: round(cell.gapSum / cell.persons),
      shareGap1: round(cell.gap1 / cell.persons),
      shareGap2: round(cell.gap2 / cell.persons),
    };
  }

  async function buildHeatmap(ctx: AggregateContext, groupBy: GroupBy, filters: q.Filters): Promise<Heatmap> {
    const [rows, competences, names] = await readAll(db, [
      () => q.heatmapAggregates(db, ctx.scope, groupBy, filters),
      () => q.scopeCompetences(db, ctx.scope, ctx.scope.campaign ? undefined : filters.functionProfileId),
      () => q.groupLabels(db, ctx.organisationId, groupBy),
    ]);
    const zero = { persons: 0, gapSum: 0, gap1: 0, gap2: 0, coarser: [] as number[] };
    const byKey = new Map(rows.map((r) => [`${r.competenceId}|${r.groupId}`, r]));
    // Totals: every subject is in exactly one group, so a total is the sum of its groups (also
    // for the one-filter-fewer counts, which include groups outside the filters).
    const totalsOf = new Map<string, typeof zero>();
    for (const r of rows) {
      const sum = totalsOf.get(r.competenceId) ?? { persons: 0, gapSum: 0, gap1: 0, gap2: 0, coarser: r.coarser.map(() => 0) };
      sum.persons += r.persons;
      sum.gapSum += r.gapSum;
      sum.gap1 += r.gap1;
      sum.gap2 += r.gap2;
      r.coarser.forEach((count, i) => (sum.coarser[i] += count));
      totalsOf.set(r.competenceId, sum);
    }
    const listed = new Set(competences.map((c) => c.id));

    // Groups with at least one person under the filters.
    const groupIds = [...new Set(rows.filter((r) => r.persons > 0 && listed.has(r.competenceId)).map((r) => r.groupId))];
    const groups: HeatmapGroup[] = groupIds.map((id) => ({ id, label: names.get(id) ?? id }));
    groups.sort((a, b) => {
      if (groupBy === 'target_group') return targetGroupOrder.indexOf(a.id as TargetGroup) - targetGroupOrder.indexOf(b.id as TargetGroup);
      if (a.id === 'none' || b.id === 'none') return a.id === 'none' ? 1 : -1;
      return a.label.localeCompare(b.label, 'nl') || a.id.localeCompare(b.id);
    });

    const cells: HeatmapCell[] = [];
    const totals: HeatmapTotal[] = [];
    for (const competence of competences) {
      const total = totalsOf.get(competence.id) ?? zero;
      const parts = new Map(groups.map((g) => [g.id, byKey.get(`${competence.id}|${g.id}`) ?? zero]));
      const decided = discloseRow(total, parts, ctx.k);
      totals.push({ competenceId: competence.id, ...aggregateView(total, decided.total) });
      for (const g of groups)
        cells.push({ competenceId: competence.id, groupId: g.id, ...aggregateView(parts.get(g.id)!, decided.parts.get(g.id)!) });
    }
    return {
      threshold: ctx.k,
      groupBy,
      campaignId: ctx.scope.campaign?.id ?? null,
      groups,
      competences: competences.map((c) => ({ id: c.id, key: c.key, label: c.label })),
      cells,
      totals,
    };
  }

  function rankTopNeeds(heatmap: Heatmap, limit: number, lang: Lang): TopNeeds['groups'] {
    const competences = new Map(heatmap.competences.map((c) => [c.id, c]));
    return targetGroupOrder.map((targetGroup) => {
      const cells = heatmap.cells.filter((c) => c.groupId === targetGroup);
      const shown = cells.filter((c) => c.shown);
      const items = shown
        .map((c) => {
          const competence = competences.get(c.competenceId)!;
          return {
            competenceId: c.competenceId,
            key: competence.key,
            label: competence.label,
            assessed: c.assessed!,
            meanGap: c.meanGap!,
            shareGap1: c.shareGap1!,
            shareGap2: c.shareGap2!,
          };
        })
        .sort(
          (a, b) =>
            b.shareGap1 - a.shareGap1 ||
            b.meanGap - a.meanGap ||
            pickLocalized(a.label, lang).localeCompare(pickLocalized(b.label, lang), lang) ||
            a.key.localeCompare(b.key),
        )
        .slice(0, limit);
      return { targetGroup, items, suppressed: cells.length - shown.length };
    });
  }

  /**
   * How the actor relates to the person, and which of the person's ratings they may see
   * (src/domain/assessment/visibility.ts); throws 403 when neither HR nor the supervisor.
   */
  async function viewerOf(
    actor: Actor,
    organisationId: string,
    person: q.PersonRow,
  ): Promise<{ viewer: PersonDiagnosis['viewer']; levels: Visibility[] | null }> {
    if (person.user_id && person.user_id === actor.userId) return { viewer: 'self', levels: null };
    requireOrgPermission(actor, 'diagnosis:read', organisationId);
    const isHr = hasHrRole(actor, organisationId);
    const mine = await q.personIdsOfUser(db, organisationId, actor.userId);
    const isSupervisor = person.supervisor_id !== null && mine.includes(person.supervisor_id);
    if (!isHr && !isSupervisor)
      throw new AppError('tenancy.forbidden', { status: 403, detail: 'You may only see the results of the people you supervise.' });
    return { viewer: isHr ? 'hr' : 'supervisor', levels: visibleLevels({ isHr, isSupervisor }) };
  }

  async function personResult(
    actor: Actor,
    organisationId: string,
    person: q.PersonRow,
    { viewer, levels }: { viewer: PersonDiagnosis['viewer']; levels: Visibility[] | null },
    ip?: string,
  ): Promise<PersonDiagnosis> {
    const { validityMonths } = await settingsOf(organisationId);
    const [items, ratings] = await readAll(db, [
      () => (person.function_profile_id ? q.profileItems(db, person.function_profile_id) : Promise.resolve([])),
      () => q.personAssessments(db, organisationId, person.id, levels ? { visibilities: levels, authorUserId: actor.userId } : null),
    ]);
    const byCompetence = new Map<string, { source: AssessmentSource; level: number; assessedAt: Date }[]>();
    for (const r of ratings) {
      const list = byCompetence.get(r.competence_id) ?? [];
      list.push({ source: r.source, level: r.level, assessedAt: new Date(r.assessed_at) });
      byCompetence.set(r.competence_id, list);
    }
    const extraIds = [...byCompetence.keys()].filter((id) => !items.some((i) => i.competence_id === id));
    const extras = await q.competencesByIds(db, extraIds);
    extras.sort((a, b) => pickLocalized(a.label, 'nl').localeCompare(pickLocalized(b.label, 'nl'), 'nl') || a.key.localeCompare(b.key));
    const settings = { now: now(), validityMonths };
    const view = (
      competence: { id: string; key: string; label: PersonDiagnosisItem['competence']['label'] },
      profile: q.ProfileItemRow | null,
    ): PersonDiagnosisItem => {
      const result = currentLevel(byCompetence.get(competence.id) ?? [], settings);
      return {
        competence,
        importance: profile?.importance ?? null,
        required: profile?.required_level ?? null,
        futureLevel: profile?.future_level ?? null,
        horizonYear: profile?.horizon_year ?? null,
        self: result?.selfLevel ?? null,
        supervisor: result?.supervisorLevel ?? null,
        current: result?.level ?? null,
        source: result?.source ?? null,
        gap: gap(profile?.required_level, result?.level),
        stale: result?.stale ?? false,
        disagreement: result?.disagreement ?? false,
        assessedAt: result ? result.assessedAt.toISOString() : null,
      };
    };
    const result: PersonDiagnosis = {
      person: {
        id: person.id,
        displayName: person.display_name,
        team: person.team_id ? { id: person.team_id, name: person.team_name ?? '' } : null,
        functionProfile: person.function_profile_id ? { id: person.function_profile_id, name: person.profile_name ?? '' } : null,
        targetGroup: person.target_group,
      },
      viewer,
      items: [
        ...items.map((i) => view({ id: i.competence_id, key: i.key, label: i.label }, i)),
        ...extras.map((c) => view({ id: c.id, key: c.key, label: c.label }, null)),
      ],
    };
    if (viewer !== 'self') {
      await writeAudit(db, {
        event: 'person_result_viewed',
        actorUserId: actor.userId,
        organisationId,
        subject: person.id,
        ip,
        detail: { viewer },
      });
    }
    return result;
  }

  const screens = {
    async heatmap(actor: Actor | null, organisationId: string, query: HeatmapQuery): Promise<Heatmap> {
      requireOrgPermission(actor, 'diagnosis:read', organisationId);
      const ctx = await context(organisationId, query);
      return buildHeatmap(ctx, query.groupBy ?? 'team', {
        teamId: query.teamId,
        functionProfileId: query.functionProfileId,
        targetGroup: query.targetGroup,
      });
    },

    async topNeeds(actor: Actor | null, organisationId: string, query: TopNeedsQuery, locale?: string): Promise<TopNeeds> {
      const who = requireOrgPermission(actor, 'diagnosis:read', organisationId);
      const ctx = await context(organisationId, query);
      const heatmap = await buildHeatmap(ctx, 'target_group', {});
      return {
        threshold: ctx.k,
        campaignId: ctx.scope.campaign?.id ?? null,
        groups: rankTopNeeds(heatmap, query.limit ?? DEFAULT_TOP_NEEDS, asLang(locale ?? who.locale)),
      };
    },

    async disagreements(actor: Actor | null, organisationId: string, query: DisagreementsQuery): Promise<Disagreements> {
      const who = requireOrgPermission(actor, 'diagnosis:read', organisationId);
      const { campaign } = (await context(organisationId, { campaignId: query.campaignId })).scope;
      if (campaign?.mode === 'anonymous') return { campaignId: campaign.id, anonymousCampaign: true, items: [] };
      const rows = await q.disagreements(db, organisationId, {
        campaignId: campaign?.id ?? null,
        isHr: hasHrRole(who, organisationId),
        ownPersonIds: await q.personIdsOfUser(db, organisationId, who.userId),
        actorUserId: who.userId,
      });
      return {
        campaignId: campaign?.id ?? null,
        anonymousCampaign: false,
        items: rows.map((r) => ({
          personId: r.person_id,
          personName: r.display_name,
          team: r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null,
          competence: { id: r.competence_id, key: r.key, label: r.label },
          selfLevel: Number(r.self_level),
          supervisorLevel: Number(r.supervisor_level),
          currentLevel: Number(r.current_level),
        })),
      };
    },

    /** A person's result: the person themself, HR, or their supervisor (per rating visibility). */
    async personDiagnosis(actor: Actor | null, organisationId: string, personId: string, ip?: string): Promise<PersonDiagnosis> {
      const who = requireOrgPermission(actor, 'organisation:read', organisationId);
      const person = await q.findPerson(db, organisationId, personId);
      if (!person) {
        // Only those who may read others' results learn whether a person exists.
        requireOrgPermission(who, 'diagnosis:read', organisationId);
        throw notFound('person');
      }
      return personResult(who, organisationId, person, await viewerOf(who, organisationId, person), ip);
    },

    /** The signed-in user's own result in the organisation (any role). */
    async myDiagnosis(actor: Actor | null, organisationId: string): Promise<PersonDiagnosis> {
      const who = requireOrgPermission(actor, 'organisation:read', organisationId);
      const [personId] = await q.personIdsOfUser(db, organisationId, who.userId);
      if (!personId)
        throw new AppError('resource.not_found', { status: 404, detail: 'Your account is not linked to a person in this organisation.' });
      const person = (await q.findPerson(db, organisationId, personId))!;
      return personResult(who, organisationId, person, { viewer: 'self', levels: null });
    },

    async prognosis(actor: Actor | null, organisationId: string, query: PrognosisQuery, locale?: string): Promise<Prognosis> {
      const who = requireOrgPermission(actor, 'diagnosis:read', organisationId);
      const ctx = await context(organisationId, query);
      const today = now();
      const currentYear = yearInBrussels(today);
      if (query.horizonYear !== undefined && query.horizonYear < currentYear)
        throw badRequest('/querystring/horizonYear', `must be ${currentYear} or later`);
      const latest = await q.latestHorizonYear(db, organisationId);
      const horizonYear = query.horizonYear ?? (latest !== null && latest >= currentYear ? latest : currentYear + DEFAULT_HORIZON_YEARS);

      const classes = await q.prognosisClasses(db, ctx.scope, todayInBrussels(today), currentYear);
      const perCompetence = new Map<string, PrognosisSubject[]>();
      for (const r of classes) {
        const list = perCompetence.get(r.competence_id) ?? [];
        list.push({
          count: r.n,
          currentLevel: r.current_level === null ? null : Number(r.current_level),
          requiredLevel: Number(r.required_level),
          futureLevel: r.future_level === null ? null : Number(r.future_level),
          futureYear: r.horizon_year === null ? null : Number(r.horizon_year),
          employedNow: Boolean(r.employed_now),
          exitYear: r.exit_year === null ? null : Number(r.exit_year),
        });
        perCompetence.set(r.competence_id, list);
      }
      const competences = await q.competencesByIds(db, [...perCompetence.keys()]);
      const lang = asLang(locale ?? who.locale);
      const rows: PrognosisRow[] = competences.map((c) => {
        const result = competencePrognosis(perCompetence.get(c.id)!, horizonYear);
        // A row is shown only when every non-empty point is built from at least k persons.
        const hidden = [result.now, result.horizon]
          .map((p) => (p.needed === 0 ? null : discloseCell({ persons: p.needed }, ctx.k)))
          .find((d) => d && !d.shown);
        const competence = { id: c.id, key: c.key, label: c.label };
        if (hidden) return { competence, shown: false, reason: hidden.reason, now: null, horizon: null };
        const rounded = (p: typeof result.now) => ({ ...p, coverage: p.coverage === null ? null : round(p.coverage) });
        return { competence, shown: true, now: rounded(result.now), horizon: rounded(result.horizon) };
      });
      rows.sort((a, b) => {
        if (a.shown !== b.shown) return a.shown ? -1 : 1;
        const riskA = a.horizon?.atRisk ? 0 : 1;
        const riskB = b.horizon?.atRisk ? 0 : 1;
        return (
          riskA - riskB ||
          (a.horizon?.coverage ?? 0) - (b.horizon?.coverage ?? 0) ||
          pickLocalized(a.competence.label, lang).localeCompare(pickLocalized(b.competence.label, lang), lang) ||
          a.competence.key.localeCompare(b.competence.key)
        );
      });
      return { threshold: ctx.k, campaignId: ctx.scope.campaign?.id ?? null, currentYear, horizonYear, competences: rows };
    },
  };

  /** The language of exports: asked, else the user's, else Dutch. */
  const exportLocale = (actor: Actor, asked?: ReportLocale): ReportLocale => asked ?? asLang(actor.locale);

  /**
   * Exports need data:export besides diagnosis:read (checked by the screen function they call),
   * so they are for org_admin and hr. They call the SAME functions as the screens: suppression is
   * identical by construction. Every export is audited.
   */
  async function exportTable(
    actor: Actor | null,
    organisationId: string,
    name: 'heatmap' | 'top-needs' | 'prognosis',
    format: ExportFormat,
    build: (t: Translate, lang: Lang) => Promise<Table>,
    ip?: string,
    asked?: ReportLocale,
  ): Promise<ExportFile> {
    const who = requireOrgPermission(actor, 'data:export', organisationId);
    const locale = exportLocale(who, asked);
    const table = await build(translator(locale), locale);
    const body = format === 'xlsx' ? await toXlsx(table) : toCsv(table);
    await writeAudit(db, {
      event: 'data_export',
      actorUserId: who.userId,
      organisationId,
      subject: `diagnosis-${name}.${format}`,
      ip,
      detail: { rows: table.rows.length },
    });
    return {
      body,
      contentType: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      filename: `diagnosis-${name}.${format}`,
    };
  }

  return {
    ...screens,

    exportHeatmap(actor: Actor | null, organisationId: string, query: HeatmapExportQuery, ip?: string) {
      const { format = 'csv', locale, ...rest } = query;
      return exportTable(
        actor,
        organisationId,
        'heatmap',
        format,
        async (t, lang) => heatmapTable(await screens.heatmap(actor, organisationId, rest), t, lang),
        ip,
        locale,
      );
    },

    exportTopNeeds(actor: Actor | null, organisationId: string, query: TopNeedsExportQuery, ip?: string) {
      const { format = 'csv', locale, ...rest } = query;
      return exportTable(
        actor,
        organisationId,
        'top-needs',
        format,
        async (t, lang) => topNeedsTable(await screens.topNeeds(actor, organisationId, rest, lang), t, lang),
        ip,
        locale,
      );
    },

    exportPrognosis(actor: Actor | null, organisationId: string, query: PrognosisExportQuery, ip?: string) {
      const { format = 'csv', locale, ...rest } = query;
      return exportTable(
        actor,
        organisationId,
        'prognosis',
        format,
        async (t, lang) => prognosisTable(await screens.prognosis(actor, organisationId, rest, lang), t, lang),
        ip,
        locale,
      );
    },

    /** The printable PDF report: heat map, top needs, prognosis and method. */
    async report(actor: Actor | null, organisationId: string, query: ReportQuery, ip?: string): Promise<ExportFile> {
      const who = requireOrgPermission(actor, 'data:export', organisationId);
      const locale = exportLocale(who, query.locale);
      const heatmap = await screens.heatmap(who, organisationId, { campaignId: query.campaignId, groupBy: query.groupBy });
      const topNeeds = await screens.topNeeds(who, organisationId, { campaignId: query.campaignId }, locale);
      const prognosis = await screens.prognosis(
        who,
        organisationId,
        { campaignId: query.campaignId, horizonYear: query.horizonYear },
        locale,
      );
      const { name, k, validityMonths } = await settingsOf(organisationId);
      const campaign = query.campaignId ? await q.findCampaign(db, organisationId, query.campaignId) : null;
      const body = await renderReport({
        locale,
        t: translator(locale),
        organisationName: name,
        campaignTitle: campaign?.title ?? null,
        generatedAt: now(),
        k,
        validityMonths,
        heatmap,
        topNeeds,
        prognosis,
      });
      await writeAudit(db, {
        event: 'data_export',
        actorUserId: who.userId,
        organisationId,
        subject: 'diagnosis-report.pdf',
        ip,
        detail: { campaignId: campaign?.id ?? null, locale },
      });
      return { body, contentType: 'application/pdf', filename: `diagnosis-report-${locale}.pdf` };
    },
  };
}

export interface ExportFile {
  body: Buffer | string;
  contentType: string;
  filename: string;
}
