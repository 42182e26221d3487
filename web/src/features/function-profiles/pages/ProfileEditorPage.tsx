import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { paths } from '../../../app/paths';
import { Field, SelectField } from '../../../components/Field';
import { pickText, type LocalizedText } from '../../../components/localized';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import type { Locale } from '../../../../../src/shared/roles';
import {
  deleteProfile,
  profileKey,
  profilesKey,
  replaceItems,
  updateProfile,
  useProfile,
  type FunctionProfileDetail,
} from '../api/profiles';
import { AddCompetence } from '../components/AddCompetence';
import { LevelChooser } from '../../../components/LevelChooser';

interface Item {
  competenceId: string;
  label: LocalizedText;
  frameworkKey: string;
  requiredLevel: number;
  importance: 'core' | 'supporting';
  futureLevel: number | null;
  horizonYear: number | null;
}

type ItemErrors = Record<number, { requiredLevel?: string; futureLevel?: string; horizonYear?: string }>;

function itemsOf(profile: FunctionProfileDetail): Item[] {
  return profile.items.map((i) => ({
    competenceId: i.competenceId,
    label: i.label,
    frameworkKey: i.frameworkKey,
    requiredLevel: i.requiredLevel,
    importance: i.importance,
    futureLevel: i.futureLevel,
    horizonYear: i.horizonYear,
  }));
}

export default function ProfileEditorPage() {
  const { orgId = '', profileId = '' } = useParams();
  const profile = useProfile(orgId, profileId);
  const { t } = useTranslation('profiles');
  usePageTitle(profile.data?.name ?? t('list.title'));
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <ErrorMessage error={profile.error} />;
  return <Editor key={profile.data.id} orgId={orgId} profile={profile.data} />;
}

