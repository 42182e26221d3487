import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import { SelectField } from '../../../components/Field';
import { ErrorMessage, Loading } from '../../../components/Status';
import {
  campaignKey,
  revokeInvitation,
  useInvitations,
  type AnonymousInvitations,
  type CampaignDetail,
  type NamedInvitations,
} from '../api/campaigns';
import { InvitationStatusBadge, type InvitationStatusName } from './Badges';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

const statuses: InvitationStatusName[] = ['not_issued', 'issued', 'started', 'submitted', 'revoked'];

/**
 * Who has answered. Named: one row per person with the status only (never answers). Anonymous:
 * per-team counts, with small teams hidden.
 */
export function InvitationsPanel({ orgId, campaign }: { orgId: string; campaign: CampaignDetail }) {
  const { t } = useTranslation('campaigns');
  const invitations = useInvitations(orgId, campaign.id, campaign.status !== 'draft');
  const pages = invitations.data?.pages ?? [];
  const first = pages[0];
  return (
    <section aria-labelledby="invitations-heading" className="campaign-section">
      <h2 id="invitations-heading">{t('invitations.title')}</h2>
      {invitations.isPending ? <Loading /> : null}
      <ErrorMessage error={invitations.error} />
      {first?.mode === 'anonymous' ? <AnonymousCounts data={first} /> : null}
      {first?.mode === 'named' ? (
        <NamedList
          orgId={orgId}
          campaign={campaign}
          items={pages.flatMap((p) => (p.mode === 'named' ? p.items : []))}
          more={invitations.hasNextPage ? () => void invitations.fetchNextPage() : null}
          loadingMore={invitations.isFetchingNextPage}
        />
      ) : null}
    </section>
  );
}

function AnonymousCounts({ data }: { data: AnonymousInvitations }) {
  const { t } = useTranslation('campaigns');
  const hidden = <span className="suppressed">{t('invitations.hidden')}</span>;
  const value = (n: number | null) => (n === null ? hidden : n);
  return (
    <>
      <p className="field__hint">{t('invitations.anonymousHint', { k: data.threshold })}</p>
      <DataTable
        caption={t('invitations.anonymousCaption')}
        rows={data.groups}
        rowKey={(g) => g.teamId ?? 'none'}
        empty={t('invitations.none')}
        columns={[
          { key: 'team', header: t('invitations.team'), render: (g) => g.teamName ?? t('invitations.noTeam') },
          { key: 'invited', header: t('invitations.invited'), numeric: true, render: (g) => value(g.invited) },
          { key: 'started', header: t('invitations.started'), numeric: true, render: (g) => value(g.started) },
          { key: 'submitted', header: t('invitations.submitted'), numeric: true, render: (g) => value(g.submitted) },
        ]}
      />
      {data.total ? (
        <p>
          {t('invitations.anonymousTotal', { submitted: data.total.submitted, invited: data.total.invited, started: data.total.started })}
        </p>
      ) : (
        <p className="empty">{t('invitations.anonymousTotalHidden', { k: data.threshold })}</p>
      )}
      <p className="field__hint">{t('invitations.hiddenExplained', { k: data.threshold })}</p>
    </>
  );
}

function NamedList({
  orgId,
  campaign,
  items,
  more,
  loadingMore,
}: {
  orgId: string;
  campaign: CampaignDetail;
  items: NamedInvitations['items'];
  more: (() => void) | null;
  loadingMore: boolean;
}) {
  const { t } = useTranslation('campaigns');
  const client = useQueryClient();
  const [team, setTeam] = useState('');
  const [status, setStatus] = useState('');
  const [revoking, setRevoking] = useState<NamedInvitations['items'][number] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [said, setSaid] = useState('');
  const teams = [...new Map(items.map((i) => [i.teamId ?? '', i.teamName ?? t('invitations.noTeam')])).entries()];
  const shown = items.filter((i) => (team === '' || (i.teamId ?? 'none') === team) && (status === '' || i.status === status));
  const counts = Object.fromEntries(statuses.map((s) => [s, items.filter((i) => i.status === s).length]));

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setFailure(null);
    try {
      await revokeInvitation(orgId, campaign.id, revoking.invitationId);
      await client.invalidateQueries({ queryKey: campaignKey(orgId, campaign.id) });
      setSaid(t('invitations.revokedMessage', { name: revoking.personName }));
      setRevoking(null);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="field__hint">{t('invitations.namedHint')}</p>
      <ul className="status-summary" aria-label={t('invitations.summary')}>
        {statuses.map((s) => (
          <li key={s}>
            <InvitationStatusBadge status={s} />
            <strong>{counts[s]}</strong>
          </li>
        ))}
      </ul>
      <div className="campaign-filters">
        <SelectField
          label={t('invitations.filterTeam')}
          value={team}
          onChange={setTeam}
          options={[{ value: '', label: t('invitations.allTeams') }, ...teams.map(([id, name]) => ({ value: id || 'none', label: name }))]}
        />
        <SelectField
          label={t('invitations.filterStatus')}
          value={status}
          onChange={setStatus}
          options={[
            { value: '', label: t('invitations.allStatuses') },
            ...statuses.map((s) => ({ value: s, label: t(`invitationStatus.${s}`) })),
          ]}
        />
      </div>
      <ErrorMessage error={failure} />
      <DataTable
        caption={t('invitations.namedCaption', { count: shown.length })}
        rows={shown}
        rowKey={(i) => i.invitationId}
        empty={t('invitations.none')}
        columns={[
          { key: 'name', header: t('invitations.person'), render: (i) => i.personName },
          { key: 'team', header: t('invitations.team'), render: (i) => i.teamName ?? t('invitations.noTeam') },
          { key: 'status', header: t('invitations.status'), render: (i) => <InvitationStatusBadge status={i.status} /> },
          ...(campaign.status === 'open'
            ? [
                {
                  key: 'actions',
                  header: t('invitations.actions'),
                  render: (i: NamedInvitations['items'][number]) =>
                    i.status === 'submitted' || i.status === 'revoked' ? (
                      '–'
                    ) : (
                      <button type="button" className="button button--small button--danger" onClick={() => setRevoking(i)}>
                        {t('invitations.revoke')}
                        <span className="visually-hidden">: {i.personName}</span>
                      </button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {more ? (
        <button type="button" className="button" onClick={more} disabled={loadingMore}>
          {t('invitations.more')}
        </button>
      ) : null}
      <p role="status" className="search__status">
        {said}
      </p>
      <ConfirmDialog
        open={revoking !== null}
        title={t('invitations.revokeTitle', { name: revoking?.personName ?? '' })}
        confirmLabel={t('invitations.revokeConfirm')}
        cancelLabel={t('confirm.cancel')}
        danger
        busy={busy}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      >
        <p>{t('invitations.revokeText')}</p>
      </ConfirmDialog>
    </>
  );
}
