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
  /**
   * An altitude step faster than this (m/s, up or down) is a sensor or GPS artefact, not
   * terrain: it shifts the baseline and adds no gain.
   */
  maxVerticalMps: number;
  /**
   * A gap between samples longer than this (s) with no movement across it is a pause: the
   * device stopped recording (or its clock jumped), the athlete did not go on for that long.
   */
  gapPauseS: number;
}

// Moving thresholds: slower than a slow walk (run/walk), than a track stand (ride). Max speeds:
// above any human on foot (Bolt peaks at 12.4 m/s), above a fast descent by bike (~ 110 km/h).
// Vertical speeds: a vertical kilometre is raced at under 1 m/s, a 20 % descent at 60 km/h
// drops 3.3 m/s, a downhill skier (family 'other') under 15 m/s; a barometer spike or a GPS
// altitude reset jumps tens of metres in a second. Gap pauses: smart recording leaves up to a
// minute between samples, a pool rest or a traffic light a few; five minutes without a sample
// and without having moved is a stop (ten for a swim, where a long rest at the wall is normal
// and a pool watch writes few records).
const THRESHOLDS: Record<SportFamily, SportThresholds> = {
  run: { movingSpeedMps: 0.5, maxSpeedMps: 15, autoLapM: 1000, maxVerticalMps: 5, gapPauseS: 300 },
  walk: { movingSpeedMps: 0.5, maxSpeedMps: 10, autoLapM: 1000, maxVerticalMps: 5, gapPauseS: 300 },
  ride: {
    movingSpeedMps: 1.4,
    maxSpeedMps: 35,
    autoLapM: 5000,
    maxVerticalMps: 10,
    gapPauseS: 300,
  },
  swim: { movingSpeedMps: 0.2, maxSpeedMps: 5, autoLapM: 100, maxVerticalMps: 2, gapPauseS: 600 },
  other: {
    movingSpeedMps: 0.5,
    maxSpeedMps: 70,
    autoLapM: 1000,
    maxVerticalMps: 15,
    gapPauseS: 300,
  },
};

export function sportThresholds(sport: SportType | undefined): SportThresholds {
  return THRESHOLDS[sportFamily(sport)];
}
