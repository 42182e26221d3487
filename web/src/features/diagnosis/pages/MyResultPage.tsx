import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { ScaleLevelList } from '../../../components/ScaleLevels';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useDefaultScale, useMyDiagnosis } from '../api/diagnosis';
import { PersonFacts } from '../components/PersonFacts';
import { PersonResult } from '../components/PersonResult';
import '../diagnosis.css';

/** "My result": the signed-in person's own result, including ratings they kept private. */
export default function MyResultPage() {
  const { t } = useTranslation('diagnosis');
  usePageTitle(t('me.title'));
  const { orgId = '' } = useParams();
  const result = useMyDiagnosis(orgId);
  const scale = useDefaultScale();
  const notLinked = result.error instanceof ApiError && result.error.status === 404;
  return (
    <>
      <h1>{t('me.title')}</h1>
      <p className="lead">{t('me.intro')}</p>
      {result.isPending ? <Loading /> : null}
      {notLinked ? <p className="empty">{t('me.notLinked')}</p> : <ErrorMessage error={result.error} />}
      {result.data ? (
        <>
          <PersonFacts data={result.data} />
          <PersonResult data={result.data} scale={scale.data} />
          <details className="scale-help">
            <summary>{t('me.levelsHelp')}</summary>
            {scale.data ? <ScaleLevelList levels={scale.data.levels} /> : null}
          </details>
        </>
      ) : null}
    </>
  );
}
