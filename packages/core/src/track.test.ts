import { describe, expect, it } from 'vitest';
import { filterTrack, TrackBuilder, trackFromColumns } from './track.js';

describe('TrackBuilder', () => {
  it('grows past its initial capacity and keeps every sample in order', () => {
    const b = new TrackBuilder(16);
    for (let i = 0; i < 1000; i++) b.push({ time: 1000 + i, lat: 45 + i * 1e-5, lon: 7 });
    const t = b.build();
    expect(t.length).toBe(1000);
    expect(t.time[999]).toBe(1999);
    expect(t.lat[500]).toBeCloseTo(45.005, 9);
    expect(t.heartRate).toBeNull();
  });

  it('marks a channel missing (NaN) on samples recorded before the channel first appeared', () => {
    const b = new TrackBuilder(16);
    for (let i = 0; i < 40; i++)
      b.push({ time: i, lat: 1, lon: 1, ...(i >= 30 ? { heartRate: 150 } : {}) });
    const t = b.build();
    expect(Number.isNaN(t.heartRate![0]!)).toBe(true);
    expect(Number.isNaN(t.heartRate![29]!)).toBe(true);
    expect(t.heartRate![30]).toBe(150);
  });

  it('stores non-finite input as missing rather than as a number', () => {
    const t = new TrackBuilder()
      .push({ time: 1, lat: Number.POSITIVE_INFINITY, lon: 2, power: Number.NaN })
      .build();
    expect(Number.isNaN(t.lat[0]!)).toBe(true);
    expect(Number.isNaN(t.power![0]!)).toBe(true);
  });
});

describe('trackFromColumns / filterTrack', () => {
  it('refuses columns of different lengths', () => {
    expect(() =>
      trackFromColumns({
        time: new Float64Array(3),
        lat: new Float64Array(2),
        lon: new Float64Array(3),
      }),
    ).toThrow(/lat has 2 samples/);
  });

  it('keeps every channel aligned when samples are dropped', () => {
    const t = trackFromColumns({
      time: Float64Array.from([0, 1, 2, 3]),
      lat: Float64Array.from([0, 1, 2, 3]),
      lon: Float64Array.from([0, 0, 0, 0]),
      heartRate: Float32Array.from([100, 101, 102, 103]),
    });
    const f = filterTrack(t, (i) => i % 2 === 1);
    expect(Array.from(f.time)).toEqual([1, 3]);
    expect(Array.from(f.heartRate!)).toEqual([101, 103]);
    expect(f.power).toBeNull();
  });
});
