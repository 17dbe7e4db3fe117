import { describe, expect, it } from 'vitest';
import { syntheticTrack } from '../testing/synthetic.js';
import { decodePolyline, encodePolyline } from './encode.js';
import { summaryPolyline } from './index.js';
import { simplifyIndices } from './simplify.js';

describe('encoded polyline', () => {
  it('encodes the reference example of the algorithm description', () => {
    const lat = [38.5, 40.7, 43.252];
    const lon = [-120.2, -120.95, -126.453];
    expect(encodePolyline(lat, lon)).toBe('_p~iF~ps|U_ulLnnqC_mqNvxq`@');
    const d = decodePolyline('_p~iF~ps|U_ulLnnqC_mqNvxq`@');
    expect(Array.from(d.lat)).toEqual(lat);
    expect(Array.from(d.lon)).toEqual(lon);
  });

  it('round-trips to 1e-5° and skips samples without a position', () => {
    const { track } = syntheticTrack({ seed: 3, sport: 'run', seconds: 300 });
    const lat = Float64Array.from(track.lat);
    lat[10] = Number.NaN;
    const d = decodePolyline(encodePolyline(lat, track.lon));
    expect(d.lat.length).toBe(299);
    expect(Math.abs(d.lat[11]! - track.lat[12]!)).toBeLessThanOrEqual(5e-6 + 1e-12);
  });

  it('rejects a truncated string', () => {
    expect(() => decodePolyline('_p~iF~ps|U_ulL')).toThrow(RangeError);
  });
});

describe('simplification', () => {
  it('keeps a straight line as its two ends', () => {
    const lat = Array.from({ length: 100 }, (_, i) => 45 + i * 1e-4);
    const lon = Array.from({ length: 100 }, () => 7);
    expect(Array.from(simplifyIndices(lat, lon, { toleranceM: 0.5 }))).toEqual([0, 99]);
  });

  it('bounds the point count and keeps the ends and the farthest corner', () => {
    const { track } = syntheticTrack({ seed: 5, sport: 'ride', seconds: 7200 });
    for (const max of [2, 10, 300]) {
      const keep = simplifyIndices(track.lat, track.lon, { maxPoints: max });
      expect(keep.length).toBeLessThanOrEqual(max);
      expect(keep.length).toBeGreaterThanOrEqual(Math.min(max, 2));
      expect(keep[0]).toBe(0);
      expect(keep[keep.length - 1]).toBe(track.length - 1);
      for (let i = 1; i < keep.length; i++) expect(keep[i]!).toBeGreaterThan(keep[i - 1]!);
    }
    expect(summaryPolyline(track.lat, track.lon).length).toBeLessThan(300 * 12);
  });

  it('equals plain Douglas–Peucker at the chosen tolerance (nested importances)', () => {
    const { track } = syntheticTrack({ seed: 9, sport: 'run', seconds: 600 });
    const a = simplifyIndices(track.lat, track.lon, { toleranceM: 20 });
    const b = simplifyIndices(track.lat, track.lon, { toleranceM: 10 });
    // A coarser tolerance keeps a subset of a finer one.
    const fine = new Set(b);
    for (const i of a) expect(fine.has(i)).toBe(true);
  });
});
