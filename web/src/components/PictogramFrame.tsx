import type { ReactNode } from 'react';

/**
 * The frame every pictogram of the app is drawn in: a 48-unit square, no fill unless a shape sets
 * one, thick round strokes, so the pictures read alike at 24–40 px. Decorative unless given a
 * `label` (the words usually sit next to the picture, and screen readers should not say it twice).
 */
export function PictogramFrame({
  className,
  size,
  stroke = '#1b1b1b',
  label,
  data,
  children,
}: {
  className: string;
  size: number;
  /** The line colour; `currentColor` follows the text. */
  stroke?: string;
  /** When the picture stands alone: what it shows, for screen readers. */
  label?: string;
  /** data-* attributes, e.g. `{ icon: 'clock' }` → data-icon="clock". */
  data: Record<string, string>;
  children: ReactNode;
}) {
  const dataAttributes = Object.fromEntries(Object.entries(data).map(([key, value]) => [`data-${key}`, value]));
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 48 48"
      fill="none"
      stroke={stroke}
      strokeWidth={2.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
      {...dataAttributes}
    >
      {children}
    </svg>
  );
}
