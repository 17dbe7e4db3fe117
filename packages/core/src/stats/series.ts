/**
 * Reading the engine's cumulative columns at fractional positions. A position p = j + f lies
 * between samples j and j + 1; every cumulative quantity (distance, timer, moving time, gain,
 * energy, HR·time…) is linear between samples, so an interval's totals are differences of
 * interpolated values and splits/laps/efforts start exactly at 1 000 m, not at the next fix.
 */
export interface Series {
  readonly n: number;
  readonly time: Float64Array;
  readonly dist: Float64Array;
  readonly active: Float64Array;
  readonly moving: Float64Array;
  readonly gain: Float64Array;
  readonly loss: Float64Array;
  readonly energy: Float64Array;
  readonly powerT: Float64Array;
  readonly hrSum: Float64Array;
  readonly hrT: Float64Array;
  readonly cadSum: Float64Array;
  readonly cadT: Float64Array;
  readonly eleS: Float64Array;
  readonly hr: Float64Array;
  /** velocity_smooth (see streams.ts). */
  readonly vel: Float32Array;
  readonly movingFlag: Uint8Array;
}

export function valueAt(col: Float64Array, p: number): number {
  const j = Math.floor(p);
  const f = p - j;
  const a = col[j]!;
  return f === 0 ? a : a + f * (col[j + 1]! - a);
}

/**
 * The first position at which non-decreasing `col` reaches `v`, scanning from sample `from`;
 * returns -1 when it never does. (Plateaus are skipped: the position lies on a rising step.)
 */
export function positionOf(col: Float64Array, n: number, v: number, from = 0): number {
  let j = Math.max(0, from);
  while (j < n && col[j]! < v) j++;
  if (j === n) return -1;
  if (j === 0 || col[j] === v) return j;
  const a = col[j - 1]!;
  return j - 1 + (v - a) / (col[j]! - a);
}

/** Totals of the stretch between positions p0 and p1, in Strava's split/lap field names. */
export interface IntervalTotals {
  distance: number;
  elapsed_time: number;
  moving_time: number;
  timer_time: number;
  elevation_difference: number | null;
  total_elevation_gain: number;
  average_speed: number;
  average_heartrate: number | null;
  average_cadence: number | null;
  average_watts: number | null;
  start_index: number;
  end_index: number;
}

export function intervalTotals(s: Series, p0: number, p1: number): IntervalTotals {
  const d = valueAt(s.dist, p1) - valueAt(s.dist, p0);
  const moving = valueAt(s.moving, p1) - valueAt(s.moving, p0);
  const hrT = valueAt(s.hrT, p1) - valueAt(s.hrT, p0);
  const cadT = valueAt(s.cadT, p1) - valueAt(s.cadT, p0);
  const pT = valueAt(s.powerT, p1) - valueAt(s.powerT, p0);
  const e0 = valueAt(s.eleS, p0);
  const e1 = valueAt(s.eleS, p1);
  return {
    distance: d,
    elapsed_time: valueAt(s.time, p1) - valueAt(s.time, p0),
    moving_time: moving,
    timer_time: valueAt(s.active, p1) - valueAt(s.active, p0),
    elevation_difference: !Number.isNaN(e0) && !Number.isNaN(e1) ? e1 - e0 : null,
    total_elevation_gain: valueAt(s.gain, p1) - valueAt(s.gain, p0),
    // Strava: average speed over moving time.
    average_speed: moving > 0 ? d / moving : 0,
    average_heartrate: hrT > 0 ? (valueAt(s.hrSum, p1) - valueAt(s.hrSum, p0)) / hrT : null,
    average_cadence: cadT > 0 ? (valueAt(s.cadSum, p1) - valueAt(s.cadSum, p0)) / cadT : null,
    average_watts: pT > 0 ? (valueAt(s.energy, p1) - valueAt(s.energy, p0)) / pT : null,
    start_index: Math.floor(p0),
    end_index: Math.min(s.n - 1, Math.ceil(p1)),
  };
}
