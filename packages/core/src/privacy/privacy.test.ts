import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { destination } from '../geo/reference.js';
import { trackFromColumns } from '../track.js';
import { clipTrack, privacyMask } from './mask.js';
import { seededRandom } from './random.js';
import { hiddenCircle, type PrivacyZone } from './zones.js';

/** The point `m` metres from (lat, lng) along `bearing` radians. */
const offset = (lat: number, lng: number, m: number, bearing: number) =>
  destination(lat, lng, m, (bearing * 180) / Math.PI);

const DEG = Math.PI / 180;
const M_PER_DEG = 111_195.08;

/** Metres between two points (local flat approximation; fine below a few km). */
function metres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dx = (lng2 - lng1) * Math.cos(((lat1 + lat2) / 2) * DEG) * M_PER_DEG;
  const dy = (lat2 - lat1) * M_PER_DEG;
  return Math.hypot(dx, dy);
}

/** A wandering path from (lat, lng) heading out along `bearing`, one point every ~`stepM`. */
function pathFrom(
  lat: number,
  lng: number,
  bearing: number,
  lengthM: number,
  stepM: number,
  rnd: () => number,
) {
  const n = Math.ceil(lengthM / stepM) + 1;
  const la = new Float64Array(n);
  const lo = new Float64Array(n);
  let cur: [number, number] = [lat, lng];
  let b = bearing;
  for (let i = 0; i < n; i++) {
    la[i] = cur[0];
    lo[i] = cur[1];
    b += (rnd() - 0.5) * 0.3; // streets are not straight
    cur = offset(cur[0], cur[1], stepM, b);
  }
  return { lat: la, lon: lo };
}

/** Least-squares (Kåsa) circle through points, in metres around a reference; returns the centre. */
function fitCircleCentre(points: Array<[number, number]>, ref: [number, number]): [number, number] {
  const kx = Math.cos(ref[0] * DEG) * M_PER_DEG;
  // Normal equations for x² + y² + a x + b y + c = 0.
  const m = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const v = [0, 0, 0];
  for (const [la, lo] of points) {
    const x = (lo - ref[1]) * kx;
    const y = (la - ref[0]) * M_PER_DEG;
    const row = [x, y, 1];
    const rhs = -(x * x + y * y);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) m[i]![j]! += row[i]! * row[j]!;
      v[i]! += row[i]! * rhs;
    }
  }
  const [a, b] = solve3(m, v);
  const cx = -a / 2;
  const cy = -b / 2;
  return [ref[0] + cy / M_PER_DEG, ref[1] + cx / kx];
}

