/**
 * uPlot, loaded with the first chart (its JS and CSS stay out of the first load). One small
 * chart per series, all sharing the x axis (distance, or time) and a synchronised cursor.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartData, ChartSeries } from '../../lib/chart-series.js';

/** Tick steps along time, in seconds: whole minutes and hours rather than uPlot's 1-2-5 steps. */
const TIME_STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10_800, 21_600, 43_200,
];

const COLORS: Record<ChartSeries['key'], { stroke: string; fill: string }> = {
  altitude: { stroke: '#8a8a94', fill: 'rgba(138,138,148,0.28)' },
  pace: { stroke: '#2a6ef5', fill: 'rgba(42,110,245,0.08)' },
  speed: { stroke: '#2a6ef5', fill: 'rgba(42,110,245,0.08)' },
  heartrate: { stroke: '#d7263d', fill: 'rgba(215,38,61,0.08)' },
  watts: { stroke: '#7b3fe4', fill: 'rgba(123,63,228,0.08)' },
};

export interface ChartHandle {
  resize(width: number): void;
  /** Shades a stretch [from, to] of x (null clears it). */
  highlight(range: readonly [number, number] | null): void;
  destroy(): void;
}

export interface ChartOptions {
  /** Dragging across the chart selects a stretch of x; without it, dragging does nothing. */
  onSelect?: ((from: number, to: number) => void) | undefined;
}

/**
 * Draws `s` along the data's x (distance or time) into `target`; `readout` shows the value under
 * the cursor (the cursors of all charts move together), in place of uPlot's legend table.
 */
export function createChart(
  target: HTMLElement,
  readout: HTMLElement,
  data: Pick<ChartData, 'basis' | 'x' | 'xTick' | 'xFormat'>,
  s: ChartSeries,
  width: number,
  options: ChartOptions = {},
): ChartHandle {
  const color = COLORS[s.key];
  const { x } = data;
  const { onSelect } = options;
  let shown: readonly [number, number] | null = null;
  // The shaded stretch is uPlot's selection box, placed from x values (again after a resize).
  const place = (u: uPlot) => {
    if (!shown) {
      u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
      return;
    }
    const left = u.valToPos(shown[0], 'x');
    const right = u.valToPos(shown[1], 'x');
    const height = u.bbox.height / uPlot.pxRatio;
    u.setSelect({ left, top: 0, width: Math.max(2, right - left), height }, false);
  };
  const plot = new uPlot(
    {
      width,
      height: 150,
      cursor: {
        sync: { key: 'activity-streams' },
        drag: { x: !!onSelect, y: false, setScale: false },
      },
      legend: { show: false },
      scales: { x: { time: false }, y: { dir: s.invert ? -1 : 1 } },
      axes: [
        {
          stroke: '#6b6b76',
          grid: { show: false },
          values: (_u, ticks) => ticks.map(data.xTick),
          ...(data.basis === 'time' ? { incrs: TIME_STEPS } : {}),
        },
        {
          stroke: '#6b6b76',
          grid: { stroke: '#ececf0', width: 1 },
          size: s.tick ? 52 : 44,
          ...(s.tick ? { values: (_u: uPlot, ticks: number[]) => ticks.map(s.tick!) } : {}),
        },
      ],
      series: [
        {},
        {
          label: s.label,
          stroke: color.stroke,
          fill: color.fill,
          width: 1.5,
          spanGaps: false,
          points: { show: false },
        },
      ],
      hooks: {
        setSelect: [
          (u) => {
            if (!onSelect) return;
            // A click without a drag: keep showing the stretch already chosen.
            if (u.select.width < 2) return place(u);
            onSelect(
              u.posToVal(u.select.left, 'x'),
              u.posToVal(u.select.left + u.select.width, 'x'),
            );
          },
        ],
        setSize: [(u) => place(u)],
        setCursor: [
          (u) => {
            const i = u.cursor.idx;
            const y = i == null ? null : s.values[i];
            readout.textContent =
              i == null || y == null ? '' : `${s.format(y)} · ${data.xFormat(x[i]!)}`;
          },
        ],
      },
    },
    [x, s.values],
    target,
  );
  return {
    resize: (w) => plot.setSize({ width: w, height: 150 }),
    highlight: (range) => {
      shown = range;
      place(plot);
    },
    destroy: () => plot.destroy(),
  };
}
