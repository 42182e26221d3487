import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { useOrgRoles } from '../../../api/roles';
import { Field, SelectField } from '../../../components/Field';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { TextAreaField } from '../../../components/TextAreaField';
import { usePageTitle } from '../../../components/usePageTitle';
import type { Locale } from '../../../../../src/shared/roles';
import { createStarr, starrKey, usePersonCompetences, useStarr, type StarrList } from '../api/starr';

const parts = ['situation', 'task', 'action', 'result', 'reflection'] as const;
type Part = (typeof parts)[number];
type Visibility = 'private' | 'supervisor' | 'hr';

/** Today in the browser's time zone, as YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export default function StarrPage() {
  const { orgId = '', personId = '' } = useParams();
  const { t } = useTranslation('starr');
  const list = useStarr(orgId, personId);
  const roles = useOrgRoles(orgId);
  usePageTitle(list.data ? t('title', { name: list.data.person.displayName }) : t('short'));
  const canWrite = roles.isHr || roles.isManager;
  return (
    <>
      <h1>{list.data ? t('title', { name: list.data.person.displayName }) : t('short')}</h1>
      <p className="lead">{t('intro')}</p>
      {list.isPending ? <Loading /> : null}
      <ErrorMessage error={list.error} />
      {list.data ? (
        <>
          {canWrite ? <StarrForm orgId={orgId} personId={personId} /> : null}
          <Interviews list={list.data} />
        </>
      ) : null}
    </>
  );
}

function Interviews({ list }: { list: StarrList }) {
  const { t, i18n } = useTranslation('starr');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'long' });
  return (
    <section aria-labelledby="starr-list">
      <h2 id="starr-list">{t('list.title')}</h2>
      {list.interviews.length === 0 ? <p className="empty">{t('list.none')}</p> : null}
      <ul className="cards">
        {list.interviews.map((i) => (
          <li key={i.id} className="card">
            <article aria-labelledby={`starr-${i.id}`}>
              <h3 className="card__title" id={`starr-${i.id}`}>
                {t('list.heldOn', { date: date.format(new Date(`${i.heldOn}T12:00:00Z`)) })}
              </h3>
              <p className="card__meta">
                {i.interviewer ? t('list.by', { name: i.interviewer.displayName }) : null}{' '}
                <span className="badge">{t(`visibility.${i.visibility}.short`)}</span>
              </p>
              {i.competence ? <p>{t('list.competence', { label: pickText(i.competence.label, lang) })}</p> : null}
              {i.learningQuestion ? <p>{t('list.question', { text: i.learningQuestion.text })}</p> : null}
              <dl className="facts">
                {parts
                  .filter((p) => i[p])
                  .map((p) => (
                    <Fragment key={p}>
                      <dt>{t(`parts.${p}.label`)}</dt>
                      <dd>{i[p]}</dd>
                    </Fragment>
                  ))}
              </dl>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StarrForm({ orgId, personId }: { orgId: string; personId: string }) {
  const { t, i18n } = useTranslation('starr');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const client = useQueryClient();
  const competences = usePersonCompetences(orgId, personId, true);
  const visibilityName = useId();
  const empty = { situation: '', task: '', action: '', result: '', reflection: '' };
  const [texts, setTexts] = useState<Record<Part, string>>(empty);
  const [heldOn, setHeldOn] = useState(today());
  const [competenceId, setCompetenceId] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('hr');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setFailure(null);
    setErrors({});
    try {
      const result = await createStarr(orgId, personId, { ...texts, heldOn, visibility, ...(competenceId ? { competenceId } : {}) });
      client.setQueryData(starrKey(orgId, personId), result);
      setTexts(empty);
      setCompetenceId('');
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="starr-new" className="starr-new">
      <h2 id="starr-new">{t('form.title')}</h2>
      <form className="form form--wide" onSubmit={submit} noValidate>
        {parts.map((p) => (
          <TextAreaField
            key={p}
            label={t(`parts.${p}.label`)}
            hint={t(`parts.${p}.hint`)}
            maxLength={4000}
            value={texts[p]}
            onChange={(e) => setTexts((all) => ({ ...all, [p]: e.target.value }))}
            error={errors[p] ? t('form.writeSomething') : null}
          />
        ))}
        <Field
          label={t('form.heldOn')}
          type="date"
          value={heldOn}
          max={today()}
          onChange={(e) => setHeldOn(e.target.value)}
          error={errors.heldOn ? t('form.heldOnError') : null}
          required
        />
        {competences.data?.length ? (
          <SelectField
            label={t('form.competence')}
            value={competenceId}
            onChange={setCompetenceId}
            options={[
              { value: '', label: t('form.noCompetence') },
              ...competences.data.map((c) => ({ value: c.id, label: pickText(c.label, lang) })),
            ]}
            error={errors.competenceId ? t('form.competenceError') : null}
          />
        ) : null}
        <fieldset className="fieldset">
          <legend>{t('form.visibility')}</legend>
          {(['private', 'supervisor', 'hr'] as const).map((v) => (
            <label key={v} className="radio">
              <input type="radio" name={visibilityName} checked={visibility === v} onChange={() => setVisibility(v)} />
              <span>
                <strong>{t(`visibility.${v}.short`)}</strong>
                <br />
                {t(`visibility.${v}.long`)}
              </span>
            </label>
          ))}
        </fieldset>
        <div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('form.saving') : t('form.save')}
          </button>
        </div>
        {saved ? <Notice>{t('form.saved')}</Notice> : null}
        <ErrorMessage error={failure} focus />
      </form>
    </section>
  );
}
