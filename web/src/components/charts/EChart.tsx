import { useEffect, useMemo, useRef, useState } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

export interface BuiltChart {
  option: EChartsCoreOption;
  /** Height in px the chart needs at this width. */
  height: number;
}

let runtime: Promise<typeof import('./echarts-runtime')> | null = null;
const loadRuntime = () => (runtime ??= import('./echarts-runtime'));

/**
 * One ECharts chart, drawn as SVG without animation, sized to its container's width. The chart is
 * hidden from assistive technology: every chart on a page has a text summary and a data table
 * with the same numbers. If the chart code cannot load, the summary and table still stand.
 */
export function EChart({
  build,
  estimatedHeight = 240,
  testId,
}: {
  build: (width: number) => BuiltChart;
  estimatedHeight?: number;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    setWidth(Math.floor(el.clientWidth));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const built = useMemo(() => (width > 0 ? build(width) : null), [build, width]);

  useEffect(() => {
    if (!built) return;
    let cancelled = false;
    loadRuntime()
      .then(({ init }) => {
        const el = box.current;
        if (cancelled || !el) return;
        chart.current ??= init(el, null, { renderer: 'svg', width, height: built.height });
        chart.current.setOption({ ...built.option, animation: false }, { notMerge: true });
        chart.current.resize({ width, height: built.height });
      })
      .catch(() => {
        /* the summary and the table carry the same information */
      });
    return () => {
      cancelled = true;
    };
  }, [built, width]);

  useEffect(
    () => () => {
      chart.current?.dispose();
      chart.current = null;
    },
    [],
  );

  return <div ref={box} className="chart" aria-hidden="true" data-testid={testId} style={{ height: built?.height ?? estimatedHeight }} />;
}
