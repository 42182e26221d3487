import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { useOrgRoles } from '../../../api/roles';
import { paths } from '../../../app/paths';
import { Field } from '../../../components/Field';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { criteria, needsKey, putWeights, useWeights, type Weights, type WeightsView } from '../api/needs';
import { NeedCrumbs } from '../components/bits';
import '../needs.css';

export default function WeightsPage() {
  const { t } = useTranslation('needs');
  usePageTitle(t('weights.title'));
  const { orgId = '' } = useParams();
  const weights = useWeights(orgId);
  return (
    <>
      <NeedCrumbs orgId={orgId} current={t('weights.title')} />
      <h1>{t('weights.title')}</h1>
      <p className="lead">{t('weights.intro')}</p>
      {weights.isPending ? <Loading /> : null}
      <ErrorMessage error={weights.error} />
      {weights.data ? <WeightsForm orgId={orgId} view={weights.data} /> : null}
    </>
  );
}

function WeightsForm({ orgId, view }: { orgId: string; view: WeightsView }) {
  const { t } = useTranslation('needs');
  const roles = useOrgRoles(orgId);
  const client = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(criteria.map((c) => [c, String(view.weights[c])])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setFailure(null);
    setErrors({});
    setBusy(true);
    try {
      const weights = Object.fromEntries(criteria.map((c) => [c, values[c] === '' ? Number.NaN : Number(values[c])])) as Weights;
      const result = await putWeights(orgId, weights);
      client.setQueryData([...needsKey(orgId), 'weights'], result);
      setValues(Object.fromEntries(criteria.map((c) => [c, String(result.weights[c])])));
      await client.invalidateQueries({ queryKey: needsKey(orgId), predicate: (q) => q.queryKey[2] !== 'weights' });
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  if (!roles.isHr) {
    return (
      <>
        <p>{t('weights.readOnly')}</p>
        <ul className="link-list">
          {criteria.map((c) => (
            <li key={c}>
              {t(`priority.criterion.${c}.title`)}: {view.weights[c]}
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <form className="form form--wide" onSubmit={submit} noValidate>
      {view.isDefault ? <p>{t('weights.isDefault')}</p> : null}
      {errors.weights ? (
        <p className="field__error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t('weights.allZero')}
        </p>
      ) : null}
      <div className="weights-grid">
        {criteria.map((c) => (
          <Field
            key={c}
            label={t(`priority.criterion.${c}.title`)}
            hint={t(`priority.criterion.${c}.explain`)}
            type="number"
            inputMode="decimal"
            min={0}
            max={10}
            step={0.5}
            value={values[c]}
            onChange={(e) => setValues((v) => ({ ...v, [c]: e.target.value }))}
            error={errors[`weights.${c}`] ? t('weights.intro') : null}
          />
        ))}
      </div>
      <div className="triage-nav">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('weights.save')}
        </button>
        <button type="button" className="button" onClick={() => setValues(Object.fromEntries(criteria.map((c) => [c, '1'])))}>
          {t('weights.reset')}
        </button>
        <Link className="button" to={paths.rankedNeeds(orgId)}>
          {t('list.ranked')}
        </Link>
      </div>
      {saved ? <Notice>{t('weights.saved')}</Notice> : null}
      <ErrorMessage error={failure} focus />
    </form>
  );
}
