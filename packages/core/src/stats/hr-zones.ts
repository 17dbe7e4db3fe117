import type { Series } from './series.js';

export interface ZoneTime {
  /** Lower bound, bpm (inclusive). */
  min: number;
  /** Upper bound, bpm (exclusive); -1 for the open top zone, as Strava writes it. */
  max: number;
  /** Timer seconds spent in the zone. */
  time: number;
}

/** Default zones as fractions of max HR (the common 5-zone model: <60, 60–70, …, ≥90 %). */
export const DEFAULT_HR_ZONE_FRACTIONS = [0.6, 0.7, 0.8, 0.9] as const;

/** Zone lower bounds (after the first, which starts at 0) from a max heart rate. */
export function hrZoneBounds(maxHr: number): number[] {
  return DEFAULT_HR_ZONE_FRACTIONS.map((f) => Math.round(f * maxHr));
}

/**
 * Timer seconds per zone; `bounds` are the ascending lower bounds of zones 2..N. Each
 * sample's heart rate covers the step ending at it (the same weighting as average HR), so the
 * zone times sum to the time with heart rate.
 */
export function timeInHrZones(s: Series, bounds: readonly number[]): ZoneTime[] {
  const times = new Float64Array(bounds.length + 1);
  const A = s.active;
  const hr = s.hr;
  for (let j = 1; j < s.n; j++) {
    const h = hr[j]!;
    if (Number.isNaN(h)) continue;
    const dt = A[j]! - A[j - 1]!;
    if (dt <= 0) continue;
    let z = 0;
    while (z < bounds.length && h >= bounds[z]!) z++;
    times[z] = times[z]! + dt;
  }
  return Array.from(times, (time, z) => ({
    min: z === 0 ? 0 : bounds[z - 1]!,
    max: z < bounds.length ? bounds[z]! : -1,
    time,
  }));
}
