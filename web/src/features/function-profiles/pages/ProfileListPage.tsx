import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../../app/paths';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useProfiles } from '../api/profiles';

export default function ProfileListPage() {
  const { t, i18n } = useTranslation('profiles');
  usePageTitle(t('list.title'));
  const { orgId = '' } = useParams();
  const profiles = useProfiles(orgId);
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium' });
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.intro')}</p>
      <p>
        <Link className="button button--primary" to={paths.newProfile(orgId)}>
          <span aria-hidden="true">+ </span>
          {t('list.new')}
        </Link>
      </p>
      {profiles.isPending ? <Loading /> : null}
      <ErrorMessage error={profiles.error} />
      {profiles.data ? (
        <DataTable
          caption={t('list.caption')}
          rows={profiles.data}
          rowKey={(p) => p.id}
          empty={t('list.none')}
          columns={[
            { key: 'name', header: t('list.name'), render: (p) => <Link to={paths.profile(orgId, p.id)}>{p.name}</Link> },
            { key: 'count', header: t('list.competences'), numeric: true, render: (p) => p.competenceCount },
            { key: 'updated', header: t('list.updated'), render: (p) => date.format(new Date(p.updatedAt)) },
          ]}
        />
      ) : null}
    </>
  );
}
