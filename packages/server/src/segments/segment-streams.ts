import { decodePolyline, rulerDistance, type SegmentProfile } from '@stride/core';
import type { SegmentStreamsData } from '../platform/db/schema.js';

/** A segment's profile keeps at most this many samples: more than a phone's chart has pixels. */
export const PROFILE_MAX_POINTS = 500;

/** Streams of a segment: positions and distance always; altitude only for lines that had it. */
export type SegmentStreams = Omit<SegmentStreamsData, 'altitude'> & {
  altitude: SegmentStreamsData['altitude'] | null;
};

const round = (v: number, per: number) => Math.round(v * per) / per;

/**
 * The profile stored with a segment cut from an activity: positions, distance along the line
 * and the smoothed altitude its grades and elevations come from, at up to PROFILE_MAX_POINTS
 * samples spread evenly over the line (always its first and last). Null without altitude.
 */
export function profileStreams(
  lat: readonly number[],
  lon: readonly number[],
  along: SegmentProfile['along'],
): SegmentStreamsData | null {
  const altitude = along.altitudeM;
  if (!altitude) return null;
  const n = along.index.length;
  const count = Math.min(n, PROFILE_MAX_POINTS);
  const out: SegmentStreamsData = { latlng: [], distance: [], altitude: [] };
  for (let j = 0; j < count; j++) {
    const k = count < 2 ? 0 : Math.round((j * (n - 1)) / (count - 1));
    const i = along.index[k]!;
    // 1e-6° (~10 cm) and 0.1 m: finer than GPS, and a few kilobytes a segment.
    out.latlng.push([round(lat[i]!, 1e6), round(lon[i]!, 1e6)]);
    out.distance.push(round(along.distanceM[k]!, 10));
    const a = altitude[k]!;
    out.altitude.push(Number.isFinite(a) ? round(a, 10) : null);
  }
  return out;
}

/** Streams of a line with no stored profile (a drawn one): its vertices and their distance. */
export function lineStreams(polyline: string): SegmentStreams {
  const { lat, lon } = decodePolyline(polyline);
  const latlng: [number, number][] = [];
  const distance: number[] = [];
  let along = 0;
  for (let i = 0; i < lat.length; i++) {
    if (i > 0) along += rulerDistance(lat[i - 1]!, lon[i - 1]!, lat[i]!, lon[i]!);
    latlng.push([lat[i]!, lon[i]!]);
    distance.push(round(along, 10));
  }
  return { latlng, distance, altitude: null };
}
