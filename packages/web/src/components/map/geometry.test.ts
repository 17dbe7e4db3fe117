import { encodePolyline } from '@stride/core';
import { describe, expect, it } from 'vitest';
import { boundsOf, circleRing, isTrack, routeToLngLat, svgPath } from './geometry.js';

describe('map geometry', () => {
  it('turns [lat, lng] pairs into GeoJSON order and skips missing positions', () => {
    expect(routeToLngLat([[45.76, 4.83], null, [45.77, 4.84]])).toEqual([
      [4.83, 45.76],
      [4.84, 45.77],
    ]);
  });

  it('decodes an encoded polyline, and treats a broken one as no route', () => {
    const encoded = encodePolyline([45.76, 45.77], [4.83, 4.84]);
    expect(routeToLngLat(encoded)).toEqual([
      [4.83, 45.76],
      [4.84, 45.77],
    ]);
    expect(routeToLngLat(encoded.slice(0, -1))).toEqual([]);
    expect(routeToLngLat(null)).toEqual([]);
  });

  it('takes two positions or more for a track: none indoors, nor a lone fix', () => {
    expect(isTrack([null, [45.76, 4.83], null, [45.77, 4.84]])).toBe(true);
    expect(isTrack([null, null, null])).toBe(false);
    expect(isTrack([[45.76, 4.83], null])).toBe(false);
    expect(isTrack(encodePolyline([45.76, 45.77], [4.83, 4.84]))).toBe(true);
    expect(isTrack(encodePolyline([45.76], [4.83]))).toBe(false);
    expect(isTrack(null)).toBe(false);
    expect(isTrack('')).toBe(false);
  });

  it('bounds the positions west-south to east-north', () => {
    expect(
      boundsOf([
        [4.9, 45.7],
        [4.8, 45.8],
        [4.85, 45.75],
      ]),
    ).toEqual([
      [4.8, 45.7],
      [4.9, 45.8],
    ]);
    expect(boundsOf([])).toBeNull();
  });

  it('draws a closed circle whose vertices lie at the radius', () => {
    const ring = circleRing(45.76, 4.83, 500, 32);
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual(ring[32]);
    // 500 m north is 500 / 111,195 m per degree of latitude (mean sphere).
    expect(ring[0]![1] - 45.76).toBeCloseTo(500 / 111_194.9, 6);
    expect(ring[0]![0]).toBeCloseTo(4.83, 9);
  });
});

describe('svgPath', () => {
  it('fits the route in the box, north up, keeping its proportions', () => {
    // 0.01° of latitude is 1.11 km; at 60° N, 0.02° of longitude is the same distance.
    const d = svgPath(
      [
        [10, 60],
        [10.02, 60],
        [10.02, 60.01],
      ],
      100,
      100,
      0,
    );
    expect(d).toBe('M0.0,100.0L100.0,100.0L100.0,0.0');
  });

  it('centres a route narrower than the box and drops repeated pixels', () => {
    const d = svgPath(
      [
        [10, 60],
        [10, 60.00000001],
        [10, 60.01],
      ],
      100,
      50,
      5,
    );
    expect(d).toBe('M50.0,45.0L50.0,5.0');
  });

  it('has nothing to draw for fewer than two points', () => {
    expect(svgPath([[10, 60]], 100, 100)).toBeNull();
  });
});
