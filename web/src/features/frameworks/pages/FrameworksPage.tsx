import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../../app/paths';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import type { Locale } from '../../../../../src/shared/roles';
import { useFrameworks } from '../api/frameworks';
import { Attribution } from '../components/Attribution';
import { CompetenceSearch } from '../components/CompetenceSearch';

export default function FrameworksPage() {
  const { t, i18n } = useTranslation('frameworks');
  usePageTitle(t('list.title'));
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const { orgId = '' } = useParams();
  const frameworks = useFrameworks(orgId);
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.intro')}</p>
      <CompetenceSearch orgId={orgId} label={t('search.allTitle')} />
      <h2>{t('list.heading')}</h2>
      {frameworks.isPending ? <Loading /> : null}
      <ErrorMessage error={frameworks.error} />
      {frameworks.isSuccess && frameworks.data.length === 0 ? <p className="empty">{t('list.none')}</p> : null}
      <ul className="cards">
        {frameworks.data?.map((f) => {
          const title = pickText(f.title, lang) || f.key;
          return (
            <li key={f.id} className="card">
              <h3 className="card__title">
                <Link to={paths.framework(orgId, f.id)}>{title}</Link>
              </h3>
              <p className="card__meta">
                {t(`source.${f.source}`, { defaultValue: f.source })} · {t('list.competenceCount', { count: f.competenceCount })}
                {f.organisationId ? ` · ${t('list.ownOrganisation')}` : ''}
              </p>
              {pickText(f.description, lang) ? <p>{pickText(f.description, lang)}</p> : null}
              <Attribution source={f.source} attribution={f.attribution} />
            </li>
          );
        })}
      </ul>
    </>
  );
}
