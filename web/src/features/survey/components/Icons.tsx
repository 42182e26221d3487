import type { ReactElement } from 'react';
import { PictogramFrame } from '../../../components/PictogramFrame';

/**
 * Pictograms of the survey screens. Always decorative: the words sit next to them, so they are
 * hidden from screen readers. Simple shapes, thick strokes.
 */
export type SurveyIconName =
  'clock' | 'eye' | 'lock' | 'speaker' | 'question' | 'broken-link' | 'calendar' | 'closed' | 'thanks' | 'warning' | 'list';

const shapes: Record<SurveyIconName, ReactElement> = {
  clock: (
    <>
      <circle cx="24" cy="24" r="17" fill="#d6ecff" />
      <path d="M24 13v11l7 5" />
    </>
  ),
  eye: (
    <>
      <path d="M4 24s7-12 20-12 20 12 20 12-7 12-20 12S4 24 4 24z" fill="#fde7b0" />
      <circle cx="24" cy="24" r="6" fill="#fff" />
    </>
  ),
  lock: (
    <>
      <rect x="10" y="21" width="28" height="20" rx="3" fill="#e8dcff" />
      <path d="M16 21v-6a8 8 0 0 1 16 0v6" />
    </>
  ),
  speaker: (
    <>
      <path d="M8 19h8l10-8v26l-10-8H8z" fill="#d6ecff" />
      <path d="M32 18a8 8 0 0 1 0 12M36 13a15 15 0 0 1 0 22" />
    </>
  ),
  question: (
    <>
      <circle cx="24" cy="24" r="18" fill="#eeeeee" />
      <path d="M18 19a6 6 0 1 1 8 5.6c-1.3.6-2 1.6-2 3v1.4" />
      <circle cx="24" cy="35" r="1.2" fill="#1b1b1b" />
    </>
  ),
  'broken-link': (
    <>
      <path d="M20 28l-5 5a6 6 0 0 1-8.5-8.5l5-5a6 6 0 0 1 6.5-1.3" />
      <path d="M28 20l5-5a6 6 0 0 1 8.5 8.5l-5 5a6 6 0 0 1-6.5 1.3" />
      <path d="M17 8l2 5M8 17l5 2M31 40l-2-5M40 31l-5-2" />
    </>
  ),
  calendar: (
    <>
      <rect x="7" y="10" width="34" height="30" rx="3" fill="#d6ecff" />
      <path d="M7 18h34M16 6v8M32 6v8" />
      <path d="M15 26h4M22 26h4M29 26h4M15 33h4M22 33h4" />
    </>
  ),
  closed: (
    <>
      <rect x="7" y="10" width="34" height="30" rx="3" fill="#eeeeee" />
      <path d="M7 18h34M16 6v8M32 6v8M18 24l12 12M30 24L18 36" />
    </>
  ),
  thanks: (
    <>
      <circle cx="24" cy="24" r="19" fill="#cdebc4" />
      <path d="M14 24l7 8 13-15" />
    </>
  ),
  warning: (
    <>
      <path d="M24 6l19 34H5z" fill="#fde7b0" />
      <path d="M24 18v10" />
      <circle cx="24" cy="34" r="1.2" fill="#1b1b1b" />
    </>
  ),
  list: (
    <>
      <rect x="9" y="7" width="30" height="34" rx="3" fill="#e8dcff" />
      <path d="M16 16h16M16 24h16M16 32h10" />
    </>
  ),
};

export function SurveyIcon({ name, size = 40 }: { name: SurveyIconName; size?: number }) {
  return (
    <PictogramFrame className="survey-icon" size={size} data={{ icon: name }}>
      {shapes[name]}
    </PictogramFrame>
  );
}
