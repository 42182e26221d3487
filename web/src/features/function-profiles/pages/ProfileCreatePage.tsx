import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { paths } from '../../../app/paths';
import { Field } from '../../../components/Field';
import { ErrorMessage } from '../../../components/Status';
import { useDebounced } from '../../../components/useDebounced';
import { usePageTitle } from '../../../components/usePageTitle';
import type { Locale } from '../../../../../src/shared/roles';
import { createProfile, profileKey, profilesKey, useOccupationHits } from '../api/profiles';

export default function ProfileCreatePage() {
  const { t, i18n } = useTranslation('profiles');
  usePageTitle(t('create.title'));
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const { orgId = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [occupationQuery, setOccupationQuery] = useState('');
  const [occupation, setOccupation] = useState<{ id: string; label: string } | null>(null);
  const [prefill, setPrefill] = useState(true);
  const [errors, setErrors] = useState<{ name?: string; description?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const hits = useOccupationHits(useDebounced(occupationQuery), lang);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!name.trim()) {
      setErrors({ name: t('create.nameMissing') });
      document.getElementById('profile-name')?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await createProfile(orgId, {
        name: name.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(occupation ? { occupationId: occupation.id, prefillFromOccupation: prefill } : {}),
      });
      client.setQueryData(profileKey(orgId, created.id), created);
      await client.invalidateQueries({ queryKey: profilesKey(orgId) });
      navigate(paths.profile(orgId, created.id));
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && (error.code === 'resource.conflict' || error.fieldErrors.name)) {
        setErrors({ name: error.code === 'resource.conflict' ? t('create.nameTaken') : t('create.nameMissing') });
        document.getElementById('profile-name')?.focus();
      } else setFailure(error);
    }
  };

  return (
    <div className="narrow">
      <nav aria-label={t('breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={paths.profiles(orgId)}>{t('list.title')}</Link>
          </li>
          <li aria-current="page">{t('create.title')}</li>
        </ol>
      </nav>
      <h1>{t('create.title')}</h1>
      <p className="lead">{t('create.intro')}</p>
      <ErrorMessage error={failure} focus />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field
          id="profile-name"
          label={t('create.name')}
          hint={t('create.nameHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          maxLength={200}
          required
        />
        <Field
          label={t('create.description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={errors.description}
          maxLength={4000}
        />
        <fieldset className="fieldset">
          <legend>{t('create.occupationLegend')}</legend>
          <p className="field__hint">{t('create.occupationHint')}</p>
          {occupation ? (
            <p className="chosen">
              {t('create.occupationChosen')}: <strong>{occupation.label}</strong>{' '}
              <button type="button" className="button button--small" onClick={() => setOccupation(null)}>
                {t('create.occupationClear')}
              </button>
            </p>
          ) : (
            <>
              <Field
                label={t('create.occupationSearch')}
                type="search"
                value={occupationQuery}
                onChange={(e) => setOccupationQuery(e.target.value)}
                maxLength={200}
                autoComplete="off"
              />
              <ErrorMessage error={hits.error} />
              {occupationQuery.trim().length >= 2 && hits.data ? (
                <>
                  <p role="status">{t('create.occupationCount', { count: hits.data.length })}</p>
                  <ul className="choice-list">
                    {hits.data.map((o) => (
                      <li key={o.id}>
                        <button type="button" className="button" onClick={() => setOccupation({ id: o.id, label: o.label })}>
                          {o.label}
                          {o.code ? <span className="result-list__meta"> {o.code}</span> : null}
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )}
          {occupation ? (
            <label className="checkbox">
              <input type="checkbox" checked={prefill} onChange={(e) => setPrefill(e.target.checked)} />
              {t('create.prefill')}
            </label>
          ) : null}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('create.submit')}
        </button>
      </form>
    </div>
  );
}
