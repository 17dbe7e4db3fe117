import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Plane, sliceLine } from '../testing/segments.js';
import { prng } from '../testing/synthetic.js';
import { type Track, trackFromColumns } from '../track.js';
import { matchSegment } from './match.js';
import { prepareSegment } from './prepare.js';

const plane = new Plane(52.37, 4.9);

/** A wandering track: speed v, samples every 1–5 s, turns no tighter than `radiusM`. */
function wander(seed: number, n: number, v: number, radiusM: number, noiseM = 0): Track {
  const r = prng(seed);
  const time = new Float64Array(n);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  let [x, y, t, h] = [0, 0, 0, r() * 2 * Math.PI];
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const dt = 1 + 4 * r();
      const step = v * dt;
      h += (step / radiusM) * (2 * r() - 1);
      x += step * Math.cos(h);
      y += step * Math.sin(h);
      t += dt;
    }
    time[i] = 1_700_000_000 + t;
    lat[i] = plane.lat(y + noiseM * (2 * r() - 1));
    lon[i] = plane.lon(x + noiseM * (2 * r() - 1));
  }
  return trackFromColumns({ time, lat, lon });
}

const params = fc.record({
  seed: fc.integer({ min: 1, max: 1e9 }),
  v: fc.double({ min: 1.5, max: 12, noNaN: true }),
  a: fc.double({ min: 0, max: 0.6, noNaN: true }),
  len: fc.double({ min: 0.15, max: 0.4, noNaN: true }),
});

type Params = { seed: number; v: number; a: number; len: number };
/** Fixes a noisy track needs before a cut to be sure to cross its start line from behind. */
const LEAD_FIXES = 10;
/** A track of n samples and the sample range [k0, k1] a segment is cut from. */
function cutOf({ seed, v, a, len }: Params, n: number, radiusM = 150, noiseM = 0) {
  const track = wander(seed, n, v, radiusM, noiseM);
  return { track, k0: Math.floor(a * n), k1: Math.min(n - 1, Math.floor((a + len) * n)) };
}

describe('segment matching properties', () => {
  it('always finds a segment cut from the same smooth track, at exactly the cut samples', () => {
    fc.assert(
      fc.property(params, (p) => {
        const { track, k0, k1 } = cutOf(p, 400);
        const segment = prepareSegment(sliceLine('cut', track, k0, k1));
        fc.pre(segment.distanceM >= 100);
        const found = matchSegment(track, segment).filter(
          (m) => m.startIndex === k0 && m.endIndex === k1,
        );
        expect(found).toHaveLength(1);
        expect(found[0]!.elapsedS).toBeCloseTo(track.time[k1]! - track.time[k0]!, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('finds it on a noisy track too, within a few samples of the cut', () => {
    fc.assert(
      fc.property(params, (p) => {
        const { track, k0, k1 } = cutOf(p, 400, 150, 3);
        // The track must come up to the start from behind it, or begin on it (the first fix).
        // With 3 m of noise the one fix before a cut at the second fix may already lie past the
        // start line, and a recording that begins past the start is no effort (seed 894401631,
        // v 1.5, a 0.0025). LEAD_FIXES fixes, at least 1.5 m apart, outrun any noise.
        fc.pre(k0 === 0 || k0 >= LEAD_FIXES);
        const segment = prepareSegment(sliceLine('cut', track, k0, k1));
        fc.pre(segment.distanceM >= 100);
        const near = (t: number, k: number) => Math.abs(t - track.time[k]!) <= 3 * 5;
        const found = matchSegment(track, segment).filter(
          (m) => near(m.startTime, k0) && near(m.endTime, k1),
        );
        expect(found).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it('finds a segment cut to the very last sample', () => {
    // a + len = 1 once put the cut one past the end: the segment must end on the last sample.
    const p = { seed: 1, v: 1.5, a: 0.6, len: 0.4 };
    for (const noiseM of [0, 3]) {
      const { track, k0, k1 } = cutOf(p, 400, 150, noiseM);
      expect(k1).toBe(track.length - 1);
      const segment = prepareSegment(sliceLine('end', track, k0, k1));
      const found = matchSegment(track, segment).filter(
        (m) => Math.abs(m.endTime - track.time[k1]!) <= 15,
      );
      expect(found).toHaveLength(1);
    }
  });

  it('never matches the same smooth line ridden backwards', () => {
    fc.assert(
      fc.property(params, (p) => {
        const { track, k0, k1 } = cutOf(p, 400);
        const reversed = prepareSegment(sliceLine('rev', track, k0, k1, { reverse: true }));
        expect(matchSegment(track, reversed)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('gives efforts inside the track, in order, never overlapping, moving ≤ elapsed', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 30, max: 400 }), fc.boolean(), (p, radiusM, noisy) => {
        // Tight turns make the track cross itself and its segments many times.
        const { track, k0, k1 } = cutOf(p, 600, radiusM, noisy ? 4 : 0);
        const r = prng(p.seed + 1);
        const segment = prepareSegment(sliceLine('s', track, k0, k1, { noiseM: 5, random: r }));
        const efforts = matchSegment(track, segment);
        const first = track.time[0]!;
        const last = track.time[track.length - 1]!;
        let prevEnd = first;
        for (const m of efforts) {
          expect(m.startTime).toBeGreaterThanOrEqual(prevEnd);
          expect(m.endTime).toBeGreaterThan(m.startTime);
          expect(m.endTime).toBeLessThanOrEqual(last);
          expect(m.elapsedS).toBeLessThanOrEqual(last - first);
          expect(m.startIndex).toBeLessThan(m.endIndex);
          expect(track.time[m.startIndex]!).toBeLessThanOrEqual(m.startTime);
          expect(track.time[m.endIndex]!).toBeGreaterThanOrEqual(m.endTime);
          expect(m.movingS).toBeGreaterThanOrEqual(0);
          expect(m.movingS).toBeLessThanOrEqual(m.elapsedS + 1e-9);
          expect(m.distanceM).toBeGreaterThan(0);
          prevEnd = m.endTime;
        }
      }),
      { numRuns: 200 },
    );
  });
});
