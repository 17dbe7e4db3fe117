import { scaleAt } from '../geo/ruler.js';
import { sportThresholds } from '../sport.js';
import { MAX_MOVING_GAP_S, MOVING_WINDOW_S } from '../stats/engine.js';
import type { Track } from '../track.js';
import type { MatchOptions } from './options.js';

/** An effort between two gate crossings: start on step i0 → i1 at u, end on j0 → j1 at v. */
export interface Span {
  i0: number;
  i1: number;
  u: number;
  j0: number;
  j1: number;
  v: number;
  startTime: number;
  endTime: number;
  /** GPS path between the crossings, metres (measured by the walk, in the segment's frame). */
  pathM: number;
}

const usable = (t: Track, i: number) =>
  !Number.isNaN(t.lat[i]!) && !Number.isNaN(t.lon[i]!) && !Number.isNaN(t.time[i]!);

const lerp = (col: ArrayLike<number>, a: number, b: number, f: number) =>
  col[a]! + f * (col[b]! - col[a]!);

/**
 * Metres between the crossings: from the `distance` stream when given (so efforts agree with
 * the activity's own distance), else the GPS path from the start crossing through every fix
 * to the end crossing.
 */
export function effortDistance(s: Span, o: MatchOptions): number {
  if (o.distance) {
    const d = lerp(o.distance, s.j0, s.j1, s.v) - lerp(o.distance, s.i0, s.i1, s.u);
    if (!Number.isNaN(d)) return d;
  }
  return s.pathM;
}

/** Seconds of the step [ta, tb] that fall inside the effort. */
function overlap(ta: number, tb: number, s: Span): number {
  return Math.max(0, Math.min(tb, s.endTime) - Math.max(ta, s.startTime));
}

/**
 * Moving seconds within the effort. With the activity's `moving` flags (one per sample, for
 * the step that ends at it) this is exactly the activity's own convention. Without them the
 * same rule is applied to the track: a step counts when it is at most MAX_MOVING_GAP_S long
 * and the straight-line speed over the trailing MOVING_WINDOW_S reaches the sport's moving
 * threshold — displacement rather than path, so GPS jitter around a standing athlete (which
 * adds path but no displacement) does not count as moving.
 */
export function effortMoving(track: Track, s: Span, o: MatchOptions): number {
  const { time } = track;
  const flags = o.moving;
  let sum = 0;
  if (flags) {
    for (let k = s.i0 + 1; k <= s.j1; k++) {
      if (flags[k]! > 0) sum += overlap(time[k - 1]!, time[k]!, s) || 0;
    }
    return sum;
  }
  // Displacements over at most a few hundred metres: the ruler's scale at the start is
  // exact enough (its change over a 10 km effort moves a threshold decision by < 0.2 %).
  const vmove = sportThresholds(o.sport).movingSpeedMps;
  const { lat, lon } = track;
  const k = scaleAt(lat[s.i0]!);
  const kx = k[0]!;
  const ky = k[1]!;
  let lo = s.i0;
  while (lo > 0 && !(time[lo]! <= time[s.i0]! - MOVING_WINDOW_S)) lo--;
  while (!usable(track, lo)) lo++;
  let q = lo; // trailing end of the window: last usable fix at or before t − window
  let a = lo;
  for (let b = lo + 1; b <= s.j1; b++) {
    if (!usable(track, b)) continue;
    const tb = time[b]!;
    for (let r = q + 1; r < b; r++) {
      if (!usable(track, r)) continue;
      if (time[r]! > tb - MOVING_WINDOW_S) break;
      q = r;
    }
    if (b > s.i0 && tb - time[a]! <= MAX_MOVING_GAP_S) {
      const span = tb - time[q]!;
      const dx = (lon[b]! - lon[q]!) * kx;
      const dy = (lat[b]! - lat[q]!) * ky;
      if (span > 0 && Math.sqrt(dx * dx + dy * dy) >= vmove * span) sum += overlap(time[a]!, tb, s);
    }
    a = b;
  }
  return sum;
}
