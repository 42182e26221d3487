import { useId, type ReactNode } from 'react';
import './charts.css';

/**
 * A chart with its title, a text summary in plain words (what a screen reader hears instead of the
 * picture) and, optionally, a legend. The picture itself is aria-hidden; put the data table with
 * the same numbers right after the figure.
 */
export function ChartFigure({
  title,
  summary,
  legend,
  children,
}: {
  title: string;
  summary: ReactNode;
  legend?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <figcaption>
        <span className="chart-figure__title" id={`${id}-title`}>
          {title}
        </span>
        <span className="chart-figure__summary" id={`${id}-summary`}>
          {summary}
        </span>
      </figcaption>
      {legend}
      {children}
    </figure>
  );
}

export interface LegendItem {
  key: string;
  /** A swatch: fill colour, optional border, optionally hatched (hidden cells) or dashed (reference line). */
  swatch: { fill: string; border?: string; hatched?: boolean; line?: boolean };
  label: string;
}

/** A legend in HTML (readable, zoomable, translatable): a small swatch and words for every colour. */
export function ChartLegend({ title, items }: { title?: string; items: LegendItem[] }) {
  return (
    <div className="chart-legend">
      {title ? <p className="chart-legend__title">{title}</p> : null}
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <span
              className={`chart-legend__swatch${item.swatch.hatched ? ' chart-legend__swatch--hatched' : ''}${item.swatch.line ? ' chart-legend__swatch--line' : ''}`}
              style={{
                backgroundColor: item.swatch.line ? undefined : item.swatch.fill,
                borderColor: item.swatch.border ?? item.swatch.fill,
              }}
              aria-hidden="true"
            />
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
