import type { Track } from '@stride/core';
import type { ImportWarning } from './errors.js';

export type FileFormat = 'gpx' | 'tcx' | 'fit';

export interface DeviceInfo {
  manufacturer?: string;
  product?: string;
  /** Human name when the file gives one (GPX creator, TCX Creator/Name). */
  name?: string;
  serialNumber?: string;
  softwareVersion?: string;
}

/** Totals as the device computed them (FIT session/lap, TCX lap sums). Never recomputed here. */
export interface DeviceTotals {
  distanceM?: number;
  timerS?: number;
  elapsedS?: number;
  ascentM?: number;
  descentM?: number;
  calories?: number;
  avgHr?: number;
  maxHr?: number;
  avgCadence?: number;
  maxCadence?: number;
  avgPower?: number;
  maxPower?: number;
  avgSpeedMps?: number;
  maxSpeedMps?: number;
}

/** A lap as the file states it: sample range [startIndex, endIndex) plus the file's own totals. */
export interface Lap {
  startTime: number;
  endTime: number;
  startIndex: number;
  endIndex: number;
  trigger?: string;
  totals: DeviceTotals;
}

/** A stretch where the recording was paused (timer stopped, GPX segment gap), epoch seconds. */
export interface Pause {
  start: number;
  end: number;
}

/** One pool length as the device recorded it (FIT `length` messages), epoch seconds. */
export interface SwimLength {
  startTime: number;
  endTime: number;
  /** pool length when active, 0 when idle (rest) */
  distanceM: number;
  /** False for a rest (idle length) at the wall. */
  active: boolean;
  /** Strokes counted over the length, when the device gives them. */
  strokes?: number;
  /** Stroke as the file names it (FIT swim_stroke: freestyle, backstroke, breaststroke, …). */
  stroke?: string;
}

export interface ImportedActivity {
  track: Track;
  /** Strava sport_type (Run, Ride, Walk, Hike, Swim, VirtualRide, …); undefined when unknown. */
  sport: string | undefined;
  /** The sport string as the file spells it (FIT sport/sub_sport, TCX Sport, GPX type). */
  sourceSport?: string;
  name?: string;
  /** Epoch seconds of the first timed sample (or the file's declared start); NaN if none. */
  startTime: number;
  device?: DeviceInfo;
  laps: Lap[];
  pauses: Pause[];
  deviceTotals?: DeviceTotals;
  /** The file's own sub-sport spelling (FIT sub_sport), when it gives one other than generic. */
  subSport?: string;
  /**
   * True when the file says so (trainer, treadmill, indoor, virtual, pool sub-sports), or when
   * no position was ever recorded for a sport that is normally done outdoors (a run or ride
   * without GPS is a treadmill or a trainer); false for such a sport with GPS; undefined when it
   * cannot be told (e.g. a workout). TCX and GPX have no indoor flag: for them it is true when no
   * point has a GPS fix.
   */
  indoor?: boolean;
  /** Pool swims: every length, active or rest, in order. */
  lengths?: SwimLength[];
  /** Pool swims: the pool length the device was set to (or, TCX, what its distances show), metres. */
  poolLengthM?: number;
  /**
   * Set on each session's activity when one file held several sessions (multisport, including
   * transitions): index is the session's order in the file (0-based), count the number of
   * sessions.
   */
  multisport?: { index: number; count: number };
}

export interface Waypoint {
  lat: number;
  lon: number;
  elevation?: number;
  time?: number;
  name?: string;
  description?: string;
  symbol?: string;
}

/** A planned route (GPX rte, or a track with no times): geometry without a recording. */
export interface ImportedCourse {
  kind: 'route' | 'track';
  name?: string;
  track: Track;
}

export interface ImportResult {
  format: FileFormat;
  /** True when the input was gzip-compressed. */
  compressed: boolean;
  activities: ImportedActivity[];
  courses: ImportedCourse[];
  waypoints: Waypoint[];
  warnings: ImportWarning[];
  /** The file's creator/producer string when it has one (GPX creator, TCX Author). */
  creator?: string;
}
