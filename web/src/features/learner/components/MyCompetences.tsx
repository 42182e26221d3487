import { useTranslation } from 'react-i18next';
import { Pictogram } from '../../../components/Pictogram';
import { pickText } from '../../../components/localized';
import type { PersonDiagnosisItem, ScaleView } from '../api/me';
import { useFormat } from './format';
import { LearnerIcon } from './LearnerIcon';

type Group = 'grow' | 'good' | 'unknown';

function groupOf(item: PersonDiagnosisItem): Group {
  if (item.current === null) return 'unknown';
  return (item.gap ?? 0) >= 1 ? 'grow' : 'good';
}

/**
 * "What I can do": the person's competences from their own result, in three plain groups (where
 * you can grow, what you do well, not known yet), each with the pictogram of the level.
 */
export function MyCompetences({ items, scale }: { items: PersonDiagnosisItem[]; scale: ScaleView | null | undefined }) {
  const { t } = useTranslation('learner');
  const f = useFormat();
  const groups: Group[] = ['grow', 'good', 'unknown'];
  const levelName = (level: number) => {
    const l = scale?.levels.find((x) => x.level === level);
    return l ? `${t('competences.level', { level })} · ${pickText(l.label, f.lang)}` : t('competences.level', { level });
  };
  return (
    <div className="my-competences">
      {groups.map((group) => {
        const list = items.filter((i) => groupOf(i) === group && (group !== 'unknown' || i.required !== null));
        if (!list.length) return null;
        return (
          <section key={group} className={`competence-group competence-group--${group}`} aria-labelledby={`competences-${group}`}>
            <h3 id={`competences-${group}`}>
              <LearnerIcon name={group === 'grow' ? 'growth' : group === 'good' ? 'check' : 'question'} size={28} />
              {t(`competences.${group}`, { count: list.length })}
            </h3>
            <ul className="competence-list">
              {list.map((item) => {
                const easy = f.lang === 'nl' ? item.competence.label['nl-easy'] : undefined;
                const level = item.current === null ? null : scale?.levels.find((l) => l.level === item.current);
                return (
                  <li key={item.competence.id}>
                    {level ? (
                      <Pictogram name={level.pictogram} size={36} />
                    ) : (
                      <span className="competence-list__blank" aria-hidden="true">
                        ?
                      </span>
                    )}
                    <span className="competence-list__text">
                      <strong>{f.text(item.competence.label)}</strong>
                      {easy ? <span className="competence-list__easy">{easy}</span> : null}
                      <span className="competence-list__levels">
                        {item.current === null ? t('competences.notKnown') : t('competences.now', { level: levelName(item.current) })}
                        {item.required !== null ? ` · ${t('competences.needed', { level: item.required })}` : null}
                      </span>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
