import { useMemo, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '../../../app/paths';
import { useOrgRoles } from '../../../api/roles';
import { pickText } from '../../../components/localized';
import { yearInBrussels } from '../../../../../src/domain/calendar/brussels';
import type { Locale } from '../../../../../src/shared/roles';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DataTable } from '../../../components/DataTable';
import { Field } from '../../../components/Field';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import {
  approvePlan,
  closePlan,
  createPlan,
  exportUrl,
  plansKey,
  startNewVersion,
  usePlan,
  usePlans,
  useVersions,
  type PlanDetail,
} from '../api/plans';
import { BudgetChart } from '../components/BudgetChart';
import { KindLabel, PlanStatusBadge } from '../components/Badges';
import { editionDates } from '../components/offer-text';
import { formatEuro } from '../../../components/money';
import '../training-plan.css';

type Step = 'approve' | 'close' | 'newVersion';

export default function PlanPage() {
  const { t, i18n } = useTranslation('plan');
  const lang = i18n.resolvedLanguage ?? 'nl';
  const { orgId = '', planId: givenPlanId } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const roles = useOrgRoles(orgId);
  const plans = usePlans(orgId);
  const year = yearInBrussels(new Date());
  const chosen = givenPlanId ?? plans.data?.find((p) => p.year === year)?.id ?? plans.data?.[0]?.id;
  const plan = usePlan(orgId, chosen);
  usePageTitle(plan.data ? plan.data.title : t('page.title'));

  const [newYear, setNewYear] = useState(String(year));
  const [createError, setCreateError] = useState<unknown>(null);
  const [step, setStep] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const [stepError, setStepError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    setCreateError(null);
    try {
      const created = await createPlan(orgId, Number(newYear));
      await client.invalidateQueries({ queryKey: plansKey(orgId) });
      navigate(paths.plan(orgId, created.id));
    } catch (error) {
      setCreateError(error);
    }
  }

  async function runStep() {
    if (!step || !plan.data) return;
    setBusy(true);
    setStepError(null);
    try {
      const run = step === 'approve' ? approvePlan : step === 'close' ? closePlan : startNewVersion;
      const result = await run(orgId, plan.data.id);
      client.setQueryData(['plan', orgId, result.id], result);
      await client.invalidateQueries({ queryKey: plansKey(orgId) });
      await client.invalidateQueries({ queryKey: ['plan', orgId, result.id] });
      setDone(t(`steps.${step}.done`, { version: result.version }));
      setStep(null);
    } catch (error) {
      setStepError(error);
      setStep(null);
    } finally {
      setBusy(false);
    }
  }

  const createForm = roles.isHr ? (
    <form className="plan-create" onSubmit={onCreate} noValidate>
      <Field
        label={t('create.year')}
        hint={t('create.hint')}
        inputMode="numeric"
        value={newYear}
        onChange={(e) => setNewYear(e.target.value)}
      />
      <button type="submit" className="button">
        {t('create.submit')}
      </button>
      <ErrorMessage error={createError} />
    </form>
  ) : null;

  return (
    <>
      <h1>{t('page.title')}</h1>
      <p className="lead">{t('page.intro')}</p>
      {plans.isPending ? <Loading /> : null}
      <ErrorMessage error={plans.error} />
      {plans.data && plans.data.length > 0 ? (
        <nav aria-label={t('page.years')} className="plan-years">
          <ul>
            {plans.data.map((p) => (
              <li key={p.id}>
                <Link
                  to={paths.plan(orgId, p.id)}
                  aria-current={p.id === chosen ? 'page' : undefined}
                  className={p.id === chosen ? 'plan-years__current' : undefined}
                >
                  {p.year} <span className="visually-hidden">– </span>
                  <PlanStatusBadge status={p.status} />
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {plans.data && plans.data.length === 0 ? <p>{t('page.none')}</p> : null}

      {done ? <Notice>{done}</Notice> : null}
      <ErrorMessage error={stepError} focus />
      {plan.isPending && chosen ? <Loading /> : null}
      <ErrorMessage error={plan.error} />
      {plan.data ? (
        <PlanView
          plan={plan.data}
          orgId={orgId}
          lang={lang}
          onStep={(s) => {
            setDone(null);
            setStep(s);
          }}
        />
      ) : null}

      {createForm ? (
        <section className="plan-section" aria-labelledby="plan-create-title">
          <h2 id="plan-create-title">{t('create.title')}</h2>
          {createForm}
        </section>
      ) : null}

      <ConfirmDialog
        open={step !== null}
        title={step ? t(`steps.${step}.title`) : ''}
        confirmLabel={step ? t(`steps.${step}.confirm`) : ''}
        cancelLabel={t('steps.cancel')}
        busy={busy}
        onConfirm={runStep}
        onCancel={() => setStep(null)}
      >
        <p>{step ? t(`steps.${step}.body`) : ''}</p>
      </ConfirmDialog>
    </>
  );
}

function PlanView({ plan, orgId, lang, onStep }: { plan: PlanDetail; orgId: string; lang: string; onStep: (step: Step) => void }) {
  const { t } = useTranslation('plan');
  const versions = useVersions(orgId, plan.id);
  const euro = (cents: number) => formatEuro(cents, lang);
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'Europe/Brussels' });
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const hours = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const editable = plan.status === 'draft' && plan.can.write;
  const when = (a: PlanDetail['actions'][number]) =>
    a.plannedStart && a.plannedEnd
      ? t('actions.period', {
          from: day.format(new Date(`${a.plannedStart}T00:00:00Z`)),
          to: day.format(new Date(`${a.plannedEnd}T00:00:00Z`)),
        })
      : a.plannedStart
        ? day.format(new Date(`${a.plannedStart}T00:00:00Z`))
        : t('actions.noDate');

  const budget = plan.budget;
  const sourceName = (line: (typeof budget.bySource)[number]) => pickText(line.name, lang as Locale) || line.source;
  const chart = useMemo(
    () => ({
      labels: budget.bySource.map(sourceName),
      series: (['planned', 'committed', 'spent'] as const).map((key) => ({
        name: t(`budget.${key}`),
        values: budget.bySource.map((l) => l[key] / 100),
        texts: budget.bySource.map((l) => formatEuro(l[key], lang)),
      })),
    }),
    [budget, lang, t],
  );
  const axisText = useMemo(
    () => (v: number) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(v),
    [lang],
  );

  return (
    <>
      <section className="plan-head" aria-labelledby="plan-title">
        <h2 id="plan-title">
          {plan.title} <PlanStatusBadge status={plan.status} />
        </h2>
        <dl className="facts">
          <dt>{t('facts.year')}</dt>
          <dd>{plan.year}</dd>
          <dt>{t('facts.version')}</dt>
          <dd>{plan.version}</dd>
          {plan.approvedAt ? (
            <>
              <dt>{t('facts.approved')}</dt>
              <dd>{t('facts.approvedBy', { date: dateTime.format(new Date(plan.approvedAt)), name: plan.approvedByName ?? '–' })}</dd>
            </>
          ) : null}
          <dt>{t('facts.cost')}</dt>
          <dd>{euro(budget.costCents)}</dd>
        </dl>
        <p className="plan-explain">{t(`explain.${plan.status}`)}</p>
        <div className="plan-buttons">
          {editable ? (
            <Link className="button button--primary" to={paths.planAction(orgId, plan.id, 'new')}>
              <span aria-hidden="true">+ </span>
              {t('actions.add')}
            </Link>
          ) : null}
          {plan.status === 'draft' && plan.can.approve ? (
            <button type="button" className="button button--primary" onClick={() => onStep('approve')}>
              {t('steps.approve.button')}
            </button>
          ) : null}
          {plan.status === 'draft' && !plan.can.approve && plan.can.write ? <p className="field__hint">{t('steps.approve.who')}</p> : null}
          {plan.status === 'approved' && plan.can.write ? (
            <button type="button" className="button" onClick={() => onStep('newVersion')}>
              {t('steps.newVersion.button')}
            </button>
          ) : null}
          {plan.status === 'approved' && plan.can.approve ? (
            <button type="button" className="button" onClick={() => onStep('close')}>
              {t('steps.close.button')}
            </button>
          ) : null}
          <Link className="button" to={paths.planFollowUp(orgId, plan.id)}>
            {t('followUp.link')}
          </Link>
        </div>
        <ul className="plan-downloads" aria-label={t('downloads.title')}>
          <li>
            <a className="button button--small" href={exportUrl(orgId, plan.id, 'pdf', { locale: 'nl' })} download>
              <span aria-hidden="true">⬇ </span>
              {t('downloads.pdf', { language: t('languages.nl') })}
            </a>
          </li>
          {lang !== 'nl' ? (
            <li>
              <a className="button button--small" href={exportUrl(orgId, plan.id, 'pdf', { locale: lang })} download>
                <span aria-hidden="true">⬇ </span>
                {t('downloads.pdf', { language: t(`languages.${lang}`) })}
              </a>
            </li>
          ) : null}
          <li>
            <a className="button button--small" href={exportUrl(orgId, plan.id, 'xlsx', { locale: lang })} download>
              <span aria-hidden="true">⬇ </span>
              {t('downloads.xlsx')}
            </a>
          </li>
        </ul>
      </section>

      <section className="plan-section" aria-labelledby="plan-actions-title">
        <h2 id="plan-actions-title">{t('actions.title')}</h2>
        <DataTable
          caption={t('actions.caption', { year: plan.year })}
          rows={plan.actions}
          rowKey={(a) => a.id}
          empty={t('actions.none')}
          columns={[
            { key: 'kind', header: t('actions.kind'), render: (a) => <KindLabel kind={a.kind} /> },
            {
              key: 'title',
              header: t('actions.name'),
              render: (a) => (
                <>
                  <Link to={paths.planAction(orgId, plan.id, a.id)}>{a.title}</Link>
                  {a.offer ? (
                    <span className="plan-offer">
                      {t('offer.inTable', { offer: pickText(a.offer.title, lang as Locale), provider: a.offer.providerName })}
                      {a.offer.edition ? ` · ${editionDates(a.offer.edition, lang as Locale)}` : ''}
                    </span>
                  ) : null}
                </>
              ),
            },
            { key: 'needs', header: t('actions.needs'), render: (a) => (a.needs.length ? a.needs.map((n) => n.title).join(', ') : '–') },
            { key: 'people', header: t('actions.participants'), numeric: true, render: (a) => a.effectiveParticipants },
            { key: 'hours', header: t('actions.hours'), numeric: true, render: (a) => hours.format(a.durationMinutes / 60) },
            { key: 'when', header: t('actions.when'), render: when },
            { key: 'cost', header: t('actions.cost'), numeric: true, render: (a) => euro(a.costCents) },
            { key: 'funded', header: t('actions.funded'), numeric: true, render: (a) => euro(a.fundedCents) },
          ]}
        />
      </section>

      <section className="plan-section" aria-labelledby="plan-budget-title">
        <h2 id="plan-budget-title">{t('budget.title')}</h2>
        <p>{t('budget.intro')}</p>
        {budget.bySource.length ? (
          <BudgetChart
            title={t('budget.chartTitle')}
            summary={t('budget.summary', {
              planned: euro(budget.total.planned),
              committed: euro(budget.total.committed),
              spent: euro(budget.total.spent),
              cost: euro(budget.costCents),
            })}
            labels={chart.labels}
            series={chart.series}
            axisText={axisText}
          />
        ) : null}
        <DataTable
          caption={t('budget.caption')}
          rows={[
            ...budget.bySource.map((l) => ({
              key: l.source,
              label: sourceName(l),
              planned: l.planned,
              committed: l.committed,
              spent: l.spent,
              total: false,
            })),
            { key: 'total', label: t('budget.total'), ...budget.total, total: true },
          ]}
          rowKey={(r) => r.key}
          empty={t('budget.none')}
          columns={[
            { key: 'name', header: t('budget.source'), render: (r) => (r.total ? <strong>{r.label}</strong> : r.label) },
            { key: 'planned', header: t('budget.planned'), numeric: true, render: (r) => euro(r.planned) },
            { key: 'committed', header: t('budget.committed'), numeric: true, render: (r) => euro(r.committed) },
            { key: 'spent', header: t('budget.spent'), numeric: true, render: (r) => euro(r.spent) },
          ]}
        />
        <dl className="facts">
          <dt>{t('budget.cost')}</dt>
          <dd>{euro(budget.costCents)}</dd>
          <dt>{t('budget.unfunded')}</dt>
          <dd>{euro(budget.unfundedCents)}</dd>
        </dl>
      </section>

      <section className="plan-section" aria-labelledby="plan-versions-title">
        <h2 id="plan-versions-title">{t('versions.title')}</h2>
        <ErrorMessage error={versions.error} />
        {versions.data ? (
          <DataTable
            caption={t('versions.caption')}
            rows={versions.data}
            rowKey={(v) => String(v.version)}
            empty={t('versions.none')}
            columns={[
              { key: 'version', header: t('versions.version'), render: (v) => v.version },
              {
                key: 'approved',
                header: t('versions.approved'),
                render: (v) => t('facts.approvedBy', { date: dateTime.format(new Date(v.approvedAt)), name: v.approvedByName ?? '–' }),
              },
              { key: 'actions', header: t('versions.actions'), numeric: true, render: (v) => v.actions },
              { key: 'cost', header: t('versions.cost'), numeric: true, render: (v) => euro(v.costCents) },
              {
                key: 'pdf',
                header: t('versions.document'),
                render: (v) => (
                  <a href={exportUrl(orgId, plan.id, 'pdf', { version: v.version, locale: 'nl' })} download>
                    {t('versions.pdf', { version: v.version })}
                  </a>
                ),
              },
            ]}
          />
        ) : null}
      </section>
    </>
  );
}
