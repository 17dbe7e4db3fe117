/**
 * Synthetic geometry for segment tests and benchmarks: paths drawn in metres on a local plane
 * and turned into WGS84 lines and tracks, so the exact time an athlete crosses any point is
 * known (constant speed along a known path).
 */
import { scaleAt } from '../geo/ruler.js';
import type { SegmentLine } from '../segments/prepare.js';
import { type Track, trackFromColumns } from '../track.js';

export type XY = readonly [number, number];

/** A local plane (metres east, north) around an origin, by the ruler's scale there. */
export class Plane {
  readonly kx: number;
  readonly ky: number;
  constructor(
    readonly lat0 = 45.76,
    readonly lon0 = 4.84,
  ) {
    const k = scaleAt(lat0);
    this.kx = k[0]!;
    this.ky = k[1]!;
  }
  lat(y: number): number {
    return this.lat0 + y / this.ky;
  }
  lon(x: number): number {
    return this.lon0 + x / this.kx;
  }
  line(id: string, points: readonly XY[]): SegmentLine {
    return {
      id,
      lat: Float64Array.from(points, (p) => this.lat(p[1])),
      lon: Float64Array.from(points, (p) => this.lon(p[0])),
    };
  }
}

export function pathLengthXY(points: readonly XY[]): number {
  let s = 0;
  for (let i = 1; i < points.length; i++)
    s += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
  return s;
}

/** The point `d` metres along the path (clamped to its ends) and the unit direction there. */
export function along(
  points: readonly XY[],
  d: number,
): { x: number; y: number; dx: number; dy: number } {
  let rest = Math.max(0, d);
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    const len = Math.hypot(bx - ax, by - ay);
    if (len === 0) continue;
    if (rest <= len || i === points.length - 1) {
      const f = Math.min(1, rest / len);
      return {
        x: ax + f * (bx - ax),
        y: ay + f * (by - ay),
        dx: (bx - ax) / len,
        dy: (by - ay) / len,
      };
    }
    rest -= len;
  }
  const [x, y] = points[0]!;
  return { x, y, dx: 1, dy: 0 };
}

/** The part of the path between `from` and `to` metres along it, vertices included. */
export function cutPath(points: readonly XY[], from: number, to: number): XY[] {
  const out: XY[] = [];
  const a = along(points, from);
  out.push([a.x, a.y]);
  let s = 0;
  for (let i = 1; i < points.length; i++) {
    s += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
    if (s > from && s < to) out.push(points[i]!);
  }
  const b = along(points, to);
  out.push([b.x, b.y]);
  return out;
}

export interface RideOptions {
  /** The path followed, metres on the plane. */
  path: readonly XY[];
  speedMps: number;
  /** Sample times, seconds after t0. */
  times: readonly number[];
  /** Metres along the path at t0 (default 0). */
  startM?: number;
  t0?: number;
  /** Offset to the left of the direction of travel at each sample, metres (GPS error). */
  lateral?: (i: number) => number;
}

/** A track moving along `path` at constant speed, sampled at the given times. */
export function rideAlong(plane: Plane, o: RideOptions): Track {
  const n = o.times.length;
  const time = new Float64Array(n);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const t0 = o.t0 ?? 1_700_000_000;
  for (let i = 0; i < n; i++) {
    const p = along(o.path, (o.startM ?? 0) + o.speedMps * o.times[i]!);
    const off = o.lateral ? o.lateral(i) : 0;
    time[i] = t0 + o.times[i]!;
    lat[i] = plane.lat(p.y + off * p.dx);
    lon[i] = plane.lon(p.x - off * p.dy);
  }
  return trackFromColumns({ time, lat, lon });
}

/** Sample times from 0 to `seconds` with steps drawn from [minDt, maxDt] by `random`. */
export function irregularTimes(
  random: () => number,
  seconds: number,
  minDt: number,
  maxDt: number,
  first = 0,
): number[] {
  const out: number[] = [];
  for (let t = first; t <= seconds; t += minDt + (maxDt - minDt) * random()) out.push(t);
  return out;
}

/** Times every `dt` seconds from 0 to `seconds`. */
export function regularTimes(seconds: number, dt = 1, first = 0): number[] {
  const out: number[] = [];
  for (let t = first; t <= seconds + 1e-9; t += dt) out.push(t);
  return out;
}

/**
 * A street-like segment line starting at (lat0, lon0): straight runs of 60–500 m joined by
 * turns (mostly square, as in a street grid, sometimes a gentle bend), a point every `stepM`
 * with up to `noiseM` of GPS-like error, as a slice of someone's recording would be.
 */
export function streetLine(
  random: () => number,
  id: string,
  lat0: number,
  lon0: number,
  lengthM: number,
  stepM = 20,
  noiseM = 2,
): SegmentLine {
  const k = scaleAt(lat0);
  const n = Math.max(2, Math.floor(lengthM / stepM) + 1);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  let x = 0;
  let y = 0;
  let heading = random() * 2 * Math.PI;
  let leg = 60 + 440 * random();
  lat[0] = lat0;
  lon[0] = lon0;
  for (let i = 1; i < n; i++) {
    x += stepM * Math.cos(heading);
    y += stepM * Math.sin(heading);
    leg -= stepM;
    if (leg <= 0) {
      const square = random() < 0.7;
      const turn = square ? Math.PI / 2 : (0.2 + 0.6 * random()) * (Math.PI / 2);
      heading += random() < 0.5 ? turn : -turn;
      leg = 60 + 440 * random();
    }
    lat[i] = lat0 + (y + noiseM * (2 * random() - 1)) / k[1]!;
    lon[i] = lon0 + (x + noiseM * (2 * random() - 1)) / k[0]!;
  }
  return { id, lat, lon };
}

/** Samples from…to of a track as a segment line, optionally reversed and re-noised (metres). */
export function sliceLine(
  id: string,
  track: Track,
  from: number,
  to: number,
  o: { reverse?: boolean; noiseM?: number; random?: () => number } = {},
): SegmentLine {
  const n = to - from + 1;
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const k = scaleAt(track.lat[from]!);
  const noise = () => (o.noiseM && o.random ? o.noiseM * (o.random() - 0.5) * 2 : 0);
  for (let i = 0; i < n; i++) {
    const s = o.reverse ? to - i : from + i;
    lat[i] = track.lat[s]! + noise() / k[1]!;
    lon[i] = track.lon[s]! + noise() / k[0]!;
  }
  return { id, lat, lon };
}
