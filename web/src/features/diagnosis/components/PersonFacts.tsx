import { useTranslation } from 'react-i18next';
import type { PersonDiagnosis } from '../api/diagnosis';

/** Team, job and target group of the person whose result is shown. */
export function PersonFacts({ data }: { data: PersonDiagnosis }) {
  const { t } = useTranslation('diagnosis');
  const p = data.person;
  return (
    <dl className="facts">
      <dt>{t('person.team')}</dt>
      <dd>{p.team?.name ?? t('group.none.team')}</dd>
      <dt>{t('person.profile')}</dt>
      <dd>{p.functionProfile?.name ?? t('group.none.function_profile')}</dd>
      <dt>{t('person.targetGroup')}</dt>
      <dd>{t(`targetGroup.${p.targetGroup}`)}</dd>
    </dl>
  );
}
