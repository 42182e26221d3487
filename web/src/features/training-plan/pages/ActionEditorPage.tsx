import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Locale } from '../../../../../src/shared/roles';
import { ApiError } from '../../../api/http';
import { paths } from '../../../app/paths';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field, SelectField } from '../../../components/Field';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { TextAreaField } from '../../../components/TextAreaField';
import { useDebounced } from '../../../components/useDebounced';
import { usePageTitle } from '../../../components/usePageTitle';
import {
  createAction,
  deleteAction,
  peopleByIds,
  planKey,
  setActionStatus,
  setFundingStatus,
  updateAction,
  useInstruments,
  useNeedOptions,
  usePeopleSearch,
  usePlan,
  type ActionBody,
  type ActionStatus,
  type ActionView,
  type FundingHint,
  type FundingStatus,
  type PlanDetail,
} from '../api/plans';
import { KindLabel, PlanStatusBadge } from '../components/Badges';
import { EnrolPanel } from '../components/EnrolPanel';
import { FundingHintsPanel } from '../components/FundingHintsPanel';
import { editionDates } from '../components/offer-text';
import { OfferPicker, type ChosenOffer } from '../components/OfferPicker';
import { euroInput, formatEuro, hoursInput, parseEuro, parseHours, ZERO_IF_BLANK } from '../../../components/money';
import '../training-plan.css';

const kinds = [
  'external_offer',
  'internal_training',
  'coaching_intervision',
  'workplace_learning',
  'train_the_trainer',
  'non_training',
] as const;
const nonTrainingKinds = ['communication', 'tools', 'hr_policy', 'work_organisation', 'coaching'] as const;
const fundingStatuses = ['planned', 'committed', 'spent'] as const;
const actionStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;

interface LineDraft {
  key: number;
  instrumentId: string;
  amount: string;
  status: FundingStatus;
  note: string;
}

let lineKey = 0;

export default function ActionEditorPage() {
  const { t } = useTranslation('plan');
  const { orgId = '', planId = '', actionId = 'new' } = useParams();
  const plan = usePlan(orgId, planId);
  const isNew = actionId === 'new';
  const action = plan.data?.actions.find((a) => a.id === actionId);
  usePageTitle(isNew ? t('editor.newTitle') : action?.title);
  const [suggestion, setSuggestion] = useState<FundingHint | null>(null);

  if (plan.isPending) return <Loading />;
  if (plan.error || !plan.data) return <ErrorMessage error={plan.error} />;
  if (!isNew && !action) return <ErrorMessage error={new ApiError(404, 'resource.not_found', 'no such action')} />;
  const editable = plan.data.status === 'draft' && plan.data.can.write;

  return (
    <>
      <p>
        <Link to={paths.plan(orgId, planId)}>
          <span aria-hidden="true">← </span>
          {t('editor.back', { title: plan.data.title })}
        </Link>
      </p>
      <h1>{isNew ? t('editor.newTitle') : action!.title}</h1>
      <p>
        <PlanStatusBadge status={plan.data.status} /> {t(`explain.${plan.data.status}`)}
      </p>
      {editable ? (
        <ActionForm key={action?.id ?? 'new'} orgId={orgId} plan={plan.data} action={action} suggestion={suggestion} />
      ) : isNew ? (
        <p>{t('editor.locked')}</p>
      ) : (
        <ActionFacts orgId={orgId} plan={plan.data} action={action!} />
      )}
      {action?.offer?.edition ? <EnrolPanel orgId={orgId} plan={plan.data} action={action} /> : null}
      {action ? (
        <FundingHintsPanel orgId={orgId} planId={planId} actionId={action.id} onUse={editable ? setSuggestion : undefined} />
      ) : (
        <p className="field__hint">{t('hints.afterSave')}</p>
      )}
    </>
  );
}

