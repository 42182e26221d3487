import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../../../app/paths';
import { LearnerIcon, type LearnerIconName } from './LearnerIcon';

const tabs: Array<{ to: () => string; key: string; icon: LearnerIconName; end?: boolean }> = [
  { to: paths.learnerHome, key: 'home', icon: 'lightbulb', end: true },
  { to: paths.catalog, key: 'search', icon: 'search' },
  { to: paths.learnerSaved, key: 'saved', icon: 'bookmark' },
  { to: paths.learnerEnrolments, key: 'enrolments', icon: 'ticket' },
];

/** The four parts of the leerportaal, as big buttons with a pictogram (the current one is marked). */
export function LearnerTabs() {
  const { t } = useTranslation('learner');
  return (
    <nav className="learner-tabs" aria-label={t('tabs.label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <NavLink to={tab.to()} end={tab.end}>
              <LearnerIcon name={tab.icon} size={24} />
              <span>{t(`tabs.${tab.key}`)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
