import type { Db, Executor } from '../../db/client.js';
import { ensureDefaultScale } from '../../db/reference-data.js';
import type { LocalizedText } from '../../db/schema/columns.js';
import type { Lang } from '../../domain/competences/localized.js';
import { todayInBrussels } from '../../domain/calendar/brussels.js';
import { effectiveSettings } from '../../domain/organisations/settings.js';
import { fundingHint, type FundingConditions } from '../../domain/plan/funding.js';
import {
  applicationDueOn,
  effectiveParticipants,
  isApplicationDue,
  needIsMet,
  normaliseParticipation,
  participationStatuses,
  scoreSummary,
} from '../../domain/plan/follow-up.js';
import { actionCostCents, assertEditable, assertTransition, budgetView, PlanRuleError, type PlanStatus } from '../../domain/plan/plan.js';
import { writeAudit } from '../../server/audit.js';
import { AppError, badRequest, conflict, notFound } from '../../server/errors.js';
import { isHr, relationTo } from '../../server/supervision.js';
import { can, requireOrgPermission, type Actor } from '../../server/tenancy.js';
import type { FieldError } from '../../shared/errors.js';
import { recordAssessments } from '../assessments/record.js';
import { planWorkbook, renderPlanPdf, type PlanDocumentData } from './documents.js';
import { ownBudgetName, translator } from './messages.js';
import * as q from './queries.js';
import type {
  ActionBody,
  ActionPatch,
  ActionStatus,
  ActionView,
  BudgetView,
  CreatePlanBody,
  EvaluationBody,
  ExportQuery,
  FollowUpAction,
  FollowUpView,
  FundingHints,
  FundingInstrumentView,
  FundingStatus,
  LinkedOffer,
  NeedOption,
  ParticipantView,
  ParticipationBody,
  PeopleQuery,
  PersonOption,
  PlanDetail,
  PlanSnapshot,
  PlanSummary,
  PlanVersionSummary,
  ReassessBody,
  ReassessResult,
  UpdatePlanBody,
} from './schemas.js';

export interface TrainingPlansDeps {
  db: Db;
  /** The clock (today's date for participation, due evaluations and instrument validity). */
  now?: () => Date;
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const OWN_BUDGET = 'own_budget';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Codes of the plan rules that are about the plan's state, not the input: 409. */
const stateCodes = new Set(['plan.not_editable', 'plan.invalid_transition', 'plan.empty']);

/** Today in Brussels as YYYY-MM-DD. */
const langOf = (locale: string | undefined): Lang => (locale === 'fr' || locale === 'en' ? locale : 'nl');
const forbidden = (detail: string) => new AppError('tenancy.forbidden', { status: 403, detail });

/** A broken plan rule as problem+json: the plan's state → 409, bad input → 400 naming the field. */
function fromRule(error: PlanRuleError, prefix = '/body'): AppError {
  if (stateCodes.has(error.code)) {
    return new AppError(error.code as `${string}.${string}`, {
      status: 409,
      detail: error.message,
      errors: error.field ? [{ path: error.field, message: error.message }] : undefined,
    });
  }
  return new AppError(error.code as `${string}.${string}`, {
    status: 400,
    detail: error.message,
    errors: [{ path: `${prefix}${error.field ?? ''}`, message: error.message }],
  });
}

function rule<T>(fn: () => T, prefix?: string): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof PlanRuleError) throw fromRule(error, prefix);
    throw error;
  }
}

