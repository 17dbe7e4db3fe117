/**
 * Sports named as Strava's `sport_type`, so imports and API clients carry over unchanged.
 * Unknown strings are accepted everywhere as 'other' family rather than rejected.
 */
export const SPORT_TYPES = [
  'Run',
  'TrailRun',
  'VirtualRun',
  'Walk',
  'Hike',
  'Ride',
  'MountainBikeRide',
  'GravelRide',
  'EBikeRide',
  'EMountainBikeRide',
  'VirtualRide',
  'Velomobile',
  'Handcycle',
  'Wheelchair',
  'Swim',
  'Rowing',
  'Kayaking',
  'Canoeing',
  'StandUpPaddling',
  'NordicSki',
  'AlpineSki',
  'BackcountrySki',
  'Snowboard',
  'Snowshoe',
  'InlineSkate',
  'IceSkate',
  'RollerSki',
  'Workout',
  'WeightTraining',
  'Elliptical',
  'StairStepper',
  'Yoga',
] as const;
export type KnownSportType = (typeof SPORT_TYPES)[number];
/** A Strava sport_type; any other string is allowed and treated as family 'other'. */
export type SportType = KnownSportType | (string & {});

export type SportFamily = 'run' | 'ride' | 'walk' | 'swim' | 'other';

const FAMILY: Record<string, SportFamily> = {
  Run: 'run',
  TrailRun: 'run',
  VirtualRun: 'run',
  Walk: 'walk',
  Hike: 'walk',
  Snowshoe: 'walk',
  Ride: 'ride',
  MountainBikeRide: 'ride',
  GravelRide: 'ride',
  EBikeRide: 'ride',
  EMountainBikeRide: 'ride',
  VirtualRide: 'ride',
  Velomobile: 'ride',
  Handcycle: 'ride',
  Swim: 'swim',
};

export function sportFamily(sport: SportType | undefined): SportFamily {
  return (sport && FAMILY[sport]) || 'other';
}

/** Per-family thresholds used by cleaning and moving time. */
export interface SportThresholds {
  /** Below this smoothed speed (m/s) the athlete counts as stopped (auto-pause). */
  movingSpeedMps: number;
  /** A jump implying more than this speed (m/s) is a GPS teleport, not movement. */
  maxSpeedMps: number;
  /** Auto-lap distance when the file has no laps. */
  autoLapM: number;
}

// Moving thresholds: slower than a slow walk (run/walk), than a track stand (ride). Max speeds:
// above any human on foot (Bolt peaks at 12.4 m/s), above a fast descent by bike (~ 110 km/h).
const THRESHOLDS: Record<SportFamily, SportThresholds> = {
  run: { movingSpeedMps: 0.5, maxSpeedMps: 15, autoLapM: 1000 },
  walk: { movingSpeedMps: 0.5, maxSpeedMps: 10, autoLapM: 1000 },
  ride: { movingSpeedMps: 1.4, maxSpeedMps: 35, autoLapM: 5000 },
  swim: { movingSpeedMps: 0.2, maxSpeedMps: 5, autoLapM: 100 },
  other: { movingSpeedMps: 0.5, maxSpeedMps: 70, autoLapM: 1000 },
};

export function sportThresholds(sport: SportType | undefined): SportThresholds {
  return THRESHOLDS[sportFamily(sport)];
}