function solve3(m: number[][], v: number[]): number[] {
  const a = m.map((row, i) => [...row, v[i]!]);
  for (let c = 0; c < 3; c++) {
    let p = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 4; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return [a[0]![3]! / a[0]![0]!, a[1]![3]! / a[1]![1]!, a[2]![3]! / a[2]![2]!];
}

const HOME: [number, number] = [48.8566, 2.3522];

/**
 * A random walk of `n` steps from HOME, turning fast, with `driftM` a step along `driftBearing`
 * (radians) so the run eventually leaves the neighbourhood.
 */
function wandering(
  n: number,
  stepM: number,
  driftM: number,
  driftBearing: number,
  rnd: () => number,
) {
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  let cur: [number, number] = [HOME[0], HOME[1]];
  let b = rnd() * 2 * Math.PI;
  for (let i = 0; i < n; i++) {
    lat[i] = cur[0];
    lon[i] = cur[1];
    b += (rnd() - 0.5) * 1.2;
    cur = offset(cur[0], cur[1], stepM, b);
    cur = offset(cur[0], cur[1], driftM, driftBearing);
  }
  return { lat, lon };
}

/**
 * What a stranger can learn: 50 runs leave home in random directions; the stranger sees only
 * the visible tracks and estimates home from where they begin (circle fit and centroid).
 */
function triangulate(hide: (id: string, lat: Float64Array, lon: Float64Array) => Uint8Array) {
  const rnd = seededRandom('triangulation-test');
  const ends: Array<[number, number]> = [];
  for (let k = 0; k < 50; k++) {
    const id = `activity-${k}`;
    const { lat, lon } = pathFrom(HOME[0], HOME[1], rnd() * 2 * Math.PI, 5000, 10, rnd);
    const mask = hide(id, lat, lon);
    const first = mask.indexOf(0);
    expect(first).toBeGreaterThan(0);
    ends.push([lat[first]!, lon[first]!]);
  }
  const circle = fitCircleCentre(ends, HOME);
  const centroid: [number, number] = [
    ends.reduce((s, p) => s + p[0], 0) / ends.length,
    ends.reduce((s, p) => s + p[1], 0) / ends.length,
  ];
  return {
    circleErrorM: metres(circle[0], circle[1], HOME[0], HOME[1]),
    centroidErrorM: metres(centroid[0], centroid[1], HOME[0], HOME[1]),
  };
}

describe('privacy zones', () => {
  const zone: PrivacyZone = {
    lat: HOME[0],
    lng: HOME[1],
    radiusM: 400,
    secret: 'a-secret-chosen-once',
  };

  it('resists triangulation: the estimated home is more than half the radius away', () => {
    const { circleErrorM, centroidErrorM } = triangulate((id, lat, lon) =>
      privacyMask(lat, lon, { activityId: id, zones: [zone] }),
    );
    expect(circleErrorM).toBeGreaterThan(zone.radiusM / 2);
    expect(centroidErrorM).toBeGreaterThan(zone.radiusM / 2);
  });

  it('resists triangulation by tracks that wander (the centroid of first exits would be the home)', () => {
    const rnd = seededRandom('wander');
    const ends: Array<[number, number]> = [];
    for (let k = 0; k < 50; k++) {
      const id = `w-${k}`;
      // Heading changes fast: over a few hundred metres the track is a random walk.
      const { lat, lon } = wandering(1500, 8, 2, k, rnd);
      const mask = privacyMask(lat, lon, { activityId: id, zones: [zone] });
      const first = mask.indexOf(0);
      if (first >= 0) ends.push([lat[first]!, lon[first]!]);
    }
    expect(ends.length).toBeGreaterThan(40);
    const centroid: [number, number] = [
      ends.reduce((s, p) => s + p[0], 0) / ends.length,
      ends.reduce((s, p) => s + p[1], 0) / ends.length,
    ];
    expect(metres(centroid[0], centroid[1], HOME[0], HOME[1])).toBeGreaterThan(zone.radiusM / 2);
    const circle = fitCircleCentre(ends, HOME);
    expect(metres(circle[0], circle[1], HOME[0], HOME[1])).toBeGreaterThan(zone.radiusM / 2);
  });

  it('shows the naive fixed circle around home fails the same test (so the test can fail)', () => {
    const naive = (lat: Float64Array, lon: Float64Array) => {
      const mask = new Uint8Array(lat.length);
      for (let i = 0; i < lat.length; i++)
        mask[i] = metres(lat[i]!, lon[i]!, HOME[0], HOME[1]) <= zone.radiusM ? 1 : 0;
      return mask;
    };
    const { circleErrorM } = triangulate((_id, lat, lon) => naive(lat, lon));
    expect(circleErrorM).toBeLessThan(zone.radiusM / 10);
  });

  it('hides every point within the radius of home, for any zone, activity and track', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.integer({ min: 200, max: 1600 }),
        fc.string({ minLength: 8, maxLength: 16 }),
        fc.uuid(),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.integer({ min: -1500, max: 1500 }),
        (lat, lng, radiusM, secret, activityId, bearing, passM) => {
          const z: PrivacyZone = { lat, lng, radiusM, secret };
          // A straight track passing the zone at `passM` metres from its centre.
          const [sLat, sLng] = offset(lat, lng, 3000, bearing + Math.PI);
          const [aLat, aLng] = offset(sLat, sLng, passM, bearing + Math.PI / 2);
          const rnd = seededRandom(activityId);
          const { lat: la, lon: lo } = pathFrom(
            aLat,
            aLng,
            bearing,
            6000,
            25,
            () => 0.5 + (rnd() - 0.5) * 0.1,
          );
          const mask = privacyMask(la, lo, { activityId, zones: [z] });
          for (let i = 0; i < la.length; i++) {
            if (!mask[i] && metres(la[i]!, lo[i]!, lat, lng) <= radiusM) return false;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never centres the hidden circle on the home, and keeps the home well inside it', () => {
    for (let k = 0; k < 200; k++) {
      const z = { ...zone, secret: `secret-${k}` };
      const c = hiddenCircle(z);
      const d = metres(c.lat, c.lng, z.lat, z.lng);
      expect(d).toBeGreaterThanOrEqual(2 * z.radiusM - 1);
      expect(c.radiusM - d).toBeGreaterThanOrEqual(z.radiusM - 1);
    }
  });

  it('clips one activity the same way on every read', () => {
    const { lat, lon } = pathFrom(HOME[0], HOME[1], 1, 3000, 10, seededRandom('x'));
    const a = privacyMask(lat, lon, { activityId: 'same', zones: [zone] });
    const b = privacyMask(lat, lon, { activityId: 'same', zones: [zone] });
    expect(a).toEqual(b);
  });
});

describe('hide start and end', () => {
  it('resists triangulation without any zone: the visible starts do not centre on the door', () => {
    const hideM = 400;
    const { circleErrorM, centroidErrorM } = triangulate((id, lat, lon) =>
      privacyMask(lat, lon, {
        activityId: id,
        zones: [],
        hideStartM: hideM,
        secret: 'an-athlete-secret',
      }),
    );
    expect(circleErrorM).toBeGreaterThan(hideM / 2);
    expect(centroidErrorM).toBeGreaterThan(hideM / 2);
  });

  it('hides at least the chosen distance at both ends, varying per activity', () => {
    const { lat, lon } = pathFrom(HOME[0], HOME[1], 0.3, 4000, 10, seededRandom('ends'));
    const firsts = new Set<number>();
    for (let k = 0; k < 10; k++) {
      const mask = privacyMask(lat, lon, {
        activityId: `a${k}`,
        zones: [],
        hideStartM: 500,
        hideEndM: 300,
        secret: 's',
      });
      const first = mask.indexOf(0);
      const last = mask.lastIndexOf(0);
      expect(first * 10).toBeGreaterThanOrEqual(500 - 10);
      expect((lat.length - 1 - last) * 10).toBeGreaterThanOrEqual(300 - 10);
      firsts.add(first);
    }
    expect(firsts.size).toBeGreaterThan(3);
  });

  it('clipTrack drops hidden samples from every channel together', () => {
    const t = trackFromColumns({
      time: Float64Array.from([0, 1, 2, 3]),
      lat: Float64Array.from([0, 0, 0, 0]),
      lon: Float64Array.from([0, 1e-4, 2e-4, 3e-4]),
      heartRate: Float32Array.from([90, 91, 92, 93]),
    });
    const clipped = clipTrack(t, Uint8Array.from([1, 0, 0, 1]));
    expect(Array.from(clipped.time)).toEqual([1, 2]);
    expect(Array.from(clipped.heartRate!)).toEqual([91, 92]);
  });
});

describe('hide start and end on winding streets', () => {
  it('shows no point nearer to where the track began or ended than the hidden distance', () => {
    const rnd = seededRandom('winding');
    for (let k = 0; k < 20; k++) {
      // Turning all the time: 500 m of path ends a few hundred metres from home.
      const n = 2000;
      const { lat, lon } = wandering(n, 3, 1, k, rnd);
      const mask = privacyMask(lat, lon, {
        activityId: `w${k}`,
        zones: [],
        hideStartM: 500,
        hideEndM: 500,
        secret: 's',
      });
      const first = mask.indexOf(0);
      const last = mask.lastIndexOf(0);
      if (first < 0) continue; // never got far enough: hidden entirely
      expect(metres(lat[first]!, lon[first]!, HOME[0], HOME[1])).toBeGreaterThanOrEqual(500);
      expect(metres(lat[last]!, lon[last]!, lat[n - 1]!, lon[n - 1]!)).toBeGreaterThanOrEqual(500);
    }
  });
});
