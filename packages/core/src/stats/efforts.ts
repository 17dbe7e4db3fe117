import type { SportFamily } from '../sport.js';
import { type Series, valueAt } from './series.js';
import { bestWindows } from './windows.js';

/** Strava's run best-effort distances. */
export const RUN_EFFORTS: ReadonlyArray<readonly [string, number]> = [
  ['400m', 400],
  ['1/2 mile', 804.672],
  ['1k', 1000],
  ['1 mile', 1609.344],
  ['2 mile', 3218.688],
  ['5k', 5000],
  ['10k', 10000],
  ['15k', 15000],
  ['10 mile', 16093.44],
  ['20k', 20000],
  ['Half-Marathon', 21097.5],
  ['30k', 30000],
  ['Marathon', 42195],
];

/** Ride windows, seconds of timer time. */
export const RIDE_WINDOWS_S: readonly number[] = [5, 60, 300, 1200, 3600];

export interface BestEffort {
  name: string;
  distance: number;
  /** Timer seconds (pauses of the session log excluded), interpolated at both ends. */
  elapsed_time: number;
  moving_time: number;
  start_index: number;
  end_index: number;
  /** Epoch seconds at the effort's start. */
  start_date: number;
}

export interface WindowBest {
  /** Window length, timer seconds. */
  duration: number;
  /** Best average over the window: watts for power, m/s for speed. */
  value: number;
  start_index: number;
  end_index: number;
}

/** Fastest time over each standard distance; distances longer than the activity are left out. */
export function bestEfforts(s: Series, family: SportFamily): BestEffort[] {
  if (family !== 'run' || s.n < 2) return [];
  const total = s.dist[s.n - 1]!;
  const list = RUN_EFFORTS.filter(([, d]) => d <= total);
  const res = bestWindows(
    s.dist,
    s.active,
    s.n,
    list.map(([, d]) => d),
    'min',
  );
  const out: BestEffort[] = [];
  list.forEach(([name, d], k) => {
    const r = res[k]!;
    if (Number.isNaN(r.value)) return;
    out.push({
      name,
      distance: d,
      elapsed_time: r.value,
      moving_time: valueAt(s.moving, r.end) - valueAt(s.moving, r.start),
      start_index: Math.floor(r.start),
      end_index: Math.ceil(r.end),
      start_date: valueAt(s.time, r.start),
    });
  });
  return out;
}

/** Best average of `y` per timer second (power from energy, speed from distance). */
export function bestAverages(
  s: Series,
  y: Float64Array,
  durations: readonly number[] = RIDE_WINDOWS_S,
): WindowBest[] {
  if (s.n < 2) return [];
  const total = s.active[s.n - 1]!;
  const list = durations.filter((d) => d <= total);
  return bestWindows(s.active, y, s.n, list, 'max')
    .map((r, k) => ({
      duration: list[k]!,
      value: r.value / list[k]!,
      start_index: Math.floor(r.start),
      end_index: Math.ceil(r.end),
    }))
    .filter((w) => !Number.isNaN(w.value));
}
