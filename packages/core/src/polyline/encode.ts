/**
 * The Encoded Polyline Algorithm Format (Google; Strava's `summary_polyline`): coordinates
 * rounded to 1e-5°, each value the signed delta from the previous point, zig-zag shifted, cut
 * into 5-bit chunks with a continuation bit, offset by 63 into printable ASCII.
 * Samples without a position (NaN) are skipped.
 */
const PRECISION = 1e5;

function encodeValue(delta: number, out: number[]): void {
  let v = delta < 0 ? ~(delta << 1) : delta << 1;
  while (v >= 0x20) {
    out.push((0x20 | (v & 0x1f)) + 63);
    v >>>= 5;
  }
  out.push(v + 63);
}

export function encodePolyline(lat: ArrayLike<number>, lon: ArrayLike<number>): string {
  const codes: number[] = [];
  let pLat = 0;
  let pLon = 0;
  for (let i = 0; i < lat.length; i++) {
    const la = lat[i]!;
    const lo = lon[i]!;
    if (Number.isNaN(la) || Number.isNaN(lo)) continue;
    const iLat = Math.round(la * PRECISION);
    const iLon = Math.round(lo * PRECISION);
    encodeValue(iLat - pLat, codes);
    encodeValue(iLon - pLon, codes);
    pLat = iLat;
    pLon = iLon;
  }
  let s = '';
  for (let i = 0; i < codes.length; i += 4096) {
    s += String.fromCharCode(...codes.slice(i, i + 4096));
  }
  return s;
}

/** Decodes to [lat, lon] columns. Throws RangeError on a truncated string. */
export function decodePolyline(encoded: string): { lat: Float64Array; lon: Float64Array } {
  const lats: number[] = [];
  const lons: number[] = [];
  let i = 0;
  let lat = 0;
  let lon = 0;
  const next = (): number => {
    let shift = 0;
    let result = 0;
    let b: number;
    do {
      if (i >= encoded.length) throw new RangeError('truncated polyline');
      b = encoded.charCodeAt(i++) - 63;
      result |= (b & 0x1f) << shift;
      shift += 5;
    } while (b >= 0x20);
    return result & 1 ? ~(result >>> 1) : result >>> 1;
  };
  while (i < encoded.length) {
    lat += next();
    lon += next();
    lats.push(lat / PRECISION);
    lons.push(lon / PRECISION);
  }
  return { lat: Float64Array.from(lats), lon: Float64Array.from(lons) };
}
