import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../../../app/paths';
import type { DiagnosisFilters } from '../api/diagnosis';
import { campaignSearch } from './filters';

/** The four diagnosis screens, as links that keep the chosen campaign. */
export function DiagnosisTabs({ orgId, filters }: { orgId: string; filters: DiagnosisFilters }) {
  const { t } = useTranslation('diagnosis');
  const search = campaignSearch(filters);
  const tabs = [
    { to: paths.diagnosis(orgId), label: t('tabs.heatmap') },
    { to: paths.diagnosisTopNeeds(orgId), label: t('tabs.topNeeds') },
    { to: paths.diagnosisDisagreements(orgId), label: t('tabs.disagreements') },
    { to: paths.diagnosisPrognosis(orgId), label: t('tabs.prognosis') },
  ];
  return (
    <nav className="diagnosis-tabs" aria-label={t('tabs.label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={`${tab.to}${search}`} end>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
