import type { ReactElement } from 'react';
import { PictogramFrame } from '../../../components/PictogramFrame';

/**
 * Pictograms of the leerportaal. Always decorative: the words stand next to them, so screen
 * readers skip them. Simple shapes with thick strokes, readable at 24–40 px.
 */
export type LearnerIconName =
  | 'search'
  | 'bookmark'
  | 'bookmarked'
  | 'calendar'
  | 'ticket'
  | 'clock'
  | 'euro'
  | 'place'
  | 'online'
  | 'language'
  | 'seats'
  | 'waitlist'
  | 'award'
  | 'wheelchair'
  | 'easy-read'
  | 'question'
  | 'growth'
  | 'check'
  | 'history'
  | 'lightbulb';

const shapes: Record<LearnerIconName, ReactElement> = {
  search: (
    <>
      <circle cx="20" cy="20" r="12" fill="#d6ecff" />
      <path d="M29 29l11 11" />
    </>
  ),
  bookmark: <path d="M14 6h20v36l-10-8-10 8z" />,
  bookmarked: <path d="M14 6h20v36l-10-8-10 8z" fill="#ffe08a" />,
  calendar: (
    <>
      <rect x="7" y="10" width="34" height="30" rx="3" fill="#d6ecff" />
      <path d="M7 19h34M16 6v8M32 6v8" />
    </>
  ),
  ticket: (
    <>
      <path d="M6 14h36v7a4 4 0 0 0 0 6v7H6v-7a4 4 0 0 0 0-6z" fill="#cdebc4" />
      <path d="M17 24l5 5 9-10" />
    </>
  ),
  clock: (
    <>
      <circle cx="24" cy="24" r="17" fill="#d6ecff" />
      <path d="M24 13v11l7 5" />
    </>
  ),
  euro: (
    <>
      <circle cx="24" cy="24" r="18" fill="#fde7b0" />
      <path d="M31 15a10 10 0 1 0 0 18M12 21h14M12 27h14" />
    </>
  ),
  place: (
    <>
      <path d="M24 43s-13-13-13-23a13 13 0 0 1 26 0c0 10-13 23-13 23z" fill="#fde7b0" />
      <circle cx="24" cy="20" r="5" />
    </>
  ),
  online: (
    <>
      <rect x="8" y="9" width="32" height="22" rx="2" fill="#d6ecff" />
      <path d="M4 38h40M18 31l-2 7M30 31l2 7" />
    </>
  ),
  language: (
    <>
      <path d="M6 8h26v18H18l-8 7v-7H6z" fill="#e8dcff" />
      <path d="M22 30v6h12l8 6v-6h2V20h-8" />
    </>
  ),
  seats: (
    <>
      <circle cx="16" cy="14" r="5" fill="#cdebc4" />
      <circle cx="32" cy="14" r="5" fill="#cdebc4" />
      <path d="M8 38v-8a8 8 0 0 1 16 0v8M24 38v-8a8 8 0 0 1 16 0v8" />
    </>
  ),
  waitlist: (
    <>
      <path d="M14 6h20M14 42h20M16 6c0 10 16 12 16 18s-16 8-16 18M32 6c0 10-16 12-16 18s16 8 16 18" />
      <path d="M20 38h8" fill="#fde7b0" />
    </>
  ),
  award: (
    <>
      <circle cx="24" cy="18" r="11" fill="#ffe08a" />
      <path d="M17 27l-4 15 11-6 11 6-4-15" />
    </>
  ),
  wheelchair: (
    <>
      <circle cx="22" cy="8" r="3.5" />
      <path d="M22 14v12h11l5 10" />
      <path d="M16 20a11 11 0 1 0 15 13" />
    </>
  ),
  'easy-read': (
    <>
      <path d="M6 10c6-2 12-2 18 2 6-4 12-4 18-2v28c-6-2-12-2-18 2-6-4-12-4-18-2z" fill="#d6ecff" />
      <path d="M24 12v28" />
    </>
  ),
  question: (
    <>
      <path d="M6 8h36v24H22l-10 8v-8H6z" fill="#e8dcff" />
      <path d="M20 16a4 4 0 1 1 5 3.8c-.8.3-1 1-1 1.7v1M24 27h.01" />
    </>
  ),
  growth: (
    <>
      <path d="M6 40h36" />
      <path d="M10 34l9-9 7 6 12-14" />
      <path d="M31 17h7v7" />
    </>
  ),
  check: (
    <>
      <circle cx="24" cy="24" r="18" fill="#cdebc4" />
      <path d="M15 24l6 7 13-14" />
    </>
  ),
  history: (
    <>
      <path d="M8 24a16 16 0 1 0 5-11.6" />
      <path d="M8 8v8h8" />
      <path d="M24 15v10l6 4" />
    </>
  ),
  lightbulb: (
    <>
      <path d="M17 30c-4-3-6-7-6-11a13 13 0 0 1 26 0c0 4-2 8-6 11v4H17z" fill="#ffe08a" />
      <path d="M18 39h12M20 44h8" />
    </>
  ),
};

export function LearnerIcon({ name, size = 28 }: { name: LearnerIconName; size?: number }) {
  return (
    <PictogramFrame className="learner-icon" size={size} stroke="currentColor" data={{ icon: name }}>
      {shapes[name]}
    </PictogramFrame>
  );
}
