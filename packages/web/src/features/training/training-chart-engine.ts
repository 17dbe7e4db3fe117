/**
 * uPlot for the training page's charts, loaded with the first of them (as the activity page's
 * charts are). One chart draws several series against one x: periods (bars of a total per
 * week, month or year) or days (rolling distance; fitness, fatigue, form and daily load).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface PlotSeries {
  label: string;
  values: (number | null)[];
  color: string;
  /** Filled below the line (or the bars' colour). */
  fill?: string;
  kind: 'line' | 'bars';
  /**
   * 'y' (the default) is the axis on the left; 'low' is a scale of its own, with no axis,
   * keeping its bars to the lowest third of the chart (the daily load under the lines).
   */
  scale?: 'y' | 'low';
  dash?: number[];
  /** One value as the cursor's readout says it. */
  format: (v: number) => string;
}

export interface PlotSpec {
  /** The period's index (`category`), or the day's UTC midnight in seconds (`day`). */
  x: number[];
  xKind: 'category' | 'day';
  /** An x tick's label, from its x value. */
  tick: (x: number) => string;
  /** The x under the cursor, from its index: "Week of 12 May 2026". */
  read: (i: number) => string;
  /** A y tick's label; plain numbers without it. */
  yTick?: (v: number) => string;
  series: PlotSeries[];
  height: number;
}

/** A chart to draw, and the sentence a screen reader gets in its place. */
export interface ChartPlan {
  spec: PlotSpec;
  summary: string;
}

export interface PlotHandle {
  resize(width: number): void;
  destroy(): void;
}

const AXIS = '#6b6b76';
const GRID = '#ececf0';
/** Room per x label, in CSS pixels. */
const LABEL_PX = 58;

/** Every nth period is labelled so labels do not overlap; the latest always is. */
function categorySplits(n: number, widthPx: number): number[] {
  const step = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(widthPx / LABEL_PX))));
  const out: number[] = [];
  for (let i = (n - 1) % step; i < n; i += step) out.push(i);
  return out;
}

export function createPlot(
  target: HTMLElement,
  readout: HTMLElement,
  spec: PlotSpec,
  width: number,
): PlotHandle {
  const { x, series } = spec;
  const n = x.length;
  const categories = spec.xKind === 'category';
  const bars = uPlot.paths.bars!({ size: [0.7, 44, 1], align: 0 });
  const plot = new uPlot(
    {
      width,
      height: spec.height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false, setScale: false } },
      // Days are UTC midnights: read in UTC, so no time zone moves a day.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
      scales: {
        x: categories ? { time: false, range: [-0.6, n - 0.4] } : { time: true },
        y: series.some((s) => s.kind === 'bars' && (s.scale ?? 'y') === 'y')
          ? { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] }
          : {},
        low: { range: (_u, _min, max) => [0, max > 0 ? max * 3 : 1] },
      },
      axes: [
        {
          stroke: AXIS,
          grid: { show: false },
          ...(categories
            ? { splits: (u: uPlot) => categorySplits(n, u.bbox.width / uPlot.pxRatio) }
            : { space: LABEL_PX }),
          values: (_u, ticks) => ticks.map(spec.tick),
        },
        {
          stroke: AXIS,
          grid: { stroke: GRID, width: 1 },
          size: 48,
          ...(spec.yTick ? { values: (_u: uPlot, ticks: number[]) => ticks.map(spec.yTick!) } : {}),
        },
      ],
      series: [
        {},
        ...series.map(
          (s): uPlot.Series => ({
            label: s.label,
            scale: s.scale ?? 'y',
            stroke: s.color,
            width: s.kind === 'bars' ? 0 : 2,
            ...(s.kind === 'bars' ? { fill: s.fill ?? s.color, paths: bars } : {}),
            ...(s.kind === 'line' && s.fill ? { fill: s.fill } : {}),
            ...(s.dash ? { dash: s.dash } : {}),
            points: { show: false },
          }),
        ),
      ],
      hooks: {
        setCursor: [
          (u) => {
            const i = u.cursor.idx;
            if (i == null) {
              readout.textContent = '';
              return;
            }
            const values = series
              .map((s) => {
                const v = s.values[i];
                return v == null ? null : `${s.label} ${s.format(v)}`;
              })
              .filter(Boolean);
            readout.textContent = `${spec.read(i)}: ${values.join(' · ')}`;
          },
        ],
      },
    },
    [x, ...series.map((s) => s.values)],
    target,
  );
  return {
    resize: (w) => plot.setSize({ width: w, height: spec.height }),
    destroy: () => plot.destroy(),
  };
}
