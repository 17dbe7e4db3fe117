import { destination, rulerDistance, seededRandom } from '@stride/core';
import type { SyntheticSample } from './synthetic-activity.js';

/** A fixed route: the same streets every time, so segments on it match everyone who goes there. */
export interface Route {
  /** Vertices [lat, lng]. */
  points: Array<[number, number]>;
  /** Elevation (m) at a distance along the route. */
  elevation(distanceM: number): number;
}

/** A route from a start point and legs of (bearing in degrees, length in metres). */
export function routeFrom(
  start: [number, number],
  legs: ReadonlyArray<readonly [number, number]>,
  elevation: (distanceM: number) => number,
): Route {
  const points: Array<[number, number]> = [start];
  for (const [bearing, length] of legs) {
    const [lat, lng] = points.at(-1)!;
    points.push(destination(lat, lng, length, bearing));
  }
  return { points, elevation };
}

/** Cumulative distance at each vertex. */
function cumulative(points: ReadonlyArray<[number, number]>): Float64Array {
  const cum = new Float64Array(points.length);
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    cum[i] = cum[i - 1]! + rulerDistance(a[0], a[1], b[0], b[1]);
  }
  return cum;
}

/** The point `s` metres along the route (clamped to its ends). */
export function pointAt(route: Route, s: number, cum = cumulative(route.points)): [number, number] {
  const pts = route.points;
  const total = cum[cum.length - 1]!;
  const d = Math.max(0, Math.min(total, s));
  let i = 1;
  while (i < pts.length - 1 && cum[i]! < d) i++;
  const f = (d - cum[i - 1]!) / Math.max(1e-9, cum[i]! - cum[i - 1]!);
  const [a, b] = [pts[i - 1]!, pts[i]!];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
}

export function routeLength(route: Route): number {
  const cum = cumulative(route.points);
  return cum[cum.length - 1]!;
}

/** Points every `stepM` metres from `fromM` to `toM` along the route: a line someone could draw. */
export function routeLine(
  route: Route,
  fromM: number,
  toM: number,
  stepM = 50,
): Array<[number, number]> {
  const cum = cumulative(route.points);
  const out: Array<[number, number]> = [];
  for (let s = fromM; s < toM; s += stepM) out.push(pointAt(route, s, cum));
  out.push(pointAt(route, toM, cum));
  return out;
}

export interface RouteActivityOptions {
  seed: number;
  sport: 'Run' | 'Ride';
  /** Start time, seconds since the epoch. */
  startTime: number;
  /** Average speed on the flat, m/s. */
  speedMps: number;
}

/**
 * One go along the whole route at 1 Hz: speed varying a few percent around `speedMps` (slower
 * uphill), GPS error that wanders a couple of metres, heart rate and cadence. Deterministic
 * for a given seed.
 */
export function routeActivity(route: Route, o: RouteActivityOptions): SyntheticSample[] {
  const rnd = seededRandom(`route:${o.seed}`);
  const cum = cumulative(route.points);
  const total = cum[cum.length - 1]!;
  const ride = o.sport === 'Ride';
  const samples: SyntheticSample[] = [];
  const mPerDegLat = 111_195;
  let s = 0;
  let t = o.startTime;
  let hr = ride ? 110 : 125;
  let nx = 0;
  let ny = 0;
  for (;;) {
    const [lat, lng] = pointAt(route, s, cum);
    const grade = (route.elevation(s + 5) - route.elevation(s - 5)) / 10;
    nx = 0.9 * nx + (rnd() - 0.5) * 0.8;
    ny = 0.9 * ny + (rnd() - 0.5) * 0.8;
    hr += (150 + grade * 300 - hr) * 0.05;
    samples.push({
      t,
      lat: lat + ny / mPerDegLat,
      lng: lng + nx / (mPerDegLat * Math.cos((lat * Math.PI) / 180)),
      ele: Math.round(route.elevation(s) * 10) / 10,
      hr: Math.round(hr),
      cad: Math.round((ride ? 88 : 86) + (rnd() - 0.5) * 4),
      ...(ride ? { power: Math.round(200 + grade * 1500 + (rnd() - 0.5) * 30) } : {}),
    });
    if (s >= total) return samples;
    const speed = o.speedMps * (1 - grade * (ride ? 5 : 2.5)) * (0.97 + rnd() * 0.06);
    s = Math.min(total, s + Math.max(0.5, speed));
    t += 1;
  }
}
