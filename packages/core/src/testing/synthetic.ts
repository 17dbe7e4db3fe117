import { scaleAt } from '../geo/ruler.js';
import { type Track, trackFromColumns } from '../track.js';

/** mulberry32: a small seeded PRNG, so synthetic tracks are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  seed: number;
  sport: 'run' | 'ride';
  seconds: number;
  /** Samples per second (default 1). */
  hz?: number;
  /** Standard deviation of the (correlated) GPS error, metres (default 2). */
  gpsNoiseM?: number;
  /** Stops: [start second, duration s]. */
  stops?: ReadonlyArray<readonly [number, number]>;
  startLat?: number;
  startLon?: number;
}

export interface SyntheticTrack {
  track: Track;
  /** Length of the noise-free path, metres. */
  trueDistanceM: number;
}

/**
 * A plausible recording: a meandering path at a speed that varies with the terrain, rolling
 * elevation, heart rate that follows effort with a lag, cadence, power for rides, and GPS error
 * that wanders (AR(1), as real receivers drift rather than jump).
 */
export function syntheticTrack(o: SyntheticOptions): SyntheticTrack {
  const rnd = prng(o.seed);
  const gauss = () => {
    const u = Math.max(1e-12, rnd());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  const hz = o.hz ?? 1;
  const n = Math.floor(o.seconds * hz);
  const dt = 1 / hz;
  const lat0 = o.startLat ?? 45.5;
  const lon0 = o.startLon ?? 7.3;
  const k = scaleAt(lat0);
  const base = o.sport === 'ride' ? 8 : 3;
  const sigma = o.gpsNoiseM ?? 2;
  const rho = 0.95;
  const innov = sigma * Math.sqrt(1 - rho * rho);
  const time = new Float64Array(n);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const ele = new Float32Array(n);
  const hr = new Float32Array(n);
  const cad = new Float32Array(n);
  const power = o.sport === 'ride' ? new Float32Array(n) : null;
  let x = 0;
  let y = 0;
  let heading = rnd() * 2 * Math.PI;
  let nx = 0;
  let ny = 0;
  let h = 90;
  let dist = 0;
  const stops = o.stops ?? [];
  for (let i = 0; i < n; i++) {
    const t = i * dt;
    const alt = 300 + 40 * Math.sin(dist / 1500) + 15 * Math.sin(dist / 370 + 1);
    const grade = (40 / 1500) * Math.cos(dist / 1500) + (15 / 370) * Math.cos(dist / 370 + 1);
    const stopped = stops.some(([s, d]) => t >= s && t < s + d);
    const v = stopped ? 0 : Math.max(0.5, base * (1 - 4 * grade) * (1 + 0.05 * gauss()));
    if (i > 0) {
      heading += 0.05 * gauss();
      x += Math.cos(heading) * v * dt;
      y += Math.sin(heading) * v * dt;
      dist += v * dt;
    }
    nx = rho * nx + innov * gauss();
    ny = rho * ny + innov * gauss();
    time[i] = 1_700_000_000 + t;
    lon[i] = lon0 + (x + nx) / k[0]!;
    lat[i] = lat0 + (y + ny) / k[1]!;
    ele[i] = Math.round((alt + 0.3 * gauss()) * 5) / 5;
    const effort = stopped ? 0 : v / base + 5 * grade;
    h += (dt / 20) * (100 + 60 * effort - h);
    hr[i] = Math.round(h + gauss());
    cad[i] = stopped ? 0 : Math.round((o.sport === 'ride' ? 88 : 85) + 3 * gauss());
    if (power) power[i] = stopped ? 0 : Math.max(0, Math.round(200 * effort + 20 * gauss()));
  }
  return {
    track: trackFromColumns({ time, lat, lon, elevation: ele, heartRate: hr, cadence: cad, power }),
    trueDistanceM: dist,
  };
}
