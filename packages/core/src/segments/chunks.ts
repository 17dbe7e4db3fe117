import { scaleAt } from '../geo/ruler.js';
import type { Track } from '../track.js';
import { GATE_BOX_PAD_M } from './crossings.js';

/** A chunk ends after this many steps … */
export const CHUNK_MAX_STEPS = 32;
/** … or once its box is this wide or tall, whichever comes first. */
export const CHUNK_MAX_M = 60;

/**
 * The track cut into runs of consecutive usable samples: chunk c spans samples from[c]…to[c]
 * (consecutive chunks share their boundary sample, so every step is in exactly one chunk),
 * with its box in degrees grown by the gate half-width. One index query per chunk finds the
 * start points a step of the chunk could cross a gate of; short chunks keep the boxes small
 * where segments are dense, and cost a few hundred queries for an hour's ride.
 */
export class TrackChunks {
  n = 0;
  from = new Int32Array(0);
  to = new Int32Array(0);
  /** minLat, minLon, maxLat, maxLon per chunk, grown by the gate half-width. */
  box = new Float64Array(0);
  /** The union of the chunk boxes; minLat > maxLat when the track has no usable sample. */
  readonly all = new Float64Array(4);

  build(track: Track, halfWidthM: number): void {
    const { lat, lon, time } = track;
    const cap = Math.max(1, track.length);
    if (this.from.length < cap) {
      this.from = new Int32Array(cap);
      this.to = new Int32Array(cap);
      this.box = new Float64Array(4 * cap);
    }
    const { from, to, box, all } = this;
    all[0] = all[1] = Number.POSITIVE_INFINITY;
    all[2] = all[3] = Number.NEGATIVE_INFINITY;
    let n = 0;
    let kx = 0;
    let ky = 0;
    let steps = -1; // steps in the open chunk; -1: none open
    let a0 = 0;
    let o0 = 0;
    let a1 = 0;
    let o1 = 0;
    let last = -1;
    const close = (end: number) => {
      to[n] = end;
      box[4 * n] = a0;
      box[4 * n + 1] = o0;
      box[4 * n + 2] = a1;
      box[4 * n + 3] = o1;
      n++;
    };
    for (let i = 0; i < track.length; i++) {
      const la = lat[i]!;
      const lo = lon[i]!;
      if (Number.isNaN(la) || Number.isNaN(lo) || Number.isNaN(time[i]!)) continue;
      last = i;
      if (steps < 0) {
        const k = scaleAt(la);
        kx = k[0]!;
        ky = k[1]!;
        from[n] = i;
        a0 = a1 = la;
        o0 = o1 = lo;
        steps = 0;
        continue;
      }
      if (la < a0) a0 = la;
      if (la > a1) a1 = la;
      if (lo < o0) o0 = lo;
      if (lo > o1) o1 = lo;
      steps++;
      if (
        steps >= CHUNK_MAX_STEPS ||
        (a1 - a0) * ky >= CHUNK_MAX_M ||
        (o1 - o0) * kx >= CHUNK_MAX_M
      ) {
        close(i);
        from[n] = i;
        a0 = a1 = la;
        o0 = o1 = lo;
        steps = 0;
      }
    }
    if (steps > 0) close(last);
    this.n = n;
    // Grow every box by the gate half-width (plus a margin for float32 storage and the
    // change of scale with latitude), using the smallest scale the track reaches.
    for (let c = 0; c < n; c++) {
      const b = 4 * c;
      const k = scaleAt(Math.max(Math.abs(box[b]!), Math.abs(box[b + 2]!)));
      const dLat = (halfWidthM + GATE_BOX_PAD_M) / (k[1]! * 0.999);
      const dLon = (halfWidthM + GATE_BOX_PAD_M) / (k[0]! * 0.999);
      box[b] = box[b]! - dLat;
      box[b + 1] = box[b + 1]! - dLon;
      box[b + 2] = box[b + 2]! + dLat;
      box[b + 3] = box[b + 3]! + dLon;
      if (box[b]! < all[0]!) all[0] = box[b]!;
      if (box[b + 1]! < all[1]!) all[1] = box[b + 1]!;
      if (box[b + 2]! > all[2]!) all[2] = box[b + 2]!;
      if (box[b + 3]! > all[3]!) all[3] = box[b + 3]!;
    }
  }
}
