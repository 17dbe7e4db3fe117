import { type Kysely, sql } from 'kysely';

/**
 * Leaderboards for the embedded (SQL) adapter, pre-aggregated so a top-10 is an index range
 * read. Every table here is derived (from segment efforts and activities) and can be rebuilt.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per athlete per segment board ('all/all', 'y2026/M', 'w2026-W20/25_34'…): their
  // best effort there. No foreign keys: these rows follow the jobs that write them (a deleted
  // segment or account is taken off by its jobs, as on Redis), and a cascade would bypass the
  // counts kept beside them.
  await sql`
    create table leaderboard_segment_entries (
      segment_id text not null,
      board text not null,
      athlete_id uuid not null,
      elapsed_s double precision not null,
      start_date timestamptz(3) not null,
      start_date_local timestamptz(3) not null,
      effort_id text not null,
      activity_id text not null,
      expires_at timestamptz,
      primary key (segment_id, athlete_id, board)
    )`.execute(db);
  // Board order (fastest, earliest, athlete id): top-N reads and rank counts stay in the index.
  await sql`
    create index leaderboard_segment_entries_order_idx
    on leaderboard_segment_entries (segment_id, board, elapsed_s, start_date, athlete_id)`.execute(
    db,
  );
  await sql`
    create index leaderboard_segment_entries_expiry_idx
    on leaderboard_segment_entries (segment_id, expires_at) where expires_at is not null`.execute(
    db,
  );
  // Athletes per board, kept with every write: counting a million-row board each read is slow.
  await sql`
    create table leaderboard_segment_counts (
      segment_id text not null,
      board text not null,
      athletes integer not null,
      expires_at timestamptz,
      primary key (segment_id, board)
    )`.execute(db);

  // The day totals each athlete-day job writes, with the place the athlete had then. No foreign
  // key either: a deleted account's days are set to zero by the jobs its deletion enqueues.
  await sql`
    create table leaderboard_athlete_days (
      athlete_id uuid not null,
      sport text not null,
      day date not null,
      distance_cm bigint not null,
      moving_s bigint not null,
      elev_cm bigint not null,
      activities integer not null check (activities > 0),
      country text,
      region text,
      city text,
      primary key (athlete_id, sport, day)
    )`.execute(db);
  // Custom ranges sum days of one sport.
  await sql`
    create index leaderboard_athlete_days_range_idx
    on leaderboard_athlete_days (sport, day)`.execute(db);

  // Week ('w2026-W20'), month ('m2026-05') and year ('y2026') sums of those days, per regional
  // board ('' = everyone, 'c:france', 'r:france|auvergne-rhône-alpes', 't:france|lyon').
  await sql`
    create table leaderboard_athlete_totals (
      sport text not null,
      period text not null,
      place text not null,
      athlete_id uuid not null,
      distance_cm bigint not null,
      moving_s bigint not null,
      elev_cm bigint not null,
      activities integer not null,
      primary key (sport, period, place, athlete_id)
    )`.execute(db);
  await sql`
    create index leaderboard_athlete_totals_order_idx
    on leaderboard_athlete_totals (sport, period, place, distance_cm desc, athlete_id)`.execute(db);
  await sql`
    create index leaderboard_athlete_totals_athlete_idx
    on leaderboard_athlete_totals (athlete_id, sport, period)`.execute(db);
  await sql`
    create table leaderboard_athlete_counts (
      sport text not null,
      period text not null,
      place text not null,
      athletes integer not null,
      primary key (sport, period, place)
    )`.execute(db);

  // Recomputing one athlete's day reads their activities of one sport around that day.
  await sql`
    create index activities_athlete_sport_started_idx
    on activities (athlete_id, sport_type, started_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index activities_athlete_sport_started_idx`.execute(db);
  for (const t of [
    'leaderboard_athlete_counts',
    'leaderboard_athlete_totals',
    'leaderboard_athlete_days',
    'leaderboard_segment_counts',
    'leaderboard_segment_entries',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
