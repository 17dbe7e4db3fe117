import type { Track } from '../track.js';
import type { Tolerances } from './options.js';
import {
  G_END_UX,
  G_END_UY,
  G_END_X,
  G_END_Y,
  G_HEADER,
  G_KX0,
  G_KX1,
  G_KY,
  G_LAT0,
  G_LON0,
  G_VERTICES,
} from './prepare.js';

export const FOLLOW_FAILED = -1;
/** A later start crossing reached before any progress: that one is the better start. */
export const FOLLOW_SUPERSEDED = -2;

/** Squared distance from point p to the segment a–b (all in frame metres). */
function dist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  let t = l2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / l2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return qx * qx + qy * qy;
}

/**
 * Walks the track from a start-gate crossing (step i0 → i1, fraction u) and decides whether
 * it is an effort: every later fix within the corridor of the simplified line, every inner
 * vertex passed within the checkpoint radius in order (so a shortcut that skips the middle,
 * or a turn back before the far end, never completes), then a forward crossing of the end
 * gate. Returns the sample index after the end crossing and writes [j0, j1, v, metres along
 * the track between the crossings] to `end`, or
 * FOLLOW_FAILED as soon as a fix leaves the corridor or a step is longer than the maximum
 * gap, or FOLLOW_SUPERSEDED when the next start crossing (`nextI1`) comes before any vertex
 * was reached: the same walk from there would end at the same place, with the later start.
 */
export function follow(
  track: Track,
  g: Float64Array,
  i0: number,
  i1: number,
  u: number,
  nextI1: number,
  tol: Tolerances,
  end: Float64Array,
): number {
  const { lat, lon, time } = track;
  const n = track.length;
  const lat0 = g[G_LAT0]!;
  const lon0 = g[G_LON0]!;
  const kx0 = g[G_KX0]!;
  const kx1 = g[G_KX1]!;
  const ky = g[G_KY]!;
  const ex = g[G_END_X]!;
  const ey = g[G_END_Y]!;
  const eux = g[G_END_UX]!;
  const euy = g[G_END_UY]!;
  const nv = g[G_VERTICES]!;
  const last = nv - 1; // vertex index of the end; inner vertices are 1 … last − 1
  const edges = nv - 1;
  const cor2 = tol.corridorM * tol.corridorM;
  const r2 = tol.checkpointRadiusM * tol.checkpointRadiusM;
  const gap2 = tol.maxGapM * tol.maxGapM;
  const w = tol.gateHalfWidthM;
  const H = G_HEADER;
  let pIdx = i0;
  let dla = lat[i0]! - lat0;
  let px = (lon[i0]! - lon0) * (kx0 + kx1 * dla);
  let py = dla * ky;
  const uFirst = i0 === i1 ? 0 : u;
  let firstStep = true;
  let pathM = 0; // frame metres from the start crossing to the last fix
  let c = 1; // next inner vertex to pass
  let e = 0; // edge nearest to the last fix, where the corridor search starts
  for (let j = i0 === i1 ? i1 + 1 : i1; j < n; j++) {
    const la = lat[j]!;
    const lo = lon[j]!;
    if (Number.isNaN(la) || Number.isNaN(lo) || Number.isNaN(time[j]!)) continue;
    dla = la - lat0;
    const cx = (lo - lon0) * (kx0 + kx1 * dla);
    const cy = dla * ky;
    const sx = cx - px;
    const sy = cy - py;
    const step2 = sx * sx + sy * sy;
    if (step2 > gap2) return FOLLOW_FAILED;
    const stepM = Math.sqrt(step2);
    // Inner vertices this step passes near, in order (a sparse track may pass several).
    while (c < last && dist2(g[H + 2 * c]!, g[H + 2 * c + 1]!, px, py, cx, cy) <= r2) c++;
    if (c === last) {
      const a0 = (px - ex) * eux + (py - ey) * euy;
      const a1 = (cx - ex) * eux + (cy - ey) * euy;
      if (a0 < 0 && a1 >= 0) {
        const v = a0 / (a0 - a1);
        const l0 = (py - ey) * eux - (px - ex) * euy;
        const l1 = (cy - ey) * eux - (cx - ex) * euy;
        if (Math.abs(l0 + v * (l1 - l0)) <= w && !(firstStep && v <= uFirst)) {
          end[0] = pIdx;
          end[1] = j;
          end[2] = v;
          end[3] = pathM + (v - (firstStep ? uFirst : 0)) * stepM;
          return j;
        }
      }
    }
    if (j === nextI1 && c === 1) return FOLLOW_SUPERSEDED;
    // Corridor: try the current edge and the next one; search every edge only when both
    // are too far (a corner, a hairpin), and give up when none is near enough.
    let b = H + 2 * e;
    let d2 = dist2(cx, cy, g[b]!, g[b + 1]!, g[b + 2]!, g[b + 3]!);
    if (d2 > cor2) {
      let best = Number.POSITIVE_INFINITY;
      for (let k = 0; k < edges; k++) {
        b = H + 2 * k;
        const d = dist2(cx, cy, g[b]!, g[b + 1]!, g[b + 2]!, g[b + 3]!);
        if (d < best) {
          best = d;
          e = k;
        }
      }
      if (best > cor2) return FOLLOW_FAILED;
    } else {
      while (e + 1 < edges) {
        b = H + 2 * (e + 1);
        const d = dist2(cx, cy, g[b]!, g[b + 1]!, g[b + 2]!, g[b + 3]!);
        if (d > d2) break;
        d2 = d;
        e++;
      }
    }
    pathM += (1 - (firstStep ? uFirst : 0)) * stepM;
    px = cx;
    py = cy;
    pIdx = j;
    firstStep = false;
  }
  return FOLLOW_FAILED;
}
