import { LocalScale } from '../geo/ruler.js';
import { SegmentError } from './errors.js';

/** A segment line reduced to its usable points, with cumulative distance along it. */
export interface UsableLine {
  lat: Float64Array;
  lon: Float64Array;
  /** Index in the caller's arrays of each usable point. */
  source: Uint32Array;
  /** Metres from the first usable point, by the local WGS84 scale (core's ruler). */
  cumM: Float64Array;
}

/**
 * Keeps the points that have a position. A missing position (NaN, as in a slice of an activity
 * through a tunnel) is skipped; any other non-finite or out-of-range coordinate means the line
 * itself is wrong, and is refused rather than guessed at.
 */
export function usableLine(lat: ArrayLike<number>, lon: ArrayLike<number>): UsableLine {
  if (lat.length !== lon.length) {
    throw new SegmentError(
      'CORE_SEGMENT_INVALID',
      `a segment line needs as many longitudes as latitudes (got ${lat.length} and ${lon.length})`,
    );
  }
  let n = 0;
  for (let i = 0; i < lat.length; i++) {
    const la = lat[i]!;
    const lo = lon[i]!;
    if (Number.isNaN(la) || Number.isNaN(lo)) continue;
    if (!(la >= -90 && la <= 90 && lo >= -180 && lo <= 180)) {
      throw new SegmentError(
        'CORE_SEGMENT_INVALID',
        `point ${i} of the segment line is not a valid position (latitude ${la}, longitude ${lo})`,
        { index: i },
      );
    }
    n++;
  }
  if (n < 2) {
    throw new SegmentError(
      'CORE_SEGMENT_INVALID',
      `a segment line needs at least 2 points with a position (got ${n})`,
      { points: n },
    );
  }
  const out: UsableLine = {
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    source: new Uint32Array(n),
    cumM: new Float64Array(n),
  };
  const scale = new LocalScale();
  let k = 0;
  for (let i = 0; i < lat.length; i++) {
    const la = lat[i]!;
    const lo = lon[i]!;
    if (Number.isNaN(la) || Number.isNaN(lo)) continue;
    out.lat[k] = la;
    out.lon[k] = lo;
    out.source[k] = i;
    if (k > 0)
      out.cumM[k] = out.cumM[k - 1]! + scale.distance(out.lat[k - 1]!, out.lon[k - 1]!, la, lo);
    k++;
  }
  return out;
}

/** Index k and fraction f such that the point at `d` metres lies between points k and k + 1. */
export function locate(cumM: Float64Array, d: number): [number, number] {
  const n = cumM.length;
  if (d <= 0) return [0, 0];
  if (d >= cumM[n - 1]!) return [n - 2, 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cumM[mid]! <= d) lo = mid;
    else hi = mid;
  }
  const span = cumM[lo + 1]! - cumM[lo]!;
  return [lo, span > 0 ? (d - cumM[lo]!) / span : 0];
}
