import type { ReactElement } from 'react';
import { PictogramFrame } from './PictogramFrame';

/**
 * Built-in pictograms for the levels of the default scale (src/db/reference-data.ts):
 * 0 seedling · 1 helping-hand · 2 check · 3 star · 4 teacher. Simple shapes, thick strokes,
 * readable at 32 px. Decorative by default (the level's words sit next to it); pass `label`
 * when the picture stands alone.
 */
export const pictogramNames = ['seedling', 'helping-hand', 'check', 'star', 'teacher'] as const;
export type PictogramName = (typeof pictogramNames)[number];

const shapes: Record<PictogramName, ReactElement> = {
  seedling: (
    <>
      <path d="M24 42V22" />
      <path d="M24 26c0-8-6-12-14-12 0 8 6 12 14 12z" fill="#cdebc4" />
      <path d="M24 22c0-7 5-11 13-11 0 7-5 11-13 11z" fill="#cdebc4" />
      <path d="M12 42h24" />
    </>
  ),
  'helping-hand': (
    <>
      <path d="M6 30h8l8 4h8a3 3 0 0 0 0-6h-7" />
      <path d="M14 38l4 2h12l12-8a3 3 0 0 0-4-5l-8 5" />
      <circle cx="30" cy="14" r="6" fill="#fde7b0" />
    </>
  ),
  check: (
    <>
      <circle cx="24" cy="24" r="18" fill="#d6ecff" />
      <path d="M15 24l6 7 13-14" />
    </>
  ),
  star: <path d="M24 6l5.3 11.3 12.2 1.5-9 8.4 2.4 12.1L24 33.3l-10.9 6 2.4-12.1-9-8.4 12.2-1.5z" fill="#ffe08a" />,
  teacher: (
    <>
      <circle cx="14" cy="13" r="5" fill="#e8dcff" />
      <path d="M6 40V26a6 6 0 0 1 6-6h4l8 6" />
      <rect x="24" y="8" width="18" height="14" rx="1" fill="#e8dcff" />
      <path d="M28 13h10M28 17h6" />
    </>
  ),
};

export function isPictogramName(value: unknown): value is PictogramName {
  return typeof value === 'string' && (pictogramNames as readonly string[]).includes(value);
}

export function Pictogram({ name, size = 40, label }: { name: string | null | undefined; size?: number; label?: string }) {
  const known = isPictogramName(name);
  return (
    <PictogramFrame className="pictogram" size={size} label={label} data={{ pictogram: known ? name : 'unknown' }}>
      {known ? shapes[name] : <circle cx="24" cy="24" r="16" fill="#eee" />}
    </PictogramFrame>
  );
}
