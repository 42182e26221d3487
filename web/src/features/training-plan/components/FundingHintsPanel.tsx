import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../../src/shared/roles';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useFundingHints, type FundingHint } from '../api/plans';
import { formatEuro } from '../../../components/money';

const verdictIcon = { likely: '✓', check: '?', no: '✗' } as const;

/**
 * Which funding instruments may apply to an action and why, in plain words. Always with the
 * disclaimer: a hint from the documented conditions, never legal advice.
 */
export function FundingHintsPanel({
  orgId,
  planId,
  actionId,
  onUse,
}: {
  orgId: string;
  planId: string;
  actionId: string;
  /** Offered when the plan can be edited: add the estimate as a funding line. */
  onUse?: (hint: FundingHint) => void;
}) {
  const { t, i18n } = useTranslation('plan');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const hints = useFundingHints(orgId, planId, actionId);
  return (
    <section className="plan-section" aria-labelledby="hints-title">
      <h2 id="hints-title">{t('hints.title')}</h2>
      <div className="plan-disclaimer" role="note">
        <p>
          <strong>{t('hints.disclaimerTitle')}</strong> {hints.data?.disclaimer ?? t('hints.disclaimer')}
        </p>
      </div>
      {hints.isPending ? <Loading /> : null}
      <ErrorMessage error={hints.error} />
      {hints.data ? (
        <>
          <p className="field__hint">
            {t('hints.basis', {
              hours: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(hints.data.basis.hours ?? 0),
              participants: hints.data.basis.participants,
              cost: formatEuro(hints.data.basis.costCents, lang),
            })}{' '}
            {hints.data.basis.offerLinked ? null : t('hints.noOffer')}
          </p>
          <ul className="hint-list">
            {hints.data.hints.map((hint) => (
              <li key={hint.instrument.id} className={`hint hint--${hint.verdict}`}>
                <h3>{pickText(hint.instrument.name, lang)}</h3>
                <p className="hint__verdict">
                  <span aria-hidden="true" className="hint__mark">
                    {verdictIcon[hint.verdict]}
                  </span>
                  {t(`hints.verdict.${hint.verdict}`)}
                  {hint.verdict !== 'no' ? <> · {t('hints.estimate', { amount: formatEuro(hint.estimatedCents, lang) })}</> : null}
                </p>
                <ul className="hint__checks">
                  {hint.checks.map((check) => (
                    <li key={check.condition}>
                      <span aria-hidden="true">{check.met === true ? '✓ ' : check.met === false ? '✗ ' : '? '}</span>
                      {t(`hints.conditions.${check.condition}.${check.met === null ? 'unknown' : check.met ? 'met' : 'notMet'}`)}
                    </li>
                  ))}
                  {hint.manualChecks.map((key) => (
                    <li key={key}>
                      <span aria-hidden="true">☐ </span>
                      {t(`hints.manual.${key}`, { defaultValue: t('hints.manual.other') })}
                    </li>
                  ))}
                </ul>
                <details>
                  <summary>{t('hints.conditionsText')}</summary>
                  <p>{pickText(hint.instrument.description, lang)}</p>
                  <p>{pickText(hint.instrument.conditionsText, lang)}</p>
                  {hint.instrument.sourceUrl ? (
                    <p>
                      <a href={hint.instrument.sourceUrl} target="_blank" rel="noreferrer">
                        {t('hints.officialPage')}
                        <span className="visually-hidden"> ({t('hints.newWindow')})</span>
                      </a>
                    </p>
                  ) : null}
                </details>
                {onUse && hint.verdict !== 'no' && hint.estimatedCents > 0 ? (
                  <button type="button" className="button button--small" onClick={() => onUse(hint)}>
                    {t('hints.use', { name: pickText(hint.instrument.name, lang) })}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
