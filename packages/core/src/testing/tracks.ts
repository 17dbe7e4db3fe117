import { destination } from '../geo/reference.js';
import { type Track, trackFromColumns } from '../track.js';

export interface LineOptions {
  n: number;
  /** Metres between consecutive samples (a number or a function of the index). */
  stepM: number | ((i: number) => number);
  dtS?: number;
  bearingDeg?: number;
  lat0?: number;
  lon0?: number;
  t0?: number;
  elevation?: (i: number) => number;
  heartRate?: (i: number) => number;
  power?: (i: number) => number;
  cadence?: (i: number) => number;
  distance?: (i: number, gpsM: number) => number;
}

/** A track along a great circle (constant initial bearing per step) with known step lengths. */
export function lineTrack(o: LineOptions): Track {
  const time = new Float64Array(o.n);
  const lat = new Float64Array(o.n);
  const lon = new Float64Array(o.n);
  let la = o.lat0 ?? 46;
  let lo = o.lon0 ?? 7;
  let d = 0;
  const col = (f?: (i: number) => number) => {
    if (!f) return null;
    const c = new Float32Array(o.n);
    for (let i = 0; i < o.n; i++) c[i] = f(i);
    return c;
  };
  const dist = o.distance ? new Float64Array(o.n) : null;
  for (let i = 0; i < o.n; i++) {
    if (i > 0) {
      const step = typeof o.stepM === 'number' ? o.stepM : o.stepM(i);
      [la, lo] = destination(la, lo, step, o.bearingDeg ?? 45);
      d += step;
    }
    time[i] = (o.t0 ?? 1_700_000_000) + i * (o.dtS ?? 1);
    lat[i] = la;
    lon[i] = lo;
    if (dist) dist[i] = o.distance!(i, d);
  }
  return trackFromColumns({
    time,
    lat,
    lon,
    elevation: col(o.elevation),
    heartRate: col(o.heartRate),
    power: col(o.power),
    cadence: col(o.cadence),
    distance: dist,
  });
}
