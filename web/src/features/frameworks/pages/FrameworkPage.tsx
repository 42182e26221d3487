import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../../app/paths';
import { pickText } from '../../../components/localized';
import { ScaleLevelList } from '../../../components/ScaleLevels';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import type { Locale } from '../../../../../src/shared/roles';
import { useFramework } from '../api/frameworks';
import { Attribution } from '../components/Attribution';
import { CompetenceSearch } from '../components/CompetenceSearch';
import { CompetenceTree } from '../components/CompetenceTree';

export default function FrameworkPage() {
  const { t, i18n } = useTranslation('frameworks');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const { orgId = '', frameworkId = '' } = useParams();
  const framework = useFramework(frameworkId);
  const title = framework.data ? pickText(framework.data.title, lang) || framework.data.key : undefined;
  usePageTitle(title ?? t('list.title'));
  if (framework.isPending) return <Loading />;
  if (framework.isError) return <ErrorMessage error={framework.error} />;
  const f = framework.data;
  return (
    <>
      <nav aria-label={t('breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={paths.frameworks(orgId)}>{t('list.title')}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1>{title}</h1>
      {pickText(f.description, lang) ? <p className="lead">{pickText(f.description, lang)}</p> : null}
      <Attribution source={f.source} attribution={f.attribution} />
      <CompetenceSearch orgId={orgId} frameworkId={f.id} label={t('search.inFramework')} />
      <section aria-labelledby="tree-heading">
        <h2 id="tree-heading">{t('tree.title')}</h2>
        <p className="field__hint">{t('tree.hint')}</p>
        <CompetenceTree orgId={orgId} frameworkId={f.id} label={title ?? ''} />
      </section>
      {f.scale ? (
        <section aria-labelledby="scale-heading">
          <h2 id="scale-heading">{t('scale.title')}</h2>
          <p>{pickText(f.scale.name, lang)}</p>
          <ScaleLevelList levels={f.scale.levels} />
        </section>
      ) : null}
    </>
  );
}
