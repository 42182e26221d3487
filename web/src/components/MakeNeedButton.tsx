import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, http } from '../api/http';
import { paths } from '../app/paths';

/**
 * "Make this a need": one click turns a heat-map cell or a top-need row into a training need
 * (POST …/needs/from-diagnosis) and opens it. Clicking again opens the need made earlier. A
 * hidden cell cannot become a need; the screens only offer the button on shown cells.
 * Shared here so the diagnosis screens can use it without importing the needs feature.
 */
export function MakeNeedButton({
  orgId,
  competenceId,
  groupBy,
  groupId,
  campaignId,
  competenceLabel,
  groupLabel,
  compact = false,
}: {
  orgId: string;
  competenceId: string;
  groupBy: 'team' | 'function_profile' | 'target_group';
  groupId: string;
  campaignId?: string | null;
  competenceLabel: string;
  groupLabel: string;
  compact?: boolean;
}) {
  const { t } = useTranslation('needs');
  const navigate = useNavigate();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const make = async () => {
    setBusy(true);
    setFailed(null);
    try {
      const need = await http.post<{ id: string }>(`/api/organisations/${orgId}/needs/from-diagnosis`, {
        competenceId,
        groupBy,
        groupId,
        ...(campaignId ? { campaignId } : {}),
      });
      await client.invalidateQueries({ queryKey: ['needs', orgId] });
      navigate(paths.need(orgId, need.id));
    } catch (error) {
      setFailed(error instanceof ApiError && error.code === 'need.cell_hidden' ? t('fromDiagnosis.hidden') : t('fromDiagnosis.failed'));
      setBusy(false);
    }
  };
  return (
    <span className="make-need">
      <button
        type="button"
        className="button button--small"
        onClick={() => void make()}
        disabled={busy}
        aria-label={t('fromDiagnosis.buttonFor', { competence: competenceLabel, group: groupLabel })}
      >
        <span aria-hidden="true">+ </span>
        {compact ? t('fromDiagnosis.short') : t('fromDiagnosis.button')}
      </button>
      {failed ? (
        <span role="alert" className="field__error">
          {failed} <Link to={paths.needs(orgId)}>{t('nav.needs')}</Link>
        </span>
      ) : null}
    </span>
  );
}
