import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { pickText } from '../../../components/localized';
import type { Locale } from '../../../../../src/shared/roles';
import type { NeedSummary } from '../api/needs';

/** The UI language as a Locale, for localized competence labels. */
export function useLang(): Locale {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage;
  return lang === 'fr' || lang === 'en' ? lang : 'nl';
}

/** "Verpakking", "Doelgroepmedewerkers", "Verpakking · Productiemedewerker", or "Hele organisatie". */
export function useGroupLabel() {
  const { t } = useTranslation('needs');
  return (need: Pick<NeedSummary, 'team' | 'functionProfile' | 'targetGroup'>) => {
    const parts = [need.team?.name, need.functionProfile?.name, need.targetGroup ? t(`group.${need.targetGroup}`) : undefined].filter(
      Boolean,
    );
    return parts.length ? parts.join(' · ') : t('group.wholeOrganisation');
  };
}

export function formatDate(lang: string, iso: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
}

const classificationIcon = { training_need: '📘', non_training: '🧰', unclear: '❔' } as const;

/** The triage result in words, with a pictogram; "not triaged yet" when none. */
export function ClassificationBadge({ value }: { value: NeedSummary['classification'] }) {
  const { t } = useTranslation('needs');
  return (
    <span className={`need-badge need-badge--${value ?? 'none'}`}>
      {value ? <span aria-hidden="true">{classificationIcon[value]} </span> : null}
      {t(`classification.${value ?? 'none'}`)}
    </span>
  );
}

export function PriorityBadge({ value }: { value: number | null }) {
  const { t, i18n } = useTranslation('needs');
  if (value === null) return <span className="need-priority need-priority--none">{t('list.noPriority')}</span>;
  const text = new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 2 }).format(value);
  return <span className={`need-priority need-priority--${Math.round(value)}`}>{t('list.priority', { value: text })}</span>;
}

/** Breadcrumbs: needs register › this need › the current step. */
export function NeedCrumbs({ orgId, need, current }: { orgId: string; need?: { id: string; title: string }; current?: string }) {
  const { t } = useTranslation('needs');
  return (
    <nav aria-label={t('detail.breadcrumbs')} className="breadcrumbs">
      <ol>
        <li>
          <Link to={paths.needs(orgId)}>{t('list.title')}</Link>
        </li>
        {need && current ? (
          <li>
            <Link to={paths.need(orgId, need.id)}>{need.title}</Link>
          </li>
        ) : null}
        <li aria-current="page">{current ?? need?.title}</li>
      </ol>
    </nav>
  );
}

export function CompetenceName({ need }: { need: Pick<NeedSummary, 'competence'> }) {
  const lang = useLang();
  return need.competence ? <>{pickText(need.competence.label, lang) || need.competence.key}</> : null;
}
