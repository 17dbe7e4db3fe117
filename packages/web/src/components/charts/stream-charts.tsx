import type { Units } from '@stride/client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type ChartData, type ChartSeries, chartData } from '../../lib/chart-series.js';
import type { Streams } from '../../lib/streams.js';
import type { ChartHandle } from './chart-engine.js';

let engine: Promise<typeof import('./chart-engine.js')> | undefined;
const loadEngine = () => {
  engine ??= import('./chart-engine.js').catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
};

function range(values: (number | null)[]): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values)
    if (v !== null) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * A stretch along the activity, along what the charts run on: metres from its start, or seconds
 * when they run along time (see chartAxis).
 */
export type Stretch = readonly [number, number];

interface ChartProps {
  data: ChartData;
  s: ChartSeries;
  highlight: Stretch | null;
  onSelect: ((fromM: number, toM: number) => void) | undefined;
}

function Chart({ data, s, highlight, onSelect }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLSpanElement>(null);
  const [failed, setFailed] = useState(false);
  const [chart, setChart] = useState<ChartHandle | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const selectable = !!onSelect;
  useEffect(() => {
    const el = box.current;
    const out = readout.current;
    if (!el || !out) return;
    let live = true;
    let created: ChartHandle | undefined;
    let observer: ResizeObserver | undefined;
    const k = data.alongPerX;
    loadEngine()
      .then(({ createChart }) => {
        if (!live) return;
        created = createChart(el, out, data, s, el.clientWidth || 320, {
          onSelect: selectable ? (a, b) => select.current?.(a * k, b * k) : undefined,
        });
        observer = new ResizeObserver(() => created?.resize(el.clientWidth));
        observer.observe(el);
        setChart(created);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      observer?.disconnect();
      created?.destroy();
      setChart(null);
    };
  }, [data, s, selectable]);
  useEffect(() => {
    const k = data.alongPerX;
    chart?.highlight(highlight ? [highlight[0] / k, highlight[1] / k] : null);
  }, [chart, highlight, data]);
  const r = range(s.values);
  // The summary is what a screen reader gets; the canvas is for eyes.
  const over = `${s.label} over ${data.xFormat(data.x.at(-1) ?? 0)}`;
  const summary = r
    ? `${over}: from ${s.format(s.invert ? r[1] : r[0])} to ${s.format(s.invert ? r[0] : r[1])}`
    : over;
  return (
    <figure className="chart" data-chart={s.key}>
      <figcaption>
        <span>
          {s.label} <span className="muted">({s.unit})</span>
        </span>
        <span ref={readout} className="readout" />
      </figcaption>
      <div
        ref={box}
        role="img"
        aria-label={summary}
        className={selectable ? 'chart-box selectable' : 'chart-box'}
      >
        {failed && <p className="muted">{summary}</p>}
      </div>
    </figure>
  );
}

export interface StreamChartsProps {
  streams: Streams;
  sport: string;
  units: Units;
  /** Only these charts (in this order of preference, the first one found alone with `first`). */
  only?: readonly ChartSeries['key'][];
  first?: boolean;
  /** A stretch to shade on every chart (an effort, the part chosen for a new segment). */
  highlight?: Stretch | null;
  /**
   * Makes dragging across a chart choose a stretch (with a mouse; sliders do it on touch), in
   * metres: only charts along distance offer it.
   */
  onSelect?: (fromM: number, toM: number) => void;
}

/**
 * Elevation profile, pace or speed, heart rate and power along the activity's distance, or
 * along its elapsed time when it has no distance to chart against.
 */
export function StreamCharts({
  streams,
  sport,
  units,
  only,
  first,
  highlight = null,
  onSelect,
}: StreamChartsProps) {
  const data = useMemo(() => chartData(streams, sport, units), [streams, sport, units]);
  const series = useMemo(() => {
    if (!data || !only) return data?.series ?? [];
    const picked = only.flatMap((k) => data.series.filter((s) => s.key === k));
    return first ? picked.slice(0, 1) : picked;
  }, [data, only, first]);
  if (!data || !series.length) return null;
  const select = data.basis === 'distance' ? onSelect : undefined;
  return (
    <div className="charts" data-x-axis={data.basis}>
      {series.map((s) => (
        <Chart key={s.key} data={data} s={s} highlight={highlight} onSelect={select} />
      ))}
    </div>
  );
}