function invalid(problems: FieldError[]): AppError {
  return new AppError('validation.failed', {
    status: 400,
    detail: problems.map((p) => `${p.path} ${p.message}`).join('; '),
    errors: problems,
  });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function instrumentView(row: q.InstrumentRow): FundingInstrumentView {
  return {
    id: row.id,
    key: row.key,
    own: row.organisationId !== null,
    name: row.name,
    description: row.description,
    conditionsText: row.conditionsText,
    coverageBasisPoints: row.coverageBasisPoints,
    amountPerHourCents: row.amountPerHourCents,
    capPerParticipantCents: row.capPerParticipantCents,
    capPerActionCents: row.capPerActionCents,
    sourceUrl: row.sourceUrl,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
  };
}

/**
 * Snapshots written before actions carried their linked offer have no `offer`: read them as
 * "no offer" so old versions stay readable.
 */
export function snapshotOf(stored: unknown): PlanSnapshot {
  const snapshot = stored as PlanSnapshot;
  return { ...snapshot, actions: snapshot.actions.map((a) => ({ ...a, offer: a.offer ?? null })) };
}

function linkedOffer(offer: q.OfferLinkRow | undefined, edition: q.EditionLinkRow | undefined): LinkedOffer | null {
  if (!offer) return null;
  return {
    id: offer.id,
    title: offer.title,
    providerId: offer.providerId,
    providerName: offer.providerName,
    status: offer.status,
    format: offer.format,
    languages: offer.languages,
    durationMinutes: offer.durationMinutes,
    priceCents: offer.priceCents,
    recognitions: offer.recognitions,
    edition:
      edition && edition.offerId === offer.id
        ? {
            id: edition.id,
            startsOn: edition.startsOn,
            endsOn: edition.endsOn,
            enrolmentDeadline: edition.enrolmentDeadline,
            status: edition.status,
            capacity: edition.capacity,
            seatsLeft: Math.max(0, edition.capacity - edition.enrolledCount),
          }
        : null,
  };
}

const present = (ids: Array<string | null>) => [...new Set(ids.filter((id): id is string => id !== null))];

/** Budget per funding source (domain rule), with the sources' names for the screens and documents. */
export function budgetOf(actions: readonly ActionView[]): BudgetView {
  const names = new Map<string, { instrumentId: string | null; name: LocalizedText }>([
    [OWN_BUDGET, { instrumentId: null, name: ownBudgetName }],
  ]);
  for (const action of actions)
    for (const line of action.funding) names.set(line.source, { instrumentId: line.instrumentId, name: line.name });
  const view = budgetView(
    actions.map((a) => ({
      costCents: a.costCents,
      funding: a.funding.map((f) => ({ source: f.source, amountCents: f.amountCents, status: f.status })),
    })),
  );
  return {
    bySource: view.bySource.map((line) => ({
      ...line,
      instrumentId: names.get(line.source)?.instrumentId ?? null,
      name: names.get(line.source)?.name ?? {},
    })),
    total: view.total,
    costCents: view.costCents,
    unfundedCents: view.unfundedCents,
  };
}

export function createTrainingPlansService({ db, now = () => new Date() }: TrainingPlansDeps) {
  const today = () => todayInBrussels(now());

  async function planOrThrow(tx: Executor, organisationId: string, planId: string): Promise<q.PlanRow> {
    const plan = await q.findPlan(tx, organisationId, planId);
    if (!plan) throw notFound('plan');
    return plan;
  }

  async function editablePlan(tx: Executor, organisationId: string, planId: string): Promise<q.PlanRow> {
    const plan = await planOrThrow(tx, organisationId, planId);
    rule(() => assertEditable(plan.status));
    return plan;
  }

  /** Follow-up (participation, action and funding progress) goes on until the plan is closed. */
  async function openPlan(tx: Executor, organisationId: string, planId: string): Promise<q.PlanRow> {
    const plan = await planOrThrow(tx, organisationId, planId);
    if (plan.status === 'closed') throw new AppError('plan.closed', { status: 409, detail: 'A closed plan cannot be changed any more.' });
    return plan;
  }

  async function actionViews(tx: Executor, organisationId: string, rows: q.ActionRow[]): Promise<ActionView[]> {
    const ids = rows.map((r) => r.id);
    // One after the other: inside a transaction there is one connection.
    const needs = await q.needsOfActions(tx, organisationId, ids);
    const participants = await q.participantsOfActions(tx, organisationId, ids);
    const funding = await q.fundingOfActions(tx, ids);
    const offers = new Map((await q.offersByIds(tx, present(rows.map((r) => r.offerId)))).map((o) => [o.id, o]));
    const editions = new Map((await q.editionsByIds(tx, present(rows.map((r) => r.offerEditionId)))).map((e) => [e.id, e]));
    return rows.map((row) => {
      const named = participants.filter((p) => p.actionId === row.id);
      const lines = funding.filter((f) => f.actionId === row.id);
      const effective = effectiveParticipants(named.length, row.participantsCount);
      const costCents = actionCostCents({
        participants: effective,
        costPerParticipantCents: row.costPerParticipantCents,
        fixedCostCents: row.fixedCostCents,
      });
      return {
        id: row.id,
        planId: row.planId,
        kind: row.kind,
        nonTrainingKind: row.nonTrainingKind,
        title: row.title,
        description: row.description,
        status: row.status,
        offerId: row.offerId,
        offerEditionId: row.offerEditionId,
        offer: row.offerId ? linkedOffer(offers.get(row.offerId), row.offerEditionId ? editions.get(row.offerEditionId) : undefined) : null,
        needs: needs.filter((n) => n.actionId === row.id).map(({ actionId: _a, ...n }) => n),
        participants: named.map((p) => ({
          personId: p.personId,
          displayName: p.displayName,
          teamName: p.teamName,
          status: p.status,
          minutesAttended: p.minutesAttended,
          completedOn: p.completedOn,
        })),
        participantsCount: row.participantsCount,
        effectiveParticipants: effective,
        durationMinutes: row.durationMinutes,
        plannedStart: row.plannedStart,
        plannedEnd: row.plannedEnd,
        costPerParticipantCents: row.costPerParticipantCents,
        fixedCostCents: row.fixedCostCents,
        costCents,
        fundedCents: lines.reduce((s, l) => s + l.amountCents, 0),
        responsible: row.responsible,
        position: row.position,
        funding: lines.map((l) => ({
          id: l.id,
          instrumentId: l.instrumentId,
          source: l.instrumentKey ?? OWN_BUDGET,
          name: l.instrumentName ?? ownBudgetName,
          amountCents: l.amountCents,
          status: l.status,
          note: l.note,
        })),
      };
    });
  }

  async function planData(tx: Executor, plan: q.PlanRow) {
    const actions = await actionViews(tx, plan.organisationId, await q.actionsOfPlans(tx, plan.organisationId, [plan.id]));
    return { actions, budget: budgetOf(actions), approvedByName: await q.userName(tx, plan.approvedBy) };
  }

  async function detail(tx: Executor, actor: Actor, plan: q.PlanRow): Promise<PlanDetail> {
    const data = await planData(tx, plan);
    return {
      id: plan.id,
      organisationId: plan.organisationId,
      year: plan.year,
      title: plan.title,
      status: plan.status,
      version: plan.version,
      approvedAt: iso(plan.approvedAt),
      approvedByName: data.approvedByName,
      closedAt: iso(plan.closedAt),
      actions: data.actions,
      budget: data.budget,
      can: { write: can(actor, 'plan:write', plan.organisationId), approve: can(actor, 'plan:approve', plan.organisationId) },
    };
  }

  async function actionView(tx: Executor, organisationId: string, planId: string, actionId: string): Promise<ActionView> {
    const row = await q.findAction(tx, organisationId, planId, actionId);
    if (!row) throw notFound('action');
    return (await actionViews(tx, organisationId, [row]))[0];
  }

  interface ActionValues {
    kind: ActionBody['kind'];
    nonTrainingKind: NonNullable<ActionBody['nonTrainingKind']> | null;
    title: string;
    description: string;
    participantsCount: number;
    durationMinutes: number;
    plannedStart: string | null;
    plannedEnd: string | null;
    costPerParticipantCents: number;
    fixedCostCents: number;
    responsible: string;
    offerId: string | null;
    offerEditionId: string | null;
  }

  /**
   * The catalog link: a published offer (one linked earlier may have been archived since and stays
   * valid), not for non-training actions; the edition must belong to that offer and, when newly
   * chosen, not be cancelled.
   */
  async function checkOfferLink(tx: Executor, values: ActionValues, current: q.ActionRow | null, problems: FieldError[]): Promise<void> {
    if (values.offerId) {
      const [offer] = await q.offersByIds(tx, [values.offerId]);
      const kept = current?.offerId === values.offerId;
      if (!offer || (!kept && offer.status !== 'published')) {
        problems.push({ path: '/body/offerId', message: 'is not a published offer of the catalog' });
      } else if (values.kind === 'non_training') {
        problems.push({ path: '/body/offerId', message: 'is only for training actions; a non_training action has no offer' });
      }
    }
    if (values.offerEditionId) {
      if (!values.offerId) {
        problems.push({ path: '/body/offerEditionId', message: 'needs an offer: give offerId too' });
        return;
      }
      const [edition] = await q.editionsByIds(tx, [values.offerEditionId]);
      if (!edition || edition.offerId !== values.offerId) {
        problems.push({ path: '/body/offerEditionId', message: 'is not an edition of the chosen offer (offerId)' });
      } else if (edition.status === 'cancelled' && current?.offerEditionId !== values.offerEditionId) {
        problems.push({ path: '/body/offerEditionId', message: 'was cancelled by the provider' });
      }
    }
  }

  /** People enrolled through the action hold seats on its edition: the edition stays until they are cancelled. */
  async function checkEnrolledEdition(tx: Executor, values: ActionValues, current: q.ActionRow | null): Promise<void> {
    if (!current || current.offerEditionId === values.offerEditionId) return;
    const held = (await q.enrolledEditionsOfAction(tx, current.id)).filter((id) => id !== values.offerEditionId);
    if (held.length) {
      throw new AppError('plan.enrolments_exist', {
        status: 409,
        detail:
          'People are enrolled in the linked edition through this action. Cancel those enrolments before changing the offer or edition.',
        errors: [{ path: '/body/offerEditionId', message: 'has enrolments through this action' }],
      });
    }
  }

  /** Checks an action as it will be stored, and the ids it points to; every problem names its field. */
  async function checkAction(
    tx: Executor,
    organisationId: string,
    values: ActionValues,
    input: ActionPatch,
    current: q.ActionRow | null = null,
  ): Promise<void> {
    const problems: FieldError[] = [];
    if (!values.title.trim()) problems.push({ path: '/body/title', message: 'must not be blank' });
    if (values.nonTrainingKind !== null && values.kind !== 'non_training') {
      problems.push({ path: '/body/nonTrainingKind', message: 'is only for actions of kind non_training' });
    }
    if (values.plannedStart && values.plannedEnd && values.plannedEnd < values.plannedStart) {
      problems.push({ path: '/body/plannedEnd', message: 'must be on or after plannedStart' });
    }
    try {
      actionCostCents({
        participants: values.participantsCount,
        costPerParticipantCents: values.costPerParticipantCents,
        fixedCostCents: values.fixedCostCents,
      });
    } catch (error) {
      if (!(error instanceof PlanRuleError)) throw error;
      problems.push({ path: `/body${error.field ?? ''}`, message: error.message });
    }
    if (input.needIds?.length) {
      const found = new Set((await q.needsOfOrganisation(tx, organisationId, input.needIds)).map((n) => n.id));
      input.needIds.forEach((id, i) => {
        if (!found.has(id)) problems.push({ path: `/body/needIds/${i}`, message: 'is not a training need of this organisation' });
      });
    }
    if (input.personIds?.length) {
      const found = new Set((await q.peopleOfOrganisation(tx, organisationId, input.personIds)).map((p) => p.id));
      input.personIds.forEach((id, i) => {
        if (!found.has(id)) problems.push({ path: `/body/personIds/${i}`, message: 'is not a person of this organisation' });
      });
    }
    if (input.funding?.length) {
      const ids = [...new Set(input.funding.map((f) => f.instrumentId).filter((id): id is string => id !== null))];
      const found = new Set((await q.usableInstruments(tx, organisationId, ids)).map((i) => i.id));
      input.funding.forEach((line, i) => {
        if (line.instrumentId !== null && !found.has(line.instrumentId))
          problems.push({ path: `/body/funding/${i}/instrumentId`, message: 'is not a funding instrument available to this organisation' });
      });
    }
    await checkOfferLink(tx, values, current, problems);
    if (problems.length) throw invalid(problems);
    await checkEnrolledEdition(tx, values, current);
  }

  async function writeLinks(tx: Executor, organisationId: string, actionId: string, input: ActionPatch): Promise<void> {
    if (input.needIds) await q.replaceActionNeeds(tx, actionId, input.needIds);
    if (input.personIds) await q.replaceParticipants(tx, organisationId, actionId, input.personIds);
    if (input.funding) {
      await q.replaceFunding(
        tx,
        actionId,
        input.funding.map((f) => ({
          instrumentId: f.instrumentId,
          amountCents: f.amountCents,
          status: f.status ?? 'planned',
          note: f.note?.trim() ?? '',
        })),
      );
    }
  }

  return {
    async listPlans(actor: Actor | null, organisationId: string): Promise<PlanSummary[]> {
      requireOrgPermission(actor, 'plan:read', organisationId);
      const plans = await q.listPlans(db, organisationId);
      const actions = await actionViews(
        db,
        organisationId,
        await q.actionsOfPlans(
          db,
          organisationId,
          plans.map((p) => p.id),
        ),
      );
      return plans.map((p) => {
        const own = actions.filter((a) => a.planId === p.id);
        return {
          id: p.id,
          year: p.year,
          title: p.title,
          status: p.status,
          version: p.version,
          actions: own.length,
          costCents: own.reduce((s, a) => s + a.costCents, 0),
          approvedAt: iso(p.approvedAt),
          closedAt: iso(p.closedAt),
        };
      });
    },

    /** One plan per organisation and year: 409 when the year has one. */
    async createPlan(actor: Actor | null, organisationId: string, input: CreatePlanBody, ip?: string): Promise<PlanDetail> {
      const who = requireOrgPermission(actor, 'plan:write', organisationId);
      return db.transaction(async (tx) => {
        const title = input.title?.trim() || translator('nl')('documentTitle', { year: input.year });
        const plan = await q.insertPlan(tx, { organisationId, year: input.year, title });
        if (!plan) throw conflict(`The organisation has a training plan for ${input.year} already.`, '/body/year');
        await writeAudit(tx, {
          event: 'plan_created',
          actorUserId: who.userId,
          organisationId,
          subject: plan.id,
          ip,
          detail: { year: plan.year },
        });
        return detail(tx, who, plan);
      });
    },

    async getPlan(actor: Actor | null, organisationId: string, planId: string): Promise<PlanDetail> {
      const who = requireOrgPermission(actor, 'plan:read', organisationId);
      return detail(db, who, await planOrThrow(db, organisationId, planId));
    },

    async updatePlan(actor: Actor | null, organisationId: string, planId: string, input: UpdatePlanBody): Promise<PlanDetail> {
      const who = requireOrgPermission(actor, 'plan:write', organisationId);
      return db.transaction(async (tx) => {
        await editablePlan(tx, organisationId, planId);
        const title = input.title.trim();
        if (!title) throw badRequest('/body/title', 'must not be blank');
        await q.updatePlan(tx, organisationId, planId, { title });
        return detail(tx, who, await planOrThrow(tx, organisationId, planId));
      });
    },

    /**
     * Draft → approved. Refuses an empty plan; writes the whole plan (actions, funding, budget) as
     * the snapshot of this version in the same transaction, and audits it.
     */
    async approvePlan(actor: Actor | null, organisationId: string, planId: string, ip?: string): Promise<PlanDetail> {
      const who = requireOrgPermission(actor, 'plan:approve', organisationId);
      return db.transaction(async (tx) => {
        const plan = await planOrThrow(tx, organisationId, planId);
        const data = await planData(tx, plan);
        rule(() => assertTransition(plan.status, 'approved', data.actions.length));
        const at = now();
        const approved = await q.transitionPlan(
          tx,
          organisationId,
          planId,
          { status: 'draft', version: plan.version },
          { status: 'approved', approvedBy: who.userId, approvedAt: at },
        );
        if (!approved) throw conflict('The plan changed meanwhile; reload it and try again.');
        const snapshot: PlanSnapshot = {
          version: approved.version,
          approvedAt: at.toISOString(),
          approvedByName: who.displayName,
          plan: {
            id: approved.id,
            organisationId,
            year: approved.year,
            title: approved.title,
            status: 'approved',
            version: approved.version,
          },
          actions: data.actions,
          budget: data.budget,
        };
        if (!(await q.insertVersion(tx, { planId, version: approved.version, snapshot, approvedBy: who.userId, approvedAt: at }))) {
          throw conflict(`Version ${approved.version} of this plan was approved already.`);
        }
        await writeAudit(tx, {
          event: 'plan_approved',
          actorUserId: who.userId,
          organisationId,
          subject: planId,
          ip,
          detail: {
            year: approved.year,
            version: approved.version,
            actions: data.actions.length,
            costCents: data.budget.costCents,
            plannedCents: data.budget.total.planned,
          },
        });
        return detail(tx, who, approved);
      });
    },

    async closePlan(actor: Actor | null, organisationId: string, planId: string, ip?: string): Promise<PlanDetail> {
      const who = requireOrgPermission(actor, 'plan:approve', organisationId);
      return db.transaction(async (tx) => {
        const plan = await planOrThrow(tx, organisationId, planId);
        rule(() => assertTransition(plan.status, 'closed', 1));
        const closed = await q.transitionPlan(
          tx,
          organisationId,
          planId,
          { status: 'approved', version: plan.version },
          { status: 'closed', closedAt: now() },
        );
        if (!closed) throw conflict('The plan changed meanwhile; reload it and try again.');
        await writeAudit(tx, {
          event: 'plan_closed',
          actorUserId: who.userId,
          organisationId,
          subject: planId,
          ip,
          detail: { year: closed.year, version: closed.version },
        });
        return detail(tx, who, closed);
      });
    },

    /** Approved → draft with version + 1; the snapshot of the approved version stays. */
    async startNewVersion(actor: Actor | null, organisationId: string, planId: string, ip?: string): Promise<PlanDetail> {
      const who = requireOrgPermission(actor, 'plan:write', organisationId);
      return db.transaction(async (tx) => {
        const plan = await planOrThrow(tx, organisationId, planId);
        if (plan.status !== 'approved') {
          throw new AppError('plan.invalid_transition', {
            status: 409,
            detail: plan.status === 'draft' ? 'The plan is a draft already; change it directly.' : 'A closed plan cannot be reopened.',
          });
        }
        const reopened = await q.transitionPlan(
          tx,
          organisationId,
          planId,
          { status: 'approved', version: plan.version },
          { status: 'draft', version: plan.version + 1, approvedBy: null, approvedAt: null },
        );
        if (!reopened) throw conflict('The plan changed meanwhile; reload it and try again.');
        await writeAudit(tx, {
          event: 'plan_reopened',
          actorUserId: who.userId,
          organisationId,
          subject: planId,
          ip,
          detail: { year: reopened.year, version: reopened.version },
        });
        return detail(tx, who, reopened);
      });
    },

    async listVersions(actor: Actor | null, organisationId: string, planId: string): Promise<PlanVersionSummary[]> {
      requireOrgPermission(actor, 'plan:read', organisationId);
      await planOrThrow(db, organisationId, planId);
      const rows = await q.listVersions(db, planId);
      return rows.map((r) => {
        const snapshot = snapshotOf(r.snapshot);
        return {
          version: r.version,
          approvedAt: r.approvedAt.toISOString(),
          approvedByName: r.approvedByName ?? snapshot.approvedByName,
          actions: snapshot.actions.length,
          costCents: snapshot.budget.costCents,
          plannedCents: snapshot.budget.total.planned,
        };
      });
    },

    async getVersion(actor: Actor | null, organisationId: string, planId: string, version: number): Promise<PlanSnapshot> {
      requireOrgPermission(actor, 'plan:read', organisationId);
      await planOrThrow(db, organisationId, planId);
      const row = await q.findVersion(db, planId, version);
      if (!row) throw notFound('plan version');
      return snapshotOf(row.snapshot);
    },

    async getBudget(actor: Actor | null, organisationId: string, planId: string): Promise<BudgetView> {
      requireOrgPermission(actor, 'plan:read', organisationId);
      return (await planData(db, await planOrThrow(db, organisationId, planId))).budget;
    },

    // ------------------------------------------------------------ actions

    async createAction(actor: Actor | null, organisationId: string, planId: string, input: ActionBody): Promise<ActionView> {
      requireOrgPermission(actor, 'plan:write', organisationId);
      return db.transaction(async (tx) => {
        await editablePlan(tx, organisationId, planId);
        const values: ActionValues = {
          kind: input.kind,
          nonTrainingKind: input.nonTrainingKind ?? null,
          title: input.title.trim(),
          description: input.description ?? '',
          participantsCount: input.participantsCount ?? 0,
          durationMinutes: input.durationMinutes ?? 0,
          plannedStart: input.plannedStart ?? null,
          plannedEnd: input.plannedEnd ?? null,
          costPerParticipantCents: input.costPerParticipantCents ?? 0,
          fixedCostCents: input.fixedCostCents ?? 0,
          responsible: input.responsible?.trim() ?? '',
          offerId: input.offerId ?? null,
          offerEditionId: input.offerEditionId ?? null,
        };
        await checkAction(tx, organisationId, values, input);
        const row = await q.insertAction(tx, { ...values, planId, organisationId, position: await q.nextPosition(tx, planId) });
        await writeLinks(tx, organisationId, row.id, input);
        await q.updatePlan(tx, organisationId, planId, {});
        return actionView(tx, organisationId, planId, row.id);
      });
    },

    async updateAction(
      actor: Actor | null,
      organisationId: string,
      planId: string,
      actionId: string,
      input: ActionPatch,
    ): Promise<ActionView> {
      requireOrgPermission(actor, 'plan:write', organisationId);
      return db.transaction(async (tx) => {
        await editablePlan(tx, organisationId, planId);
        const row = await q.findAction(tx, organisationId, planId, actionId);
        if (!row) throw notFound('action');
        const kind = input.kind ?? row.kind;
        const values: ActionValues = {
          kind,
          nonTrainingKind:
            input.nonTrainingKind !== undefined ? input.nonTrainingKind : kind === 'non_training' ? row.nonTrainingKind : null,
          title: input.title !== undefined ? input.title.trim() : row.title,
          description: input.description ?? row.description,
          participantsCount: input.participantsCount ?? row.participantsCount,
          durationMinutes: input.durationMinutes ?? row.durationMinutes,
          plannedStart: input.plannedStart !== undefined ? input.plannedStart : row.plannedStart,
          plannedEnd: input.plannedEnd !== undefined ? input.plannedEnd : row.plannedEnd,
          costPerParticipantCents: input.costPerParticipantCents ?? row.costPerParticipantCents,
          fixedCostCents: input.fixedCostCents ?? row.fixedCostCents,
          responsible: input.responsible !== undefined ? input.responsible.trim() : row.responsible,
          offerId: input.offerId !== undefined ? input.offerId : row.offerId,
          // Another offer without an edition given: the old edition does not belong to it.
          offerEditionId:
            input.offerEditionId !== undefined
              ? input.offerEditionId
              : input.offerId !== undefined && input.offerId !== row.offerId
                ? null
                : row.offerEditionId,
        };
        await checkAction(tx, organisationId, values, input, row);
        await q.updateAction(tx, organisationId, actionId, values);
        await writeLinks(tx, organisationId, actionId, input);
        await q.updatePlan(tx, organisationId, planId, {});
        return actionView(tx, organisationId, planId, actionId);
      });
    },

    async deleteAction(actor: Actor | null, organisationId: string, planId: string, actionId: string): Promise<void> {
      requireOrgPermission(actor, 'plan:write', organisationId);
      await db.transaction(async (tx) => {
        await editablePlan(tx, organisationId, planId);
        if (!(await q.findAction(tx, organisationId, planId, actionId))) throw notFound('action');
        await q.deleteAction(tx, organisationId, actionId);
        await q.updatePlan(tx, organisationId, planId, {});
      });
    },

    /** Progress of an action while the plan runs (also when approved). */
    async setActionStatus(
      actor: Actor | null,
      organisationId: string,
      planId: string,
      actionId: string,
      status: ActionStatus,
    ): Promise<ActionView> {
      requireOrgPermission(actor, 'plan:write', organisationId);
      return db.transaction(async (tx) => {
        await openPlan(tx, organisationId, planId);
        if (!(await q.findAction(tx, organisationId, planId, actionId))) throw notFound('action');
        await q.updateAction(tx, organisationId, actionId, { status });
        return actionView(tx, organisationId, planId, actionId);
      });
    },

    /** Planned → committed → spent while the plan runs (also when approved); amounts stay as approved. */
    async setFundingStatus(
      actor: Actor | null,
      organisationId: string,
      planId: string,
      actionId: string,
      lineId: string,
      status: FundingStatus,
      ip?: string,
    ): Promise<ActionView> {
      const who = requireOrgPermission(actor, 'plan:write', organisationId);
      return db.transaction(async (tx) => {
        await openPlan(tx, organisationId, planId);
        if (!(await q.findAction(tx, organisationId, planId, actionId))) throw notFound('action');
        if (!(await q.setFundingStatus(tx, actionId, lineId, status))) throw notFound('funding line');
        await writeAudit(tx, {
          event: 'funding_status_changed',
          actorUserId: who.userId,
          organisationId,
          subject: lineId,
          ip,
          detail: { planId, actionId, status },
        });
        return actionView(tx, organisationId, planId, actionId);
      });
    },

    // ------------------------------------------------------------ funding

    async listInstruments(actor: Actor | null, organisationId: string): Promise<FundingInstrumentView[]> {
      requireOrgPermission(actor, 'plan:read', organisationId);
      return (await q.usableInstruments(db, organisationId)).map(instrumentView);
    },

    /**
     * Which instruments may apply to the action and why: a hint from the documented conditions,
     * never legal advice (the response says so in the caller's language).
     */
    async fundingHints(actor: Actor | null, organisationId: string, planId: string, actionId: string): Promise<FundingHints> {
      const who = requireOrgPermission(actor, 'plan:read', organisationId);
      await planOrThrow(db, organisationId, planId);
      const row = await q.findAction(db, organisationId, planId, actionId);
      if (!row) throw notFound('action');
      const [action] = await actionViews(db, organisationId, [row]);
      const organisation = await q.organisationOf(db, organisationId);
      const known = await q.peopleCount(db, organisationId);
      const participants = await q.participantsOfActions(db, organisationId, [actionId]);
      const day = today();
      const instruments = (await q.usableInstruments(db, organisationId)).filter(
        (i) => (!i.validFrom || i.validFrom <= day) && (!i.validUntil || i.validUntil >= day),
      );
      const hours = row.durationMinutes > 0 ? row.durationMinutes / 60 : null;
      const context = {
        actionKind: row.kind,
        // Set per instrument below from the linked offer; unknown without an offer.
        recognitions: null as string[] | null,
        employerKind: organisation?.kind ?? 'employer',
        // The people registered in Leerkompas are a lower bound of the employees, never the number itself.
        employees: null,
        employeesAtLeast: known,
        participantTargetGroups: [...new Set(participants.map((p) => p.targetGroup))],
        hours,
        participants: action.effectiveParticipants,
        costCents: action.costCents,
      };
      const order = { likely: 0, check: 1, no: 2 } as const;
      const hints = instruments
        .map((instrument) => {
          const conditions = instrument.conditions as FundingConditions;
          // The catalog lists recognitions by the instrument's key; that carries the instrument's recognition (as in matching).
          const offered = action.offer?.recognitions ?? null;
          const recognitions =
            offered && conditions.recognition && offered.includes(instrument.key) ? [...offered, conditions.recognition] : offered;
          const hint = fundingHint(
            {
              key: instrument.key,
              name: instrument.name as Record<string, string>,
              conditions,
              coverageShare: instrument.coverageBasisPoints / 10_000,
              amountPerHourCents: instrument.amountPerHourCents,
              capPerParticipantCents: instrument.capPerParticipantCents,
              capPerActionCents: instrument.capPerActionCents,
            },
            { ...context, recognitions },
          );
          return {
            instrument: instrumentView(instrument),
            verdict: hint.verdict,
            checks: hint.checks,
            manualChecks: hint.manualChecks,
            coverageBasisPoints: hint.coverageBasisPoints,
            estimatedCents: hint.estimatedCents,
          };
        })
        .sort(
          (a, b) =>
            order[a.verdict] - order[b.verdict] || b.estimatedCents - a.estimatedCents || a.instrument.key.localeCompare(b.instrument.key),
        );
      return {
        actionId,
        disclaimer: translator(langOf(who.locale))('disclaimer'),
        basis: {
          hours,
          participants: action.effectiveParticipants,
          costCents: action.costCents,
          peopleInOrganisation: known,
          offerLinked: row.offerId !== null,
        },
        hints,
      };
    },

    // ------------------------------------------------------------ options for the editor

    async needOptions(actor: Actor | null, organisationId: string, planId: string): Promise<NeedOption[]> {
      requireOrgPermission(actor, 'plan:read', organisationId);
      await planOrThrow(db, organisationId, planId);
      const needs = await q.needsOfOrganisation(db, organisationId);
      const links = await q.peopleOfNeeds(
        db,
        needs.map((n) => n.id),
      );
      return needs.map((n) => ({ ...n, personIds: links.filter((l) => l.needId === n.id).map((l) => l.personId) }));
    },

    async peopleOptions(actor: Actor | null, organisationId: string, planId: string, query: PeopleQuery): Promise<PersonOption[]> {
      requireOrgPermission(actor, 'plan:write', organisationId);
      await planOrThrow(db, organisationId, planId);
      const ids = query.ids
        ? query.ids
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined;
      if (ids?.some((id) => !UUID.test(id))) throw badRequest('/querystring/ids', 'must be person ids separated by commas');
      return q.searchPeople(db, organisationId, { q: query.q, ids, limit: ids ? Math.max(ids.length, 1) : (query.limit ?? 50) });
    },

    // ------------------------------------------------------------ follow-up

    /**
     * Registers one person's participation. Attended and completed count their minutes (the
     * fairness criterion of the prioritisation reads them); other statuses count none.
     */
    async recordParticipation(
      actor: Actor | null,
      organisationId: string,
      planId: string,
      actionId: string,
      personId: string,
      input: ParticipationBody,
    ): Promise<ParticipantView> {
      requireOrgPermission(actor, 'plan:write', organisationId);
      return db.transaction(async (tx) => {
        await openPlan(tx, organisationId, planId);
        const action = await q.findAction(tx, organisationId, planId, actionId);
        if (!action) throw notFound('action');
        const [person] = await q.peopleOfOrganisation(tx, organisationId, [personId]);
        if (!person) throw notFound('person');
        const participation = rule(() => normaliseParticipation(input, { durationMinutes: action.durationMinutes, today: today() }));
        await q.upsertParticipation(tx, { actionId, personId, organisationId, ...participation });
        const [row] = (await q.participantsOfActions(tx, organisationId, [actionId])).filter((p) => p.personId === personId);
        return {
          personId,
          displayName: row.displayName,
          teamName: row.teamName,
          status: row.status,
          minutesAttended: row.minutesAttended,
          completedOn: row.completedOn,
        };
      });
    },

    /** One evaluation per person, action and kind; giving it again replaces the earlier one. */
    async recordEvaluation(
      actor: Actor | null,
      organisationId: string,
      planId: string,
      actionId: string,
      input: EvaluationBody,
    ): Promise<void> {
      const who = requireOrgPermission(actor, 'plan:write', organisationId);
      await db.transaction(async (tx) => {
        await planOrThrow(tx, organisationId, planId);
        if (!(await q.findAction(tx, organisationId, planId, actionId))) throw notFound('action');
        const participant = (await q.participantsOfActions(tx, organisationId, [actionId])).find((p) => p.personId === input.personId);
        if (!participant) throw badRequest('/body/personId', 'is not a participant of this action');
        if (participant.status !== 'attended' && participant.status !== 'completed') {
          throw badRequest('/body/personId', 'has not attended or completed this action yet');
        }
        if (input.kind === 'application' && participant.status !== 'completed') {
          throw badRequest('/body/kind', 'the application evaluation follows a completed action');
        }
        await q.upsertEvaluation(tx, {
          organisationId,
          actionId,
          personId: input.personId,
          kind: input.kind,
          score: input.score,
          comment: input.comment?.trim() ?? '',
          byUserId: who.userId,
          submittedAt: now(),
        });
      });
    },

    async followUp(actor: Actor | null, organisationId: string, planId: string): Promise<FollowUpView> {
      requireOrgPermission(actor, 'plan:read', organisationId);
      const plan = await planOrThrow(db, organisationId, planId);
      const organisation = await q.organisationOf(db, organisationId);
      const k = effectiveSettings(organisation?.settings ?? {}).anonymityThreshold;
      const day = today();
      const rows = await q.actionsOfPlans(db, organisationId, [plan.id]);
      const ids = rows.map((r) => r.id);
      const participants = await q.participantsOfActions(db, organisationId, ids);
      const evaluations = await q.evaluationsOfActions(db, organisationId, ids);
      const needs = await q.needsOfActions(db, organisationId, ids);
      const labels = new Map(
        (await q.competenceLabels(db, [...new Set(needs.map((n) => n.competenceId).filter((c): c is string => c !== null))])).map((c) => [
          c.id,
          c.label,
        ]),
      );
      const actions: FollowUpAction[] = rows.map((row) => {
        const people = participants.filter((p) => p.actionId === row.id);
        const evals = evaluations.filter((e) => e.actionId === row.id);
        const given = (personId: string, kind: 'reaction' | 'application') => evals.some((e) => e.personId === personId && e.kind === kind);
        const byStatus = Object.fromEntries(participationStatuses.map((s) => [s, people.filter((p) => p.status === s).length]));
        const reaction = scoreSummary(
          evals.filter((e) => e.kind === 'reaction').map((e) => e.score),
          k,
        );
        const application = scoreSummary(
          evals.filter((e) => e.kind === 'application').map((e) => e.score),
          k,
        );
        const comments = evals
          .filter((e) => e.comment.trim() !== '' && (e.kind === 'reaction' ? reaction.shown : application.shown))
          .map((e) => ({ kind: e.kind, text: e.comment }))
          // Sorted by text, so the order does not follow the people list.
          .sort((a, b) => a.kind.localeCompare(b.kind) || a.text.localeCompare(b.text));
        const competenceIds = [...new Set(needs.filter((n) => n.actionId === row.id && n.competenceId).map((n) => n.competenceId!))];
        return {
          actionId: row.id,
          title: row.title,
          kind: row.kind,
          status: row.status,
          durationMinutes: row.durationMinutes,
          byStatus,
          participants: people.map((p) => ({
            personId: p.personId,
            displayName: p.displayName,
            teamName: p.teamName,
            status: p.status,
            minutesAttended: p.minutesAttended,
            completedOn: p.completedOn,
            reactionGiven: given(p.personId, 'reaction'),
            applicationGiven: given(p.personId, 'application'),
            applicationDueOn: p.completedOn ? applicationDueOn(p.completedOn) : null,
          })),
          reaction,
          application,
          comments,
          dueApplication: people
            .filter((p) => p.status === 'completed' && isApplicationDue(p.completedOn, day) && !given(p.personId, 'application'))
            .map((p) => ({
              personId: p.personId,
              displayName: p.displayName,
              completedOn: p.completedOn!,
              dueOn: applicationDueOn(p.completedOn!),
            })),
          canReassess: competenceIds.length > 0 && people.some((p) => p.status === 'completed'),
          competences: competenceIds.map((id) => ({ id, label: labels.get(id) ?? {} })),
        };
      });
      return { planId, threshold: k, today: day, actions };
    },

    /**
     * Closes the loop: supervisor ratings of people who completed the action go through
     * recordAssessments (the diagnosis stays in step), then every linked need with a competence is
     * re-checked: met when nobody linked to it still has a gap of 1 or more.
     * HR (plan:write) or the person's own supervisor may re-assess.
     */
    async reassess(
      actor: Actor | null,
      organisationId: string,
      planId: string,
      actionId: string,
      input: ReassessBody,
      ip?: string,
    ): Promise<ReassessResult> {
      const who = requireOrgPermission(actor, 'assessment:write', organisationId);
      requireOrgPermission(who, 'plan:read', organisationId);
      return db.transaction(async (tx) => {
        await planOrThrow(tx, organisationId, planId);
        const action = await q.findAction(tx, organisationId, planId, actionId);
        if (!action) throw notFound('action');
        const needs = (await q.needsOfActions(tx, organisationId, [actionId])).filter((n) => n.competenceId !== null);
        if (needs.length === 0) {
          throw new AppError('plan.no_competence', {
            status: 409,
            detail: 'This action answers no training need with a competence, so there is nothing to re-assess.',
          });
        }
        const competenceIds = [...new Set(needs.map((n) => n.competenceId!))];
        const participants = new Map((await q.participantsOfActions(tx, organisationId, [actionId])).map((p) => [p.personId, p]));
        const persons = new Map(
          (
            await q.peopleOfOrganisation(
              tx,
              organisationId,
              input.ratings.map((r) => r.personId),
            )
          ).map((p) => [p.id, p]),
        );
        const maxLevel = await q.maxLevels(tx, organisationId, [...persons.keys()], await ensureDefaultScale(tx));
        const hr = isHr(who, organisationId);
        const problems: FieldError[] = [];
        const ratings: Array<{ personId: string; competenceId: string; level: number }> = [];
        const seen = new Set<string>();
        for (const [i, r] of input.ratings.entries()) {
          const at = `/body/ratings/${i}`;
          const participant = participants.get(r.personId);
          const person = persons.get(r.personId);
          if (!participant || !person) {
            problems.push({ path: `${at}/personId`, message: 'is not a participant of this action' });
            continue;
          }
          if (participant.status !== 'completed') problems.push({ path: `${at}/personId`, message: 'has not completed this action' });
          const competenceId = r.competenceId ?? (competenceIds.length === 1 ? competenceIds[0] : null);
          if (!competenceId)
            problems.push({ path: `${at}/competenceId`, message: 'is required: the action answers needs with more than one competence' });
          else if (!competenceIds.includes(competenceId))
            problems.push({ path: `${at}/competenceId`, message: 'is not the competence of a need this action answers' });
          const max = maxLevel.get(r.personId) ?? 4;
          if (r.level > max) problems.push({ path: `${at}/level`, message: `must be ${max} or less (the highest level of the scale)` });
          if (competenceId) {
            const key = `${r.personId}|${competenceId}`;
            if (seen.has(key)) problems.push({ path: at, message: 'rates the same person and competence twice' });
            seen.add(key);
            ratings.push({ personId: r.personId, competenceId, level: r.level });
          }
          if (!hr) {
            const relation = await relationTo(tx, who, person);
            if (!relation.isSupervisor) throw forbidden('Only HR or the person’s own supervisor re-assesses after an action.');
          }
        }
        if (problems.length) throw invalid(problems);

        const organisation = await q.organisationOf(tx, organisationId);
        const settings = organisation?.settings ?? {};
        const at = now();
        await recordAssessments(
          tx,
          ratings.map((r) => ({
            organisationId,
            personId: r.personId,
            competenceId: r.competenceId,
            source: 'supervisor' as const,
            level: r.level,
            authorUserId: who.userId,
            visibility: settings.defaultVisibility ?? 'hr',
            note: `Re-assessment after: ${action.title}`.slice(0, 500),
            assessedAt: at,
          })),
          { now: at, validityMonths: effectiveSettings(settings).validityMonths },
        );

        // Re-check every need the action answers.
        const needIds = needs.map((n) => n.id);
        const named = await q.peopleOfNeeds(tx, needIds);
        const viaActions = await q.participantsOfNeeds(tx, organisationId, needIds);
        const results: ReassessResult['needs'] = [];
        for (const need of needs) {
          const linked = named.filter((l) => l.needId === need.id).map((l) => l.personId);
          const personIds = [...new Set(linked.length ? linked : viaActions.filter((l) => l.needId === need.id).map((l) => l.personId))];
          const current = new Map(
            (await q.currentLevels(tx, organisationId, personIds, [need.competenceId!])).map((c) => [c.personId, c.level]),
          );
          const required = new Map(
            (await q.requiredLevels(tx, organisationId, personIds, [need.competenceId!])).map((c) => [c.personId, c.required]),
          );
          const met = needIsMet(personIds.map((id) => ({ required: required.get(id) ?? null, current: current.get(id) ?? null })));
          let status = need.status;
          if (met) status = 'met';
          else if (['open', 'triaged', 'planned', 'met'].includes(status)) status = 'in_progress';
          if (status !== need.status) await q.setNeedStatus(tx, organisationId, need.id, status);
          results.push({ id: need.id, title: need.title, status, met });
        }
        await writeAudit(tx, {
          event: 'assessment_recorded',
          actorUserId: who.userId,
          organisationId,
          subject: actionId,
          ip,
          detail: {
            source: 'supervisor',
            reassessment: true,
            planId,
            actionId,
            ratings: ratings.length,
            needsMet: results.filter((r) => r.met).map((r) => r.id),
          },
        });
        return { recorded: ratings.length, needs: results };
      });
    },

    // ------------------------------------------------------------ documents

    /** The plan (or an approved version of it) as PDF for the board or as XLSX; audited as data_export. */
    async exportPlan(
      actor: Actor | null,
      organisationId: string,
      planId: string,
      format: 'pdf' | 'xlsx',
      query: ExportQuery,
      ip?: string,
    ): Promise<ExportFile> {
      const who = requireOrgPermission(actor, 'plan:read', organisationId);
      const locale: Lang = query.locale ?? 'nl';
      const data = await db.transaction(async (tx): Promise<PlanDocumentData> => {
        const plan = await planOrThrow(tx, organisationId, planId);
        const organisation = await q.organisationOf(tx, organisationId);
        let document: PlanDocumentData;
        if (query.version !== undefined) {
          const row = await q.findVersion(tx, planId, query.version);
          if (!row) throw badRequest('/querystring/version', 'is not an approved version of this plan');
          const snapshot = snapshotOf(row.snapshot);
          document = {
            ...snapshot.plan,
            status: snapshot.plan.status as PlanStatus,
            organisationName: organisation?.name ?? '',
            approvedAt: snapshot.approvedAt,
            approvedByName: snapshot.approvedByName,
            actions: snapshot.actions,
            budget: snapshot.budget,
          };
        } else {
          const current = await planData(tx, plan);
          document = {
            id: plan.id,
            organisationId,
            year: plan.year,
            title: plan.title,
            status: plan.status,
            version: plan.version,
            organisationName: organisation?.name ?? '',
            approvedAt: iso(plan.approvedAt),
            approvedByName: current.approvedByName,
            actions: current.actions,
            budget: current.budget,
          };
        }
        await writeAudit(tx, {
          event: 'data_export',
          actorUserId: who.userId,
          organisationId,
          subject: `training-plan.${format}`,
          ip,
          detail: { planId, year: document.year, version: document.version, locale },
        });
        return document;
      });
      const name = `opleidingsplan-${data.year}-v${data.version}`;
      if (format === 'pdf') {
        return { filename: `${name}.pdf`, contentType: 'application/pdf', body: await renderPlanPdf(data, locale, now()) };
      }
      return {
        filename: `${name}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await planWorkbook(data, locale),
      };
    },
  };
}

export type TrainingPlansService = ReturnType<typeof createTrainingPlansService>;
