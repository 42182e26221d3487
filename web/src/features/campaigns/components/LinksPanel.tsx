import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../api/session';
import { uiLanguages } from '../../../app/i18n';
import { SelectField } from '../../../components/Field';
import { ErrorMessage } from '../../../components/Status';
import type { Locale } from '../../../../../src/shared/roles';
import {
  campaignKey,
  downloadQrSheet,
  issueLinks,
  linksCsv,
  saveFile,
  useTeams,
  type CampaignDetail,
  type IssuedLinks,
} from '../api/campaigns';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Icon } from './Icons';

const ALL = 'all';
const NO_TEAM = 'none';

/**
 * Handing out the personal links: as a list to copy or a CSV file for a mail merge, or as a
 * printable sheet of QR codes per team for people without e-mail. Every time links are made,
 * the earlier links of the same people stop working, so both ask first.
 */
export function LinksPanel({ orgId, campaign }: { orgId: string; campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation('campaigns');
  const client = useQueryClient();
  const session = useSession();
  const teams = useTeams(orgId);
  const teamOptions = [
    ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
    { value: NO_TEAM, label: t('invitations.noTeam') },
  ];
  const [linkTeam, setLinkTeam] = useState(ALL);
  const [sheetTeam, setSheetTeam] = useState('');
  const [sheetLocale, setSheetLocale] = useState<Locale>((i18n.resolvedLanguage ?? 'nl') as Locale);
  const [asking, setAsking] = useState<'links' | 'sheet' | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [issued, setIssued] = useState<IssuedLinks | null>(null);
  const [said, setSaid] = useState('');
  const chosenSheetTeam = sheetTeam || teamOptions[0]?.value || NO_TEAM;
  const teamLabel = (value: string) => (value === ALL ? t('links.everyone') : (teamOptions.find((o) => o.value === value)?.label ?? ''));

  const makeLinks = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await issueLinks(orgId, campaign.id, linkTeam === ALL ? {} : { teamId: linkTeam === NO_TEAM ? null : linkTeam });
      setIssued(result);
      setSaid(t('links.madeMessage', { count: result.links.length }));
      await client.invalidateQueries({ queryKey: campaignKey(orgId, campaign.id) });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  const printSheet = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const blob = await downloadQrSheet(
        orgId,
        campaign.id,
        { teamId: chosenSheetTeam === NO_TEAM ? null : chosenSheetTeam, locale: sheetLocale },
        session.data?.csrfToken ?? '',
      );
      saveFile(
        blob,
        `qr-codes-${teamLabel(chosenSheetTeam)
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .toLowerCase()}.pdf`,
      );
      setSaid(t('links.sheetMessage', { team: teamLabel(chosenSheetTeam) }));
      await client.invalidateQueries({ queryKey: campaignKey(orgId, campaign.id) });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  const copy = async (url: string, name: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setSaid(t('links.copied', { name }));
    } catch {
      setSaid(t('links.copyFailed'));
    }
  };

  return (
    <section aria-labelledby="links-heading" className="campaign-section">
      <h2 id="links-heading">{t('links.title')}</h2>
      <p className="field__hint">{t('links.intro')}</p>
      <ErrorMessage error={failure} focus />

      <div className="campaign-tools">
        <div className="campaign-tool">
          <h3>
            <Icon name="link" /> {t('links.linksTitle')}
          </h3>
          <SelectField
            label={t('links.forWhom')}
            value={linkTeam}
            onChange={setLinkTeam}
            options={[{ value: ALL, label: t('links.everyone') }, ...teamOptions]}
          />
          <button type="button" className="button button--primary" onClick={() => setAsking('links')} disabled={busy}>
            {t('links.make')}
          </button>
        </div>
        <div className="campaign-tool">
          <h3>
            <Icon name="qr" /> {t('links.sheetTitle')}
          </h3>
          <SelectField label={t('links.team')} value={chosenSheetTeam} onChange={setSheetTeam} options={teamOptions} />
          <SelectField
            label={t('links.sheetLanguage')}
            value={sheetLocale}
            onChange={(v) => setSheetLocale(v as Locale)}
            options={uiLanguages.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
          />
          <button type="button" className="button button--primary" onClick={() => setAsking('sheet')} disabled={busy}>
            {t('links.print')}
          </button>
        </div>
      </div>

      <p role="status" className="search__status">
        {said}
      </p>

      {issued ? (
        <div className="issued-links">
          <h3>{t('links.resultTitle', { count: issued.links.length })}</h3>
          <p className="alert alert--success">{t('links.onlyOnce')}</p>
          {issued.links.length ? (
            <>
              <button
                type="button"
                className="button"
                onClick={() =>
                  saveFile(new Blob(['\uFEFF', linksCsv(issued.links)], { type: 'text/csv;charset=utf-8' }), 'invitation-links.csv')
                }
              >
                {t('links.downloadCsv')}
              </button>
              <ul className="issued-links__list">
                {issued.links.map((link) => (
                  <li key={link.invitationId}>
                    <label htmlFor={`link-${link.invitationId}`}>
                      <strong>{link.personName}</strong>
                      {link.teamName ? <span className="result-list__meta"> {link.teamName}</span> : null}
                    </label>
                    <div className="issued-links__row">
                      <input
                        id={`link-${link.invitationId}`}
                        type="text"
                        readOnly
                        value={link.url}
                        onFocus={(e) => e.currentTarget.select()}
                      />
                      <button type="button" className="button button--small" onClick={() => void copy(link.url, link.personName)}>
                        {t('links.copy')}
                        <span className="visually-hidden">: {link.personName}</span>
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="empty">{t('links.nobody')}</p>
          )}
        </div>
      ) : null}

      <ConfirmDialog
        open={asking !== null}
        title={
          asking === 'sheet'
            ? t('links.confirmSheetTitle', { team: teamLabel(chosenSheetTeam) })
            : t('links.confirmLinksTitle', { team: teamLabel(linkTeam) })
        }
        confirmLabel={asking === 'sheet' ? t('links.print') : t('links.make')}
        cancelLabel={t('confirm.cancel')}
        busy={busy}
        onConfirm={() => void (asking === 'sheet' ? printSheet() : makeLinks())}
        onCancel={() => setAsking(null)}
      >
        <p>{t('links.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}
