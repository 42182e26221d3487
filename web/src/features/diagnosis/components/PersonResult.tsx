import { useTranslation } from 'react-i18next';
import type { PersonDiagnosis, PersonDiagnosisItem, ScaleView } from '../api/diagnosis';
import { useLabels } from './labels';
import { LevelView } from './LevelView';

/**
 * A person's result per competence: what they said themselves, what the supervisor said and what
 * the job asks, side by side as pictograms, then the gap in plain words and any warnings.
 * `viewer` 'self' speaks to the person ("you"); otherwise about them.
 */
export function PersonResult({ data, scale }: { data: PersonDiagnosis; scale: ScaleView | null | undefined }) {
  const { t } = useTranslation('diagnosis');
  const labels = useLabels();
  const who = data.viewer === 'self' ? 'you' : 'other';
  const withGap = data.items.filter((i) => (i.gap ?? 0) >= 1);
  const unknown = data.items.filter((i) => i.current === null && i.required !== null);
  return (
    <>
      <section className="result-summary" aria-labelledby="result-summary-title">
        <h2 id="result-summary-title">{t('result.summaryTitle')}</h2>
        {data.items.length === 0 ? (
          <p className="empty">{t(`result.${who}.nothing`)}</p>
        ) : (
          <ul>
            <li>{t(`result.${who}.gaps`, { count: withGap.length })}</li>
            {withGap.length > 0 ? (
              <li>{t('result.gapList', { list: withGap.map((i) => labels.competence(i.competence.label)).join(', ') })}</li>
            ) : null}
            {unknown.length > 0 ? <li>{t(`result.${who}.unknownCount`, { count: unknown.length })}</li> : null}
          </ul>
        )}
      </section>
      {data.items.length > 0 ? (
        <>
          <h2>{t('result.perCompetence')}</h2>
          <ul className="result-list-items">
            {data.items.map((item) => (
              <ResultItem key={item.competence.id} item={item} who={who} scale={scale} label={labels.competence(item.competence.label)} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function ResultItem({
  item,
  who,
  scale,
  label,
}: {
  item: PersonDiagnosisItem;
  who: 'you' | 'other';
  scale: ScaleView | null | undefined;
  label: string;
}) {
  const { t, i18n } = useTranslation('diagnosis');
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium' });
  const gap = item.gap;
  const state = item.required === null ? 'notRequired' : item.current === null || gap === null ? 'unknown' : gap === 0 ? 'ok' : 'gap';
  return (
    <li className={`result-item result-item--${state}`}>
      <h3 className="result-item__title">
        {label}
        {item.importance ? <span className="badge">{t(`importance.${item.importance}`)}</span> : null}
      </h3>
      <dl className="result-levels">
        <div>
          <dt>{t(`result.${who}.self`)}</dt>
          <dd>
            <LevelView level={item.self} scale={scale} empty={t('level.notGiven')} />
          </dd>
        </div>
        <div>
          <dt>{t(`result.${who}.supervisor`)}</dt>
          <dd>
            <LevelView level={item.supervisor} scale={scale} empty={t('level.notGiven')} />
          </dd>
        </div>
        <div>
          <dt>{t(`result.${who}.required`)}</dt>
          <dd>
            <LevelView level={item.required} scale={scale} empty={t('level.notRequired')} />
          </dd>
        </div>
      </dl>
      <p className={`gap-words gap-words--${state}`}>
        <GapIcon state={state} />
        <span>{state === 'gap' ? t(`result.${who}.gap`, { count: gap ?? 0 }) : t(`result.${who}.${state}`)}</span>
      </p>
      {item.current !== null && item.source ? (
        <p className="result-item__meta">
          {t('result.counts', { source: t(`source.${item.source}`) })}
          {item.assessedAt ? ` · ${t('result.when', { date: date.format(new Date(item.assessedAt)) })}` : null}
        </p>
      ) : null}
      {item.futureLevel !== null && item.horizonYear !== null ? (
        <p className="result-item__meta">{t('result.future', { year: item.horizonYear, level: item.futureLevel })}</p>
      ) : null}
      {item.disagreement ? (
        <p className="flag flag--disagreement">
          <span aria-hidden="true">⚠ </span>
          {t(`result.${who}.disagreement`)}
        </p>
      ) : null}
      {item.stale ? (
        <p className="flag flag--stale">
          <span aria-hidden="true">⏳ </span>
          {t(`result.${who}.stale`)}
        </p>
      ) : null}
    </li>
  );
}

function GapIcon({ state }: { state: 'ok' | 'gap' | 'unknown' | 'notRequired' }) {
  const common = {
    width: 28,
    height: 28,
    viewBox: '0 0 24 24',
    'aria-hidden': true,
    focusable: false,
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 2.5,
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
  } as const;
  if (state === 'ok')
    return (
      <svg {...common}>
        <circle cx="12" cy="12" r="10" />
        <path d="M7 12l3 3 7-7" />
      </svg>
    );
  if (state === 'gap')
    return (
      <svg {...common}>
        <path d="M4 20h4v-4h4v-4h4V8h4" />
        <path d="M17 4h3v3" />
      </svg>
    );
  return (
    <svg {...common}>
      <circle cx="12" cy="12" r="10" />
      <path d="M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7M12 17h.01" />
    </svg>
  );
}
