import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { PlotHandle, PlotSpec } from './training-chart-engine.js';

let engine: Promise<typeof import('./training-chart-engine.js')> | undefined;
const loadEngine = () => {
  engine ??= import('./training-chart-engine.js').catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
};

/**
 * One training chart: uPlot draws `spec` once its code has loaded; the readout says the values
 * under the cursor, the key names the series. Screen readers get `summary` in place of the
 * canvas (and so does everyone when the chart cannot load).
 */
export function TrainingChart({
  spec,
  caption,
  summary,
  testId,
}: {
  /** Memoised: a new spec draws a new chart. */
  spec: PlotSpec;
  caption: ReactNode;
  summary: string;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLSpanElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const el = box.current;
    const out = readout.current;
    if (!el || !out) return;
    let live = true;
    let plot: PlotHandle | undefined;
    let observer: ResizeObserver | undefined;
    loadEngine()
      .then(({ createPlot }) => {
        if (!live) return;
        plot = createPlot(el, out, spec, el.clientWidth || 320);
        observer = new ResizeObserver(() => plot?.resize(el.clientWidth));
        observer.observe(el);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [spec]);
  return (
    <figure className="chart training-chart" data-testid={testId}>
      <figcaption>
        <span>{caption}</span>
        <span ref={readout} className="readout" aria-hidden="true" />
      </figcaption>
      <div ref={box} role="img" aria-label={summary} className="chart-box">
        {failed && <p className="muted">{summary}</p>}
      </div>
      {spec.series.length > 1 && (
        <ul className="chart-key" aria-hidden="true">
          {spec.series.map((s) => (
            <li key={s.label}>
              <span
                className={s.kind === 'bars' ? 'key-swatch bar' : 'key-swatch'}
                style={{ background: s.kind === 'bars' ? (s.fill ?? s.color) : s.color }}
              />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
