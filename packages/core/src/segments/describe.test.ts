import { describe, expect, it } from 'vitest';
import { StrideCoreError } from '../errors.js';
import { Plane, type XY } from '../testing/segments.js';
import { prng } from '../testing/synthetic.js';
import { describeSegment } from './describe.js';
import { SegmentError } from './errors.js';
import { prepareSegment } from './prepare.js';

const plane = new Plane();
const line = (points: readonly XY[]) => plane.line('x', points);
const straight = (lengthM: number, stepM = 5): XY[] =>
  Array.from({ length: Math.round(lengthM / stepM) + 1 }, (_, i) => [i * stepM, 0] as const);

function refusal(f: () => unknown): SegmentError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SegmentError);
    expect(e).toBeInstanceOf(StrideCoreError);
    return e as SegmentError;
  }
  throw new Error('expected a SegmentError');
}

describe('describeSegment refuses degenerate lines', () => {
  it('refuses a line under 100 m as too short, saying how long it is', () => {
    const { lat, lon } = line(straight(80));
    const e = refusal(() => describeSegment(lat, lon));
    expect(e.code).toBe('CORE_SEGMENT_TOO_SHORT');
    expect(e.message).toMatch(/80 m long.*at least 100 m/);
  });

  it('refuses GPS jitter around one spot as stationary, even when its path is long', () => {
    const r = prng(4);
    const points = Array.from({ length: 300 }, () => [6 * (r() - 0.5), 6 * (r() - 0.5)] as const);
    const { lat, lon } = line(points);
    const e = refusal(() => describeSegment(lat, lon));
    expect(e.code).toBe('CORE_SEGMENT_STATIONARY');
    expect(e.message).toMatch(/standing still/);
  });

  it('refuses a line that stands still for most of its length before moving off', () => {
    const r = prng(5);
    const jitter = Array.from({ length: 600 }, () => [4 * (r() - 0.5), 4 * (r() - 0.5)] as const);
    const { lat, lon } = line([...jitter, ...straight(150).map(([x, y]) => [x + 10, y] as const)]);
    expect(refusal(() => describeSegment(lat, lon)).code).toBe('CORE_SEGMENT_STATIONARY');
  });

  it('refuses a back-and-forth scribble that never gets 50 m from its start', () => {
    const points: XY[] = [];
    for (let k = 0; k < 12; k++) points.push([0, 0], [30, 0]);
    const { lat, lon } = line(points);
    expect(refusal(() => describeSegment(lat, lon)).code).toBe('CORE_SEGMENT_STATIONARY');
  });

  it('refuses invalid coordinates and lines with fewer than two positions', () => {
    expect(refusal(() => describeSegment([45, 95], [4, 4])).code).toBe('CORE_SEGMENT_INVALID');
    expect(refusal(() => describeSegment([45, 45.01], [4, Infinity])).code).toBe(
      'CORE_SEGMENT_INVALID',
    );
    expect(refusal(() => describeSegment([45, Number.NaN], [4, 4])).message).toMatch(
      /at least 2 points/,
    );
    expect(refusal(() => describeSegment([45, 45.01], [4])).code).toBe('CORE_SEGMENT_INVALID');
    expect(refusal(() => prepareSegment({ id: 'p', lat: [45, 45], lon: [4, 4] })).code).toBe(
      'CORE_SEGMENT_INVALID',
    );
  });
});

describe('describeSegment profiles', () => {
  // 1 km east: 500 m rising at 6 %, then 500 m flat, a point every 5 m.
  const points = straight(1000);
  const truth = (x: number) => (x <= 500 ? 0.06 * x : 30) + 200;

  it('measures distance, grades, altitude range and gain of a known climb', () => {
    const { lat, lon } = line(points);
    const p = describeSegment(
      lat,
      lon,
      points.map(([x]) => truth(x)),
    );
    expect(p.distanceM).toBeCloseTo(1000, 0);
    expect(Math.abs(p.avgGradePct - 3)).toBeLessThan(0.1);
    expect(p.maxGradePct).toBeGreaterThan(5.7);
    expect(p.maxGradePct).toBeLessThan(6.3);
    expect(p.elevLowM).toBeCloseTo(200, 0);
    expect(p.elevHighM).toBeCloseTo(230, 0);
    expect(p.elevGainM).toBeGreaterThan(28);
    expect(p.elevGainM).toBeLessThan(31);
    expect(p.start[0]).toBeCloseTo(lat[0]!, 12);
    expect(p.end[1]).toBeCloseTo(lon[lon.length - 1]!, 12);
  });

  it('gives the smoothed profile point by point, the one its figures come from', () => {
    const { lat, lon } = line(points);
    const p = describeSegment(
      lat,
      lon,
      points.map(([x]) => truth(x)),
    );
    const { index, distanceM, altitudeM } = p.along;
    expect(index).toHaveLength(points.length);
    expect(distanceM[0]).toBe(0);
    expect(distanceM.at(-1)).toBeCloseTo(p.distanceM, 9);
    // Midway up the climb and on the flat, away from the bend the smoothing rounds off.
    expect(altitudeM![50]).toBeCloseTo(truth(250), 0);
    expect(altitudeM![180]).toBeCloseTo(truth(900), 0);
    expect(Math.max(...altitudeM!)).toBe(p.elevHighM);
    expect(Math.min(...altitudeM!)).toBe(p.elevLowM);
  });

  it('keeps GPS altitude noise from making a steep max grade', () => {
    const r = prng(8);
    const { lat, lon } = line(points);
    const noisy = points.map(([x]) => truth(x) + 3 * (r() - 0.5) * 2);
    const p = describeSegment(lat, lon, noisy);
    expect(p.maxGradePct).toBeLessThan(10);
    expect(p.maxGradePct).toBeGreaterThan(4);
    expect(Math.abs(p.avgGradePct - 3)).toBeLessThan(0.6);
    expect(p.elevGainM).toBeLessThan(45);
  });

  it('reports no altitude figures for a line without altitude, skipping missing points', () => {
    const { lat, lon } = line(points);
    lat[10] = Number.NaN;
    const p = describeSegment(lat, lon, null);
    expect(p).toMatchObject({ avgGradePct: 0, maxGradePct: 0, elevHighM: null, elevGainM: null });
    expect(p.distanceM).toBeCloseTo(1000, 0);
    expect(p.along.altitudeM).toBeNull();
    expect(p.along.index).toHaveLength(points.length - 1);
    expect(p.along.index[10]).toBe(11);
  });
});
