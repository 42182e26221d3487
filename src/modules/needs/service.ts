import type { Db, Executor } from '../../db/client.js';
import { readAll } from '../../db/read-all.js';
import type { OrganisationSettings } from '../../db/schema/index.js';
import { todayInBrussels } from '../../domain/calendar/brussels.js';
import { pickLocalized, type Lang } from '../../domain/competences/localized.js';
import {
  compareByPriority,
  defaultWeights,
  priority,
  priorityCriteria,
  PriorityInputError,
  validateScore,
  validateWeights,
  type PriorityCriterion,
  type Scores,
  type Weights,
} from '../../domain/priority/score.js';
import { classifyTriage, gilbertFactors, type GilbertFactor } from '../../domain/triage/classify.js';
import { writeAudit } from '../../server/audit.js';
import { AppError, badRequest, notFound } from '../../server/errors.js';
import { isHr, loadSupervision } from '../../server/supervision.js';
import { requireOrgPermission, type Actor } from '../../server/tenancy.js';
import { toCsv, toXlsx, type CellValue, type Table } from '../diagnosis/exports.js';
import type { DiagnosisService } from '../diagnosis/service.js';
import { usableCompetenceIds } from '../function-profiles/queries.js';
import type { LearningQuestionsService } from '../learning-questions/service.js';
import { translator, type MessageKey } from './messages.js';
import * as q from './queries.js';
import type {
  CreateNeedBody,
  CriterionView,
  FromDiagnosisBody,
  NeedActionView,
  NeedDetail,
  NeedListQuery,
  NeedPage,
  NeedSummary,
  PriorityView,
  PutPriorityBody,
  RankedExportQuery,
  RankedItem,
  RankedNeeds,
  RankedQuery,
  TriageBody,
  TriageOutcome,
  TriageView,
  UpdateNeedBody,
  WeightsView,
} from './schemas.js';
import { suggestionsFor, type Suggestions } from './suggestions.js';

interface Problem {
  path: string;
  message: string;
}

function rejectIf(problems: Problem[]): void {
  if (!problems.length) return;
  throw new AppError('validation.failed', {
    status: 400,
    detail: problems.map((p) => `${p.path} ${p.message}`).join('; '),
    errors: problems,
  });
}

const asLang = (locale: string | undefined): Lang => (locale === 'fr' || locale === 'en' ? locale : 'nl');
const centiToValue = (centi: number | null) => (centi === null ? null : centi / 100);
const targetGroups = ['target_group_employee', 'supervisory_staff', 'other_staff'] as const;

/** The organisation's weights (domain-rules §6), default all 1. */
export function weightsOf(settings: OrganisationSettings | null): { weights: Weights; isDefault: boolean } {
  const stored = settings?.priorityWeights;
  if (!stored) return { weights: { ...defaultWeights }, isDefault: true };
  return { weights: { ...defaultWeights, ...stored }, isDefault: false };
}

export interface ExportFile {
  body: Buffer | string;
  contentType: string;
  filename: string;
}

export type NeedsService = ReturnType<typeof createNeedsService>;

export interface NeedsDeps {
  db: Db;
  now?: () => Date;
  /** The diagnosis a need is suggested from (heat map, prognosis), with the same access checks as its own routes. */
  diagnosis: DiagnosisService;
  /** The learning questions a need links to, read with their own access checks. */
  questions: LearningQuestionsService;
}

