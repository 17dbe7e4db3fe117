import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodecError } from '../errors.js';
import { syntheticTrack } from '../testing/synthetic.js';
import { type Track, trackFromColumns } from '../track.js';
import { decodeStreams, encodeStreams, quantize, STREAM_COLUMNS } from './codec.js';

const run600 = (): Track => {
  const { track } = syntheticTrack({ seed: 42, sport: 'run', seconds: 600 });
  return { ...track, cadence: null };
};

function expectQuantizedEqual(decoded: Track, original: Track): void {
  expect(decoded.length).toBe(original.length);
  for (const c of STREAM_COLUMNS) {
    const a = original[c.name];
    const b = decoded[c.name];
    if (!a) {
      if (c.name === 'time' || c.name === 'lat' || c.name === 'lon') continue;
      expect(b).toBeNull();
      continue;
    }
    expect(b).not.toBeNull();
    for (let i = 0; i < a.length; i++) {
      const want =
        a instanceof Float32Array ? Math.fround(quantize(c.name, a[i]!)) : quantize(c.name, a[i]!);
      expect([c.name, i, b![i]]).toEqual([c.name, i, want]);
    }
  }
}

describe('stream codec', () => {
  it('stores a 600-point run (time, latlng, altitude, HR) in at most 3 KB', () => {
    const t = run600();
    const blob = encodeStreams(t);
    expect(blob.length).toBeLessThanOrEqual(3000);
    expectQuantizedEqual(decodeStreams(blob), t);
  });

  it('writes the format version in the header and refuses other versions', () => {
    const blob = encodeStreams(run600());
    expect(blob[1]).toBe(1);
    const other = blob.slice();
    other[1] = 99;
    expect(() => decodeStreams(other)).toThrow(CodecError);
    expect(() => decodeStreams(blob.subarray(0, 20))).toThrow(CodecError);
    expect(() => decodeStreams(new Uint8Array([1, 2, 3]))).toThrow(CodecError);
  });

  it('round-trips exactly at the stored precision, gaps included', () => {
    const finite = (min: number, max: number) =>
      fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    const maybe = (a: fc.Arbitrary<number>) =>
      fc.oneof({ weight: 5, arbitrary: a }, { weight: 1, arbitrary: fc.constant(Number.NaN) });
    const sample = fc.record({
      dt: finite(0, 100),
      lat: maybe(finite(-90, 90)),
      lon: maybe(finite(-180, 180)),
      ele: maybe(finite(-500, 9000)),
      hr: maybe(fc.integer({ min: 0, max: 250 })),
      dist: maybe(finite(0, 1e6)),
    });
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 200 }), fc.boolean(), (rows, withHr) => {
        let t = 1_600_000_000.123;
        const time = Float64Array.from(rows, (r) => (t += r.dt));
        const track = trackFromColumns({
          time,
          lat: Float64Array.from(rows, (r) => r.lat),
          lon: Float64Array.from(rows, (r) => r.lon),
          elevation: Float32Array.from(rows, (r) => r.ele),
          heartRate: withHr ? Float32Array.from(rows, (r) => r.hr) : null,
          distance: Float64Array.from(rows, (r) => r.dist),
        });
        const once = decodeStreams(encodeStreams(track));
        expectQuantizedEqual(once, track);
        // Decoded values are fixed points: encoding them again changes nothing.
        expect(decodeStreams(encodeStreams(once))).toEqual(once);
      }),
      { numRuns: 60 },
    );
  });
});
