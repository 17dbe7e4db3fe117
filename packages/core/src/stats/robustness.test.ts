import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trackFromColumns } from '../track.js';
import { computeActivity } from './compute.js';

describe('computeActivity on imperfect input', () => {
  it('never throws and never reports NaN or Infinity, whatever the samples', () => {
    const num = (min: number, max: number) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.double({ min, max, noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 0, 100, 200, -1) },
      );
    const row = fc.record({
      dt: num(-5, 120),
      lat: num(-0.001, 0.001),
      lon: num(-0.001, 0.001),
      ele: num(-10, 10),
      hr: num(40, 200),
      power: num(0, 1500),
      dist: num(0, 50),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 120 }),
        fc.constantFrom('Run', 'Ride', 'Swim', 'Yoga'),
        fc.boolean(),
        (rows, sport, withDist) => {
          let t = 1_700_000_000;
          let d = 0;
          const track = trackFromColumns({
            time: Float64Array.from(rows, (r) => (t += r.dt)),
            lat: Float64Array.from(rows, (r) => (Math.abs(r.lat) <= 1 ? 45 + r.lat : r.lat)),
            lon: Float64Array.from(rows, (r) => (Math.abs(r.lon) <= 1 ? 7 + r.lon : r.lon)),
            elevation: Float32Array.from(rows, (r) => 300 + r.ele),
            heartRate: Float32Array.from(rows, (r) => r.hr),
            power: Float32Array.from(rows, (r) => r.power),
            distance: withDist ? Float64Array.from(rows, (r) => (d += r.dist)) : null,
          });
          const r = computeActivity(track, { sport, athlete: { maxHr: 190, weightKg: 70 } });
          // Every number anywhere in the stats (splits, laps, efforts included) is finite.
          const bad: string[] = [];
          const walk = (v: unknown, path: string): void => {
            if (typeof v === 'number' && !Number.isFinite(v)) bad.push(path);
            else if (v && typeof v === 'object')
              for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
          };
          walk(r.stats, 'stats');
          expect(bad).toEqual([]);
          expect(r.stats.moving_time).toBeLessThanOrEqual(r.stats.timer_time + 1e-6);
          expect(r.stats.timer_time).toBeLessThanOrEqual(r.stats.elapsed_time + 1e-6);
          expect(r.streams.distance.length).toBe(r.track.length);
          for (let i = 1; i < r.streams.distance.length; i++) {
            expect(r.streams.distance[i]!).toBeGreaterThanOrEqual(r.streams.distance[i - 1]!);
          }
        },
      ),
      {
        numRuns: 150,
        // A resume marker (latitude 200) stamped before the pause marker (100) once resumed
        // the timer before it paused: timer time beyond elapsed time.
        examples: [
          [
            [
              { dt: 0, lat: 0, lon: Number.NaN, ele: 0, hr: 40, power: 0, dist: 0 },
              { dt: 1, lat: 100, lon: 0, ele: 0, hr: 40, power: 0, dist: 0 },
              { dt: -0.5, lat: 200, lon: 0, ele: 0, hr: 40, power: 0, dist: 0 },
            ],
            'Run',
            false,
          ],
        ],
      },
    );
  });
});
