import { encodePolyline } from './encode.js';
import { SUMMARY_MAX_POINTS, simplifyIndices } from './simplify.js';

export { decodePolyline, encodePolyline } from './encode.js';
export { SUMMARY_MAX_POINTS, simplifyIndices } from './simplify.js';

/** Strava-style `map.summary_polyline`: RDP-simplified to a bounded point count, encoded. */
export function summaryPolyline(
  lat: ArrayLike<number>,
  lon: ArrayLike<number>,
  maxPoints = SUMMARY_MAX_POINTS,
): string {
  const keep = simplifyIndices(lat, lon, { maxPoints });
  const la = new Float64Array(keep.length);
  const lo = new Float64Array(keep.length);
  keep.forEach((i, k) => {
    la[k] = lat[i]!;
    lo[k] = lon[i]!;
  });
  return encodePolyline(la, lo);
}
