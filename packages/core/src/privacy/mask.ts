import { filterTrack, type Track } from '../track.js';
import { seededRandom } from './random.js';
import { hiddenCircleForActivity, type PrivacyZone } from './zones.js';

export interface PrivacyOptions {
  /** Used to vary the clipping per activity, deterministically. */
  activityId: string;
  zones: readonly PrivacyZone[];
  /** Hide the first / last metres of every activity (Strava's "hide start/end"). */
  hideStartM?: number;
  hideEndM?: number;
  /** The athlete's secret, seeding the per-activity variation of the start/end distances. */
  secret?: string;
}

const DEG = Math.PI / 180;
const M_PER_DEG = 111_195.08; // mean Earth radius × π/180

/**
 * Which samples another person may not see: 1 = hidden. A sample is hidden when it lies in the
 * activity's hidden circle of any zone (see `hiddenCircle`) or within the hidden start or end
 * distance. The start/end distances vary per activity between N and 1.5 N so that the first
 * visible points do not all sit exactly N metres along the path from home.
 * Samples without a position stay visible: they carry no location.
 */
export function privacyMask(
  lat: Float64Array,
  lon: Float64Array,
  options: PrivacyOptions,
): Uint8Array {
  const n = lat.length;
  const mask = new Uint8Array(n);
  for (const zone of options.zones) {
    const c = hiddenCircleForActivity(zone, options.activityId);
    hideZone(lat, lon, c.lat, c.lng, c.radiusM, c.radiusM + zone.radiusM, mask);
  }
  const hideStart = options.hideStartM ?? 0;
  const hideEnd = options.hideEndM ?? 0;
  if (hideStart > 0 || hideEnd > 0) {
    const random = seededRandom(`ends:${options.secret ?? ''}:${options.activityId}`);
    const startM = hideStart * (1 + 0.5 * random());
    const endM = hideEnd * (1 + 0.5 * random());
    const along = cumulativeDistance(lat, lon);
    const total = along[n - 1] ?? 0;
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(lat[i]!)) continue;
      if (along[i]! < startM || total - along[i]! < endM) mask[i] = 1;
    }
    if (startM > 0) hideUntilAway(lat, lon, along, startM, 1, mask);
    if (endM > 0) hideUntilAway(lat, lon, along, endM, -1, mask);
    hideEndsLikeZones(
      lat,
      lon,
      Math.max(hideStart, hideEnd),
      hideStart > 0,
      hideEnd > 0,
      options,
      mask,
    );
  }
  return mask;
}

/**
 * Hiding N metres along the path, even until N metres away, still gives home away: the first
 * visible points of many runs from home lie on a ring around it, and their average or a
 * circle fit through them lands near its centre. So each hidden end is also treated as a
 * privacy zone of radius N around the track's first (last) fix, with the zones' secret shift
 * (`hiddenCircle`): the visible ends then centre on a point 2–2.5 N from home in a direction
 * only the server knows. Start and end share one shift and radius (the larger N), so the two
 * ends of a loop centre on the same point and cannot be played off against each other.
 */
function hideEndsLikeZones(
  lat: Float64Array,
  lon: Float64Array,
  radiusM: number,
  start: boolean,
  end: boolean,
  options: PrivacyOptions,
  mask: Uint8Array,
): void {
  const n = lat.length;
  const ends: number[] = [];
  if (start) {
    let i = 0;
    while (i < n && Number.isNaN(lat[i]!)) i++;
    if (i < n) ends.push(i);
  }
  if (end) {
    let i = n - 1;
    while (i >= 0 && Number.isNaN(lat[i]!)) i--;
    if (i >= 0) ends.push(i);
  }
  for (const i of ends) {
    const zone = { lat: lat[i]!, lng: lon[i]!, radiusM, secret: `ends:${options.secret ?? ''}` };
    const c = hiddenCircleForActivity(zone, options.activityId);
    hideZone(lat, lon, c.lat, c.lng, c.radiusM, c.radiusM + radiusM, mask);
  }
}

/**
 * Along the path is not enough: on winding streets the first visible point after N metres
 * can be much nearer than N to where the track began. So from the first fix (or, `dir` = -1,
 * back from the last) samples stay hidden until one is at least `m` along the path and `m`
 * from that fix as the crow flies. A track that never gets that far is hidden entirely.
 */
