import type { Series } from './series.js';

/** Half-width of the distance window for grade_smooth. */
export const GRADE_HALF_WINDOW_M = 25;

/**
 * Grade in percent (Strava's grade_smooth) from the smoothed altitude over a ±25 m distance
 * window, two forward pointers, linear; 0 where the window holds under 10 m of distance
 * (standing still) or there is no altitude.
 */
export function gradeSmooth(s: Series): Float32Array {
  const n = s.n;
  const out = new Float32Array(n);
  const D = s.dist;
  const E = s.eleS;
  let lo = 0;
  let hi = 0;
  for (let j = 0; j < n; j++) {
    const d = D[j]!;
    while (D[lo]! < d - GRADE_HALF_WINDOW_M) lo++;
    if (hi < j) hi = j;
    while (hi + 1 < n && D[hi + 1]! <= d + GRADE_HALF_WINDOW_M) hi++;
    const run = D[hi]! - D[lo]!;
    const rise = E[hi]! - E[lo]!;
    out[j] = run >= 10 && !Number.isNaN(rise) ? (100 * rise) / run : 0;
  }
  return out;
}

/**
 * velocity_smooth: metres per timer second over a centred window of MOVING_WINDOW_S (so no
 * lag), read from the final distance column. Steps across a pause add no timer time, so a stop
 * with the timer paused does not drag the speed down.
 */
export function velocitySmooth(s: Series, windowS: number): Float32Array {
  const n = s.n;
  const out = new Float32Array(n);
  const A = s.active;
  const D = s.dist;
  const half = windowS / 2;
  let lo = 0;
  let hi = 0;
  for (let j = 0; j < n; j++) {
    const a = A[j]!;
    while (A[lo]! < a - half) lo++;
    if (hi < j) hi = j;
    while (hi + 1 < n && A[hi + 1]! <= a + half) hi++;
    const span = A[hi]! - A[lo]!;
    out[j] = span > 0 ? (D[hi]! - D[lo]!) / span : 0;
  }
  return out;
}
