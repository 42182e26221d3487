import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../../app/paths';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useDefaultScale, usePersonDiagnosis } from '../api/diagnosis';
import { PersonFacts } from '../components/PersonFacts';
import { PersonResult } from '../components/PersonResult';
import '../diagnosis.css';

/** One person's result, for HR, organisation admins and the person's supervisor. */
export default function PersonDiagnosisPage() {
  const { t } = useTranslation('diagnosis');
  const { orgId = '', personId = '' } = useParams();
  const result = usePersonDiagnosis(orgId, personId);
  const scale = useDefaultScale();
  const name = result.data?.person.displayName;
  usePageTitle(name ? t('person.title', { name }) : t('person.titleLoading'));
  return (
    <>
      <p>
        <Link to={paths.diagnosisDisagreements(orgId)}>
          <span aria-hidden="true">← </span>
          {t('person.back')}
        </Link>
      </p>
      <h1>{name ? t('person.title', { name }) : t('person.titleLoading')}</h1>
      {result.isPending ? <Loading /> : null}
      <ErrorMessage error={result.error} />
      {result.data ? (
        <>
          <PersonFacts data={result.data} />
          <p className="lead">{t('person.intro')}</p>
          <PersonResult data={result.data} scale={scale.data} />
        </>
      ) : null}
    </>
  );
}