/** The action of an approved or closed plan: read only, except its progress and the money's status. */
function ActionFacts({ orgId, plan, action }: { orgId: string; plan: PlanDetail; action: ActionView }) {
  const { t, i18n } = useTranslation('plan');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const follow = plan.status === 'approved' && plan.can.write;
  const refresh = () => client.invalidateQueries({ queryKey: planKey(orgId, plan.id) });
  async function run(fn: () => Promise<unknown>) {
    setError(null);
    try {
      await fn();
      await refresh();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section className="plan-section" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('editor.facts')}</h2>
      <dl className="facts">
        <dt>{t('editor.kind')}</dt>
        <dd>
          <KindLabel kind={action.kind} />
        </dd>
        <dt>{t('actions.needs')}</dt>
        <dd>{action.needs.map((n) => n.title).join(', ') || '–'}</dd>
        {action.offer ? (
          <>
            <dt>{t('offer.label')}</dt>
            <dd>
              {pickText(action.offer.title, lang)} – {action.offer.providerName}
              {action.offer.edition ? ` (${editionDates(action.offer.edition, lang)})` : ''}
            </dd>
          </>
        ) : null}
        <dt>{t('actions.participants')}</dt>
        <dd>{action.effectiveParticipants}</dd>
        <dt>{t('actions.hours')}</dt>
        <dd>{hoursInput(action.durationMinutes, lang)}</dd>
        <dt>{t('actions.cost')}</dt>
        <dd>{formatEuro(action.costCents, lang)}</dd>
        <dt>{t('editor.responsible')}</dt>
        <dd>{action.responsible || '–'}</dd>
      </dl>
      <ErrorMessage error={error} />
      {follow ? (
        <SelectField
          label={t('editor.actionStatus')}
          value={action.status}
          onChange={(value) => run(() => setActionStatus(orgId, plan.id, action.id, value as ActionStatus))}
          options={actionStatuses.map((s) => ({ value: s, label: t(`actionStatus.${s}`) }))}
        />
      ) : (
        <p>
          {t('editor.actionStatus')}: {t(`actionStatus.${action.status}`)}
        </p>
      )}
      <h3>{t('editor.funding')}</h3>
      {action.funding.length === 0 ? <p>{t('editor.noFunding')}</p> : null}
      <ul className="funding-list">
        {action.funding.map((line) => (
          <li key={line.id} className="card">
            <p>
              <strong>{pickText(line.name, lang)}</strong>: {formatEuro(line.amountCents, lang)}
              {line.note ? ` – ${line.note}` : ''}
            </p>
            {follow ? (
              <SelectField
                label={t('editor.fundingStatusOf', { name: pickText(line.name, lang) })}
                value={line.status}
                onChange={(value) => run(() => setFundingStatus(orgId, plan.id, action.id, line.id, value as FundingStatus))}
                options={fundingStatuses.map((s) => ({ value: s, label: t(`fundingStatus.${s}`) }))}
              />
            ) : (
              <p>{t(`fundingStatus.${line.status}`)}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActionForm({
  orgId,
  plan,
  action,
  suggestion,
}: {
  orgId: string;
  plan: PlanDetail;
  action?: ActionView;
  suggestion: FundingHint | null;
}) {
  const { t, i18n } = useTranslation('plan');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const navigate = useNavigate();
  const client = useQueryClient();
  const needs = useNeedOptions(orgId, plan.id);
  const instruments = useInstruments(orgId);

  const [kind, setKind] = useState<ActionBody['kind']>(action?.kind ?? 'external_offer');
  const [nonTrainingKind, setNonTrainingKind] = useState<string>(action?.nonTrainingKind ?? 'communication');
  const [title, setTitle] = useState(action?.title ?? '');
  const [description, setDescription] = useState(action?.description ?? '');
  const [needIds, setNeedIds] = useState<string[]>(action?.needs.map((n) => n.id) ?? []);
  const [needFilter, setNeedFilter] = useState('');
  const [mode, setMode] = useState<'named' | 'count'>(
    action && action.participants.length === 0 && action.participantsCount > 0 ? 'count' : 'named',
  );
  const [people, setPeople] = useState<Array<{ id: string; displayName: string; teamName: string | null }>>(
    action?.participants.map((p) => ({ id: p.personId, displayName: p.displayName, teamName: p.teamName })) ?? [],
  );
  const [count, setCount] = useState(String(action?.participantsCount ?? 0));
  const [search, setSearch] = useState('');
  const hits = usePeopleSearch(orgId, plan.id, useDebounced(search));
  const [hours, setHours] = useState(action ? hoursInput(action.durationMinutes, lang) : '');
  const [start, setStart] = useState(action?.plannedStart ?? '');
  const [end, setEnd] = useState(action?.plannedEnd ?? '');
  const [perPerson, setPerPerson] = useState(action ? euroInput(action.costPerParticipantCents, lang) : '');
  const [fixed, setFixed] = useState(action ? euroInput(action.fixedCostCents, lang) : '');
  const [responsible, setResponsible] = useState(action?.responsible ?? '');
  const [offer, setOffer] = useState<ChosenOffer | null>(action?.offer ?? null);
  const [editionId, setEditionId] = useState(action?.offerEditionId ?? '');
  const [lines, setLines] = useState<LineDraft[]>(
    action?.funding.map((f) => ({
      key: ++lineKey,
      instrumentId: f.instrumentId ?? '',
      amount: euroInput(f.amountCents, lang),
      status: f.status,
      note: f.note,
    })) ?? [],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  // A hint's "use this estimate" adds a funding line.
  useEffect(() => {
    if (!suggestion) return;
    setLines((current) => [
      ...current,
      {
        key: ++lineKey,
        instrumentId: suggestion.instrument.id,
        amount: euroInput(suggestion.estimatedCents, lang),
        status: 'planned',
        note: '',
      },
    ]);
  }, [suggestion, lang]);

  /** A chosen offer fills in what is still empty: name, hours and cost per participant. */
  function chooseOffer(chosen: ChosenOffer | null) {
    setOffer(chosen);
    setEditionId('');
    if (!chosen) return;
    if (!title.trim()) setTitle(pickText(chosen.title, lang));
    if (!parseHours(hours, ZERO_IF_BLANK)) setHours(hoursInput(chosen.durationMinutes, lang));
    if (!parseEuro(perPerson, ZERO_IF_BLANK)) setPerPerson(euroInput(chosen.priceCents, lang));
  }

  const participants = mode === 'named' ? people.length : Number(count) || 0;
  const costCents = (parseEuro(perPerson, ZERO_IF_BLANK) ?? 0) * participants + (parseEuro(fixed, ZERO_IF_BLANK) ?? 0);
  const fundedCents = lines.reduce((s, l) => s + (parseEuro(l.amount, ZERO_IF_BLANK) ?? 0), 0);
  const visibleNeeds = useMemo(() => {
    const f = needFilter.trim().toLowerCase();
    return (needs.data ?? []).filter(
      (n) => (n.status !== 'dismissed' || needIds.includes(n.id)) && (!f || n.title.toLowerCase().includes(f)),
    );
  }, [needs.data, needFilter, needIds]);

  async function addPeopleOfNeeds() {
    const ids = [...new Set((needs.data ?? []).filter((n) => needIds.includes(n.id)).flatMap((n) => n.personIds))].filter(
      (id) => !people.some((p) => p.id === id),
    );
    if (!ids.length) return;
    const found = await peopleByIds(orgId, plan.id, ids);
    setPeople((current) => [...current, ...found]);
  }

  function validate(): { body: ActionBody; problems: Record<string, string> } {
    const problems: Record<string, string> = {};
    const money = (text: string, key: string) => {
      const cents = parseEuro(text, ZERO_IF_BLANK);
      if (cents === null) problems[key] = t('editor.errors.amount');
      return cents ?? 0;
    };
    const minutes = parseHours(hours, ZERO_IF_BLANK);
    if (minutes === null) problems.durationMinutes = t('editor.errors.hours');
    if (!title.trim()) problems.title = t('editor.errors.title');
    if (mode === 'count' && !/^\d+$/.test(count.trim())) problems.participantsCount = t('editor.errors.count');
    if (start && end && end < start) problems.plannedEnd = t('editor.errors.end');
    const body: ActionBody = {
      kind,
      nonTrainingKind: kind === 'non_training' ? (nonTrainingKind as ActionBody['nonTrainingKind']) : null,
      title: title.trim(),
      description,
      needIds,
      personIds: mode === 'named' ? people.map((p) => p.id) : [],
      participantsCount: mode === 'count' ? Number(count) || 0 : 0,
      durationMinutes: minutes ?? 0,
      plannedStart: start || null,
      plannedEnd: end || null,
      costPerParticipantCents: money(perPerson, 'costPerParticipantCents'),
      fixedCostCents: money(fixed, 'fixedCostCents'),
      responsible,
      offerId: kind === 'non_training' ? null : (offer?.id ?? null),
      offerEditionId: kind === 'non_training' || !offer ? null : editionId || null,
      funding: lines.map((l, i) => ({
        instrumentId: l.instrumentId || null,
        amountCents: money(l.amount, `funding.${i}.amountCents`),
        status: l.status,
        note: l.note,
      })),
    };
    return { body, problems };
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setFailure(null);
    const { body, problems } = validate();
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const result = action ? await updateAction(orgId, plan.id, action.id, body) : await createAction(orgId, plan.id, body);
      await client.invalidateQueries({ queryKey: planKey(orgId, plan.id) });
      await client.invalidateQueries({ queryKey: ['plans', orgId] });
      setSaved(true);
      if (!action) navigate(paths.planAction(orgId, plan.id, result.id), { replace: true });
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function onDelete() {
    if (!action) return;
    setBusy(true);
    try {
      await deleteAction(orgId, plan.id, action.id);
      await client.invalidateQueries({ queryKey: planKey(orgId, plan.id) });
      navigate(paths.plan(orgId, plan.id));
    } catch (error) {
      setFailure(error);
      setConfirmDelete(false);
    } finally {
      setBusy(false);
    }
  }

  const lineError = (i: number, field: string) => errors[`funding.${i}.${field}`];
  const instrumentOptions = [
    { value: '', label: t('editor.ownBudget') },
    ...(instruments.data ?? []).map((i) => ({ value: i.id, label: pickText(i.name, lang) })),
  ];

  return (
    <form className="form form--wide plan-form" onSubmit={onSubmit} noValidate>
      {saved ? <Notice>{t('editor.saved')}</Notice> : null}
      <ErrorMessage error={failure} focus />

      <fieldset className="plan-fieldset">
        <legend>{t('editor.what')}</legend>
        <SelectField
          label={t('editor.kind')}
          value={kind}
          onChange={(v) => setKind(v as ActionBody['kind'])}
          options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          error={errors.kind}
        />
        <p className="field__hint">{t(`kindHelp.${kind}`)}</p>
        {kind === 'non_training' ? (
          <SelectField
            label={t('editor.nonTrainingKind')}
            value={nonTrainingKind}
            onChange={setNonTrainingKind}
            options={nonTrainingKinds.map((k) => ({ value: k, label: t(`nonTrainingKinds.${k}`) }))}
            error={errors.nonTrainingKind}
          />
        ) : null}
        <Field
          label={t('editor.title')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.title}
          maxLength={200}
          required
        />
        <TextAreaField
          label={t('editor.description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={errors.description}
          maxLength={5000}
        />
        <Field
          label={t('editor.responsible')}
          value={responsible}
          onChange={(e) => setResponsible(e.target.value)}
          error={errors.responsible}
          maxLength={200}
        />
      </fieldset>

      <fieldset className="plan-fieldset">
        <legend>{t('editor.needs')}</legend>
        <p className="field__hint">{t('editor.needsHint')}</p>
        {needs.isPending ? <Loading /> : null}
        {(needs.data?.length ?? 0) > 8 ? (
          <Field label={t('editor.needFilter')} value={needFilter} onChange={(e) => setNeedFilter(e.target.value)} />
        ) : null}
        {needs.data && needs.data.length === 0 ? <p>{t('editor.noNeeds')}</p> : null}
        <ul className="choice-list plan-needs">
          {visibleNeeds.map((n, i) => (
            <li key={n.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={needIds.includes(n.id)}
                  onChange={(e) => setNeedIds((current) => (e.target.checked ? [...current, n.id] : current.filter((id) => id !== n.id)))}
                  aria-invalid={errors[`needIds.${i}`] ? true : undefined}
                />
                <span>
                  {n.title} <span className="badge">{t(`needStatus.${n.status}`, { defaultValue: n.status })}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {Object.keys(errors).some((k) => k.startsWith('needIds')) ? <p className="field__error">{t('editor.errors.needs')}</p> : null}
      </fieldset>

      {kind !== 'non_training' ? (
        <fieldset className="plan-fieldset">
          <legend>{t('offer.legend')}</legend>
          <p className="field__hint">{t('offer.intro')}</p>
          <OfferPicker
            orgId={orgId}
            needIds={needIds}
            offer={offer}
            editionId={editionId}
            linkedEdition={action?.offer?.id === offer?.id ? (action?.offer?.edition ?? null) : null}
            onChoose={chooseOffer}
            onEdition={(edition) => {
              setEditionId(edition?.id ?? '');
              if (edition && !start) setStart(edition.startsOn);
              if (edition && !end) setEnd(edition.endsOn);
            }}
            errors={{ offerId: errors.offerId, offerEditionId: errors.offerEditionId }}
          />
        </fieldset>
      ) : null}

      <fieldset className="plan-fieldset">
        <legend>{t('editor.who')}</legend>
        <div className="choice-list">
          <label className="checkbox">
            <input type="radio" name="mode" checked={mode === 'named'} onChange={() => setMode('named')} />
            <span>{t('editor.named')}</span>
          </label>
          <label className="checkbox">
            <input type="radio" name="mode" checked={mode === 'count'} onChange={() => setMode('count')} />
            <span>{t('editor.counted')}</span>
          </label>
        </div>
        {mode === 'count' ? (
          <Field
            label={t('editor.count')}
            hint={t('editor.countHint')}
            inputMode="numeric"
            value={count}
            onChange={(e) => setCount(e.target.value)}
            error={errors.participantsCount}
          />
        ) : (
          <>
            {needIds.length ? (
              <p>
                <button type="button" className="button button--small" onClick={addPeopleOfNeeds}>
                  {t('editor.addNeedPeople')}
                </button>
              </p>
            ) : null}
            <Field
              label={t('editor.searchPeople')}
              hint={t('editor.searchHint')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              type="search"
            />
            {hits.data && search.trim().length >= 2 ? (
              <ul className="result-list" aria-live="polite">
                {hits.data.length === 0 ? <li>{t('editor.noPeople')}</li> : null}
                {hits.data.map((p) => {
                  const chosen = people.some((c) => c.id === p.id);
                  return (
                    <li key={p.id}>
                      {p.displayName} {p.teamName ? <span className="result-list__meta">({p.teamName})</span> : null}{' '}
                      <button
                        type="button"
                        className="button button--small"
                        disabled={chosen}
                        onClick={() => setPeople((current) => [...current, p])}
                      >
                        {chosen ? t('editor.added') : t('editor.add')}
                        <span className="visually-hidden"> {p.displayName}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            ) : null}
            <p>{t('editor.chosenPeople', { count: people.length })}</p>
            <ul className="plan-people">
              {people.map((p) => (
                <li key={p.id}>
                  {p.displayName}
                  {p.teamName ? ` (${p.teamName})` : ''}{' '}
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setPeople((current) => current.filter((c) => c.id !== p.id))}
                  >
                    {t('editor.remove')}
                    <span className="visually-hidden"> {p.displayName}</span>
                  </button>
                </li>
              ))}
            </ul>
            {Object.keys(errors).some((k) => k.startsWith('personIds')) ? (
              <p className="field__error">{t('editor.errors.people')}</p>
            ) : null}
          </>
        )}
      </fieldset>

      <fieldset className="plan-fieldset">
        <legend>{t('editor.when')}</legend>
        <Field
          label={t('editor.hours')}
          hint={t('editor.hoursHint')}
          inputMode="decimal"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={errors.durationMinutes}
        />
        <div className="plan-dates">
          <Field
            label={t('editor.start')}
            type="date"
            value={start}
            onChange={(e) => setStart(e.target.value)}
            error={errors.plannedStart}
          />
          <Field label={t('editor.end')} type="date" value={end} onChange={(e) => setEnd(e.target.value)} error={errors.plannedEnd} />
        </div>
      </fieldset>

      <fieldset className="plan-fieldset">
        <legend>{t('editor.money')}</legend>
        <Field
          label={t('editor.perPerson')}
          hint={t('editor.euroHint')}
          inputMode="decimal"
          value={perPerson}
          onChange={(e) => setPerPerson(e.target.value)}
          error={errors.costPerParticipantCents}
        />
        <Field
          label={t('editor.fixed')}
          hint={t('editor.fixedHint')}
          inputMode="decimal"
          value={fixed}
          onChange={(e) => setFixed(e.target.value)}
          error={errors.fixedCostCents}
        />
        <p className="plan-total" aria-live="polite">
          {t('editor.total', { participants, cost: formatEuro(costCents, lang), funded: formatEuro(fundedCents, lang) })}
        </p>
        <h3>{t('editor.funding')}</h3>
        <p className="field__hint">{t('editor.fundingHint')}</p>
        {lines.length === 0 ? <p>{t('editor.noFunding')}</p> : null}
        <ol className="funding-lines">
          {lines.map((line, i) => {
            const update = (changes: Partial<LineDraft>) =>
              setLines((current) => current.map((l) => (l.key === line.key ? { ...l, ...changes } : l)));
            return (
              <li key={line.key} className="card funding-line">
                <SelectField
                  label={t('editor.source', { n: i + 1 })}
                  value={line.instrumentId}
                  onChange={(v) => update({ instrumentId: v })}
                  options={instrumentOptions}
                  error={lineError(i, 'instrumentId')}
                />
                <Field
                  label={t('editor.amount', { n: i + 1 })}
                  inputMode="decimal"
                  value={line.amount}
                  onChange={(e) => update({ amount: e.target.value })}
                  error={lineError(i, 'amountCents')}
                />
                <SelectField
                  label={t('editor.fundingStatus', { n: i + 1 })}
                  value={line.status}
                  onChange={(v) => update({ status: v as FundingStatus })}
                  options={fundingStatuses.map((s) => ({ value: s, label: t(`fundingStatus.${s}`) }))}
                />
                <Field
                  label={t('editor.note', { n: i + 1 })}
                  value={line.note}
                  onChange={(e) => update({ note: e.target.value })}
                  maxLength={500}
                />
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setLines((current) => current.filter((l) => l.key !== line.key))}
                >
                  {t('editor.removeLine', { n: i + 1 })}
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="button"
          onClick={() => setLines((current) => [...current, { key: ++lineKey, instrumentId: '', amount: '', status: 'planned', note: '' }])}
        >
          <span aria-hidden="true">+ </span>
          {t('editor.addLine')}
        </button>
      </fieldset>

      <div className="save-bar">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('editor.save')}
        </button>
        {action ? (
          <button type="button" className="button button--danger" onClick={() => setConfirmDelete(true)} disabled={busy}>
            {t('editor.delete')}
          </button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirmDelete}
        title={t('editor.deleteTitle')}
        confirmLabel={t('editor.delete')}
        cancelLabel={t('steps.cancel')}
        danger
        busy={busy}
        onConfirm={onDelete}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>{t('editor.deleteBody', { title: action?.title ?? '' })}</p>
      </ConfirmDialog>
    </form>
  );
}
