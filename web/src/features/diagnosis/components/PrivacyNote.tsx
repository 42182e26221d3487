import { useTranslation } from 'react-i18next';
import type { Heatmap } from '../api/diagnosis';

type Reason = NonNullable<Heatmap['cells'][number]['reason']>;

/** Why some numbers are hidden, in plain words; only the reasons that occur on the screen. */
export function PrivacyNote({ threshold, reasons }: { threshold: number; reasons: Set<Reason> }) {
  const { t } = useTranslation('diagnosis');
  return (
    <div className="privacy-note" role="note" aria-labelledby="privacy-note-title">
      <p id="privacy-note-title" className="privacy-note__title">
        <LockIcon /> {t('privacy.title')}
      </p>
      <p>{t('privacy.rule', { k: threshold })}</p>
      {reasons.size > 0 ? (
        <ul>
          {reasons.has('below_threshold') ? (
            <li>
              <strong>{t('cell.below', { k: threshold })}</strong>: {t('privacy.below', { k: threshold })}
            </li>
          ) : null}
          {reasons.has('complementary') ? (
            <li>
              <strong>{t('cell.hidden')}</strong>: {t('privacy.complementary')}
            </li>
          ) : null}
          {reasons.has('differencing') ? (
            <li>
              <strong>{t('cell.hidden')}</strong>: {t('privacy.differencing')}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

function LockIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </svg>
  );
}
