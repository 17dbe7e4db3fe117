/**
 * A stretch of an activity, by sample index into its streams: the part shown for an effort, or
 * chosen for a new segment. Pure, for the activity page and its tests.
 */
import type { LatLng } from '../components/map/geometry.js';

/** A chosen stretch: sample indices into the activity's streams, start < end. */
export interface Range {
  start: number;
  end: number;
}

/** Where the segment chooser opens: the middle third of the activity. */
export function initialRange(samples: number): Range {
  const start = Math.floor(samples / 3);
  return { start, end: Math.max(start + 1, Math.floor((2 * samples) / 3)) };
}

/** The last sample at or before `m` metres along (distance never decreases; nulls are skipped). */
export function indexAtDistance(distance: readonly (number | null)[], m: number): number {
  let lo = 0;
  let hi = distance.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (valueAt(distance, mid) <= m) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The distance at sample i, or at the nearest earlier sample that has one (0 before any). */
function valueAt(distance: readonly (number | null)[], i: number): number {
  for (let k = i; k >= 0; k--) {
    const d = distance[k];
    if (d != null) return d;
  }
  return 0;
}

export interface StretchFigures {
  distanceM: number;
  /** Rise over distance in percent, from the altitude stream (null without altitude). */
  gradePct: number | null;
  /** Altitude at the end minus at the start. */
  riseM: number | null;
}

/** Distance and grade between samples `start` and `end` (a preview: the server smooths altitude). */
export function stretchFigures(
  distance: readonly (number | null)[],
  altitude: readonly (number | null)[] | undefined,
  start: number,
  end: number,
): StretchFigures {
  const distanceM = valueAt(distance, end) - valueAt(distance, start);
  const a0 = altitude?.[start];
  const a1 = altitude?.[end];
  const riseM = a0 != null && a1 != null ? a1 - a0 : null;
  return {
    distanceM,
    riseM,
    gradePct: riseM !== null && distanceM > 0 ? (100 * riseM) / distanceM : null,
  };
}

/** The positions of samples start…end (both included), for drawing the stretch. */
export function stretchRoute(
  latlng: readonly (LatLng | null)[],
  start: number,
  end: number,
): (LatLng | null)[] {
  return latlng.slice(Math.max(0, start), end + 1);
}
