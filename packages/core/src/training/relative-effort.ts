import type { ZoneTime } from '../stats/hr-zones.js';

/**
 * Relative effort: Stride's own per-activity score, weighted minutes in heart-rate zones, in
 * the manner of Edwards' summated-zone TRIMP (Edwards 1993, "The Heart Rate Monitor Book":
 * minutes in the 50–60 … 90–100 % HRmax zones × 1 … 5). Stride halves Edwards' weights so an
 * hour of steady aerobic running (zone 3, 70–80 % of max) scores 90, and counts zone 1 (below
 * 60 %) at 0.5 per minute. Not Strava's Relative Effort, whose weights are unpublished; open
 * ended (0 … ∞), growing with both time and intensity.
 */
export const RELATIVE_EFFORT_WEIGHTS = [0.5, 1, 1.5, 2, 2.5] as const;

/**
 * Σ minutes in zone z × weight z. Zones beyond the weights take the last weight, so a model
 * with more zones than five still scores. `zones` comes from stats' `timeInHrZones`.
 */
export function relativeEffort(
  zones: readonly Pick<ZoneTime, 'time'>[],
  weights: readonly number[] = RELATIVE_EFFORT_WEIGHTS,
): number {
  let score = 0;
  for (let z = 0; z < zones.length; z++) {
    const w = weights[Math.min(z, weights.length - 1)] ?? 0;
    score += (zones[z]!.time / 60) * w;
  }
  return score;
}

/**
 * Relative effort straight from a heart-rate stream and zone lower bounds (zones 2..N, as
 * `hrZoneBounds` gives them); each sample covers the step ending at it.
 */
export function relativeEffortFromStream(
  timeS: ArrayLike<number>,
  hr: ArrayLike<number>,
  bounds: readonly number[],
  weights: readonly number[] = RELATIVE_EFFORT_WEIGHTS,
): number {
  const times = new Float64Array(bounds.length + 1);
  const n = Math.min(timeS.length, hr.length);
  for (let j = 1; j < n; j++) {
    const h = hr[j]!;
    if (Number.isNaN(h)) continue;
    const dt = timeS[j]! - timeS[j - 1]!;
    if (!(dt > 0)) continue;
    let z = 0;
    while (z < bounds.length && h >= bounds[z]!) z++;
    times[z] = times[z]! + dt;
  }
  return relativeEffort(
    Array.from(times, (time) => ({ time })),
    weights,
  );
}
