import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '../../../app/paths';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import type { Locale } from '../../../../../src/shared/roles';
import { campaignKey, campaignsKey, closeCampaign, deleteCampaign, openCampaign, useCampaign, type CampaignDetail } from '../api/campaigns';
import { CampaignStatusBadge } from '../components/Badges';
import { CompetencePreview } from '../components/CompetencePreview';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Icon } from '../components/Icons';
import { InvitationsPanel } from '../components/InvitationsPanel';
import { LinksPanel } from '../components/LinksPanel';
import '../campaigns.css';

type Step = 'open' | 'close' | 'delete';

export default function CampaignDetailPage() {
  const { t } = useTranslation('campaigns');
  const { orgId = '', campaignId = '' } = useParams();
  const campaign = useCampaign(orgId, campaignId);
  usePageTitle(campaign.data?.title ?? t('detail.title'));
  if (campaign.isPending) return <Loading />;
  if (campaign.error) return <ErrorMessage error={campaign.error} focus />;
  return <Campaign orgId={orgId} campaign={campaign.data} />;
}

function Campaign({ orgId, campaign }: { orgId: string; campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation('campaigns');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const client = useQueryClient();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'long', timeZone: 'UTC' });
  const day = (iso: string) => date.format(new Date(`${iso}T00:00:00Z`));
  const c = campaign.counts;
  const hidden = t('detail.hidden', { k: campaign.anonymityThreshold });

  const run = async (step: Step) => {
    setBusy(true);
    setFailure(null);
    try {
      if (step === 'delete') {
        await deleteCampaign(orgId, campaign.id);
        await client.invalidateQueries({ queryKey: campaignsKey(orgId) });
        navigate(paths.campaigns(orgId));
        return;
      }
      const saved = step === 'open' ? await openCampaign(orgId, campaign.id) : await closeCampaign(orgId, campaign.id);
      client.setQueryData(campaignKey(orgId, campaign.id), saved);
      await client.invalidateQueries({ queryKey: campaignKey(orgId, campaign.id) });
      await client.invalidateQueries({ queryKey: campaignsKey(orgId) });
      setDone(step === 'open' ? t('detail.openedMessage') : t('detail.closedMessage'));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  const confirmText: Record<Step, { title: string; text: string; button: string }> = {
    open: {
      title: t('detail.confirmOpenTitle'),
      text: t('detail.confirmOpenText', { people: c.people, competences: c.competences }),
      button: t('detail.open'),
    },
    close: { title: t('detail.confirmCloseTitle'), text: t('detail.confirmCloseText'), button: t('detail.close') },
    delete: { title: t('detail.confirmDeleteTitle'), text: t('detail.confirmDeleteText'), button: t('detail.delete') },
  };

  return (
    <div className="campaign-detail">
      <nav aria-label={t('breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={paths.campaigns(orgId)}>{t('list.title')}</Link>
          </li>
          <li aria-current="page">{campaign.title}</li>
        </ol>
      </nav>
      <h1>{campaign.title}</h1>
      <p>
        <CampaignStatusBadge status={campaign.status} /> <span className="badge">{t(`mode.${campaign.mode}`)}</span>
      </p>
      {campaign.description ? <p className="lead">{campaign.description}</p> : null}
      <p>{t(`detail.statusHelp.${campaign.status}`)}</p>
      {done ? <Notice>{done}</Notice> : null}
      <ErrorMessage error={failure} focus />

      <dl className="facts campaign-facts">
        <dt>{t('detail.period')}</dt>
        <dd>
          <Icon name="calendar" size={22} /> {t('detail.periodValue', { from: day(campaign.opensOn), to: day(campaign.closesOn) })}
        </dd>
        <dt>{t('detail.perspectives')}</dt>
        <dd>{campaign.perspectives.map((p) => t(`perspective.${p}`)).join(', ')}</dd>
        <dt>{t('detail.languages')}</dt>
        <dd>{campaign.locales.map((l) => t(`locale.${l}`)).join(', ')}</dd>
        <dt>{t('detail.supervisors')}</dt>
        <dd>{campaign.supervisorAssessment ? t('detail.yes') : t('detail.no')}</dd>
        <dt>{t('detail.openQuestion')}</dt>
        <dd>{campaign.openQuestion ? pickText(campaign.openQuestion, lang) : t('detail.noOpenQuestion')}</dd>
      </dl>

      <h2>{t('detail.numbers')}</h2>
      <ul className="campaign-counts">
        <li>
          <span className="campaign-counts__value">{c.people}</span>{' '}
          {campaign.status === 'draft' ? t('detail.peopleInScope') : t('detail.peopleInvited')}
        </li>
        <li>
          <span className="campaign-counts__value">{c.competences}</span> {t('detail.competences')}
        </li>
        {campaign.status !== 'draft' ? (
          <>
            <li>
              <span className="campaign-counts__value">{c.issued}</span> {t('detail.issued')}
            </li>
            <li>
              <span className="campaign-counts__value">{c.started ?? hidden}</span> {t('detail.started')}
            </li>
            <li>
              <span className="campaign-counts__value">{c.submitted ?? hidden}</span> {t('detail.submitted')}
            </li>
          </>
        ) : null}
      </ul>

      {campaign.status !== 'closed' ? (
        <div className="campaign-actions">
          <Link className="button" to={paths.editCampaign(orgId, campaign.id)}>
            <Icon name="pencil" size={22} /> {campaign.status === 'open' ? t('detail.editOpen') : t('detail.edit')}
          </Link>
          {campaign.status === 'draft' ? (
            <>
              <button type="button" className="button button--primary" onClick={() => setAsking('open')} disabled={busy}>
                <Icon name="open" size={22} /> {t('detail.open')}
              </button>
              <button type="button" className="button button--danger" onClick={() => setAsking('delete')} disabled={busy}>
                {t('detail.delete')}
              </button>
            </>
          ) : (
            <button type="button" className="button button--danger" onClick={() => setAsking('close')} disabled={busy}>
              <Icon name="closed" size={22} /> {t('detail.close')}
            </button>
          )}
        </div>
      ) : null}

      <CompetencePreview orgId={orgId} campaign={campaign} />
      {campaign.status === 'open' ? <LinksPanel orgId={orgId} campaign={campaign} /> : null}
      {campaign.status !== 'draft' ? <InvitationsPanel orgId={orgId} campaign={campaign} /> : null}

      <ConfirmDialog
        open={asking !== null}
        title={asking ? confirmText[asking].title : ''}
        confirmLabel={asking ? confirmText[asking].button : ''}
        cancelLabel={t('confirm.cancel')}
        danger={asking === 'close' || asking === 'delete'}
        busy={busy}
        onConfirm={() => asking && void run(asking)}
        onCancel={() => setAsking(null)}
      >
        <p>{asking ? confirmText[asking].text : ''}</p>
      </ConfirmDialog>
    </div>
  );
}
