/**
 * Pure geometry for maps and route previews: routes arrive as [lat, lng] pairs (the API's
 * `latlng` stream, the recorder's points) or as an encoded polyline (`map.summary_polyline`);
 * MapLibre and GeoJSON want [lng, lat]. No MapLibre import here, so cards and tests can use it.
 */
import { decodePolyline, destination } from '@stride/core';

export type LatLng = readonly [number, number];
/** A route as the API gives it: [lat, lng] pairs (nulls skipped) or an encoded polyline. */
export type RouteInput = readonly (LatLng | null)[] | string | null | undefined;
/** [lng, lat], GeoJSON order. */
export type LngLat = [number, number];

/** The route's positions in GeoJSON order; an undecodable polyline counts as no route. */
export function routeToLngLat(route: RouteInput): LngLat[] {
  if (!route) return [];
  if (typeof route === 'string') {
    try {
      const { lat, lon } = decodePolyline(route);
      const out: LngLat[] = new Array(lat.length);
      for (let i = 0; i < lat.length; i++) out[i] = [lon[i]!, lat[i]!];
      return out;
    } catch {
      return [];
    }
  }
  const out: LngLat[] = [];
  for (const p of route) {
    if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) out.push([p[1], p[0]]);
  }
  return out;
}

/**
 * Whether a route is a track at all: two positions or more. An indoor ride's or a pool swim's
 * latlng stream is all nulls, and a swim leg may keep a lone fix: neither draws a line.
 */
export function isTrack(route: RouteInput): boolean {
  if (!route) return false;
  if (typeof route === 'string') return routeToLngLat(route).length > 1;
  let found = 0;
  for (const p of route)
    if (p && Number.isFinite(p[0]) && Number.isFinite(p[1]) && ++found > 1) return true;
  return false;
}

/** [[west, south], [east, north]] around the positions, or null for none. */
export function boundsOf(coords: readonly LngLat[]): [LngLat, LngLat] | null {
  if (!coords.length) return null;
  let w = 180;
  let s = 90;
  let e = -180;
  let n = -90;
  for (const [x, y] of coords) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [
    [w, s],
    [e, n],
  ];
}

/** A closed ring approximating a circle of `radiusM` around (lat, lng), GeoJSON order. */
export function circleRing(lat: number, lng: number, radiusM: number, steps = 64): LngLat[] {
  const ring: LngLat[] = [];
  for (let i = 0; i < steps; i++) {
    const [la, lo] = destination(lat, lng, radiusM, (360 * i) / steps);
    ring.push([lo, la]);
  }
  ring.push(ring[0]!);
  return ring;
}

/**
 * An SVG path of the route fitted into a w×h box (with `pad` around), north up, longitudes
 * scaled by cos(latitude) so shapes keep their proportions; null when there is no line to draw.
 */
export function svgPath(coords: readonly LngLat[], w: number, h: number, pad = 4): string | null {
  const b = boundsOf(coords);
  if (!b || coords.length < 2) return null;
  const [[west, south], [east, north]] = b;
  const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = (east - west) * kx;
  const spanY = north - south;
  const scale = Math.min(
    (w - 2 * pad) / (spanX || Number.MIN_VALUE),
    (h - 2 * pad) / (spanY || Number.MIN_VALUE),
  );
  // Centre the drawing in the box along the axis with room to spare.
  const ox = (w - spanX * scale) / 2;
  const oy = (h - spanY * scale) / 2;
  let d = '';
  let px = '';
  for (const [lng, lat] of coords) {
    const x = (ox + (lng - west) * kx * scale).toFixed(1);
    const y = (oy + (north - lat) * scale).toFixed(1);
    const p = `${x},${y}`;
    if (p === px) continue;
    d += `${d ? 'L' : 'M'}${p}`;
    px = p;
  }
  return d;
}
