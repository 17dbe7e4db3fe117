/**
 * The training API's answers (progress, calendar, fitness, achievements, year in review,
 * goals), written from its contract until the generated client types include them. Units are
 * the API's: metres, seconds, m/s; days are 'YYYY-MM-DD' in the athlete's local calendar.
 */

/** A sport family, or every sport: what the progress and goals are counted over. */
export type SportFilter = 'all' | 'run' | 'ride' | 'swim' | 'walk' | 'other';
export type Period = 'week' | 'month' | 'year';
export type GoalMetric = 'distance' | 'moving_time' | 'elevation_gain' | 'count';

export interface Totals {
  count: number;
  distance: number;
  moving_time: number;
  elevation_gain: number;
}

export interface ProgressBucket extends Totals {
  /** The period's first day (a Monday for weeks). */
  start: string;
}

export interface RollingDay {
  day: string;
  distance_7d: number;
  distance_28d: number;
}

/** GET /athletes/:id/progress */
export interface Progress {
  athlete_id: string;
  sport: SportFilter;
  period: Period;
  /** Every period from..to, empty ones included, oldest first. */
  buckets: ProgressBucket[];
  /** The period containing `to`, and the one before it. */
  current: ProgressBucket;
  previous: ProgressBucket;
  /** Each day from..to. */
  rolling: RollingDay[];
}

export interface CalendarActivity {
  id: string;
  name: string;
  sport_type: string;
  start_date_local: string;
  moving_time: number;
  distance: number;
  relative_effort: number | null;
}

export interface CalendarDay {
  day: string;
  activities: CalendarActivity[];
}

/** GET /athletes/:id/calendar: only days with activities, oldest first. */
export interface Calendar {
  athlete_id: string;
  from: string;
  to: string;
  days: CalendarDay[];
}

export interface FitnessDay {
  day: string;
  load: number;
  /** CTL: the 42-day load average. */
  fitness: number;
  /** ATL: the 7-day load average. */
  fatigue: number;
  /** TSB: yesterday's fitness less fatigue. */
  form: number;
}

/** What the loads were computed with; an estimated value was not set by the athlete. */
export interface TrainingSettings {
  ftp: number | null;
  ftp_estimated: boolean;
  resting_hr: number;
  resting_hr_estimated: boolean;
  max_hr: number | null;
  max_hr_estimated: boolean;
  /** m/s */
  threshold_speed: number | null;
  threshold_speed_estimated: boolean;
}

/** GET /athletes/:id/fitness (403 when the athlete does not share it with the viewer). */
export interface Fitness {
  athlete_id: string;
  from: string;
  to: string;
  /** Every day, oldest first. */
  days: FitnessDay[];
  settings: TrainingSettings;
}

export interface EffortRecord {
  rank: number;
  elapsed_time: number;
  activity_id: string;
  start_date_local: string;
}

export interface BestEffortRecords {
  /** '5k', '10k', 'Half-Marathon'… */
  name: string;
  distance: number;
  records: EffortRecord[];
  /** Each time the PR was lowered, oldest first. */
  history: Omit<EffortRecord, 'rank'>[];
}

export interface PowerRecord {
  rank: number;
  /** Watts (power bests) or m/s (speed bests). */
  value: number;
  activity_id: string;
  start_date_local: string;
}

export interface PowerBest {
  /** Seconds. */
  duration: number;
  records: PowerRecord[];
}

export type AchievementKind = 'pr' | 'first_distance';

export interface RecentAchievement {
  kind: AchievementKind;
  name: string;
  rank: number | null;
  elapsed_time: number;
  activity_id: string;
  start_date_local: string;
}

/** GET /athletes/:id/achievements */
export interface Achievements {
  athlete_id: string;
  best_efforts: BestEffortRecords[];
  power_bests: PowerBest[];
  /** Rides' best speeds over the same durations (m/s); older servers omit it. */
  speed_bests?: PowerBest[];
  streak: { current_weeks: number; longest_weeks: number };
  /** Newest first, at most 20. */
  recent: RecentAchievement[];
}

/** GET /athletes/:id/year-in-review?year= */
export interface YearInReview {
  athlete_id: string;
  year: number;
  totals: Record<SportFilter, Totals>;
  active_days: number;
  longest: {
    id: string;
    name: string;
    sport_type: string;
    distance: number;
    moving_time: number;
    start_date_local: string;
  } | null;
  biggest_climb: {
    id: string;
    name: string;
    sport_type: string;
    elevation_gain: number;
    start_date_local: string;
  } | null;
  most_ridden_segment: { id: string; name: string; efforts: number } | null;
}

export interface GoalProgress {
  start: string;
  /** Exclusive. */
  end: string;
  value: number;
  /** value / target; above 1 once passed. */
  fraction: number;
  reached: boolean;
  /** Where an even pace would be today: target × the share of the period gone. */
  expected: number;
}

export interface Goal {
  id: string;
  sport: SportFilter;
  period: Period;
  metric: GoalMetric;
  /** In the metric's API unit: metres, seconds, or a count. */
  target: number;
  created_at: string;
  progress: GoalProgress;
}

export type NewGoal = Pick<Goal, 'sport' | 'period' | 'metric' | 'target'>;

export interface GoalList {
  items: Goal[];
}

/** An honour of an activity, on its detail: a top-3 best effort, or a first at a distance. */
export interface ActivityAchievement {
  kind: AchievementKind;
  name: string;
  rank: number | null;
}

/**
 * Fields activities carry from the training API on (optional: older servers omit them).
 * `training_load` and its source are sent to the owner only.
 */
export interface ActivityTrainingFields {
  relative_effort?: number | null;
  training_load?: number | null;
  training_load_source?: 'power' | 'heart_rate' | 'pace' | null;
  achievements?: ActivityAchievement[];
  /** Strava's name for the count of an activity's achievements, when a summary carries it. */
  achievement_count?: number;
}

/** The training fields of /api/v1/me (read and PATCHed with the rest of the profile). */
export interface MeTrainingFields {
  /** Functional threshold power, W. */
  ftp_w?: number | null;
  /** bpm */
  resting_hr?: number | null;
  /** m/s */
  run_threshold_speed?: number | null;
  share_training?: boolean;
}
