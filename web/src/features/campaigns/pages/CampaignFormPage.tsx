import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { paths } from '../../../app/paths';
import { Field } from '../../../components/Field';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import {
  campaignKey,
  campaignsKey,
  createCampaign,
  updateCampaign,
  useCampaign,
  useProfileOptions,
  useTeams,
  type CampaignDetail,
  type CreateCampaignBody,
  type UpdateCampaignBody,
} from '../api/campaigns';
import { Icon, type IconName } from '../components/Icons';
import '../campaigns.css';

const perspectives = ['organisation', 'functioning', 'competence'] as const;
const targetGroups = ['target_group_employee', 'supervisory_staff', 'other_staff'] as const;
const respondentLocales = ['nl', 'nl-easy', 'fr', 'en'] as const;
type RespondentLocale = (typeof respondentLocales)[number];
type Perspective = (typeof perspectives)[number];
type TargetGroup = (typeof targetGroups)[number];

interface FormState {
  title: string;
  description: string;
  perspectives: Perspective[];
  teamIds: string[];
  functionProfileIds: string[];
  targetGroups: TargetGroup[];
  opensOn: string;
  closesOn: string;
  mode: 'named' | 'anonymous';
  supervisorAssessment: boolean;
  locales: RespondentLocale[];
  askOpenQuestion: boolean;
  openQuestion: Partial<Record<RespondentLocale, string>>;
}

type Errors = Partial<
  Record<
    'title' | 'perspectives' | 'scope' | 'dates' | 'opensOn' | 'closesOn' | 'mode' | 'supervisorAssessment' | 'locales' | 'openQuestion',
    string
  >
>;

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const toggle = <T,>(list: T[], value: T, on: boolean) =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

function fromCampaign(c: CampaignDetail): FormState {
  return {
    title: c.title,
    description: c.description,
    perspectives: c.perspectives,
    teamIds: c.scope.teamIds,
    functionProfileIds: c.scope.functionProfileIds,
    targetGroups: c.scope.targetGroups,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    mode: c.mode,
    supervisorAssessment: c.supervisorAssessment,
    locales: c.locales,
    askOpenQuestion: c.openQuestion !== null,
    openQuestion: c.openQuestion ?? {},
  };
}