function hideUntilAway(
  lat: Float64Array,
  lon: Float64Array,
  along: Float64Array,
  m: number,
  dir: 1 | -1,
  mask: Uint8Array,
): void {
  const n = lat.length;
  let o = dir === 1 ? 0 : n - 1;
  while (o >= 0 && o < n && Number.isNaN(lat[o]!)) o += dir;
  if (o < 0 || o >= n) return;
  const kx = Math.cos(lat[o]! * DEG) * M_PER_DEG;
  for (let i = o; i >= 0 && i < n; i += dir) {
    const dx = (lon[i]! - lon[o]!) * kx;
    const dy = (lat[i]! - lat[o]!) * M_PER_DEG;
    const path = Math.abs(along[i]! - along[o]!);
    if (path >= m && dx * dx + dy * dy >= m * m) return;
    mask[i] = 1;
  }
}

/**
 * Hides, for one hidden circle (centre, radius ρ), every sample inside it, and more where a
 * track leaves from or returns to it. Clipping at the first exit is not enough: for tracks
 * that wander (streets turn), the first exit points of many activities average out at their
 * common start, the home, whatever the circle (the mean exit point of a random walk is its
 * start). So the track is split at its farthest point from the circle: on the way out it is
 * hidden up to its last time inside the circle, on the way back from its first time inside.
 * Last exits of tracks that go far spread around the whole circle, centred on the circle's
 * (secretly shifted) centre rather than on the home. A track that never gets `outerM` from the
 * centre is hidden entirely.
 */
function hideZone(
  lat: Float64Array,
  lon: Float64Array,
  clat: number,
  clon: number,
  radiusM: number,
  outerM: number,
  mask: Uint8Array,
): void {
  const n = lat.length;
  const kx = Math.cos(clat * DEG) * M_PER_DEG;
  const d2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const dy = (lat[i]! - clat) * M_PER_DEG;
    let dlon = lon[i]! - clon;
    if (dlon > 180) dlon -= 360;
    else if (dlon < -180) dlon += 360;
    const dx = dlon * kx;
    d2[i] = Number.isNaN(dy) || Number.isNaN(dx) ? Number.NaN : dx * dx + dy * dy;
  }
  const r2 = radiusM * radiusM;
  const o2 = outerM * outerM;
  for (let i = 0; i < n; i++) if (d2[i]! <= r2) mask[i] = 1;
  let far = -1;
  for (let i = 0; i < n; i++) if (!Number.isNaN(d2[i]!) && (far < 0 || d2[i]! > d2[far]!)) far = i;
  if (far < 0) return;
  if (d2[far]! <= o2) {
    // Never far from the zone: nothing of it can be shown safely.
    for (let i = 0; i < n; i++) if (!Number.isNaN(d2[i]!)) mask[i] = 1;
    return;
  }
  // Out to the farthest point: hidden up to the last time inside; back: from the first time inside.
  let lastInsideBefore = -1;
  for (let i = 0; i < far; i++) if (d2[i]! <= r2) lastInsideBefore = i;
  for (let i = 0; i <= lastInsideBefore; i++) mask[i] = 1;
  let firstInsideAfter = n;
  for (let i = n - 1; i > far; i--) if (d2[i]! <= r2) firstInsideAfter = i;
  for (let i = firstInsideAfter; i < n; i++) mask[i] = 1;
}

/** A copy of the track without its hidden samples (every channel stays aligned). */
export function clipTrack(track: Track, mask: Uint8Array): Track {
  return filterTrack(track, (i) => mask[i] === 0);
}

/** Metres along the path at each sample (equirectangular steps; samples without position add 0). */
function cumulativeDistance(lat: Float64Array, lon: Float64Array): Float64Array {
  const n = lat.length;
  const out = new Float64Array(n);
  let prev = -1;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const la = lat[i]!;
    if (!Number.isNaN(la) && !Number.isNaN(lon[i]!)) {
      if (prev >= 0) {
        const kx = Math.cos(((la + lat[prev]!) / 2) * DEG);
        const dx = (lon[i]! - lon[prev]!) * kx * M_PER_DEG;
        const dy = (la - lat[prev]!) * M_PER_DEG;
        sum += Math.sqrt(dx * dx + dy * dy);
      }
      prev = i;
    }
    out[i] = sum;
  }
  return out;
}
