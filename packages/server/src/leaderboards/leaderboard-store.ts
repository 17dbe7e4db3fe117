/**
 * The leaderboard port. Segment efforts and activities in SQL are the truth; leaderboards are
 * derived from them and can always be rebuilt. Two adapters implement this port and pass the
 * same contract tests: SQL tables with the right indexes (embedded default) and Redis sorted
 * sets (`REDIS_URL`).
 *
 * Writes are absolute, never increments the caller must remember: "this athlete's efforts on
 * this segment are now X", "this athlete's totals for this sport on this local day are now Y".
 * So a job that runs twice, or a rebuild, gives the same boards.
 */
import type { Sex } from '../platform/db/schema.js';

/** Periods of a segment leaderboard; buckets use the effort's local start date. */
export type SegmentPeriod = 'all_time' | 'year' | 'month' | 'week' | 'today';

/** Strava's age groups. */
export type AgeGroup =
  | '0_19'
  | '20_24'
  | '25_34'
  | '35_44'
  | '45_54'
  | '55_64'
  | '65_69'
  | '70_74'
  | '75_plus';

/** One segment effort, as the boards need it. */
export interface EffortRecord {
  effortId: string;
  activityId: string;
  elapsedS: number;
  /** UTC start of the effort. */
  startDate: Date;
  /** Local wall-clock start of the effort, written as a UTC date (as Strava's start_date_local). */
  startDateLocal: Date;
}

/** What the boards need to know of an athlete for their filters. Ids are athletes' UUIDs. */
export interface BoardAthlete {
  athleteId: string;
  sex: Sex | null;
  birthYear: number | null;
}

export interface SegmentBoardQuery {
  segmentId: string;
  period: SegmentPeriod;
  /**
   * The viewer's local "now" (as a UTC date) that picks the current year/month/week/day; a past
   * period is answered only within two days of its end.
   */
  now: Date;
  sex?: 'M' | 'F' | undefined;
  ageGroup?: AgeGroup | undefined;
  /** Only these athletes (the viewer's following list, plus the viewer). */
  athleteIds?: readonly string[] | undefined;
  limit: number;
  /** Also return this athlete's best and rank, with `neighbours` entries either side. */
  viewerId?: string | undefined;
  /** Entries shown either side of the viewer (default 0). */
  neighbours?: number | undefined;
}

/**
 * An athlete's best effort in the board's period, and its rank (1 = fastest). Equal elapsed
 * times share a rank (standard competition ranking, 1-2-2-4); among them the earlier effort
 * (by `startDate`) is listed first, then the smaller athlete id.
 */
export interface RankedEffort extends EffortRecord {
  athleteId: string;
  rank: number;
}

export interface SegmentBoard {
  entries: RankedEffort[];
  /** Athletes on this board (after filters). */
  total: number;
  /**
   * The viewer's best on this board (null when they have none), and the board around it: up to
   * `neighbours` entries before and after, with the viewer's own entry in its place.
   */
  viewer: { best: RankedEffort; neighbours: RankedEffort[] } | null;
}

export interface SegmentLeaderboardStore {
  /**
   * Replaces what the boards hold for one athlete on one segment by their current efforts there
   * (all of them; an empty list takes the athlete off every board of the segment). Each effort
   * counts on the boards of its local start day, ISO week, month and year and on the all-time
   * board; on the sex board of `athlete.sex` (M or F) and on the age-group board of the age
   * reached in the effort's year. Call it again when an athlete's sex or birth year changes.
   * Boards of periods that ended more than two days ago are not written (nobody asks for them).
   */
  setAthleteEfforts(
    segmentId: string,
    athlete: BoardAthlete,
    efforts: readonly EffortRecord[],
  ): Promise<void>;
  query(q: SegmentBoardQuery): Promise<SegmentBoard>;
  /** The rank an effort of `elapsedS` has on the all-time board, counting other athletes only. */
  rankForTime(segmentId: string, elapsedS: number, exceptAthleteId: string): Promise<number>;
  /** Removes a segment's boards. */
  deleteSegment(segmentId: string): Promise<void>;
  /** Removes every board (a rebuild starts here). */
  clear(): Promise<void>;
}

/**
 * Where an athlete lived when the totals were written, for regional boards. Compared in Unicode
 * NFC without regard to case or extra spaces ("Lyon" and " lyon " are one city).
 */
export interface BoardPlace {
  country: string | null;
  region: string | null;
  city: string | null;
}

export interface DayTotals {
  distanceM: number;
  movingS: number;
  elevGainM: number;
  activities: number;
}

/**
 * The calendar week (ISO, Monday first), month or year holding `now`, or a custom range of local
 * days 'YYYY-MM-DD', both included, at most CUSTOM_RANGE_MAX_DAYS long and starting within
 * CUSTOM_RANGE_LOOKBACK_DAYS of `now` (see periods.ts; adapters throw a RangeError otherwise).
 */
export type TotalsPeriod = 'week' | 'month' | 'year' | { from: string; to: string };

/** A regional board: a country, one region of it, or one city of it. */
export type PlaceFilter =
  | { country: string; region?: undefined; city?: undefined }
  | { country: string; region: string; city?: undefined }
  | { country: string; city: string; region?: undefined };

export interface TotalsQuery {
  sport: string;
  period: TotalsPeriod;
  /** Local "now" (as a UTC date) picking the current week/month/year. */
  now: Date;
  /** Only totals written while the athlete lived in this place. */
  place?: PlaceFilter | undefined;
  athleteIds?: readonly string[] | undefined;
  limit: number;
  viewerId?: string | undefined;
}

export interface RankedTotals extends DayTotals {
  athleteId: string;
  rank: number;
}

export interface TotalsBoard {
  entries: RankedTotals[];
  total: number;
  viewer: RankedTotals | null;
}

export interface AthleteTotalsStore {
  /**
   * Sets one athlete's totals for one sport on one local day (`day` = 'YYYY-MM-DD') to `totals`
   * (zero activities removes the day); week, month and year totals follow. Ties in distance
   * share a rank, listed by athlete id. Distances and elevations are kept to the centimetre,
   * moving time to the second.
   */
  setDay(
    athleteId: string,
    sport: string,
    day: string,
    totals: DayTotals,
    place: BoardPlace,
  ): Promise<void>;
  query(q: TotalsQuery): Promise<TotalsBoard>;
  /** Removes every board (a rebuild starts here). */
  clear(): Promise<void>;
}
