/** Response shapes of the Stride API (see /docs for the full document). */
export interface Me {
  id: string;
  handle: string;
  display_name: string;
  email: string;
  sex: 'M' | 'F' | 'X' | null;
  birth_year: number | null;
  max_heartrate: number | null;
  weight: number | null;
  country: string | null;
  region: string | null;
  city: string | null;
  units: 'metric' | 'imperial';
  default_visibility: 'everyone' | 'followers' | 'only_me';
  hide_start: number;
  hide_end: number;
  created_at: string;
}

export interface Session {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  athlete: Me;
}

export type Visibility = Me['default_visibility'];
export type Units = Me['units'];

/** `{ items, next_cursor }`: every list is a keyset cursor. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface AthleteRef {
  id: string;
  handle: string;
  display_name: string;
}

/** An activity in a list: Strava's field names and units (metres, seconds, m/s). */
export interface ActivitySummary {
  id: string;
  athlete: AthleteRef;
  name: string;
  description: string | null;
  sport_type: string;
  visibility: Visibility;
  state: 'created' | 'started' | 'paused' | 'complete';
  source: 'recorded' | 'upload';
  start_date: string | null;
  start_date_local: string | null;
  timezone: string | null;
  distance: number;
  moving_time: number;
  elapsed_time: number;
  total_elevation_gain: number | null;
  elev_high: number | null;
  elev_low: number | null;
  average_speed: number | null;
  max_speed: number | null;
  average_heartrate: number | null;
  max_heartrate: number | null;
  average_cadence: number | null;
  average_watts: number | null;
  weighted_average_watts: number | null;
  max_watts: number | null;
  kilojoules: number | null;
  calories: number | null;
  start_latlng: [number, number] | null;
  end_latlng: [number, number] | null;
  map: { summary_polyline: string | null };
  device_name: string | null;
  created_at: string;
}

/** A split, lap or best effort: totals over a stretch of the activity. */
export interface Interval {
  distance: number;
  elapsed_time: number;
  moving_time: number;
  elevation_difference?: number | null;
  total_elevation_gain?: number;
  average_speed: number;
  average_heartrate?: number | null;
  average_watts?: number | null;
  start_index?: number;
  end_index?: number;
}
export interface Split extends Interval {
  split: number;
}
export interface Lap extends Interval {
  lap_index: number;
  name: string;
  max_speed?: number;
}
export interface BestEffort extends Interval {
  name: string;
  pr_rank?: number | null;
}

/** An effort on a segment (Strava's shape): one pass of the whole segment within an activity. */
export interface SegmentEffort {
  id: string;
  segment: { id: string; name: string; distance: number; average_grade: number | null };
  activity_id: string;
  /** Seconds between the interpolated start and end gate crossings. */
  elapsed_time: number;
  moving_time: number;
  distance: number;
  /** Indices into the activity's streams as the viewer is served them. */
  start_index: number;
  end_index: number;
  start_date: string;
  start_date_local: string;
  /** The athlete's 1st/2nd/3rd best time here when it was set. */
  pr_rank: number | null;
  /** Rank on the overall all-time board when matched, if in the top 10. */
  kom_rank: number | null;
}

/** The best average over a window of timer time (rides): watts for power, m/s for speed. */
export interface WindowBest {
  duration: number;
  value: number;
  start_index: number;
  end_index: number;
}

/** Timer seconds in one heart-rate zone [min, max) bpm; max is -1 for the open top zone. */
export interface ZoneTime {
  min: number;
  max: number;
  time: number;
}

/** The part of the analysis the activity page shows (the rest is for tools and exports). */
export interface ActivityAnalysis {
  best_power?: WindowBest[];
  best_speed?: WindowBest[];
  hr_zones?: ZoneTime[] | null;
}

