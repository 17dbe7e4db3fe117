import { useEffect, useMemo, useRef, useState } from 'react';
import type { Streams, Units } from '../../api/types.js';
import { type ChartData, type ChartSeries, chartData } from '../../lib/chart-series.js';

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

function Chart({ data, s }: { data: ChartData; s: ChartSeries }) {
  const box = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLSpanElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const el = box.current;
    const out = readout.current;
    if (!el || !out) return;
    let live = true;
    let chart: { resize(w: number): void; destroy(): void } | undefined;
    let observer: ResizeObserver | undefined;
    loadEngine()
      .then(({ createChart }) => {
        if (!live) return;
        chart = createChart(el, out, data.x, data.xUnit, s, el.clientWidth || 320);
        observer = new ResizeObserver(() => chart?.resize(el.clientWidth));
        observer.observe(el);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [data, s]);
  const r = range(s.values);
  // The summary is what a screen reader gets; the canvas is for eyes.
  const summary = r
    ? `${s.label}: from ${s.format(s.invert ? r[1] : r[0])} to ${s.format(s.invert ? r[0] : r[1])}`
    : s.label;
  return (
    <figure className="chart" data-chart={s.key}>
      <figcaption>
        <span>
          {s.label} <span className="muted">({s.unit})</span>
        </span>
        <span ref={readout} className="readout" />
      </figcaption>
      <div ref={box} role="img" aria-label={summary} className="chart-box">
        {failed && <p className="muted">{summary}</p>}
      </div>
    </figure>
  );
}

/** Elevation profile, pace or speed, heart rate and power along the activity's distance. */
export function StreamCharts({
  streams,
  sport,
  units,
}: {
  streams: Streams;
  sport: string;
  units: Units;
}) {
  const data = useMemo(() => chartData(streams, sport, units), [streams, sport, units]);
  if (!data?.series.length) return null;
  return (
    <div className="charts">
      {data.series.map((s) => (
        <Chart key={s.key} data={data} s={s} />
      ))}
    </div>
  );
}
