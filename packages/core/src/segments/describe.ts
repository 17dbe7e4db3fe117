import { LocalScale } from '../geo/ruler.js';
import { ElevationCounter } from '../stats/elevation.js';
import { ELEVATION_PARAMS, JITTER_RADIUS_M } from '../stats/engine.js';
import { SegmentError } from './errors.js';
import { usableLine } from './line.js';

/** What a segment page shows about a line (Strava's segment fields, metres and percent). */
export interface SegmentProfile {
  distanceM: number;
  /** (smoothed end altitude − smoothed start altitude) / distance; 0 without altitude. */
  avgGradePct: number;
  /** Steepest grade over any 50 m of the smoothed profile; 0 without altitude. */
  maxGradePct: number;
  elevHighM: number | null;
  elevLowM: number | null;
  elevGainM: number | null;
  start: [number, number];
  end: [number, number];
  /**
   * The line point by point, for drawing its elevation profile: `index` into the caller's
   * arrays (points without a position are left out), metres from the start, and the smoothed
   * altitude the figures above come from (NaN where the point had none; null without altitude).
   */
  along: { index: Uint32Array; distanceM: Float64Array; altitudeM: Float64Array | null };
}

/** Shorter lines are refused: GPS error would be a large share of every effort's time. */
export const MIN_SEGMENT_M = 100;
/** A line all of whose points stay this close to its start is a standstill, not a route. */
export const MIN_SPREAD_M = 50;
/** At least this share of the line's length must be movement beyond GPS jitter. */
export const MIN_MOVING_SHARE = 0.5;
/** Altitude is smoothed over distance (forward and backward, so without lag), metres. */
export const PROFILE_SMOOTHING_M = 20;
/** Max grade is measured over this much horizontal distance of the smoothed profile. */
export const GRADE_WINDOW_M = 50;

/**
 * Validates and describes a would-be segment (a slice of an activity or a drawn line).
 * Refuses, with a SegmentError: invalid coordinates or fewer than 2 usable points
 * (CORE_SEGMENT_INVALID), a line under 100 m (CORE_SEGMENT_TOO_SHORT), and a line that is
 * mostly standing still (CORE_SEGMENT_STATIONARY): all within 50 m of its start, or less than
 * half of its length made of moves beyond the 7 m jitter radius that activity distances use.
 */
export function describeSegment(
  lat: ArrayLike<number>,
  lon: ArrayLike<number>,
  elevation?: ArrayLike<number> | null,
): SegmentProfile {
  const line = usableLine(lat, lon);
  const n = line.lat.length;
  const cum = line.cumM;
  const distanceM = cum[n - 1]!;
  if (distanceM < MIN_SEGMENT_M) {
    throw new SegmentError(
      'CORE_SEGMENT_TOO_SHORT',
      `the segment is ${Math.round(distanceM)} m long; segments must be at least ${MIN_SEGMENT_M} m`,
      { distanceM, minimumM: MIN_SEGMENT_M },
    );
  }
  const { spreadM, movingM } = movement(line.lat, line.lon);
  if (spreadM < MIN_SPREAD_M || movingM < MIN_MOVING_SHARE * distanceM) {
    throw new SegmentError(
      'CORE_SEGMENT_STATIONARY',
      `the segment is mostly standing still: it never goes more than ${Math.round(spreadM)} m ` +
        `from its start, and only ${Math.round(movingM)} of its ${Math.round(distanceM)} m are ` +
        'movement beyond GPS jitter',
      { spreadM, movingM, distanceM },
    );
  }
  const profile = elevation ? altitudeProfile(cum, line.source, elevation) : null;
  return {
    distanceM,
    avgGradePct: profile?.avgGradePct ?? 0,
    maxGradePct: profile?.maxGradePct ?? 0,
    elevHighM: profile?.high ?? null,
    elevLowM: profile?.low ?? null,
    elevGainM: profile?.gain ?? null,
    start: [line.lat[0]!, line.lon[0]!],
    end: [line.lat[n - 1]!, line.lon[n - 1]!],
    along: { index: line.source, distanceM: cum, altitudeM: profile?.smoothed ?? null },
  };
}

/** How far the line gets from its start, and how much of it is movement beyond jitter. */
function movement(lat: Float64Array, lon: Float64Array): { spreadM: number; movingM: number } {
  const scale = new LocalScale();
  let spreadM = 0;
  let movingM = 0;
  let aLat = lat[0]!;
  let aLon = lon[0]!;
  for (let k = 1; k < lat.length; k++) {
    const from0 = scale.distance(lat[0]!, lon[0]!, lat[k]!, lon[k]!);
    if (from0 > spreadM) spreadM = from0;
    // As activity distance: a move counts once the point is 7 m from the last counted one.
    const d = scale.distance(aLat, aLon, lat[k]!, lon[k]!);
    if (d >= JITTER_RADIUS_M) {
      movingM += d;
      aLat = lat[k]!;
      aLon = lon[k]!;
    }
  }
  return { spreadM, movingM };
}