function Editor({ orgId, profile }: { orgId: string; profile: FunctionProfileDetail }) {
  const { t, i18n } = useTranslation('profiles');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const client = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(profile.name);
  const [description, setDescription] = useState(profile.description);
  const [items, setItems] = useState<Item[]>(() => itemsOf(profile));
  const [dirty, setDirty] = useState(false);
  const [nameError, setNameError] = useState<string>();
  const [itemErrors, setItemErrors] = useState<ItemErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState('');
  const thisYear = new Date().getFullYear();
  const scale = profile.scale;
  const requiredLevels = scale.levels.filter((l) => l.level >= 1);

  // Warn before leaving the page with unsaved work.
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);

  const change = (index: number, patch: Partial<Item>) => {
    setItems((all) => all.map((item, i) => (i === index ? { ...item, ...patch } : item)));
    setDirty(true);
    setSaved(false);
  };

  const validate = (): ItemErrors => {
    const found: ItemErrors = {};
    items.forEach((item, i) => {
      if (item.futureLevel !== null || item.horizonYear !== null) {
        if (item.futureLevel === null) found[i] = { ...found[i], futureLevel: t('editor.futureLevelMissing') };
        if (item.horizonYear === null || item.horizonYear < thisYear || item.horizonYear > thisYear + 30)
          found[i] = { ...found[i], horizonYear: t('editor.horizonInvalid', { from: thisYear, to: thisYear + 30 }) };
      }
    });
    return found;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    if (!name.trim()) {
      setNameError(t('create.nameMissing'));
      return;
    }
    setNameError(undefined);
    const found = validate();
    setItemErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      if (name.trim() !== profile.name || description !== profile.description) {
        await updateProfile(orgId, profile.id, { name: name.trim(), description });
      }
      const updated = await replaceItems(
        orgId,
        profile.id,
        items.map((i) => ({
          competenceId: i.competenceId,
          requiredLevel: i.requiredLevel,
          importance: i.importance,
          ...(i.futureLevel !== null && i.horizonYear !== null ? { futureLevel: i.futureLevel, horizonYear: i.horizonYear } : {}),
        })),
      );
      client.setQueryData(profileKey(orgId, profile.id), updated);
      await client.invalidateQueries({ queryKey: profilesKey(orgId) });
      setItems(itemsOf(updated));
      setDirty(false);
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError) {
        const fromServer: ItemErrors = {};
        for (const [key, message] of Object.entries(error.fieldErrors)) {
          const m = /^items\.(\d+)\.(requiredLevel|futureLevel|horizonYear)$/.exec(key);
          if (m)
            fromServer[Number(m[1])] = { ...fromServer[Number(m[1])], [m[2]]: t(`editor.serverError.${m[2]}`, { defaultValue: message }) };
          if (key === 'name') setNameError(error.code === 'resource.conflict' ? t('create.nameTaken') : t('create.nameMissing'));
        }
        if (error.code === 'resource.conflict' && !Object.keys(error.fieldErrors).length) setNameError(t('create.nameTaken'));
        setItemErrors(fromServer);
        if (!Object.keys(fromServer).length && !error.fieldErrors.name && error.code !== 'resource.conflict') setFailure(error);
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!window.confirm(t('editor.deleteConfirm', { name: profile.name }))) return;
    try {
      await deleteProfile(orgId, profile.id);
      await client.invalidateQueries({ queryKey: profilesKey(orgId) });
      navigate(paths.profiles(orgId));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <nav aria-label={t('breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={paths.profiles(orgId)}>{t('list.title')}</Link>
          </li>
          <li aria-current="page">{profile.name}</li>
        </ol>
      </nav>
      <h1>{profile.name}</h1>
      {profile.occupation ? (
        <p className="card__meta">
          {t('editor.basedOn')}: {pickText(profile.occupation.label, lang)}
        </p>
      ) : null}
      <ErrorMessage error={failure} focus />

      <form onSubmit={(e) => void save(e)} noValidate className="form form--wide" aria-labelledby="profile-form-heading">
        <h2 id="profile-form-heading" className="visually-hidden">
          {t('editor.formTitle')}
        </h2>
        <Field
          label={t('create.name')}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setDirty(true);
          }}
          error={nameError}
          maxLength={200}
        />
        <Field
          label={t('create.description')}
          value={description}
          onChange={(e) => {
            setDescription(e.target.value);
            setDirty(true);
          }}
          maxLength={4000}
        />

        <h2>{t('editor.competencesTitle', { count: items.length })}</h2>
        {items.length === 0 ? <p className="empty">{t('editor.noItems')}</p> : null}
        <ol className="profile-items">
          {items.map((item, index) => {
            const label = pickText(item.label, lang) || item.competenceId;
            const errors = itemErrors[index] ?? {};
            const planning = item.futureLevel !== null || item.horizonYear !== null;
            return (
              <li key={item.competenceId} className="profile-item" data-competence-id={item.competenceId}>
                <h3 className="profile-item__title">{label}</h3>
                <LevelChooser
                  legend={t('editor.requiredLevel')}
                  levels={requiredLevels}
                  value={item.requiredLevel}
                  onChange={(level) => change(index, { requiredLevel: level })}
                  error={errors.requiredLevel}
                />
                <fieldset className="importance">
                  <legend>{t('editor.importance')}</legend>
                  {(['core', 'supporting'] as const).map((value) => (
                    <label key={value} className="radio">
                      <input
                        type="radio"
                        name={`importance-${item.competenceId}`}
                        value={value}
                        checked={item.importance === value}
                        onChange={() => change(index, { importance: value })}
                      />
                      <span>
                        <strong>{t(`importance.${value}`)}</strong> – {t(`importance.${value}Help`)}
                      </span>
                    </label>
                  ))}
                </fieldset>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={planning}
                    onChange={(e) =>
                      change(
                        index,
                        e.target.checked
                          ? { futureLevel: Math.min(item.requiredLevel + 1, scale.maxLevel), horizonYear: thisYear + 3 }
                          : { futureLevel: null, horizonYear: null },
                      )
                    }
                  />
                  {t('editor.planFuture')}
                </label>
                {planning ? (
                  <div className="future">
                    <SelectField
                      label={t('editor.futureLevel')}
                      value={item.futureLevel === null ? '' : String(item.futureLevel)}
                      onChange={(v) => change(index, { futureLevel: v === '' ? null : Number(v) })}
                      options={[
                        { value: '', label: t('editor.choose') },
                        ...requiredLevels.map((l) => ({ value: String(l.level), label: `${l.level} · ${pickText(l.label, lang)}` })),
                      ]}
                      error={errors.futureLevel}
                    />
                    <Field
                      label={t('editor.horizonYear')}
                      hint={t('editor.horizonHint', { from: thisYear, to: thisYear + 30 })}
                      type="number"
                      inputMode="numeric"
                      min={thisYear}
                      max={thisYear + 30}
                      value={item.horizonYear ?? ''}
                      onChange={(e) => change(index, { horizonYear: e.target.value === '' ? null : Number(e.target.value) })}
                      error={errors.horizonYear}
                    />
                  </div>
                ) : null}
                <button
                  type="button"
                  className="button button--danger button--small"
                  onClick={() => {
                    setItems((all) => all.filter((_, i) => i !== index));
                    setItemErrors({});
                    setDirty(true);
                    setSaved(false);
                  }}
                >
                  {t('editor.remove')}
                  <span className="visually-hidden">: {label}</span>
                </button>
              </li>
            );
          })}
        </ol>
        <div className="save-bar">
          {saved ? <Notice>{t('editor.saved')}</Notice> : null}
          {dirty ? <p className="unsaved">{t('editor.unsaved')}</p> : null}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('editor.saving') : t('editor.save')}
          </button>
        </div>
      </form>

      <AddCompetence
        orgId={orgId}
        chosen={new Set(items.map((i) => i.competenceId))}
        onAdd={(hit) => {
          setItems((all) => [
            ...all,
            {
              competenceId: hit.id,
              label: { [lang]: hit.label },
              frameworkKey: hit.frameworkKey,
              requiredLevel: Math.max(1, scale.proficientFrom),
              importance: 'core',
              futureLevel: null,
              horizonYear: null,
            },
          ]);
          setDirty(true);
          setSaved(false);
          setAdded(hit.label);
        }}
      />
      <p role="status" className="search__status">
        {added ? t('editor.added', { label: added }) : ''}
      </p>

      <section aria-labelledby="danger-heading" className="danger-zone">
        <h2 id="danger-heading">{t('editor.deleteTitle')}</h2>
        <button type="button" className="button button--danger" onClick={() => void remove()}>
          {t('editor.delete')}
        </button>
      </section>
    </>
  );
}
