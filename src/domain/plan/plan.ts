/**
 * The training plan (domain-rules §7): actions, their cost, funding lines, the budget view, the
 * plan's life cycle, and the funding hints. Money is in integer euro cents everywhere.
 */

export const actionKinds = [
  'external_offer',
  'internal_training',
  'coaching_intervision',
  'workplace_learning',
  'train_the_trainer',
  'non_training',
] as const;
export type ActionKind = (typeof actionKinds)[number];

export const planStatuses = ['draft', 'approved', 'closed'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const fundingStatuses = ['planned', 'committed', 'spent'] as const;
export type FundingStatus = (typeof fundingStatuses)[number];

export class PlanRuleError extends Error {
  constructor(
    readonly code: string,
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** Total cost of an action: participants × cost per participant + fixed cost (trainer, room). */
export function actionCostCents(input: { participants: number; costPerParticipantCents: number; fixedCostCents?: number }): number {
  const fixed = input.fixedCostCents ?? 0;
  if (!Number.isInteger(input.participants) || input.participants < 0)
    throw new PlanRuleError('plan.invalid_participants', '/participants', 'Participants is a whole number, 0 or more.');
  for (const [field, value] of [
    ['/costPerParticipantCents', input.costPerParticipantCents],
    ['/fixedCostCents', fixed],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new PlanRuleError('plan.invalid_amount', field, 'Amounts are whole euro cents, 0 or more.');
  }
  return input.participants * input.costPerParticipantCents + fixed;
}

export interface FundingLine {
  /** A funding instrument key, or 'own_budget'. */
  source: string;
  amountCents: number;
  status: FundingStatus;
}

export interface BudgetAction {
  costCents: number;
  funding: FundingLine[];
}

export interface BudgetFigures {
  planned: number;
  committed: number;
  spent: number;
}

export interface BudgetView {
  /** Per funding source: amounts by status. "planned" includes what is committed and spent. */
  bySource: Array<{ source: string } & BudgetFigures>;
  total: BudgetFigures;
  /** Sum of action costs. */
  costCents: number;
  /** Cost not covered by any funding line (never negative). */
  unfundedCents: number;
}

/**
 * Planned vs committed vs spent. A line moves planned → committed → spent, so each later status
 * is also counted in the earlier ones: planned is the whole budget, spent the money gone.
 */
export function budgetView(actions: readonly BudgetAction[]): BudgetView {
  const bySource = new Map<string, BudgetFigures>();
  let costCents = 0;
  let fundedCents = 0;
  for (const action of actions) {
    costCents += action.costCents;
    for (const line of action.funding) {
      if (!Number.isSafeInteger(line.amountCents) || line.amountCents < 0)
        throw new PlanRuleError('plan.invalid_amount', '/funding/amountCents', 'Amounts are whole euro cents, 0 or more.');
      const figures = bySource.get(line.source) ?? { planned: 0, committed: 0, spent: 0 };
      figures.planned += line.amountCents;
      if (line.status !== 'planned') figures.committed += line.amountCents;
      if (line.status === 'spent') figures.spent += line.amountCents;
      bySource.set(line.source, figures);
      fundedCents += line.amountCents;
    }
  }
  const rows = [...bySource.entries()]
    .map(([source, f]) => ({ source, ...f }))
    .sort((a, b) => b.planned - a.planned || a.source.localeCompare(b.source));
  const total = rows.reduce(
    (t, r) => ({ planned: t.planned + r.planned, committed: t.committed + r.committed, spent: t.spent + r.spent }),
    { planned: 0, committed: 0, spent: 0 },
  );
  return { bySource: rows, total, costCents, unfundedCents: Math.max(0, costCents - fundedCents) };
}

/** Draft → approved → closed. An approved plan is changed by starting a new draft version from it. */
export function assertTransition(from: PlanStatus, to: PlanStatus, actionCount: number): void {
  const allowed: Record<PlanStatus, PlanStatus[]> = { draft: ['approved'], approved: ['closed'], closed: [] };
  if (!allowed[from].includes(to)) throw new PlanRuleError('plan.invalid_transition', '/status', `A ${from} plan cannot become ${to}.`);
  if (to === 'approved' && actionCount === 0)
    throw new PlanRuleError('plan.empty', '/actions', 'A plan needs at least one action before it can be approved.');
}

export function assertEditable(status: PlanStatus): void {
  if (status !== 'draft')
    throw new PlanRuleError('plan.not_editable', null, `An ${status} plan cannot be changed; start a new version instead.`);
}
