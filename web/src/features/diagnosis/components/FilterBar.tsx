import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/Field';
import {
  groupings,
  targetGroups,
  useCampaignChoices,
  useProfileChoices,
  useTeamChoices,
  type DiagnosisFilters,
  type GroupBy,
  type TargetGroup,
} from '../api/diagnosis';

interface FilterBarProps {
  orgId: string;
  filters: DiagnosisFilters;
  onChange: (patch: Partial<DiagnosisFilters>) => void;
  /** Only HR and organisation admins can list campaigns; the others see all data. */
  canChooseCampaign: boolean;
  /** Heat map: grouping and the optional narrowing filters. */
  grouping?: boolean;
  /** Prognosis: the horizon years to choose from. */
  horizonYears?: number[];
  horizonYear?: number;
}

/** The choices above a diagnosis screen. Every change shows the new result at once (nothing to submit). */
export function FilterBar({ orgId, filters, onChange, canChooseCampaign, grouping = false, horizonYears, horizonYear }: FilterBarProps) {
  const { t } = useTranslation('diagnosis');
  const campaigns = useCampaignChoices(orgId, canChooseCampaign);
  const teams = useTeamChoices(orgId);
  const profiles = useProfileChoices(orgId);
  return (
    <section className="diagnosis-filters" aria-labelledby="diagnosis-filters-title">
      <h2 id="diagnosis-filters-title" className="diagnosis-filters__title">
        {t('filters.title')}
      </h2>
      <div className="diagnosis-filters__grid">
        {canChooseCampaign ? (
          <SelectField
            label={t('filters.campaign')}
            hint={t('filters.campaignHint')}
            value={filters.campaignId ?? ''}
            onChange={(v) => onChange({ campaignId: v || undefined })}
            options={[
              { value: '', label: t('filters.allData') },
              ...(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.title} (${t(`campaignStatus.${c.status}`)})` })),
            ]}
          />
        ) : null}
        {grouping ? (
          <>
            <SelectField
              label={t('filters.groupBy')}
              value={filters.groupBy ?? 'team'}
              onChange={(v) => onChange({ groupBy: v as GroupBy })}
              options={groupings.map((g) => ({ value: g, label: t(`groupBy.${g}`) }))}
            />
            <SelectField
              label={t('filters.team')}
              value={filters.teamId ?? ''}
              onChange={(v) => onChange({ teamId: v || undefined })}
              options={[
                { value: '', label: t('filters.allTeams') },
                ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
              ]}
            />
            <SelectField
              label={t('filters.profile')}
              value={filters.functionProfileId ?? ''}
              onChange={(v) => onChange({ functionProfileId: v || undefined })}
              options={[
                { value: '', label: t('filters.allProfiles') },
                ...(profiles.data ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
            <SelectField
              label={t('filters.targetGroup')}
              value={filters.targetGroup ?? ''}
              onChange={(v) => onChange({ targetGroup: (v || undefined) as TargetGroup | undefined })}
              options={[
                { value: '', label: t('filters.allTargetGroups') },
                ...targetGroups.map((g) => ({ value: g, label: t(`targetGroup.${g}`) })),
              ]}
            />
          </>
        ) : null}
        {horizonYears ? (
          <SelectField
            label={t('filters.horizon')}
            hint={t('filters.horizonHint')}
            value={String(horizonYear ?? '')}
            onChange={(v) => onChange({ horizonYear: Number(v) })}
            options={horizonYears.map((y) => ({ value: String(y), label: String(y) }))}
          />
        ) : null}
      </div>
    </section>
  );
}
