import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { paths } from '../../../app/paths';
import { Field, SelectField } from '../../../components/Field';
import { ErrorMessage } from '../../../components/Status';
import { TextAreaField } from '../../../components/TextAreaField';
import { usePageTitle } from '../../../components/usePageTitle';
import { createNeed, needsKey, useTeams } from '../api/needs';
import { NeedCrumbs } from '../components/bits';
import '../needs.css';

/** A need by hand (most needs come from the diagnosis in one click). */
export default function NeedFormPage() {
  const { t } = useTranslation('needs');
  usePageTitle(t('form.title'));
  const { orgId = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const teams = useTeams(orgId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [teamId, setTeamId] = useState('');
  const [peopleCount, setPeopleCount] = useState('');
  const [urgencyDate, setUrgencyDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      const need = await createNeed(orgId, {
        title,
        ...(description.trim() ? { description } : {}),
        ...(teamId ? { teamId } : {}),
        ...(peopleCount ? { peopleCount: Number(peopleCount) } : {}),
        ...(urgencyDate ? { urgencyDate } : {}),
      });
      await client.invalidateQueries({ queryKey: needsKey(orgId) });
      navigate(paths.need(orgId, need.id));
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <>
      <NeedCrumbs orgId={orgId} need={undefined} current={t('form.title')} />
      <h1>{t('form.title')}</h1>
      <p className="lead">{t('form.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={t('form.titleLabel')}
          hint={t('form.titleHint')}
          value={title}
          maxLength={200}
          required
          onChange={(e) => setTitle(e.target.value)}
          error={errors.title ? t('form.titleError') : null}
        />
        <TextAreaField
          label={t('form.description')}
          value={description}
          maxLength={4000}
          onChange={(e) => setDescription(e.target.value)}
          error={errors.description ? t('form.invalid') : null}
        />
        <SelectField
          label={t('form.team')}
          value={teamId}
          onChange={setTeamId}
          options={[{ value: '', label: t('form.noTeam') }, ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))]}
          error={errors.teamId ? t('form.invalid') : null}
        />
        <Field
          label={t('form.peopleCount')}
          hint={t('form.peopleCountHint')}
          type="number"
          inputMode="numeric"
          min={0}
          value={peopleCount}
          onChange={(e) => setPeopleCount(e.target.value)}
          error={errors.peopleCount ? t('form.countError') : null}
        />
        <Field
          label={t('form.urgencyDate')}
          type="date"
          value={urgencyDate}
          onChange={(e) => setUrgencyDate(e.target.value)}
          error={errors.urgencyDate ? t('form.dateError') : null}
        />
        <div className="triage-nav">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('form.saving') : t('form.save')}
          </button>
          <Link className="button" to={paths.needs(orgId)}>
            {t('form.cancel')}
          </Link>
        </div>
        <ErrorMessage error={failure} focus />
      </form>
    </>
  );
}
