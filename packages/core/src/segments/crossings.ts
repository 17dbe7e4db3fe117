import type { Track } from '../track.js';
import { G_KX0, G_KX1, G_KY, G_LAT0, G_LON0, G_START_UX, G_START_UY } from './prepare.js';

/**
 * Forward crossings of one segment's start gate, in track order. Crossing k lies on the step
 * from sample i0[k] to sample i1[k] (consecutive usable samples), a fraction u[k] along it;
 * a recording that begins on the gate line has i0 = i1 and u = 0.
 */
export class Crossings {
  n = 0;
  readonly i0: number[] = [];
  readonly i1: number[] = [];
  readonly u: number[] = [];
  clear(): void {
    this.n = 0;
  }
  push(i0: number, i1: number, u: number): void {
    const k = this.n++;
    this.i0[k] = i0;
    this.i1[k] = i1;
    this.u[k] = u;
  }
}

/**
 * Metres added around a gate when its box is turned into degrees: covers float32 rounding in
 * the index and the change of scale across the box.
 */
export const GATE_BOX_PAD_M = 3;
/** A recording may begin this far past the start line and still count as starting on it. */
export const ON_LINE_M = 1;

/**
 * Appends the forward start-gate crossings of the steps between usable samples `from`…`to`.
 * Each sample gets a 4-bit outcode against the gate's box in degrees, and a step is projected
 * into the segment's frame only when its two ends are not both beyond one side of the box
 * (Cohen–Sutherland), so a track far from the gate costs four comparisons per sample.
 * `first`: `from` is the track's first usable sample (which may lie on the line).
 */
export function findStartCrossings(
  track: Track,
  g: Float64Array,
  from: number,
  to: number,
  first: boolean,
  halfWidthM: number,
  out: Crossings,
): void {
  const { lat, lon, time } = track;
  const lat0 = g[G_LAT0]!;
  const lon0 = g[G_LON0]!;
  const kx0 = g[G_KX0]!;
  const kx1 = g[G_KX1]!;
  const ky = g[G_KY]!;
  const ux = g[G_START_UX]!;
  const uy = g[G_START_UY]!;
  const dLat = (halfWidthM * Math.abs(ux) + GATE_BOX_PAD_M) / ky;
  const dLon = (halfWidthM * Math.abs(uy) + GATE_BOX_PAD_M) / kx0;
  const minLa = lat0 - dLat;
  const maxLa = lat0 + dLat;
  const minLo = lon0 - dLon;
  const maxLo = lon0 + dLon;
  let pi = -1;
  let pc = 0;
  for (let i = from; i <= to; i++) {
    const la = lat[i]!;
    const lo = lon[i]!;
    if (Number.isNaN(la) || Number.isNaN(lo) || Number.isNaN(time[i]!)) continue;
    const code =
      (la < minLa ? 1 : 0) | (la > maxLa ? 2 : 0) | (lo < minLo ? 4 : 0) | (lo > maxLo ? 8 : 0);
    if (pi >= 0 ? (code & pc) === 0 : first && code === 0) {
      const dla = la - lat0;
      const x = (lo - lon0) * (kx0 + kx1 * dla);
      const y = dla * ky;
      const a1 = x * ux + y * uy;
      const l1 = y * ux - x * uy;
      if (pi < 0) {
        if (a1 >= 0 && a1 <= ON_LINE_M && Math.abs(l1) <= halfWidthM) out.push(i, i, 0);
      } else {
        const pla = lat[pi]! - lat0;
        const px = (lon[pi]! - lon0) * (kx0 + kx1 * pla);
        const py = pla * ky;
        const a0 = px * ux + py * uy;
        if (a0 < 0 && a1 >= 0) {
          const u = a0 / (a0 - a1);
          const l0 = py * ux - px * uy;
          if (Math.abs(l0 + u * (l1 - l0)) <= halfWidthM) out.push(pi, i, u);
        }
      }
    }
    pi = i;
    pc = code;
  }
}