/** One numbered step of the form, with its pictogram. */
function Step({
  n,
  icon,
  title,
  hint,
  children,
  disabled = false,
  error,
}: {
  n: number;
  icon: IconName;
  title: string;
  hint?: string;
  children: ReactNode;
  disabled?: boolean;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset
      className={`campaign-step${error ? ' campaign-step--invalid' : ''}`}
      disabled={disabled}
      aria-describedby={hint ? `${id}-hint` : undefined}
    >
      <legend>
        <span className="campaign-step__number" aria-hidden="true">
          {n}
        </span>
        <Icon name={icon} />
        <span>{title}</span>
      </legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error campaign-step__error" tabIndex={-1}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

export default function CampaignFormPage() {
  const { orgId = '', campaignId } = useParams();
  return campaignId ? <EditCampaign orgId={orgId} campaignId={campaignId} /> : <CampaignForm orgId={orgId} />;
}

function EditCampaign({ orgId, campaignId }: { orgId: string; campaignId: string }) {
  const { t } = useTranslation('campaigns');
  const campaign = useCampaign(orgId, campaignId);
  usePageTitle(t('form.editTitle'));
  if (campaign.isPending) return <Loading />;
  if (campaign.error) return <ErrorMessage error={campaign.error} focus />;
  return <CampaignForm orgId={orgId} existing={campaign.data} />;
}

function CampaignForm({ orgId, existing }: { orgId: string; existing?: CampaignDetail }) {
  const { t, i18n } = useTranslation('campaigns');
  const editing = Boolean(existing);
  usePageTitle(editing ? t('form.editTitle') : t('form.newTitle'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const teams = useTeams(orgId);
  const profiles = useProfileOptions(orgId);
  const locked = existing?.status === 'open';
  const closed = existing?.status === 'closed';

  /** The default open question in each respondent language (from that language's own messages). */
  const defaultQuestion = (locale: RespondentLocale) =>
    locale === 'nl-easy'
      ? i18n.getFixedT('nl', 'campaigns')('form.openQuestionDefaultEasy')
      : i18n.getFixedT(locale, 'campaigns')('form.openQuestionDefault');

  const [form, setForm] = useState<FormState>(() => {
    if (existing) return fromCampaign(existing);
    const today = new Date();
    return {
      title: '',
      description: '',
      perspectives: ['functioning', 'competence'],
      teamIds: [],
      functionProfileIds: [],
      targetGroups: [],
      opensOn: isoDay(today),
      closesOn: isoDay(new Date(today.getTime() + 28 * 86_400_000)),
      mode: 'named',
      supervisorAssessment: true,
      locales: ['nl'],
      askOpenQuestion: true,
      openQuestion: {},
    };
  });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (changes: Partial<FormState>) => setForm((f) => ({ ...f, ...changes }));
  const questionText = (locale: RespondentLocale) => form.openQuestion[locale] ?? defaultQuestion(locale);

  useEffect(() => {
    // The first problem in reading order: a field's input, or the message of a whole step.
    const first = document.querySelector<HTMLElement>('.field--invalid input, .campaign-step__error');
    first?.focus();
  }, [errors]);

  const check = (): Errors => {
    const e: Errors = {};
    if (!form.title.trim()) e.title = t('form.errors.title');
    if (form.perspectives.length === 0) e.perspectives = t('form.errors.perspectives');
    if (!form.opensOn || !form.closesOn) e.dates = t('form.errors.dateMissing');
    else if (form.closesOn < form.opensOn) e.closesOn = t('form.errors.closesOn');
    if (form.askOpenQuestion && !questionText('nl').trim()) e.openQuestion = t('form.errors.openQuestion');
    return e;
  };

  /** Server field errors (problem+json) → the step they belong to, in plain words. */
  const fromServer = (error: ApiError): Errors | null => {
    const e: Errors = {};
    for (const key of Object.keys(error.fieldErrors)) {
      if (key === 'title') e.title = t('form.errors.title');
      else if (key.startsWith('perspectives')) e.perspectives = t('form.errors.perspectives');
      else if (key.startsWith('scope'))
        e.scope = t(
          key.includes('teamIds')
            ? 'form.errors.teamUnknown'
            : key.includes('functionProfileIds')
              ? 'form.errors.profileUnknown'
              : 'form.errors.scope',
        );
      else if (key === 'opensOn') e.dates = t('form.errors.dateMissing');
      else if (key === 'closesOn') e.closesOn = locked ? t('form.errors.closesOnExtend') : t('form.errors.closesOn');
      else if (key === 'supervisorAssessment') e.supervisorAssessment = t('form.errors.supervisorAnonymous');
      else if (key.startsWith('locales')) e.locales = t('form.errors.locales');
      else if (key.startsWith('openQuestion')) e.openQuestion = t('form.errors.openQuestion');
      else return null;
    }
    return Object.keys(e).length ? e : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length) return;
    const openQuestion = form.askOpenQuestion
      ? Object.fromEntries(form.locales.map((l) => [l, questionText(l).trim()]).filter(([, text]) => text))
      : null;
    setBusy(true);
    try {
      let saved: CampaignDetail;
      if (existing && locked) {
        const body: UpdateCampaignBody = { title: form.title.trim(), description: form.description.trim() };
        if (form.closesOn !== existing.closesOn) body.closesOn = form.closesOn;
        saved = await updateCampaign(orgId, existing.id, body);
      } else {
        const body: CreateCampaignBody = {
          title: form.title.trim(),
          description: form.description.trim(),
          perspectives: form.perspectives,
          scope: { teamIds: form.teamIds, functionProfileIds: form.functionProfileIds, targetGroups: form.targetGroups },
          opensOn: form.opensOn,
          closesOn: form.closesOn,
          locales: respondentLocales.filter((l) => form.locales.includes(l)),
          mode: form.mode,
          supervisorAssessment: form.mode === 'named' && form.supervisorAssessment,
          openQuestion,
        };
        saved = existing ? await updateCampaign(orgId, existing.id, body) : await createCampaign(orgId, body);
      }
      client.setQueryData(campaignKey(orgId, saved.id), saved);
      await client.invalidateQueries({ queryKey: campaignsKey(orgId) });
      await client.invalidateQueries({ queryKey: campaignKey(orgId, saved.id) });
      navigate(paths.campaign(orgId, saved.id));
    } catch (error) {
      setBusy(false);
      const mapped = error instanceof ApiError ? fromServer(error) : null;
      if (mapped) setErrors(mapped);
      else setFailure(error);
    }
  };

  const title = editing ? t('form.editTitle') : t('form.newTitle');
  if (closed && existing) {
    return (
      <div className="narrow">
        <h1>{title}</h1>
        <p className="alert alert--error">{t('form.closedReadOnly')}</p>
        <Link to={paths.campaign(orgId, existing.id)}>{t('form.backToCampaign')}</Link>
      </div>
    );
  }

  return (
    <div className="campaign-form">
      <nav aria-label={t('breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={paths.campaigns(orgId)}>{t('list.title')}</Link>
          </li>
          {existing ? (
            <li>
              <Link to={paths.campaign(orgId, existing.id)}>{existing.title}</Link>
            </li>
          ) : null}
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1>{title}</h1>
      <p className="lead">{locked ? t('form.lockedIntro') : t('form.intro')}</p>
      <ErrorMessage error={failure} focus />
      <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
        <Step n={1} icon="pencil" title={t('form.step1')} error={errors.perspectives}>
          <Field
            id="campaign-title"
            label={t('form.title')}
            hint={t('form.titleHint')}
            value={form.title}
            onChange={(e) => set({ title: e.target.value })}
            error={errors.title}
            maxLength={200}
            required
          />
          <div className="field">
            <label htmlFor="campaign-description">{t('form.description')}</label>
            <textarea
              id="campaign-description"
              rows={3}
              maxLength={4000}
              value={form.description}
              onChange={(e) => set({ description: e.target.value })}
            />
          </div>
          <fieldset className="fieldset" disabled={locked}>
            <legend>{t('form.perspectives')}</legend>
            <p className="field__hint">{t('form.perspectivesHint')}</p>
            {perspectives.map((p) => (
              <label key={p} className="checkbox choice-with-icon">
                <input
                  type="checkbox"
                  checked={form.perspectives.includes(p)}
                  onChange={(e) => set({ perspectives: toggle(form.perspectives, p, e.target.checked) })}
                />
                <Icon name={p} />
                <span>
                  <strong>{t(`perspective.${p}`)}</strong>
                  <br />
                  {t(`perspective.${p}Help`)}
                </span>
              </label>
            ))}
          </fieldset>
        </Step>

        <Step n={2} icon="people" title={t('form.step2')} hint={t('form.scopeHint')} disabled={locked} error={errors.scope}>
          <fieldset className="fieldset">
            <legend>{t('form.teams')}</legend>
            {teams.data?.length ? (
              teams.data.map((team) => (
                <label key={team.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.teamIds.includes(team.id)}
                    onChange={(e) => set({ teamIds: toggle(form.teamIds, team.id, e.target.checked) })}
                  />
                  <span>
                    {team.name} <span className="result-list__meta">{t('form.teamPeople', { count: team.people })}</span>
                  </span>
                </label>
              ))
            ) : (
              <p className="empty">{teams.isPending ? t('form.loading') : t('form.noTeams')}</p>
            )}
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('form.profiles')}</legend>
            {profiles.data?.length ? (
              profiles.data.map((profile) => (
                <label key={profile.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.functionProfileIds.includes(profile.id)}
                    onChange={(e) => set({ functionProfileIds: toggle(form.functionProfileIds, profile.id, e.target.checked) })}
                  />
                  {profile.name}
                </label>
              ))
            ) : (
              <p className="empty">{profiles.isPending ? t('form.loading') : t('form.noProfiles')}</p>
            )}
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('form.targetGroups')}</legend>
            {targetGroups.map((g) => (
              <label key={g} className="checkbox">
                <input
                  type="checkbox"
                  checked={form.targetGroups.includes(g)}
                  onChange={(e) => set({ targetGroups: toggle(form.targetGroups, g, e.target.checked) })}
                />
                {t(`targetGroup.${g}`)}
              </label>
            ))}
          </fieldset>
        </Step>

        <Step
          n={3}
          icon="calendar"
          title={t('form.step3')}
          hint={locked ? t('form.datesLockedHint') : t('form.datesHint')}
          error={errors.dates}
        >
          <div className="campaign-dates">
            <Field
              label={t('form.opensOn')}
              type="date"
              value={form.opensOn}
              onChange={(e) => set({ opensOn: e.target.value })}
              disabled={locked}
              required
            />
            <Field
              label={t('form.closesOn')}
              type="date"
              value={form.closesOn}
              min={locked ? existing?.closesOn : form.opensOn}
              onChange={(e) => set({ closesOn: e.target.value })}
              error={errors.closesOn}
              required
            />
          </div>
        </Step>

        <Step n={4} icon="eye" title={t('form.step4')} disabled={locked}>
          <fieldset className="fieldset">
            <legend>{t('form.mode')}</legend>
            {(['named', 'anonymous'] as const).map((mode) => (
              <label key={mode} className="radio">
                <input
                  type="radio"
                  name="campaign-mode"
                  value={mode}
                  checked={form.mode === mode}
                  onChange={() => set({ mode, supervisorAssessment: mode === 'named' })}
                />
                <span>
                  <strong>{t(`mode.${mode}`)}</strong>
                  <br />
                  {t(`mode.${mode}Help`)}
                </span>
              </label>
            ))}
          </fieldset>
          <div className={`field${errors.supervisorAssessment ? ' field--invalid' : ''}`}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.mode === 'named' && form.supervisorAssessment}
                disabled={form.mode === 'anonymous'}
                aria-describedby="supervisor-hint"
                onChange={(e) => set({ supervisorAssessment: e.target.checked })}
              />
              {t('form.supervisorAssessment')}
            </label>
            <p className="field__hint" id="supervisor-hint">
              {form.mode === 'anonymous' ? t('form.supervisorAnonymousHint') : t('form.supervisorHint')}
            </p>
            {errors.supervisorAssessment ? <p className="field__error">{errors.supervisorAssessment}</p> : null}
          </div>
          <fieldset className="fieldset">
            <legend>{t('form.locales')}</legend>
            <p className="field__hint">{t('form.localesHint')}</p>
            {respondentLocales.map((l) => (
              <label key={l} className="checkbox">
                <input
                  type="checkbox"
                  checked={form.locales.includes(l)}
                  disabled={l === 'nl'}
                  onChange={(e) => set({ locales: toggle(form.locales, l, e.target.checked) })}
                />
                {t(`locale.${l}`)}
              </label>
            ))}
            {errors.locales ? <p className="field__error">{errors.locales}</p> : null}
          </fieldset>
        </Step>

        <Step n={5} icon="speech" title={t('form.step5')} hint={t('form.openQuestionHint')} disabled={locked} error={errors.openQuestion}>
          <label className="checkbox">
            <input type="checkbox" checked={form.askOpenQuestion} onChange={(e) => set({ askOpenQuestion: e.target.checked })} />
            {t('form.askOpenQuestion')}
          </label>
          {form.askOpenQuestion
            ? respondentLocales
                .filter((l) => form.locales.includes(l))
                .map((l) => (
                  <Field
                    key={l}
                    label={t('form.openQuestionIn', { language: t(`locale.${l}`) })}
                    value={questionText(l)}
                    onChange={(e) => set({ openQuestion: { ...form.openQuestion, [l]: e.target.value } })}
                    maxLength={300}
                    lang={l === 'nl-easy' ? 'nl' : l}
                  />
                ))
            : null}
        </Step>

        <div className="save-bar">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('form.saving') : editing ? t('form.save') : t('form.create')}
          </button>
          <Link className="button" to={existing ? paths.campaign(orgId, existing.id) : paths.campaigns(orgId)}>
            {t('form.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