interface Altitude {
  avgGradePct: number;
  maxGradePct: number;
  high: number;
  low: number;
  gain: number;
  /** Smoothed altitude at each usable point of the line (NaN where it had none). */
  smoothed: Float64Array;
}

/**
 * Core's exponential smoothing (ElevationCounter, with distance in place of time) run forward
 * and backward and averaged, so the profile is not shifted along the line. Each end is first
 * extended by its point reflection over four smoothing lengths, so both passes are settled at
 * the ends and a steady climb keeps its true start and end altitude.
 */
function zeroPhaseSmooth(d: readonly number[], e: readonly number[]): Float64Array {
  const m = d.length;
  const reach = 4 * PROFILE_SMOOTHING_M;
  let head = 0;
  while (head + 1 < m && d[head + 1]! - d[0]! <= reach) head++;
  let tail = 0;
  while (tail + 1 < m && d[m - 1]! - d[m - 2 - tail]! <= reach) tail++;
  const len = head + m + tail;
  const pd = new Float64Array(len);
  const pe = new Float64Array(len);
  for (let k = 0; k < head; k++) {
    pd[k] = 2 * d[0]! - d[head - k]!;
    pe[k] = 2 * e[0]! - e[head - k]!;
  }
  for (let k = 0; k < m; k++) {
    pd[head + k] = d[k]!;
    pe[head + k] = e[k]!;
  }
  for (let k = 0; k < tail; k++) {
    pd[head + m + k] = 2 * d[m - 1]! - d[m - 2 - k]!;
    pe[head + m + k] = 2 * e[m - 1]! - e[m - 2 - k]!;
  }
  const fwd = new Float64Array(len);
  const ahead = new ElevationCounter(PROFILE_SMOOTHING_M, 0);
  for (let k = 0; k < len; k++) {
    ahead.step(pe[k]!, k ? pd[k]! - pd[k - 1]! : 0, true);
    fwd[k] = ahead.smoothed;
  }
  const out = new Float64Array(m);
  const back = new ElevationCounter(PROFILE_SMOOTHING_M, 0);
  for (let k = len - 1; k >= 0; k--) {
    back.step(pe[k]!, k < len - 1 ? pd[k + 1]! - pd[k]! : 0, true);
    if (k >= head && k < head + m) out[k - head] = (fwd[k]! + back.smoothed) / 2;
  }
  return out;
}

/**
 * The altitude profile over distance: smoothed without lag (above), gain counted with the
 * activity hysteresis, and grades measured over 50 m so that a metre of altitude noise between two
 * close points cannot make a 60 % "max grade".
 */
function altitudeProfile(
  cum: Float64Array,
  source: Uint32Array,
  elevation: ArrayLike<number>,
): Altitude | null {
  const d: number[] = [];
  const e: number[] = [];
  const at: number[] = [];
  for (let k = 0; k < source.length; k++) {
    const v = elevation[source[k]!];
    if (v !== undefined && Number.isFinite(v)) {
      d.push(cum[k]!);
      e.push(v);
      at.push(k);
    }
  }
  const m = d.length;
  if (m < 2) return null;
  const smooth = zeroPhaseSmooth(d, e);
  const gain = new ElevationCounter(0, ELEVATION_PARAMS.barometric.thresholdM);
  let high = smooth[0]!;
  let low = smooth[0]!;
  for (let k = 0; k < m; k++) {
    gain.step(smooth[k]!, 0, true);
    if (smooth[k]! > high) high = smooth[k]!;
    if (smooth[k]! < low) low = smooth[k]!;
  }
  const run = d[m - 1]! - d[0]!;
  let maxGrade = Number.NEGATIVE_INFINITY;
  let lo = 0;
  for (let k = 1; k < m; k++) {
    // the longest stretch ending at k that is at most the window long
    while (d[k]! - d[lo]! > GRADE_WINDOW_M) lo++;
    const from = lo > 0 && d[k]! - d[lo]! < GRADE_WINDOW_M ? lo - 1 : lo;
    const span = d[k]! - d[from]!;
    if (span >= GRADE_WINDOW_M || (from === 0 && k === m - 1 && span > 0)) {
      const g = (100 * (smooth[k]! - smooth[from]!)) / span;
      if (g > maxGrade) maxGrade = g;
    }
  }
  const smoothed = new Float64Array(source.length).fill(Number.NaN);
  for (let k = 0; k < m; k++) smoothed[at[k]!] = smooth[k]!;
  return {
    smoothed,
    avgGradePct: run > 0 ? (100 * (smooth[m - 1]! - smooth[0]!)) / run : 0,
    maxGradePct: Number.isFinite(maxGrade) ? maxGrade : 0,
    high,
    low,
    gain: gain.gain,
  };
}
