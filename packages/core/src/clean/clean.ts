import { computeActivity, resolveDistanceSource } from '../stats/compute.js';
import type { CleaningReport } from '../stats/report.js';
import type { ActivityOptions } from '../stats/types.js';
import type { Track } from '../track.js';

/**
 * Cleaning on its own: drops samples without time, with duplicate or backwards timestamps, or
 * outside the session; drops latitude-100/200 pause markers (turning them into pauses when no
 * session log is given); removes impossible positions ((0,0), out of range, teleports faster
 * than the sport allows) while keeping the sample's other channels. Stationary jitter is not
 * moved on the map; it is left out of distance (see the report's jitterPoints / jitterM).
 *
 * It is the first stage of computeActivity's engine, so the two always agree.
 */
export function cleanTrack(
  track: Track,
  options: Pick<ActivityOptions, 'sport' | 'events' | 'pauses' | 'distanceSource'>,
): { track: Track; report: CleaningReport } {
  const r = computeActivity(track, {
    ...options,
    distanceSource: resolveDistanceSource(track, options.distanceSource),
    laps: [],
  });
  return { track: r.track, report: r.stats.cleaning };
}
