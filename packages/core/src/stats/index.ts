export type { AthleteProfile, CaloriesSource } from './calories.js';
export { estimateCalories } from './calories.js';
export { type ActivityResult, computeActivity, resolveDistanceSource } from './compute.js';
export {
  type BestEffort,
  bestAverages,
  bestEfforts,
  RIDE_WINDOWS_S,
  RUN_EFFORTS,
  type WindowBest,
} from './efforts.js';
export { GPS_NOISE_M, guessElevationSource } from './elevation-source.js';
export {
  CLOCK_JUMP_S,
  type DistanceSource,
  ELEVATION_PARAMS,
  type ElevationSource,
  JITTER_RADIUS_M,
  MAX_MOVING_GAP_S,
  MOVING_WINDOW_S,
  TELEPORT_CONFIRM,
} from './engine.js';
export { DEFAULT_HR_ZONE_FRACTIONS, hrZoneBounds, type ZoneTime } from './hr-zones.js';
export { type Lap, type LapInput, MAX_LAPS } from './laps.js';
export { type LiveOptions, LiveStats, type LiveTotals } from './live.js';
export { NP_WINDOW_S } from './power.js';
export type { CleaningReport } from './report.js';
export type { IntervalTotals } from './series.js';
export { MAX_SPLITS, METRIC_SPLIT_M, type Split, STANDARD_SPLIT_M } from './splits.js';
export type {
  ActivityOptions,
  ActivityStats,
  ActivityStreams,
  DeviceTotalsInput,
  SwimLengthInput,
} from './types.js';
export { bestWindows, type WindowResult } from './windows.js';
