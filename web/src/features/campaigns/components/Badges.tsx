import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../api/campaigns';
import { Icon } from './Icons';

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation('campaigns');
  return (
    <span className={`campaign-status campaign-status--${status}`}>
      <Icon name={status} size={22} />
      {t(`status.${status}`)}
    </span>
  );
}

export type InvitationStatusName = 'not_issued' | 'issued' | 'started' | 'submitted' | 'revoked';

export function InvitationStatusBadge({ status }: { status: InvitationStatusName }) {
  const { t } = useTranslation('campaigns');
  return (
    <span className="invitation-status">
      <Icon name={status} size={22} />
      {t(`invitationStatus.${status}`)}
    </span>
  );
}
