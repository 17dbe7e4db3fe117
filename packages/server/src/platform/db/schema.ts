import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the schema: one interface per table, kept in step with migrations/. */
export interface Database {
  athletes: AthletesTable;
  refresh_tokens: RefreshTokensTable;
  sessions: SessionsTable;
  two_factor: TwoFactorTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  settings: SettingsTable;
  follows: FollowsTable;
  follow_requests: FollowRequestsTable;
  blocks: BlocksTable;
  activities: ActivitiesTable;
  activity_views: ActivityViewsTable;
  activity_events: ActivityEventsTable;
  activity_point_batches: ActivityPointBatchesTable;
  activity_photos: ActivityPhotosTable;
  uploads: UploadsTable;
  privacy_zones: PrivacyZonesTable;
  leaderboard_segment_entries: LeaderboardSegmentEntriesTable;
  leaderboard_segment_counts: LeaderboardSegmentCountsTable;
  leaderboard_athlete_days: LeaderboardAthleteDaysTable;
  leaderboard_athlete_totals: LeaderboardAthleteTotalsTable;
  leaderboard_athlete_counts: LeaderboardAthleteCountsTable;
  segments: SegmentsTable;
  segment_changes: SegmentChangesTable;
  segment_stars: SegmentStarsTable;
  segment_efforts: SegmentEffortsTable;
  segment_athletes: SegmentAthletesTable;
  segment_streams: SegmentStreamsTable;
  notifications: NotificationsTable;
  notification_actors: NotificationActorsTable;
  notification_settings: NotificationSettingsTable;
  push_subscriptions: PushSubscriptionsTable;
}

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export type Units = 'metric' | 'imperial';
export type Visibility = 'everyone' | 'followers' | 'only_me';
export type Sex = 'M' | 'F' | 'X';

export interface AthletesTable {
  id: Generated<string>;
  handle: string;
  email: string;
  password_hash: string;
  display_name: string;
  sex: Sex | null;
  birth_year: number | null;
  weight_kg: number | null;
  /** Maximum heart rate, bpm, for zones (else estimated from age). */
  max_hr: number | null;
  country: string | null;
  region: string | null;
  city: string | null;
  units: Generated<Units>;
  default_visibility: Generated<Visibility>;
  /** Metres hidden at the start / end of every activity for other viewers. */
  hide_start_m: Generated<number>;
  hide_end_m: Generated<number>;
  /** Seeds per-activity variation of the hidden start/end; never leaves the server. */
  privacy_secret: Generated<string>;
  /** Follows become requests this athlete accepts or declines. */
  approve_followers: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export type AthleteRow = Selectable<AthletesTable>;
export type NewAthlete = Insertable<AthletesTable>;
export type AthleteUpdate = Updateable<AthletesTable>;

/**
 * Refresh tokens rotate: each use replaces the token with a new one in the same family. Only a
 * hash of the secret part is stored. Presenting a token that was already replaced revokes the
 * whole family (it was stolen or replayed).
 */
export interface RefreshTokensTable {
  id: string;
  family_id: string;
  athlete_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Date;
  replaced_by: string | null;
  revoked_at: Date | null;
}
export type RefreshTokenRow = Selectable<RefreshTokensTable>;

/**
 * A signed-in session: one refresh-token family. Access tokens name it, and every request
 * checks it is still there and not revoked (sign-out, a replayed refresh token).
 */
export interface SessionsTable {
  id: string;
  athlete_id: string;
  created_at: CreatedAt;
  revoked_at: Date | null;
}
export type SessionRow = Selectable<SessionsTable>;

/** An athlete's TOTP second factor: pending until confirmed with a first code. */
export interface TwoFactorTable {
  athlete_id: string;
  /** Base32 TOTP secret (it must be readable to check codes). */
  secret: string;
  enabled_at: Date | null;
  /** The last time step a code was accepted for: a code works once. */
  last_step: number | null;
  /** Consecutive failed code attempts; reaching the limit locks code checks until locked_until. */
  failures: Generated<number>;
  locked_until: Date | null;
  created_at: CreatedAt;
}
export type TwoFactorRow = Selectable<TwoFactorTable>;

/** Single-use recovery codes, stored only as hashes. */
export interface TwoFactorRecoveryCodesTable {
  athlete_id: string;
  code_hash: string;
  used_at: Date | null;
}

/** Instance-wide settings that all processes share (e.g. the generated token secret). */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: UpdatedAt;
}

