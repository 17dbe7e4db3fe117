/**
 * Smooth playback of a live track: the dot runs a little behind the newest point (about two
 * batch intervals), at the athlete's own pace, so it glides along the received points instead
 * of jumping from batch to batch. When it falls further behind (a late viewer, a backlog after
 * the athlete was offline) it plays faster until it is back.
 */

/** How far behind the newest point the dot runs (seconds): two live batches. */
export const PLAYBACK_LAG_S = 10;

export interface TimedPoint {
  t: number;
  lat: number;
  lng: number;
}

/** Where the playhead starts for a track that ends at `lastT` and starts at `firstT`. */
export function startHead(firstT: number, lastT: number): number {
  return Math.max(firstT, lastT - PLAYBACK_LAG_S);
}

/**
 * The playhead `dtS` seconds later: real time while within PLAYBACK_LAG_S of the newest point,
 * faster in proportion as it lags more; never before the first point nor past the last.
 */
export function advanceHead(head: number, dtS: number, firstT: number, lastT: number): number {
  if (!(lastT >= firstT)) return head;
  const from = Math.min(Math.max(head, firstT), lastT);
  const lag = lastT - from;
  const rate = Math.max(1, lag / PLAYBACK_LAG_S);
  return Math.min(lastT, from + Math.max(0, dtS) * rate);
}

/** Index of the last point at or before `t` (-1 when `t` is before the first). */
export function indexAt(points: readonly TimedPoint[], t: number): number {
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.t <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The position at time `t`, on the straight line between the points around it. */
export function positionAt(
  points: readonly TimedPoint[],
  t: number,
): { lat: number; lng: number } | null {
  if (!points.length) return null;
  const i = indexAt(points, t);
  if (i < 0) return { lat: points[0]!.lat, lng: points[0]!.lng };
  const a = points[i]!;
  const b = points[i + 1];
  if (!b || b.t === a.t) return { lat: a.lat, lng: a.lng };
  const f = Math.min(1, Math.max(0, (t - a.t) / (b.t - a.t)));
  return { lat: a.lat + (b.lat - a.lat) * f, lng: a.lng + (b.lng - a.lng) * f };
}