export interface ActivityDetail extends ActivitySummary {
  splits_metric: Split[];
  splits_standard: Split[];
  laps: Lap[];
  best_efforts: BestEffort[];
  analysis?: ActivityAnalysis;
  segment_efforts?: SegmentEffort[];
  events: { kind: 'START' | 'PAUSE' | 'RESUME' | 'STOP'; at: string }[];
}

/** Streams keyed by Strava's names; values are null where a sample has none. */
export type Streams = Partial<
  Record<
    | 'time'
    | 'distance'
    | 'altitude'
    | 'velocity_smooth'
    | 'heartrate'
    | 'cadence'
    | 'watts'
    | 'temp'
    | 'grade_smooth',
    { data: (number | null)[] }
  > & { latlng: { data: ([number, number] | null)[] }; moving: { data: boolean[] } }
>;

/** How an archive's activity files are doing; `queued` counts those not done yet. */
export interface ArchiveCounts {
  files: number;
  ready: number;
  duplicate: number;
  error: number;
  queued: number;
}

export interface Upload {
  id: string;
  /** An activity file, or a ZIP archive of them whose files are uploads of their own. */
  kind: 'file' | 'archive';
  status: 'queued' | 'processing' | 'ready' | 'duplicate' | 'error';
  activity_id: string | null;
  error: string | null;
  file_name: string | null;
  archive_id: string | null;
  counts: ArchiveCounts | null;
  created_at: string;
}

export interface Profile extends AthleteRef {
  city: string | null;
  region: string | null;
  country: string | null;
  follower_count: number;
  following_count: number;
  followed: boolean;
}

export interface FollowEdge extends AthleteRef {
  since: string;
}

export interface PrivacyZone {
  id: string;
  lat: number;
  lng: number;
  radius: number;
  created_at: string;
}

export interface Totals {
  count: number;
  distance: number;
  moving_time: number;
  elapsed_time: number;
  elevation_gain: number;
}
/** Strava's ActivityStats: `{recent,ytd,all}_{run,ride,swim}_totals`. */
export type AthleteStats = Record<
  `${'recent' | 'ytd' | 'all'}_${'run' | 'ride' | 'swim'}_totals`,
  Totals
>;

export type SegmentSport = 'Run' | 'Ride';

/** A segment in Strava's field names (metres, percent). */
export interface Segment {
  id: string;
  name: string;
  sport_type: SegmentSport;
  distance: number;
  average_grade: number | null;
  maximum_grade: number | null;
  elevation_high: number | null;
  elevation_low: number | null;
  total_elevation_gain: number | null;
  start_latlng: [number, number];
  end_latlng: [number, number];
  map: { polyline: string };
  effort_count: number;
  athlete_count: number;
  star_count: number;
  starred: boolean;
  created_by_viewer: boolean;
  athlete_segment_stats: {
    pr_elapsed_time: number | null;
    pr_date: string | null;
    effort_count: number;
  } | null;
  /** Past activities are still being matched (on the segment's own page and on creation). */
  matching?: boolean;
  created_at: string;
}

export type SegmentPeriod = 'all_time' | 'year' | 'month' | 'week' | 'today';

export interface SegmentBoardEntry {
  rank: number;
  athlete: AthleteRef;
  elapsed_time: number;
  moving_time: number;
  start_date: string;
  start_date_local: string;
  activity_id: string;
  effort_id: string;
}

export interface SegmentLeaderboard {
  segment_id: string;
  period: SegmentPeriod;
  /** Athletes on this board. */
  entry_count: number;
  entries: SegmentBoardEntry[];
  /** The viewer's best on this board and the entries around it (theirs included). */
  viewer: { best: SegmentBoardEntry; neighbours: SegmentBoardEntry[] } | null;
}

export interface AthleteBoardEntry {
  rank: number;
  athlete: AthleteRef;
  distance: number;
  moving_time: number;
  total_elevation_gain: number;
  activities: number;
}

export interface AthleteLeaderboard {
  entries: AthleteBoardEntry[];
  viewer: AthleteBoardEntry | null;
}
