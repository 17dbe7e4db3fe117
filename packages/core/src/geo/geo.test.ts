import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { destination, haversineDistance, vincentyDistance } from './reference.js';
import { pathLength, rulerDistance } from './ruler.js';

describe('geodesic distance', () => {
  it('matches Vincenty on WGS84 within 0.01 % for a 10 km path sampled every 3 m', () => {
    for (const [lat0, bearing] of [
      [0, 90],
      [45, 30],
      [60, 0],
      [-33.9, 200],
    ] as const) {
      const n = 3334;
      const lat = new Float64Array(n);
      const lon = new Float64Array(n);
      let [la, lo]: [number, number] = [lat0, 18.4];
      let ref = 0;
      for (let i = 0; i < n; i++) {
        if (i > 0) {
          const [a, b] = destination(la, lo, 3, bearing);
          ref += vincentyDistance(la, lo, a, b);
          [la, lo] = [a, b];
        }
        lat[i] = la;
        lon[i] = lo;
      }
      const got = pathLength(lat, lon);
      expect(Math.abs(got - ref) / ref).toBeLessThan(1e-4);
    }
  });

  it('knows that one degree of latitude at the equator is 110 574 m (WGS84)', () => {
    expect(vincentyDistance(0, 0, 1, 0)).toBeCloseTo(110_574.4, 0);
    expect(rulerDistance(0.4995, 0, 0.5005, 0) * 1000).toBeCloseTo(110_574.4, -1);
  });

  it('agrees with haversine within the sphere/ellipsoid difference (< 0.6 %)', () => {
    const h = haversineDistance(48.85, 2.35, 48.86, 2.36);
    const r = rulerDistance(48.85, 2.35, 48.86, 2.36);
    expect(Math.abs(h - r) / r).toBeLessThan(0.006);
  });

  it('skips samples without a position and wraps the antimeridian', () => {
    const lat = Float64Array.from([10, Number.NaN, 10]);
    const lon = Float64Array.from([179.9999, 0, -179.9999]);
    expect(pathLength(lat, lon)).toBeCloseTo(rulerDistance(10, 179.9999, 10, -179.9999), 9);
    expect(pathLength(lat, lon)).toBeLessThan(30);
  });

  it('is additive and non-negative over any split of a path', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -0.01, max: 0.01, noNaN: true }),
            fc.double({ min: -0.01, max: 0.01, noNaN: true }),
          ),
          { minLength: 2, maxLength: 60 },
        ),
        fc.nat(),
        (steps, cut) => {
          const n = steps.length;
          const lat = new Float64Array(n);
          const lon = new Float64Array(n);
          let a = 45;
          let b = 7;
          steps.forEach(([da, db], i) => {
            a += da;
            b += db;
            lat[i] = a;
            lon[i] = b;
          });
          const k = 1 + (cut % (n - 1));
          const whole = pathLength(lat, lon);
          const parts = pathLength(lat, lon, 0, k + 1) + pathLength(lat, lon, k, n);
          expect(whole).toBeGreaterThanOrEqual(0);
          expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1e-9 * Math.max(1, whole));
        },
      ),
    );
  });
});
