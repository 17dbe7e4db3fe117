export {
  type ActivityLoad,
  activityLoad,
  type LoadInputs,
  type LoadSettings,
  type LoadSource,
} from './activity-load.js';
export { dayKey, dayNumber, localDayNumber } from './days.js';
export {
  DEFAULT_RESTING_HR,
  estimateFtp,
  estimateMaxHr,
  FTP_FROM_20_MIN,
  type HeartRateSettings,
  RIEGEL_EXPONENT,
  resolveHeartRate,
  riegelTime,
  thresholdSpeedFromEffort,
} from './estimates.js';
export {
  ATL_DAYS,
  CTL_DAYS,
  type DailyLoad,
  decayWeight,
  type FitnessDay,
  type FitnessOptions,
  fitnessSeries,
} from './fitness.js';
export {
  GAP_GRADE_WINDOW_M,
  type GradeAdjustedPace,
  gradeAdjustedDistance,
  gradeAdjustedPace,
  gradeAdjustedSpeed,
  gradeSpeedFactor,
  MINETTI_MAX_GRADE,
  runningCost,
} from './gap.js';
export {
  estimateLthr,
  type HeartRateProfile,
  hrReserveFraction,
  hrTss,
  intensityFactor,
  LTHR_RESERVE_FRACTION,
  powerTss,
  runningTss,
  type Sex,
  trimp,
  trimpFromStream,
  trimpWeight,
} from './load.js';
export {
  RELATIVE_EFFORT_WEIGHTS,
  relativeEffort,
  relativeEffortFromStream,
} from './relative-effort.js';
export {
  isoWeekKey,
  longestWeekStreak,
  type Period,
  periodEnd,
  periodKey,
  periodStart,
  periodTotals,
  streakToWeek,
  weekIndex,
  weekStreak,
} from './streaks.js';
