import { SPORT_TYPES, sportFamily } from '@stride/core';
import type { SegmentSport } from '../platform/db/schema.js';

/**
 * Which activities count on which segments. Segments are run or ride segments (Strava's
 * activity_type); an activity counts when its sport is of that family (core's `sportFamily`)
 * and it moved under its own power outdoors: virtual activities (their GPS is a game's map)
 * and e-bikes (a motor is not a rider) never count, as on Strava's leaderboards.
 */
const EXCLUDED = new Set(['VirtualRun', 'VirtualRide', 'EBikeRide', 'EMountainBikeRide']);

/** The segment sport an activity of `sportType` is matched against, or null for none. */
export function segmentSportOf(sportType: string): SegmentSport | null {
  if (EXCLUDED.has(sportType)) return null;
  const family = sportFamily(sportType);
  return family === 'run' ? 'Run' : family === 'ride' ? 'Ride' : null;
}

/** Every activity sport_type that counts on segments of `sport` (for SQL filters). */
export function activitySportsOf(sport: SegmentSport): string[] {
  return SPORT_TYPES.filter((s) => segmentSportOf(s) === sport);
}
