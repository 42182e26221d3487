import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../../app/paths';
import { DataTable } from '../../../components/DataTable';
import { SelectField } from '../../../components/Field';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useCampaigns, type CampaignStatus } from '../api/campaigns';
import { CampaignStatusBadge } from '../components/Badges';
import '../campaigns.css';

export default function CampaignListPage() {
  const { t, i18n } = useTranslation('campaigns');
  usePageTitle(t('list.title'));
  const { orgId = '' } = useParams();
  const [status, setStatus] = useState<CampaignStatus | ''>('');
  const campaigns = useCampaigns(orgId, status || undefined);
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeZone: 'UTC' });
  const day = (iso: string) => date.format(new Date(`${iso}T00:00:00Z`));
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.intro')}</p>
      <p>
        <Link className="button button--primary" to={paths.newCampaign(orgId)}>
          <span aria-hidden="true">+ </span>
          {t('list.new')}
        </Link>
      </p>
      <div className="campaign-filter">
        <SelectField
          label={t('list.filter')}
          value={status}
          onChange={(value) => setStatus(value as CampaignStatus | '')}
          options={[
            { value: '', label: t('list.all') },
            { value: 'draft', label: t('status.draft') },
            { value: 'open', label: t('status.open') },
            { value: 'closed', label: t('status.closed') },
          ]}
        />
      </div>
      {campaigns.isPending ? <Loading /> : null}
      <ErrorMessage error={campaigns.error} />
      {campaigns.data ? (
        <DataTable
          caption={t('list.caption')}
          rows={campaigns.data}
          rowKey={(c) => c.id}
          empty={status ? t('list.noneWithStatus') : t('list.none')}
          columns={[
            { key: 'title', header: t('list.name'), render: (c) => <Link to={paths.campaign(orgId, c.id)}>{c.title}</Link> },
            { key: 'status', header: t('list.status'), render: (c) => <CampaignStatusBadge status={c.status} /> },
            { key: 'mode', header: t('list.mode'), render: (c) => t(`mode.${c.mode}`) },
            {
              key: 'period',
              header: t('list.period'),
              render: (c) => t('list.periodValue', { from: day(c.opensOn), to: day(c.closesOn) }),
            },
            {
              key: 'answers',
              header: t('list.answers'),
              render: (c) =>
                c.status === 'draft'
                  ? '–'
                  : c.submitted === null
                    ? t('list.answersHidden')
                    : t('list.answersValue', { submitted: c.submitted, invited: c.invited }),
            },
          ]}
        />
      ) : null}
    </>
  );
}
