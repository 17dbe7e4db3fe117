// Full statistics for a 1-hour run and a 5-hour ride, and path length alone side by side with
// geolib and @turf/length (all at full precision), errors against Vincenty/WGS84.
import { lineString } from '@turf/helpers';
import length from '@turf/length';
import { getDistance, getPathLength, getPreciseDistance } from 'geolib';
import { compare, printTable } from '../../../bench/harness.js';
import { computeActivity, haversineDistance, pathLength, vincentyDistance } from '../src/index.js';
import { syntheticTrack } from '../src/testing/synthetic.js';

const run = syntheticTrack({ seed: 1, sport: 'run', seconds: 3600, stops: [[1500, 120]] }).track;
const ride = syntheticTrack({ seed: 2, sport: 'ride', seconds: 18000, stops: [[7200, 300]] }).track;

const full = compare(
  [
    { name: 'computeActivity, run 3,600 points', fn: () => computeActivity(run, { sport: 'Run' }) },
    {
      name: 'computeActivity, ride 18,000 points',
      fn: () => computeActivity(ride, { sport: 'Ride' }),
    },
  ],
  { minTimeMs: 1500 },
);
printTable(
  'Full statistics (cleaning, distance, moving, elevation, HR, power/NP, splits, laps, best efforts, zones, streams)',
  full,
  {
    'target ms': (r) => (r.name.includes('run') ? '< 2' : '< 10'),
    'µs / point': (r) => ((r.medianMs * 1000) / (r.name.includes('run') ? 3600 : 18000)).toFixed(3),
  },
);

const t = ride;
const points = Array.from(t.lat, (lat, i) => ({ latitude: lat, longitude: t.lon[i]! }));
const coords = Array.from(t.lat, (lat, i) => [t.lon[i]!, lat]);
const line = lineString(coords);
let reference = 0;
for (let i = 1; i < t.length; i++)
  reference += vincentyDistance(t.lat[i - 1]!, t.lon[i - 1]!, t.lat[i]!, t.lon[i]!);

function haversinePath(): number {
  let s = 0;
  for (let i = 1; i < t.length; i++)
    s += haversineDistance(t.lat[i - 1]!, t.lon[i - 1]!, t.lat[i]!, t.lon[i]!);
  return s;
}

const impls: Record<string, () => number> = {
  'stride pathLength (local WGS84 scale)': () => pathLength(t.lat, t.lon),
  'haversine over Float64Array': haversinePath,
  '@turf/length (meters)': () => length(line, { units: 'meters' }),
  'geolib.getPathLength + getDistance(accuracy 1e-6)': () =>
    getPathLength(points, (a, b) => getDistance(a, b, 1e-6)),
  'geolib.getPathLength + getPreciseDistance(1e-6)': () =>
    getPathLength(points, (a, b) => getPreciseDistance(a, b, 1e-6)),
  'geolib.getPathLength default (1 m rounding)': () => getPathLength(points),
};
const values = Object.fromEntries(Object.entries(impls).map(([k, f]) => [k, f()]));
const dist = compare(
  Object.entries(impls).map(([name, fn]) => ({ name, fn })),
  { minTimeMs: 1500, minRounds: 10 },
);
printTable(
  `Path length, ride 18,000 points (Vincenty reference ${(reference / 1000).toFixed(3)} km)`,
  dist,
  {
    km: (r) => (values[r.name]! / 1000).toFixed(3),
    'error vs Vincenty': (r) =>
      `${(((values[r.name]! - reference) / reference) * 100).toFixed(3)} %`,
  },
);
