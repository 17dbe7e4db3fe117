/**
 * What an attacker does with what a follower can read to find where an athlete starts from:
 * pure geometry on latitude/longitude pairs, in a local flat frame (fine over a few km).
 */
export type LatLng = [number, number];

const DEG = Math.PI / 180;
const M_PER_DEG = 111_195;

/** Metres between two points. */
export function metres(a: LatLng, b: LatLng): number {
  const dx = (b[1] - a[1]) * Math.cos(((a[0] + b[0]) / 2) * DEG) * M_PER_DEG;
  return Math.hypot(dx, (b[0] - a[0]) * M_PER_DEG);
}

/** A local east/north frame in metres around `ref`. */
function frame(ref: LatLng) {
  const kx = Math.cos(ref[0] * DEG) * M_PER_DEG;
  return {
    toXY: (p: LatLng): [number, number] => [(p[1] - ref[1]) * kx, (p[0] - ref[0]) * M_PER_DEG],
    toLatLng: (x: number, y: number): LatLng => [ref[0] + y / M_PER_DEG, ref[1] + x / kx],
  };
}

/**
 * Walks back from the first visible point of `path` by `distanceM`, along the direction the
 * visible track leaves in (its first ~`leadM` metres): for a straight street that is the home.
 */
export function walkBack(path: readonly LatLng[], distanceM: number, leadM = 60): LatLng | null {
  if (path.length < 2) return null;
  const f = frame(path[0]!);
  let ahead = path[1]!;
  for (const p of path) {
    ahead = p;
    if (metres(path[0]!, p) >= leadM) break;
  }
  const [x, y] = f.toXY(ahead);
  const len = Math.hypot(x, y);
  if (!(len > 0)) return null;
  return f.toLatLng((-x / len) * distanceM, (-y / len) * distanceM);
}

export function centroid(points: readonly LatLng[]): LatLng | null {
  if (!points.length) return null;
  return [
    points.reduce((s, p) => s + p[0], 0) / points.length,
    points.reduce((s, p) => s + p[1], 0) / points.length,
  ];
}

/** Least-squares (Kåsa) circle through the points; returns its centre. */
export function circleFitCentre(points: readonly LatLng[]): LatLng | null {
  if (points.length < 3) return null;
  const f = frame(points[0]!);
  const m = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const v = [0, 0, 0];
  for (const p of points) {
    const [x, y] = f.toXY(p);
    const row = [x, y, 1];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) m[i]![j]! += row[i]! * row[j]!;
      v[i]! -= row[i]! * (x * x + y * y);
    }
  }
  const s = solve3(m, v);
  return s ? f.toLatLng(-s[0]! / 2, -s[1]! / 2) : null;
}

function solve3(m: number[][], v: number[]): number[] | null {
  const a = m.map((row, i) => [...row, v[i]!]);
  for (let c = 0; c < 3; c++) {
    let p = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    if (Math.abs(a[c]![c]!) < 1e-9) return null;
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const k = a[r]![c]! / a[c]![c]!;
      for (let j = c; j < 4; j++) a[r]![j]! -= k * a[c]![j]!;
    }
  }
  return [a[0]![3]! / a[0]![0]!, a[1]![3]! / a[1]![1]!, a[2]![3]! / a[2]![2]!];
}

/** A circle the home lies on (`exact`, a straight hidden part) or inside (a winding one). */
export interface HomeCircle {
  centre: LatLng;
  radiusM: number;
  exact: boolean;
}

/**
 * The point that best fits every circle: on the exact ones, inside the others (a grid search,
 * coarse then fine, over the box the circles span).
 */
export function intersectCircles(circles: readonly HomeCircle[]): LatLng | null {
  if (!circles.length) return null;
  const f = frame(circles[0]!.centre);
  const cs = circles.map((c) => ({ xy: f.toXY(c.centre), r: c.radiusM, exact: c.exact }));
  const cost = (x: number, y: number) => {
    let sum = 0;
    for (const c of cs) {
      const d = Math.hypot(x - c.xy[0], y - c.xy[1]) - c.r;
      if (c.exact || d > 0) sum += d * d;
    }
    return sum;
  };
  const reach = Math.max(...cs.map((c) => c.r)) + 200;
  let best: [number, number] = [0, 0];
  let bestCost = Number.POSITIVE_INFINITY;
  let span = reach + Math.max(...cs.map((c) => Math.hypot(c.xy[0], c.xy[1])));
  let centre: [number, number] = [0, 0];
  for (let round = 0; round < 4; round++) {
    const step = span / 40;
    for (let i = -40; i <= 40; i++) {
      for (let j = -40; j <= 40; j++) {
        const x = centre[0] + i * step;
        const y = centre[1] + j * step;
        const k = cost(x, y);
        if (k < bestCost) {
          bestCost = k;
          best = [x, y];
        }
      }
    }
    centre = best;
    span = step * 4;
  }
  return f.toLatLng(best[0], best[1]);
}
