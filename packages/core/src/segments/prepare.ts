import { scaleAt } from '../geo/ruler.js';
import { simplifyIndices } from '../polyline/simplify.js';
import { SegmentError } from './errors.js';
import { locate, usableLine } from './line.js';

/** A segment as stored: an id and its line (WGS84 degrees; NaN entries are skipped). */
export interface SegmentLine {
  id: string;
  lat: ArrayLike<number>;
  lon: ArrayLike<number>;
}

/**
 * A segment ready for matching. Everything the matcher needs is packed into one Float64Array
 * (`geometry`, layout below) so a million segments cost one small object and one typed array
 * each, not an object per vertex.
 */
export interface PreparedSegment {
  readonly id: string;
  /** Length of the segment line, metres (local WGS84 scale, as activity distances). */
  readonly distanceM: number;
  readonly startLat: number;
  readonly startLon: number;
  readonly endLat: number;
  readonly endLon: number;
  /** Bounding box of the line, degrees. */
  readonly minLat: number;
  readonly minLon: number;
  readonly maxLat: number;
  readonly maxLon: number;
  /** Vertices kept after simplification (the ordered checkpoints are the inner ones). */
  readonly vertexCount: number;
  /** Packed frame, gates and simplified vertices; read by the matcher, not by callers. */
  readonly geometry: Float64Array;
}

/**
 * Vertices are kept where the line bends by more than this (Ramer–Douglas–Peucker). 5 m is
 * below GPS error, so corridor distances to the simplified line are within 5 m of the true
 * ones, and the kept vertices are the bends a shortcut would cut.
 */
export const SIMPLIFY_TOLERANCE_M = 5;
/** The gates face the line's mean direction over its first / last 30 m, not one noisy step. */
export const GATE_DIRECTION_M = 30;

// Layout of `geometry`. The frame is a local plane with its origin at the start point:
//   x = (lon − lon0) · (kx0 + kx1 · (lat − lat0)),  y = (lat − lat0) · ky   (metres)
// with the ruler's metres per degree at lat0 and its first-order change with latitude, so
// distances between nearby points stay within centimetres anywhere on a 10 km segment.
export const G_LAT0 = 0;
export const G_LON0 = 1;
export const G_KX0 = 2;
export const G_KX1 = 3;
export const G_KY = 4;
export const G_MIN_LAT = 5;
export const G_MIN_LON = 6;
export const G_MAX_LAT = 7;
export const G_MAX_LON = 8;
/** Unit direction of the start gate (the gate line is perpendicular to it, through 0,0). */
export const G_START_UX = 9;
export const G_START_UY = 10;
/** End gate: a point (the last vertex) and its unit direction. */
export const G_END_X = 11;
export const G_END_Y = 12;
export const G_END_UX = 13;
export const G_END_UY = 14;
export const G_END_LAT = 15;
export const G_END_LON = 16;
export const G_VERTICES = 17;
export const G_DISTANCE = 18;
/** Simplified vertices follow as x0, y0, x1, y1, … (metres in the frame). */
export const G_HEADER = 19;

class Prepared implements PreparedSegment {
  constructor(
    readonly id: string,
    readonly geometry: Float64Array,
  ) {}
  get distanceM(): number {
    return this.geometry[G_DISTANCE]!;
  }
  get startLat(): number {
    return this.geometry[G_LAT0]!;
  }
  get startLon(): number {
    return this.geometry[G_LON0]!;
  }
  get endLat(): number {
    return this.geometry[G_END_LAT]!;
  }
  get endLon(): number {
    return this.geometry[G_END_LON]!;
  }
  get minLat(): number {
    return this.geometry[G_MIN_LAT]!;
  }
  get minLon(): number {
    return this.geometry[G_MIN_LON]!;
  }
  get maxLat(): number {
    return this.geometry[G_MAX_LAT]!;
  }
  get maxLon(): number {
    return this.geometry[G_MAX_LON]!;
  }
  get vertexCount(): number {
    return this.geometry[G_VERTICES]!;
  }
}

/**
 * Precomputes what matching needs: the local frame, the two gates and the simplified line.
 * Throws CORE_SEGMENT_INVALID for lines without two distinct usable points; length and
 * stationarity rules are describeSegment's (a stored segment is matched whatever its length).
 */
