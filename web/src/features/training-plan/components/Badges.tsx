import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionView, PlanDetail } from '../api/plans';

/** Simple line pictograms (decorative: the words beside them carry the meaning). */
const shapes: Record<string, ReactNode> = {
  external_offer: (
    <>
      <path d="M3 20h18M5 20V9l7-5 7 5v11" />
      <path d="M10 20v-5h4v5" />
    </>
  ),
  internal_training: (
    <>
      <circle cx="8" cy="8" r="3" />
      <circle cx="16" cy="8" r="3" />
      <path d="M2 20c0-3.5 2.7-6 6-6s6 2.5 6 6M10 20c0-3.5 2.7-6 6-6s6 2.5 6 6" />
    </>
  ),
  coaching_intervision: (
    <>
      <path d="M3 5h12v8H8l-4 3v-3H3z" />
      <path d="M17 9h4v8h-1v3l-4-3h-5v-2" />
    </>
  ),
  workplace_learning: <path d="M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.5-.5-.5-2.5z" />,
  train_the_trainer: (
    <>
      <rect x="9" y="3" width="12" height="9" />
      <circle cx="5" cy="9" r="2.5" />
      <path d="M1 21c0-3.5 1.8-6 4-6s4 2.5 4 6M9 12l-3 2" />
    </>
  ),
  non_training: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1" />
    </>
  ),
  draft: <path d="M4 20h4L19 9l-4-4L4 16zM13 7l4 4" />,
  approved: <path d="M4 12l5 5L20 6" />,
  closed: (
    <>
      <rect x="5" y="11" width="14" height="10" rx="1" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </>
  ),
};

export function PlanIcon({ name, size = 20 }: { name: string; size?: number }) {
  return (
    <svg
      className="plan-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {shapes[name]}
    </svg>
  );
}

export function PlanStatusBadge({ status }: { status: PlanDetail['status'] }) {
  const { t } = useTranslation('plan');
  return (
    <span className={`plan-status plan-status--${status}`}>
      <PlanIcon name={status} size={18} />
      {t(`status.${status}`)}
    </span>
  );
}

export function KindLabel({ kind }: { kind: ActionView['kind'] }) {
  const { t } = useTranslation('plan');
  return (
    <span className="plan-kind">
      <PlanIcon name={kind} />
      {t(`kinds.${kind}`)}
    </span>
  );
}