/** Modules do not build each other's services: the app (or the seed) passes in the two this one reads through. */
export function createNeedsService({ db, now = () => new Date(), diagnosis, questions }: NeedsDeps) {
  function summaryOf(row: q.NeedListRow): NeedSummary {
    const n = row.need;
    return {
      id: n.id,
      title: n.title,
      competence: n.competenceId ? { id: n.competenceId, key: row.competenceKey ?? '', label: row.competenceLabel ?? {} } : null,
      team: n.teamId ? { id: n.teamId, name: row.teamName ?? '' } : null,
      functionProfile: n.functionProfileId ? { id: n.functionProfileId, name: row.profileName ?? '' } : null,
      targetGroup: n.targetGroup,
      peopleCount: n.peopleCount,
      sources: n.sources,
      urgencyDate: n.urgencyDate,
      status: n.status,
      classification: n.classification,
      priority: centiToValue(n.priorityCenti),
      createdAt: n.createdAt.toISOString(),
      updatedAt: n.updatedAt.toISOString(),
    };
  }

  function triageView(row: { triage: q.TriageRow; deciderName: string | null }): TriageView {
    const t = row.triage;
    const factors = Object.fromEntries(
      gilbertFactors.map((f) => [f, { answer: t.factors[f]?.answer ?? 'unknown', note: t.factors[f]?.note ?? '' }]),
    ) as TriageView['factors'];
    return {
      id: t.id,
      needId: t.needId,
      learningQuestionId: t.learningQuestionId,
      factors,
      wishToLearn: t.wishToLearn,
      wishNote: t.wishNote,
      classification: t.classification,
      deadline: t.deadline,
      starrInterviewId: t.starrInterviewId,
      decidedBy: t.decidedBy ? { id: t.decidedBy, displayName: row.deciderName ?? '' } : null,
      decidedAt: t.decidedAt.toISOString(),
    };
  }

  const actionView = (a: q.ActionRow): NeedActionView => ({
    id: a.id,
    planId: a.planId,
    planYear: a.planYear,
    title: a.title,
    kind: a.kind,
    nonTrainingKind: a.nonTrainingKind,
    status: a.status,
  });

  /** The named people the actor may see: HR everyone; a manager only the people they supervise. */
  async function visiblePeopleFilter(tx: Executor, actor: Actor, organisationId: string): Promise<((personId: string) => boolean) | null> {
    if (isHr(actor, organisationId)) return null;
    const supervision = await loadSupervision(tx, organisationId, actor.userId);
    return (personId) => supervision.personIds.has(personId);
  }

  async function detail(tx: Executor, actor: Actor, organisationId: string, id: string): Promise<NeedDetail> {
    const [row] = await q.listNeeds(tx, organisationId, { id });
    if (!row) throw notFound('need');
    const n = row.need;
    const [persons, latest, actions, issueTitle, visible] = await readAll(tx, [
      () => q.peopleOfNeeds(tx, [id]),
      () => q.triageHistory(tx, organisationId, { needId: id }, 1),
      () => q.actionsOfNeeds(tx, organisationId, [id]),
      () => (n.organisationIssueId ? q.issueTitle(tx, organisationId, n.organisationIssueId) : Promise.resolve(null)),
      () => visiblePeopleFilter(tx, actor, organisationId),
    ]);
    const shown = visible ? persons.filter((p) => visible(p.personId)) : persons;
    return {
      ...summaryOf(row),
      description: n.description,
      learningQuestionId: n.learningQuestionId,
      organisationIssue: n.organisationIssueId ? { id: n.organisationIssueId, title: issueTitle ?? '' } : null,
      people: shown.map((p) => ({ id: p.personId, displayName: p.displayName })),
      hiddenPeople: persons.length - shown.length,
      gapSummary: n.gapSummary,
      latestTriage: latest[0] ? triageView(latest[0]) : null,
      actions: actions.map(actionView),
      createdBy: n.createdBy,
    };
  }

  /** Checks every id of a create/update body against the organisation; all problems at once. */
  async function checkReferences(
    tx: Executor,
    organisationId: string,
    input: Partial<
      Pick<CreateNeedBody, 'competenceId' | 'learningQuestionId' | 'organisationIssueId' | 'teamId' | 'functionProfileId' | 'personIds'>
    >,
  ): Promise<Problem[]> {
    const problems: Problem[] = [];
    if (input.competenceId && !(await usableCompetenceIds(tx, organisationId, [input.competenceId])).has(input.competenceId)) {
      problems.push({ path: '/body/competenceId', message: 'does not exist or is not available to this organisation' });
    }
    const single = [
      ['learningQuestionId', 'learning_questions', 'is not a learning question of this organisation'],
      ['organisationIssueId', 'organisation_issues', 'is not an organisation issue of this organisation'],
      ['teamId', 'teams', 'is not a team of this organisation'],
      ['functionProfileId', 'function_profiles', 'is not a function profile of this organisation'],
    ] as const;
    for (const [field, table, message] of single) {
      const value = input[field];
      if (value && !(await q.existingIds(tx, table, organisationId, [value])).has(value))
        problems.push({ path: `/body/${field}`, message });
    }
    if (input.personIds?.length) {
      const known = await q.existingIds(tx, 'people', organisationId, input.personIds);
      input.personIds.forEach((id, index) => {
        if (!known.has(id)) problems.push({ path: `/body/personIds/${index}`, message: 'is not a person of this organisation' });
      });
    }
    return problems;
  }

  function defaultSources(input: { learningQuestionId?: string | null; organisationIssueId?: string | null }): NeedSummary['sources'] {
    const sources: NeedSummary['sources'] = ['manual'];
    if (input.learningQuestionId) sources.push('learning_question');
    if (input.organisationIssueId) sources.push('organisation_issue');
    return sources;
  }

  async function weights(tx: Executor, organisationId: string) {
    return weightsOf((await q.organisationSettings(tx, organisationId)) as OrganisationSettings | null);
  }

  function scoresMap(rows: Awaited<ReturnType<typeof q.scoresOfNeeds>>, needId: string): Scores {
    const scores: Scores = {};
    for (const { score } of rows) {
      if (score.needId !== needId || !(priorityCriteria as readonly string[]).includes(score.criterion)) continue;
      scores[score.criterion as PriorityCriterion] = { score: score.score, origin: score.origin, reason: score.reason };
    }
    return scores;
  }

  async function priorityView(tx: Executor, organisationId: string, needId: string, suggestions: Suggestions): Promise<PriorityView> {
    const [{ weights: w }, rows] = await readAll(tx, [() => weights(tx, organisationId), () => q.scoresOfNeeds(tx, [needId])]);
    const scores = scoresMap(rows, needId);
    const result = priority(scores, w);
    const criteria: CriterionView[] = priorityCriteria.map((criterion) => {
      const stored = rows.find((r) => r.score.criterion === criterion);
      return {
        criterion,
        weight: w[criterion],
        suggestion: suggestions[criterion].suggestion,
        note: suggestions[criterion].note,
        current: stored
          ? {
              score: stored.score.score,
              origin: stored.score.origin,
              reason: stored.score.reason,
              suggestedScore: stored.score.suggestedScore,
              setBy: stored.score.setBy ? { id: stored.score.setBy, displayName: stored.setByName ?? '' } : null,
              setAt: stored.score.setAt.toISOString(),
            }
          : null,
      };
    });
    return { needId, weights: w, value: result.value, counted: result.counted, missing: result.missing, criteria };
  }

  /** Stores the weighted priority of needs for sorting (after scores or weights change). */
  async function recompute(tx: Executor, organisationId: string, needIds: readonly string[], w: Weights): Promise<void> {
    const rows = await q.scoresOfNeeds(tx, needIds);
    await q.setPriorityCenti(
      tx,
      organisationId,
      needIds.map((id) => {
        const value = priority(scoresMap(rows, id), w).value;
        return { id, centi: value === null ? null : Math.round(value * 100) };
      }),
    );
  }

  /** The label of a heat-map group in the actor's language, for the need's title. */
  function groupTitle(groupBy: FromDiagnosisBody['groupBy'], groupId: string, label: string, lang: Lang): string {
    const t = translator(lang);
    if (groupId === 'none') return t(groupBy === 'function_profile' ? 'none_function_profile' : 'none_team');
    if (groupBy === 'target_group') return t(groupId as MessageKey);
    return label;
  }

  // ------------------------------------------------------------------ ranked list

  async function ranked(actor: Actor | null, organisationId: string, query: RankedQuery): Promise<RankedNeeds> {
    requireOrgPermission(actor, 'need:read', organisationId);
    const { weights: w } = await weights(db, organisationId);
    const rows = await q.listNeeds(db, organisationId, query);
    const scoreRows = await q.scoresOfNeeds(
      db,
      rows.map((r) => r.need.id),
    );
    const entries = rows.map((row) => {
      const scores = scoresMap(scoreRows, row.need.id);
      const value = priority(scores, w).value;
      return {
        row,
        scores,
        key: {
          priority: value,
          urgency: scores.urgency?.score ?? null,
          people: row.need.peopleCount,
          title: row.need.title,
          id: row.need.id,
        },
      };
    });
    const byRule = [...entries].sort((a, b) => compareByPriority(a.key, b.key));
    const rank = new Map(byRule.map((e, i) => [e.row.need.id, i + 1]));
    const sort = query.sort ?? 'priority';
    const natural: Record<NonNullable<RankedQuery['sort']>, 'asc' | 'desc'> = {
      priority: 'desc',
      title: 'asc',
      urgency: 'asc',
      people: 'desc',
      created: 'desc',
    };
    const primary: Record<NonNullable<RankedQuery['sort']>, (a: (typeof entries)[number], b: (typeof entries)[number]) => number> = {
      priority: () => 0,
      title: (a, b) => a.row.need.title.localeCompare(b.row.need.title, 'nl'),
      urgency: (a, b) => (a.row.need.urgencyDate ?? '9999-12-31').localeCompare(b.row.need.urgencyDate ?? '9999-12-31'),
      people: (a, b) => b.row.need.peopleCount - a.row.need.peopleCount,
      created: (a, b) => b.row.need.createdAt.getTime() - a.row.need.createdAt.getTime(),
    };
    const sorted = [...byRule].sort((a, b) => primary[sort](a, b) || rank.get(a.row.need.id)! - rank.get(b.row.need.id)!);
    if (query.order && query.order !== natural[sort]) sorted.reverse();
    const items: RankedItem[] = sorted.map((e) => ({
      rank: rank.get(e.row.need.id)!,
      need: { ...summaryOf(e.row), priority: e.key.priority },
      breakdown: priorityCriteria.map((criterion) => ({
        criterion,
        weight: w[criterion],
        score: e.scores[criterion]?.score ?? null,
        origin: e.scores[criterion]?.origin ?? null,
      })),
    }));
    return { weights: w, items };
  }

  function rankedTable(list: RankedNeeds, lang: Lang): Table {
    const t = translator(lang);
    const group = (n: NeedSummary) =>
      [n.team?.name, n.functionProfile?.name, n.targetGroup ? t(n.targetGroup) : undefined]
        .filter((x): x is string => Boolean(x))
        .join(' / ');
    const rows: CellValue[][] = list.items.map((item) => {
      const n = item.need;
      return [
        item.rank,
        n.title,
        n.competence ? pickLocalized(n.competence.label, lang) : '',
        group(n),
        n.peopleCount,
        t(`status_${n.status}` as MessageKey),
        n.classification ? t(`classification_${n.classification}` as MessageKey) : '',
        n.priority,
        ...item.breakdown.map((b) => b.score),
        n.urgencyDate ?? '',
        n.sources.map((s) => t(`source_${s}` as MessageKey)).join(', '),
      ];
    });
    return {
      sheet: t('sheet'),
      columns: [
        { header: t('rank'), format: 'integer' },
        { header: t('title') },
        { header: t('competence') },
        { header: t('group') },
        { header: t('people'), format: 'integer' },
        { header: t('status') },
        { header: t('classification') },
        { header: t('priority'), format: 'decimal' },
        ...priorityCriteria.map((c) => ({
          header: `${t(`criterion_${c}` as MessageKey)} (× ${list.weights[c]})`,
          format: 'integer' as const,
        })),
        { header: t('urgencyDate') },
        { header: t('sources') },
      ],
      rows,
    };
  }

  return {
    // ---------------------------------------------------------------- register

    async listNeeds(actor: Actor | null, organisationId: string, query: NeedListQuery): Promise<NeedPage> {
      requireOrgPermission(actor, 'need:read', organisationId);
      const sort = query.sort ?? 'created';
      const limit = query.limit ?? 50;
      let after: { value: string | number; id: string } | undefined;
      if (query.cursor) {
        try {
          const parsed = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as {
            s: string;
            v: string | number;
            id: string;
          };
          if (parsed.s !== sort || !/^[0-9a-f-]{36}$/i.test(parsed.id) || (typeof parsed.v !== 'string' && typeof parsed.v !== 'number'))
            throw new Error('mismatch');
          after = { value: parsed.v, id: parsed.id };
        } catch {
          throw badRequest('/querystring/cursor', 'is not a cursor of this list (use nextCursor with the same sort)');
        }
      }
      const rows = await q.listNeeds(db, organisationId, query, { sort, limit: limit + 1, after });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > limit && last
          ? Buffer.from(JSON.stringify({ s: sort, v: q.sortValue(last.need, sort), id: last.need.id })).toString('base64url')
          : null;
      return { items: page.map(summaryOf), nextCursor };
    },

    async getNeed(actor: Actor | null, organisationId: string, id: string): Promise<NeedDetail> {
      const who = requireOrgPermission(actor, 'need:read', organisationId);
      return detail(db, who, organisationId, id);
    },

    async createNeed(actor: Actor | null, organisationId: string, input: CreateNeedBody): Promise<NeedDetail> {
      const who = requireOrgPermission(actor, 'need:write', organisationId);
      const title = input.title.trim();
      const problems: Problem[] = title ? [] : [{ path: '/body/title', message: 'must not be blank' }];
      const personIds = input.personIds ?? [];
      if (personIds.length && input.peopleCount !== undefined && input.peopleCount !== personIds.length) {
        problems.push({ path: '/body/peopleCount', message: 'is the number of personIds when people are named; leave it out' });
      }
      return db.transaction(async (tx) => {
        rejectIf([...problems, ...(await checkReferences(tx, organisationId, input))]);
        const need = await q.insertNeed(tx, {
          organisationId,
          title,
          description: input.description ?? '',
          competenceId: input.competenceId ?? null,
          learningQuestionId: input.learningQuestionId ?? null,
          organisationIssueId: input.organisationIssueId ?? null,
          teamId: input.teamId ?? null,
          functionProfileId: input.functionProfileId ?? null,
          targetGroup: input.targetGroup ?? null,
          peopleCount: personIds.length || (input.peopleCount ?? 0),
          sources: input.sources ?? defaultSources(input),
          urgencyDate: input.urgencyDate ?? null,
          createdBy: who.userId,
        });
        if (personIds.length) await q.replaceNeedPeople(tx, need.id, personIds);
        await writeAudit(tx, {
          event: 'need_created',
          actorUserId: who.userId,
          organisationId,
          subject: need.id,
          detail: { from: 'manual', people: need.peopleCount },
        });
        return detail(tx, who, organisationId, need.id);
      });
    },

    async updateNeed(actor: Actor | null, organisationId: string, id: string, input: UpdateNeedBody): Promise<NeedDetail> {
      const who = requireOrgPermission(actor, 'need:write', organisationId);
      return db.transaction(async (tx) => {
        const need = await q.findNeed(tx, organisationId, id);
        if (!need) throw notFound('need');
        const problems: Problem[] = [];
        const changes: Partial<q.NeedInsert> = {};
        if (input.title !== undefined) {
          changes.title = input.title.trim();
          if (!changes.title) problems.push({ path: '/body/title', message: 'must not be blank' });
        }
        const named = (await q.peopleOfNeeds(tx, [id])).length;
        if (input.personIds !== undefined) {
          if (input.personIds.length && input.peopleCount !== undefined && input.peopleCount !== input.personIds.length) {
            problems.push({ path: '/body/peopleCount', message: 'is the number of personIds when people are named; leave it out' });
          }
          changes.peopleCount = input.personIds.length || (input.peopleCount ?? 0);
        } else if (input.peopleCount !== undefined) {
          if (named > 0)
            problems.push({ path: '/body/peopleCount', message: 'follows the named people of this need; change personIds instead' });
          changes.peopleCount = input.peopleCount;
        }
        rejectIf([...problems, ...(await checkReferences(tx, organisationId, input))]);
        for (const field of [
          'description',
          'competenceId',
          'learningQuestionId',
          'organisationIssueId',
          'teamId',
          'functionProfileId',
          'targetGroup',
          'sources',
          'urgencyDate',
          'status',
        ] as const) {
          if (input[field] !== undefined) (changes as Record<string, unknown>)[field] = input[field];
        }
        await q.updateNeed(tx, organisationId, id, changes);
        if (input.personIds !== undefined) await q.replaceNeedPeople(tx, id, input.personIds);
        return detail(tx, who, organisationId, id);
      });
    },

    async deleteNeed(actor: Actor | null, organisationId: string, id: string): Promise<void> {
      requireOrgPermission(actor, 'need:write', organisationId);
      if (!(await q.deleteNeed(db, organisationId, id))) throw notFound('need');
    },

    /**
     * One click from a heat-map cell or a top-need row: the cell's figures, its named people with a
     * gap ≥ 1 (or only their count for an anonymous campaign), and the sources that speak for it.
     * A hidden cell (anonymity) is refused. Clicking again returns the open need made earlier.
     */
    async fromDiagnosis(
      actor: Actor | null,
      organisationId: string,
      input: FromDiagnosisBody,
    ): Promise<{ created: boolean; need: NeedDetail }> {
      const who = requireOrgPermission(actor, 'need:write', organisationId);
      requireOrgPermission(who, 'diagnosis:read', organisationId);
      let mode: 'named' | 'anonymous' = 'named';
      if (input.campaignId) {
        const campaign = await q.campaignMode(db, organisationId, input.campaignId);
        if (!campaign) throw badRequest('/body/campaignId', 'is not a campaign of this organisation');
        mode = campaign;
      }
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
      if (
        input.groupBy === 'target_group'
          ? !(targetGroups as readonly string[]).includes(input.groupId)
          : input.groupId !== 'none' && !uuid.test(input.groupId)
      ) {
        throw badRequest(
          '/body/groupId',
          input.groupBy === 'target_group' ? `must be one of ${targetGroups.join(', ')}` : "must be a uuid or 'none'",
        );
      }
      if (!uuid.test(input.competenceId)) throw badRequest('/body/competenceId', 'must be a uuid');

      const heatmap = await diagnosis.heatmap(who, organisationId, { groupBy: input.groupBy, campaignId: input.campaignId });
      const competence = heatmap.competences.find((c) => c.id === input.competenceId);
      if (!competence)
        throw badRequest(
          '/body/competenceId',
          'is not in the diagnosis (not in a function profile of the organisation, or not in the campaign)',
        );
      const group = heatmap.groups.find((g) => g.id === input.groupId);
      const cell = heatmap.cells.find((c) => c.competenceId === input.competenceId && c.groupId === input.groupId);
      if (!group || !cell) throw badRequest('/body/groupId', 'is not a group of the heat map');
      if (!cell.shown) {
        throw badRequest(
          '/body/groupId',
          `is hidden in the diagnosis (${cell.reason ?? 'below_threshold'}: fewer than ${heatmap.threshold} people, or it would reveal a hidden cell), so it cannot become a need with figures; make the need by hand without figures`,
          'need.cell_hidden',
        );
      }
      const groupFields = {
        teamId: input.groupBy === 'team' && input.groupId !== 'none' ? input.groupId : null,
        functionProfileId: input.groupBy === 'function_profile' && input.groupId !== 'none' ? input.groupId : null,
        targetGroup: input.groupBy === 'target_group' ? (input.groupId as (typeof targetGroups)[number]) : null,
      };
      const existing = await q.findOpenNeedForCell(db, organisationId, input.competenceId, groupFields);
      if (existing) return { created: false, need: await detail(db, who, organisationId, existing.id) };

      const personIds =
        mode === 'named'
          ? await q.namedGapPersons(db, organisationId, input.campaignId ?? null, input.competenceId, input.groupBy, input.groupId)
          : [];
      const peopleCount = mode === 'named' ? personIds.length : Math.round(cell.shareGap1! * cell.assessed!);
      const issues = await q.openIssuesFor(db, organisationId, input.competenceId, groupFields.teamId);
      const prognosis = await diagnosis.prognosis(who, organisationId, { campaignId: input.campaignId });
      const risk = prognosis.competences.find((c) => c.competence.id === input.competenceId && c.shown);
      const sources: NeedSummary['sources'] = ['diagnosis'];
      if (issues.length) sources.push('organisation_issue');
      if (risk?.now?.atRisk || risk?.horizon?.atRisk) sources.push('prognosis');
      const lang = asLang(who.locale);
      const title = translator(lang)('needTitle', {
        competence: pickLocalized(competence.label, lang) || competence.key,
        group: groupTitle(input.groupBy, input.groupId, group.label, lang),
      }).slice(0, 200);

      return db.transaction(async (tx) => {
        const need = await q.insertNeed(tx, {
          organisationId,
          title,
          competenceId: input.competenceId,
          organisationIssueId: issues[0] ?? null,
          ...groupFields,
          peopleCount,
          sources,
          gapSummary: { assessed: cell.assessed!, meanGap: cell.meanGap!, shareGap1: cell.shareGap1!, shareGap2: cell.shareGap2! },
          urgencyDate: input.urgencyDate ?? null,
          createdBy: who.userId,
        });
        if (personIds.length) await q.replaceNeedPeople(tx, need.id, personIds);
        await writeAudit(tx, {
          event: 'need_created',
          actorUserId: who.userId,
          organisationId,
          subject: need.id,
          detail: {
            from: 'diagnosis',
            competenceId: input.competenceId,
            groupBy: input.groupBy,
            groupId: input.groupId,
            campaignId: input.campaignId ?? null,
            people: peopleCount,
          },
        });
        return { created: true, need: await detail(tx, who, organisationId, need.id) };
      });
    },

    // ---------------------------------------------------------------- triage

    /**
     * Triage of a need (domain-rules §5) in ONE transaction: the triage row, the need's
     * classification (status open → triaged), and for non-training one plan action per proposed
     * kind in the draft plan of the current year (made when missing). An approved or closed plan
     * is not changed: the actions are then only proposed in the answer.
     */
    async triageNeed(actor: Actor | null, organisationId: string, id: string, input: TriageBody, ip?: string): Promise<TriageOutcome> {
      const who = requireOrgPermission(actor, 'need:write', organisationId);
      return db.transaction(async (tx) => {
        const need = await q.findNeed(tx, organisationId, id);
        if (!need) throw notFound('need');
        if (input.starrInterviewId && !(await q.starrExists(tx, organisationId, input.starrInterviewId))) {
          throw badRequest('/body/starrInterviewId', 'is not a STARR interview of this organisation');
        }
        const result = classifyTriage({ factors: answersOf(input), wishToLearn: input.wishToLearn });
        const decidedAt = now();
        const triage = await q.insertTriage(tx, {
          ...triageValues(organisationId, input, result.classification, who.userId, decidedAt),
          needId: id,
        });
        await q.updateNeed(tx, organisationId, id, {
          classification: result.classification,
          ...(need.status === 'open' ? { status: 'triaged' as const } : {}),
        });

        const actions: TriageOutcome['actions'] = { written: false, planId: null, planYear: null, planStatus: null, created: [] };
        if (result.classification === 'non_training') {
          const year = Number(todayInBrussels(decidedAt).slice(0, 4));
          const plan = (await q.planOfYear(tx, organisationId, year, true))!;
          Object.assign(actions, { planId: plan.id, planYear: plan.year, planStatus: plan.status });
          if (plan.status === 'draft') {
            actions.written = true;
            const existing = new Set(
              (await q.actionsOfNeeds(tx, organisationId, [id]))
                .filter((a) => a.planId === plan.id && a.kind === 'non_training')
                .map((a) => a.nonTrainingKind),
            );
            let position = await q.nextActionPosition(tx, plan.id);
            const t = translator('nl');
            for (const proposed of result.proposedActions) {
              if (existing.has(proposed.kind)) continue;
              const row = await q.insertAction(
                tx,
                {
                  planId: plan.id,
                  organisationId,
                  kind: 'non_training',
                  nonTrainingKind: proposed.kind,
                  title: `${t(`action_${proposed.kind}` as MessageKey)}: ${need.title}`.slice(0, 300),
                  description: input.factors[proposed.factor].note?.trim() ?? '',
                  participantsCount: need.peopleCount,
                  position: position++,
                },
                id,
              );
              actions.created.push({
                id: row.id,
                planId: plan.id,
                planYear: plan.year,
                title: row.title,
                kind: row.kind,
                nonTrainingKind: row.nonTrainingKind,
                status: row.status,
              });
            }
          }
        }
        await writeAudit(tx, {
          event: 'triage_decided',
          actorUserId: who.userId,
          organisationId,
          subject: id,
          ip,
          detail: {
            needId: id,
            classification: result.classification,
            actionsCreated: actions.created.length,
            planStatus: actions.planStatus,
          },
        });
        return {
          triage: triageView({ triage, deciderName: who.displayName }),
          reason: result.reason,
          proposedActions: result.proposedActions,
          actions,
        };
      });
    },

    /**
     * Triage of a learning question the actor may see (HR, or a manager for their own people):
     * stored with its history; non-training actions are only proposed — they are written for a
     * need (make the question a need to track them in the plan).
     */
    async triageQuestion(actor: Actor | null, organisationId: string, id: string, input: TriageBody, ip?: string): Promise<TriageOutcome> {
      const who = requireOrgPermission(actor, 'learning-question:write', organisationId);
      await questions.getQuestion(who, organisationId, id);
      return db.transaction(async (tx) => {
        if (input.starrInterviewId && !(await q.starrExists(tx, organisationId, input.starrInterviewId))) {
          throw badRequest('/body/starrInterviewId', 'is not a STARR interview of this organisation');
        }
        const result = classifyTriage({ factors: answersOf(input), wishToLearn: input.wishToLearn });
        const triage = await q.insertTriage(tx, {
          ...triageValues(organisationId, input, result.classification, who.userId, now()),
          learningQuestionId: id,
        });
        await writeAudit(tx, {
          event: 'triage_decided',
          actorUserId: who.userId,
          organisationId,
          subject: id,
          ip,
          detail: { learningQuestionId: id, classification: result.classification },
        });
        return {
          triage: triageView({ triage, deciderName: who.displayName }),
          reason: result.reason,
          proposedActions: result.proposedActions,
          actions: { written: false, planId: null, planYear: null, planStatus: null, created: [] },
        };
      });
    },

    async needTriages(actor: Actor | null, organisationId: string, id: string): Promise<TriageView[]> {
      requireOrgPermission(actor, 'need:read', organisationId);
      if (!(await q.findNeed(db, organisationId, id))) throw notFound('need');
      return (await q.triageHistory(db, organisationId, { needId: id })).map(triageView);
    },

    async questionTriages(actor: Actor | null, organisationId: string, id: string): Promise<TriageView[]> {
      const who = requireOrgPermission(actor, 'learning-question:read', organisationId);
      await questions.getQuestion(who, organisationId, id);
      return (await q.triageHistory(db, organisationId, { learningQuestionId: id })).map(triageView);
    },

    // ---------------------------------------------------------------- priority

    async getPriority(actor: Actor | null, organisationId: string, id: string): Promise<PriorityView> {
      const who = requireOrgPermission(actor, 'need:read', organisationId);
      const need = await q.findNeed(db, organisationId, id);
      if (!need) throw notFound('need');
      const suggestions = await suggestionsFor(db, { diagnosis, now: now() }, who, need);
      return priorityView(db, organisationId, id, suggestions);
    },

    /**
     * Stores scores: equal to the suggestion → origin suggested (reason = the suggestion's key);
     * different → override, no suggestion → manual, both with the person's reason (required).
     */
    async putPriority(actor: Actor | null, organisationId: string, id: string, input: PutPriorityBody, ip?: string): Promise<PriorityView> {
      const who = requireOrgPermission(actor, 'need:write', organisationId);
      const need = await q.findNeed(db, organisationId, id);
      if (!need) throw notFound('need');
      const suggestions = await suggestionsFor(db, { diagnosis, now: now() }, who, need);
      const problems: Problem[] = [];
      const rows: Array<{
        criterion: PriorityCriterion;
        score: number;
        origin: 'suggested' | 'override' | 'manual';
        reason: string;
        suggestedScore: number | null;
      }> = [];
      for (const criterion of priorityCriteria) {
        const given = input.scores[criterion];
        if (!given) continue;
        try {
          validateScore(`/body/scores/${criterion}/score`, given.score);
        } catch (error) {
          if (error instanceof PriorityInputError) problems.push({ path: error.field, message: error.message });
          continue;
        }
        const suggestion = suggestions[criterion].suggestion;
        const reason = given.reason?.trim() ?? '';
        if (suggestion && suggestion.score === given.score) {
          rows.push({ criterion, score: given.score, origin: 'suggested', reason: suggestion.reason, suggestedScore: suggestion.score });
        } else if (!reason) {
          problems.push({
            path: `/body/scores/${criterion}/reason`,
            message: suggestion
              ? `is required when the score differs from the suggestion (${suggestion.score})`
              : 'is required: there is no suggested score for this criterion',
          });
        } else {
          rows.push({
            criterion,
            score: given.score,
            origin: suggestion ? 'override' : 'manual',
            reason,
            suggestedScore: suggestion?.score ?? null,
          });
        }
      }
      rejectIf(problems);
      return db.transaction(async (tx) => {
        const setAt = now();
        for (const r of rows) await q.upsertScore(tx, { needId: id, ...r, setBy: who.userId, setAt });
        const { weights: w } = await weights(tx, organisationId);
        await recompute(tx, organisationId, [id], w);
        await writeAudit(tx, {
          event: 'priority_scored',
          actorUserId: who.userId,
          organisationId,
          subject: id,
          ip,
          detail: {
            needId: id,
            scores: Object.fromEntries(
              rows.map((r) => [r.criterion, { score: r.score, origin: r.origin, suggestedScore: r.suggestedScore }]),
            ),
          },
        });
        return priorityView(tx, organisationId, id, suggestions);
      });
    },

    async getWeights(actor: Actor | null, organisationId: string): Promise<WeightsView> {
      requireOrgPermission(actor, 'need:read', organisationId);
      return weights(db, organisationId);
    },

    /** Sets the organisation's weights and recomputes every need's stored priority, in one transaction. */
    async putWeights(actor: Actor | null, organisationId: string, input: Weights, ip?: string): Promise<WeightsView> {
      const who = requireOrgPermission(actor, 'priority:configure', organisationId);
      try {
        validateWeights(input);
      } catch (error) {
        if (error instanceof PriorityInputError) throw badRequest(`/body${error.field}`, error.message);
        throw error;
      }
      return db.transaction(async (tx) => {
        const settings = ((await q.organisationSettings(tx, organisationId)) ?? {}) as OrganisationSettings;
        const weightsToStore = Object.fromEntries(priorityCriteria.map((c) => [c, input[c]])) as Weights;
        await q.saveOrganisationSettings(tx, organisationId, { ...settings, priorityWeights: weightsToStore });
        await recompute(tx, organisationId, await q.allNeedIds(tx, organisationId), weightsToStore);
        await writeAudit(tx, {
          event: 'priority_weights_changed',
          actorUserId: who.userId,
          organisationId,
          ip,
          detail: { weights: weightsToStore },
        });
        return { weights: weightsToStore, isDefault: false };
      });
    },

    ranked,

    /** The ranked list as CSV or XLSX (need:read and data:export); audited. */
    async exportRanked(
      actor: Actor | null,
      organisationId: string,
      format: 'csv' | 'xlsx',
      query: RankedExportQuery,
      ip?: string,
    ): Promise<ExportFile> {
      const who = requireOrgPermission(actor, 'data:export', organisationId);
      const { locale, ...rest } = query;
      const list = await ranked(who, organisationId, rest);
      const table = rankedTable(list, locale ?? asLang(who.locale));
      const body = format === 'xlsx' ? await toXlsx(table) : toCsv(table);
      await writeAudit(db, {
        event: 'data_export',
        actorUserId: who.userId,
        organisationId,
        subject: `needs-ranked.${format}`,
        ip,
        detail: { rows: table.rows.length },
      });
      return {
        body,
        contentType: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
        filename: `needs-ranked.${format}`,
      };
    },
  };
}

function answersOf(input: TriageBody): Record<GilbertFactor, 'yes' | 'no' | 'unknown'> {
  return Object.fromEntries(gilbertFactors.map((f) => [f, input.factors[f].answer])) as Record<GilbertFactor, 'yes' | 'no' | 'unknown'>;
}

function triageValues(
  organisationId: string,
  input: TriageBody,
  classification: 'training_need' | 'non_training' | 'unclear',
  userId: string,
  decidedAt: Date,
) {
  return {
    organisationId,
    factors: Object.fromEntries(
      gilbertFactors.map((f) => [f, { answer: input.factors[f].answer, note: input.factors[f].note?.trim() ?? '' }]),
    ),
    wishToLearn: input.wishToLearn,
    wishNote: input.wishNote?.trim() ?? '',
    classification,
    deadline: input.deadline ?? null,
    starrInterviewId: input.starrInterviewId ?? null,
    decidedBy: userId,
    decidedAt,
  };
}
