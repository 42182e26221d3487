import type { ReactElement } from 'react';
import { PictogramFrame } from '../../../components/PictogramFrame';

/**
 * Pictograms of the campaign screens. Always decorative: the words sit next to them, so they
 * are hidden from screen readers.
 */
export type IconName =
  | 'organisation'
  | 'functioning'
  | 'competence'
  | 'pencil'
  | 'people'
  | 'calendar'
  | 'eye'
  | 'speech'
  | 'draft'
  | 'open'
  | 'closed'
  | 'not_issued'
  | 'issued'
  | 'started'
  | 'submitted'
  | 'revoked'
  | 'qr'
  | 'link';

const shapes: Record<IconName, ReactElement> = {
  organisation: (
    <>
      <rect x="8" y="14" width="20" height="26" fill="#d6ecff" />
      <rect x="28" y="22" width="12" height="18" fill="#e8dcff" />
      <path d="M13 20h4M19 20h4M13 26h4M19 26h4M13 32h4M19 32h4M6 40h36" />
    </>
  ),
  functioning: (
    <>
      <circle cx="18" cy="14" r="6" fill="#fde7b0" />
      <path d="M8 40v-8a10 10 0 0 1 20 0v8" />
      <circle cx="35" cy="30" r="6" fill="#cdebc4" />
      <path d="M35 22v2M35 36v2M27 30h2M41 30h2" />
    </>
  ),
  competence: <path d="M24 6l5.3 11.3 12.2 1.5-9 8.4 2.4 12.1L24 33.3l-10.9 6 2.4-12.1-9-8.4 12.2-1.5z" fill="#ffe08a" />,
  pencil: (
    <>
      <path d="M10 38l4-12 20-20 8 8-20 20z" fill="#fde7b0" />
      <path d="M14 26l8 8" />
    </>
  ),
  people: (
    <>
      <circle cx="16" cy="16" r="6" fill="#d6ecff" />
      <circle cx="32" cy="16" r="6" fill="#cdebc4" />
      <path d="M6 40v-6a10 10 0 0 1 20 0v6M22 40v-6a10 10 0 0 1 20 0v6" />
    </>
  ),
  calendar: (
    <>
      <rect x="8" y="10" width="32" height="30" rx="3" fill="#d6ecff" />
      <path d="M8 18h32M16 6v8M32 6v8M15 26h4M23 26h4M31 26h2M15 33h4M23 33h4" />
    </>
  ),
  eye: (
    <>
      <path d="M4 24s8-12 20-12 20 12 20 12-8 12-20 12S4 24 4 24z" fill="#e8dcff" />
      <circle cx="24" cy="24" r="5" fill="#fff" />
    </>
  ),
  speech: (
    <>
      <path d="M8 10h32v20H22l-8 8v-8H8z" fill="#cdebc4" />
      <path d="M15 18h18M15 23h12" />
    </>
  ),
  draft: <path d="M12 40l3-10 17-17 7 7-17 17z" fill="#eeeeee" />,
  open: (
    <>
      <circle cx="24" cy="24" r="16" fill="#cdebc4" />
      <path d="M18 16l14 8-14 8z" fill="#1e6b34" />
    </>
  ),
  closed: (
    <>
      <rect x="12" y="22" width="24" height="18" rx="2" fill="#e2e2e2" />
      <path d="M17 22v-6a7 7 0 0 1 14 0v6" />
    </>
  ),
  not_issued: <circle cx="24" cy="24" r="14" strokeDasharray="4 4" />,
  issued: (
    <>
      <rect x="8" y="14" width="32" height="22" rx="2" fill="#d6ecff" />
      <path d="M8 16l16 12 16-12" />
    </>
  ),
  started: (
    <>
      <circle cx="24" cy="24" r="16" fill="#fde7b0" />
      <path d="M24 14v10l7 5" />
    </>
  ),
  submitted: (
    <>
      <circle cx="24" cy="24" r="16" fill="#cdebc4" />
      <path d="M16 24l6 7 11-13" />
    </>
  ),
  revoked: (
    <>
      <circle cx="24" cy="24" r="16" fill="#f6d2cf" />
      <path d="M17 17l14 14M31 17L17 31" />
    </>
  ),
  qr: (
    <>
      <rect x="8" y="8" width="12" height="12" fill="#1b1b1b" />
      <rect x="28" y="8" width="12" height="12" fill="#1b1b1b" />
      <rect x="8" y="28" width="12" height="12" fill="#1b1b1b" />
      <path d="M28 28h4v4h-4zM36 32h4v8h-8v-4" />
    </>
  ),
  link: (
    <>
      <path d="M20 28l8-8" />
      <path d="M22 14l4-4a7 7 0 0 1 10 10l-4 4M26 34l-4 4a7 7 0 0 1-10-10l4-4" />
    </>
  ),
};

export function Icon({ name, size = 28 }: { name: IconName; size?: number }) {
  return (
    <PictogramFrame className="campaign-icon" size={size} data={{ icon: name }}>
      {shapes[name]}
    </PictogramFrame>
  );
}