export function prepareSegment(line: SegmentLine): PreparedSegment {
  const { lat, lon, cumM } = usableLine(line.lat, line.lon);
  const n = lat.length;
  const distanceM = cumM[n - 1]!;
  if (!(distanceM > 0)) {
    throw new SegmentError('CORE_SEGMENT_INVALID', 'every point of the segment line is the same', {
      id: line.id,
    });
  }
  const keep = simplifyIndices(lat, lon, { toleranceM: SIMPLIFY_TOLERANCE_M });
  const nv = keep.length;
  const g = new Float64Array(G_HEADER + 2 * nv);
  const lat0 = lat[0]!;
  const lon0 = lon[0]!;
  const k0 = scaleAt(lat0);
  const kx1 = (scaleAt(lat0 + 0.01)[0]! - scaleAt(lat0 - 0.01)[0]!) / 0.02;
  const kx0 = k0[0]!;
  const ky = k0[1]!;
  g[G_LAT0] = lat0;
  g[G_LON0] = lon0;
  g[G_KX0] = kx0;
  g[G_KX1] = kx1;
  g[G_KY] = ky;
  let minLat = lat0;
  let maxLat = lat0;
  let minLon = lon0;
  let maxLon = lon0;
  for (let k = 1; k < n; k++) {
    const la = lat[k]!;
    const lo = lon[k]!;
    if (la < minLat) minLat = la;
    if (la > maxLat) maxLat = la;
    if (lo < minLon) minLon = lo;
    if (lo > maxLon) maxLon = lo;
  }
  g[G_MIN_LAT] = minLat;
  g[G_MIN_LON] = minLon;
  g[G_MAX_LAT] = maxLat;
  g[G_MAX_LON] = maxLon;
  const reach = Math.min(GATE_DIRECTION_M, distanceM / 2);
  const out = new Float64Array(2);
  pointAt(g, lat, lon, cumM, reach, out);
  const sx = out[0]!;
  const sy = out[1]!;
  pointAt(g, lat, lon, cumM, distanceM - reach, out);
  const bx = out[0]!;
  const by = out[1]!;
  const endLat = lat[n - 1]!;
  const endLon = lon[n - 1]!;
  project(g, endLat, endLon, out);
  const ex = out[0]!;
  const ey = out[1]!;
  const sLen = Math.hypot(sx, sy);
  const eLen = Math.hypot(ex - bx, ey - by);
  if (!(sLen > 0) || !(eLen > 0)) {
    throw new SegmentError('CORE_SEGMENT_INVALID', 'the segment line has no direction at an end', {
      id: line.id,
    });
  }
  g[G_START_UX] = sx / sLen;
  g[G_START_UY] = sy / sLen;
  g[G_END_X] = ex;
  g[G_END_Y] = ey;
  g[G_END_UX] = (ex - bx) / eLen;
  g[G_END_UY] = (ey - by) / eLen;
  g[G_END_LAT] = endLat;
  g[G_END_LON] = endLon;
  g[G_VERTICES] = nv;
  g[G_DISTANCE] = distanceM;
  for (let v = 0; v < nv; v++) {
    project(g, lat[keep[v]!]!, lon[keep[v]!]!, out);
    g[G_HEADER + 2 * v] = out[0]!;
    g[G_HEADER + 2 * v + 1] = out[1]!;
  }
  return new Prepared(line.id, g);
}

/** A position in the segment's frame (the same arithmetic as the matcher's, bit for bit). */
function project(g: Float64Array, la: number, lo: number, out: Float64Array): void {
  const dla = la - g[G_LAT0]!;
  out[0] = (lo - g[G_LON0]!) * (g[G_KX0]! + g[G_KX1]! * dla);
  out[1] = dla * g[G_KY]!;
}

/** The point `d` metres along the line, in the frame. */
function pointAt(
  g: Float64Array,
  lat: Float64Array,
  lon: Float64Array,
  cumM: Float64Array,
  d: number,
  out: Float64Array,
): void {
  const [k, f] = locate(cumM, d);
  project(g, lat[k]! + f * (lat[k + 1]! - lat[k]!), lon[k]! + f * (lon[k + 1]! - lon[k]!), out);
}
