import type { SessionEvent } from '../session/state-log.js';
import type { SportType } from '../sport.js';
import type { AthleteProfile, CaloriesSource } from './calories.js';
import type { BestEffort, WindowBest } from './efforts.js';
import type { DistanceSource, ElevationSource } from './engine.js';
import type { ZoneTime } from './hr-zones.js';
import type { Lap, LapInput } from './laps.js';
import type { CleaningReport } from './report.js';
import type { Split } from './splits.js';

/** Totals as the device computed them (the shape packages/formats produces). */
export interface DeviceTotalsInput {
  distanceM?: number | undefined;
  timerS?: number | undefined;
  elapsedS?: number | undefined;
  ascentM?: number | undefined;
  descentM?: number | undefined;
  calories?: number | undefined;
}

/** One pool length as a swim watch logs it (packages/formats `SwimLength` fits this shape). */
export interface SwimLengthInput {
  /** Epoch seconds. */
  startTime: number;
  endTime: number;
  /** The pool length for an active length, 0 for a rest at the wall. */
  distanceM: number;
  active: boolean;
  strokes?: number | undefined;
  stroke?: string | undefined;
}

export interface ActivityOptions {
  sport: SportType;
  athlete?: AthleteProfile;
  /**
   * The device's own session totals: distance, timer and elapsed time follow them when the
   * samples cover the session (docs/statistics.md, "Device or computed"); calories are used
   * as they are.
   */
  deviceTotals?: DeviceTotalsInput | undefined;
  /** Laps stated by the file; without them, auto laps every sport-specific distance. */
  laps?: readonly LapInput[];
  /** A pool swim's lengths: its distance, moving time and laps come from them. */
  lengths?: readonly SwimLengthInput[] | undefined;
  /** The pool length (m) the watch was set to, for the record. */
  poolLengthM?: number | undefined;
  /** Recorded indoors (trainer, treadmill, pool): positions are not the athlete's path. */
  indoor?: boolean | undefined;
  /** The session log; when present, samples outside START…STOP are dropped. */
  events?: readonly SessionEvent[];
  /** Timer pauses stated by a file (used when `events` is absent). */
  pauses?: readonly { start: number; end: number }[];
  /** 'auto' (default): the device distance stream when the track has one, else GPS. */
  distanceSource?: 'auto' | DistanceSource;
  /**
   * Default 'barometric' (altitude as the device recorded it). Use 'gps' for phone tracks,
   * 'auto' to tell by the altitude's noise (guessElevationSource).
   */
  elevationSource?: ElevationSource | 'auto';
  /** HR zone lower bounds (zones 2..N), bpm; default from max HR. */
  hrZones?: readonly number[];
}

export interface ActivityStats {
  algorithm_version: number;
  sport_type: string;
  /** Epoch seconds of the start (START event, else the first kept sample); null if empty. */
  start_date: number | null;
  distance: number;
  /**
   * Where the distance comes from: the device's distance stream, GPS, none; a pool swim's
   * `lengths`, the file's `laps` or the device's session `totals` when the samples carry none.
   */
  distance_source: DistanceSource | 'lengths' | 'laps' | 'totals';
  /** How the altitude was read (after 'auto' is resolved). */
  elevation_source: ElevationSource;
  /**
   * Where the elevation gain and loss come from: the device's session ascent and descent when
   * it stated them and the samples cover its session, else computed from the altitude.
   */
  elevation_gain_source: 'device' | 'computed';
  /** The gain Stride computes from the altitude, whichever is shown (a check on the device's). */
  computed_elevation_gain: number;
  moving_time: number;
  elapsed_time: number;
  /** Timer time: elapsed minus pauses of the session log (or file). */
  timer_time: number;
  total_elevation_gain: number;
  total_elevation_loss: number;
  elev_high: number | null;
  elev_low: number | null;
  average_speed: number;
  max_speed: number;
  /** Seconds per kilometre over moving time; null without distance. */
  average_pace: number | null;
  /** Swims: seconds per 100 m over moving time; null otherwise or without distance. */
  average_pace_100m: number | null;
  /** Swims: seconds per 100 yards over moving time; null otherwise or without distance. */
  average_pace_100yd: number | null;
  /** Pool swims: the pool length (m) and the number of active lengths; null otherwise. */
  pool_length: number | null;
  active_lengths: number | null;
  average_heartrate: number | null;
  max_heartrate: number | null;
  average_cadence: number | null;
  max_cadence: number | null;
  average_watts: number | null;
  /** Normalized power. */
  weighted_average_watts: number | null;
  max_watts: number | null;
  kilojoules: number | null;
  calories: number | null;
  calories_source: CaloriesSource | null;
  average_temp: number | null;
  start_latlng: [number, number] | null;
  end_latlng: [number, number] | null;
  splits_metric: Split[];
  splits_standard: Split[];
  laps: Lap[];
  best_efforts: BestEffort[];
  best_power: WindowBest[];
  best_speed: WindowBest[];
  hr_zones: ZoneTime[] | null;
  cleaning: CleaningReport;
}

/** Per-sample streams the server serves (Strava stream names), aligned with the cleaned track. */
export interface ActivityStreams {
  /** Seconds since the first sample. */
  time: Float64Array;
  /** Cumulative metres. */
  distance: Float64Array;
  velocity_smooth: Float32Array;
  grade_smooth: Float32Array;
  /** 1 where the step ending at the sample counts as moving. */
  moving: Uint8Array;
}