/** Accepted follows only: what "followers" visibility, counts and the feed read. */
export interface FollowsTable {
  follower_id: string;
  followee_id: string;
  created_at: CreatedAt;
}

/** Follows waiting for an athlete who approves followers to accept or decline them. */
export interface FollowRequestsTable {
  follower_id: string;
  followee_id: string;
  created_at: CreatedAt;
}

/** The blocker's profile and activities are hidden from the blocked athlete. */
export interface BlocksTable {
  blocker_id: string;
  blocked_id: string;
  created_at: CreatedAt;
}

export type ActivityState = 'created' | 'started' | 'paused' | 'complete';
export type ActivitySource = 'recorded' | 'upload';

type Num = number | null;

export interface ActivitiesTable {
  id: string;
  athlete_id: string;
  sport_type: string;
  name: string;
  description: string | null;
  state: ActivityState;
  visibility: Visibility;
  source: ActivitySource;
  started_at: Date | null;
  timezone: string | null;
  utc_offset_s: number | null;
  elapsed_s: Generated<number>;
  moving_s: Generated<number>;
  distance_m: Generated<number>;
  elev_gain_m: Num;
  elev_loss_m: Num;
  elev_high_m: Num;
  elev_low_m: Num;
  avg_speed_mps: Num;
  max_speed_mps: Num;
  avg_hr: Num;
  max_hr: Num;
  avg_cadence: Num;
  avg_watts: Num;
  weighted_avg_watts: Num;
  max_watts: Num;
  kilojoules: Num;
  calories: Num;
  start_lat: Num;
  start_lng: Num;
  end_lat: Num;
  end_lng: Num;
  min_lat: Num;
  min_lng: Num;
  max_lat: Num;
  max_lng: Num;
  summary_polyline: string | null;
  device_name: string | null;
  point_count: Generated<number>;
  streams_key: string | null;
  upload_id: string | null;
  file_hash: string | null;
  /** Which of its file's activities this is (0-based; a multisport file holds several). */
  file_index: ColumnType<number | null, number | null | undefined, number | null>;
  /** The multisport group (one file's sessions: swim, transition, bike…) it is a leg of. */
  group_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** How many legs the group had when imported. */
  group_size: ColumnType<number | null, number | null | undefined, number | null>;
  /** Splits, laps, best efforts, zones and the cleaning report, as computed. */
  details: ColumnType<unknown, string | null, string | null>;
  algorithm_version: number | null;
  /**
   * Counts every change to the row and to the privacy rules others see it under: a rendered
   * view (activity_views) is current only while its revision equals this.
   */
  revision: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export type ActivityRow = Selectable<ActivitiesTable>;
export type NewActivity = Insertable<ActivitiesTable>;
export type ActivityUpdate = Updateable<ActivitiesTable>;

export type ActivityEventKind = 'START' | 'PAUSE' | 'RESUME' | 'STOP';

export type ViewAudience = 'owner' | 'others';

/** An activity as its owner, or as everyone else, sees it: rendered once, read as is. */
export interface ActivityViewsTable {
  activity_id: string;
  audience: ViewAudience;
  /** The activity's revision it was rendered from. */
  revision: number;
  /** The summary in the API's shape (JSON, without the athlete). */
  summary: string;
  /** The detail's other fields (JSON: splits, laps, best efforts, analysis, events…). */
  detail: string;
  /** Blob holding every stream as this audience sees it (JSON), or null without a track. */
  streams_key: string | null;
  /** Sample ranges of the stored track this audience may not see (JSON [[from, to)…]). */
  hidden: string | null;
  rendered_at: Generated<Date>;
}
export type ActivityViewRow = Selectable<ActivityViewsTable>;

export interface ActivityEventsTable {
  activity_id: string;
  seq: number;
  kind: ActivityEventKind;
  at: Date;
}

export interface ActivityPointBatchesTable {
  activity_id: string;
  seq: number;
  points: ColumnType<unknown, string, never>;
  received_at: CreatedAt;
}

/** A photo of an activity: its sizes are blobs, the original is not kept (it carries GPS). */
export interface ActivityPhotosTable {
  id: string;
  activity_id: string;
  athlete_id: string;
  /** Order among the activity's photos; the lowest is the one lists show. */
  position: number;
  /** Of the large size, as stored (upright: turned as the camera's orientation said). */
  width: number;
  height: number;
  caption: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}
export type ActivityPhotoRow = Selectable<ActivityPhotosTable>;

export type UploadStatus = 'queued' | 'processing' | 'ready' | 'duplicate' | 'error';
/** One activity file, or a ZIP archive of them (its files become uploads of their own). */
export type UploadKind = 'file' | 'archive';

export interface UploadsTable {
  id: string;
  athlete_id: string;
  status: UploadStatus;
  kind: ColumnType<UploadKind, UploadKind | undefined, never>;
  /** The archive this file was read from. */
  parent_id: ColumnType<string | null, string | null | undefined, never>;
  error: string | null;
  /** What processing recovered from or repaired (a damaged file, impossible values). */
  warnings: ColumnType<string[], string | undefined, string>;
  activity_id: string | null;
  /** Every activity the file made or was found to duplicate, in the file's order. */
  activity_ids: ColumnType<string[], string | undefined, string>;
  file_name: string | null;
  file_size: number;
  file_hash: string;
  blob_key: string;
  external_id: string | null;
  /** What the uploader asked for (name, sport, visibility…), applied when processing. */
  requested: ColumnType<unknown, string | null, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export type UploadRow = Selectable<UploadsTable>;

export interface PrivacyZonesTable {
  id: Generated<string>;
  athlete_id: string;
  lat: number;
  lng: number;
  radius_m: number;
  /** Seeds the zone's secret offset; never leaves the server. */
  secret: string;
  created_at: CreatedAt;
}
export type PrivacyZoneRow = Selectable<PrivacyZonesTable>;

/** An athlete's best effort on one segment board (see adapters/leaderboards/boards.ts). */
export interface LeaderboardSegmentEntriesTable {
  segment_id: string;
  board: string;
  athlete_id: string;
  elapsed_s: number;
  start_date: Date;
  /** Local wall-clock start written as a UTC date. */
  start_date_local: Date;
  effort_id: string;
  activity_id: string;
  /** When the board's period is over (null for all-time boards). */
  expires_at: Date | null;
}

export interface LeaderboardSegmentCountsTable {
  segment_id: string;
  board: string;
  athletes: number;
  expires_at: Date | null;
}

/** One athlete's totals of one sport on one local day; `day` reads as 'YYYY-MM-DD'. */
export interface LeaderboardAthleteDaysTable {
  athlete_id: string;
  sport: string;
  day: string;
  distance_cm: number;
  moving_s: number;
  elev_cm: number;
  activities: number;
  country: string | null;
  region: string | null;
  city: string | null;
}

/** Week, month and year sums of the day totals, per regional board. */
export interface LeaderboardAthleteTotalsTable {
  sport: string;
  period: string;
  place: string;
  athlete_id: string;
  distance_cm: number;
  moving_s: number;
  elev_cm: number;
  activities: number;
}

export interface LeaderboardAthleteCountsTable {
  sport: string;
  period: string;
  place: string;
  athletes: number;
}

export type SegmentSport = 'Run' | 'Ride';

export interface SegmentsTable {
  id: Generated<string>;
  name: string;
  sport_type: SegmentSport;
  /** The whole line, encoded at 1e-5° (see the segments migration). */
  polyline: string;
  point_count: number;
  distance_m: number;
  /** Grades in percent; elevations in metres; null when the line has no elevation. */
  average_grade: Num;
  maximum_grade: Num;
  elevation_high: Num;
  elevation_low: Num;
  total_elevation_gain: Num;
  start_lat: number;
  start_lng: number;
  end_lat: number;
  end_lng: number;
  min_lat: number;
  min_lng: number;
  max_lat: number;
  max_lng: number;
  creator_id: string | null;
  source_activity_id: string | null;
  /** Public efforts and the athletes who made them (see segment_athletes). */
  effort_count: Generated<number>;
  athlete_count: Generated<number>;
  star_count: Generated<number>;
  /** The segment_changes version that added it. */
  index_version: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export type SegmentRow = Selectable<SegmentsTable>;
export type NewSegment = Insertable<SegmentsTable>;

/** A segment's profile at up to a few hundred of its samples; all three arrays align. */
export interface SegmentStreamsData {
  latlng: [number, number][];
  /** Metres from the start along the line. */
  distance: number[];
  /** Smoothed metres (null where the sample had none). */
  altitude: (number | null)[];
}

export interface SegmentStreamsTable {
  segment_id: string;
  streams: ColumnType<SegmentStreamsData, string, never>;
}

export interface SegmentChangesTable {
  version: number;
  segment_id: string;
  op: 'add' | 'remove';
  at: CreatedAt;
}

export interface SegmentStarsTable {
  athlete_id: string;
  segment_id: string;
  created_at: CreatedAt;
}

export interface SegmentEffortsTable {
  id: string;
  segment_id: string;
  activity_id: string;
  athlete_id: string;
  start_index: number;
  end_index: number;
  /** Seconds between the interpolated gate crossings, and moving seconds within them. */
  elapsed_time: number;
  moving_time: number;
  distance: number;
  start_date: Date;
  /** Local wall-clock start written as a UTC date (Strava's start_date_local). */
  start_date_local: Date;
  pr_rank: number | null;
  kom_rank: number | null;
  /** The effort touches the owner's privacy zones or hidden start/end: others never see it. */
  hidden: boolean;
  created_at: CreatedAt;
}
export type SegmentEffortRow = Selectable<SegmentEffortsTable>;
export type NewSegmentEffort = Insertable<SegmentEffortsTable>;

/** Public efforts of one athlete on one segment, and a generation per board refresh. */
export interface SegmentAthletesTable {
  segment_id: string;
  athlete_id: string;
  public_efforts: number;
  generation: ColumnType<number, number, number>;
}

/**
 * One item of an athlete's notifications: events of one kind about one thing (`group_key`)
 * join the item while it is unread.
 */
export interface NotificationsTable {
  id: Generated<string>;
  /** Who is notified. */
  athlete_id: string;
  kind: string;
  group_key: string;
  activity_id: string | null;
  segment_id: string | null;
  comment_id: string | null;
  /** The effort's time, for PRs and KOMs. */
  elapsed_s: number | null;
  created_at: CreatedAt;
  /** The latest event that joined the item (the list's order). */
  updated_at: ColumnType<Date, Date | undefined, Date>;
  read_at: Date | null;
}
export type NotificationRow = Selectable<NotificationsTable>;

/** Who caused a notification, one row each. */
export interface NotificationActorsTable {
  notification_id: string;
  actor_id: string;
  at: ColumnType<Date, Date | undefined, Date>;
}

/** An athlete's choice for one kind of notification (no row: both on). */
export interface NotificationSettingsTable {
  athlete_id: string;
  kind: string;
  in_app: boolean;
  push: boolean;
}

/** A browser's Web Push subscription (the PushSubscription's endpoint and keys). */
export interface PushSubscriptionsTable {
  id: Generated<string>;
  athlete_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  expires_at: Date | null;
  created_at: CreatedAt;
}
export type PushSubscriptionRow = Selectable<PushSubscriptionsTable>;
