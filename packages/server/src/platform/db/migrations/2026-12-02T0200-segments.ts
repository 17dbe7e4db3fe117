import { type Kysely, sql } from 'kysely';

/**
 * Segments, their stars and efforts, the per-athlete counts behind effort_count/athlete_count,
 * and the change log that keeps every process's in-memory segment index current.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The line is an encoded polyline (1e-5°, about a metre: far below GPS error and the match
  // tolerances) in the row itself: the index loads every segment with one sequential read and no
  // blob round trips, and the same string is the API's map.polyline.
  await sql`
    create table segments (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      sport_type text not null check (sport_type in ('Run', 'Ride')),
      polyline text not null,
      point_count integer not null,
      distance_m double precision not null,
      average_grade double precision,
      maximum_grade double precision,
      elevation_high double precision,
      elevation_low double precision,
      total_elevation_gain double precision,
      start_lat double precision not null,
      start_lng double precision not null,
      end_lat double precision not null,
      end_lng double precision not null,
      min_lat double precision not null,
      min_lng double precision not null,
      max_lat double precision not null,
      max_lng double precision not null,
      creator_id uuid references athletes (id) on delete set null,
      source_activity_id uuid references activities (id) on delete set null,
      effort_count integer not null default 0,
      athlete_count integer not null default 0,
      star_count integer not null default 0,
      index_version bigint not null,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    )`.execute(db);
  // Explore: segments whose bounds meet a map area (GiST on PostgreSQL's built-in box type).
  await sql`
    create index segments_bbox_idx on segments
    using gist (box(point(min_lng, min_lat), point(max_lng, max_lat)))`.execute(db);
  await sql`create index segments_creator_idx on segments (creator_id, created_at)`.execute(db);

  // Every add and remove, numbered without gaps under a lock: a process that has applied up to
  // version v reads the rows above v and updates its index in place (no full reload).
  await sql`
    create table segment_changes (
      version bigint primary key,
      segment_id uuid not null,
      op text not null check (op in ('add', 'remove')),
      at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table segment_stars (
      athlete_id uuid not null references athletes (id) on delete cascade,
      segment_id uuid not null references segments (id) on delete cascade,
      created_at timestamptz(3) not null default now(),
      primary key (athlete_id, segment_id)
    )`.execute(db);
  await sql`
    create index segment_stars_athlete_idx
    on segment_stars (athlete_id, created_at desc, segment_id desc)`.execute(db);
  await sql`create index segment_stars_segment_idx on segment_stars (segment_id)`.execute(db);

  await sql`
    create table segment_efforts (
      id uuid primary key,
      segment_id uuid not null references segments (id) on delete cascade,
      activity_id uuid not null references activities (id) on delete cascade,
      athlete_id uuid not null references athletes (id) on delete cascade,
      start_index integer not null,
      end_index integer not null,
      elapsed_time double precision not null,
      moving_time double precision not null,
      distance double precision not null,
      start_date timestamptz(3) not null,
      start_date_local timestamptz(3) not null,
      pr_rank smallint,
      kom_rank smallint,
      hidden boolean not null default false,
      created_at timestamptz(3) not null default now()
    )`.execute(db);
  await sql`create index segment_efforts_activity_idx on segment_efforts (activity_id)`.execute(db);
  // One athlete's efforts on one segment (PR ranks, board refreshes, "my efforts"), by date.
  await sql`
    create index segment_efforts_segment_athlete_idx
    on segment_efforts (segment_id, athlete_id, start_date desc, id desc)`.execute(db);
  // The segments an athlete has efforts on (account deletion, privacy changes).
  await sql`create index segment_efforts_athlete_idx on segment_efforts (athlete_id, segment_id)`.execute(
    db,
  );

  // Per athlete per segment: public efforts (written absolutely by each board refresh; the
  // difference to the previous value moves the segment's counters) and a generation bumped by
  // every refresh, so a refresh that wrote the boards late can tell it must run again. No
  // foreign keys: the row must outlive a deleted activity or account until a refresh has taken
  // it off the counts and boards.
  await sql`
    create table segment_athletes (
      segment_id uuid not null,
      athlete_id uuid not null,
      public_efforts integer not null check (public_efforts >= 0),
      generation bigint not null,
      primary key (segment_id, athlete_id)
    )`.execute(db);

  // Backfill: complete activities whose bounds contain a new segment's bounds.
  await sql`
    create index activities_bbox_idx on activities
    using gist (box(point(min_lng, min_lat), point(max_lng, max_lat)))
    where state = 'complete' and min_lat is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index activities_bbox_idx`.execute(db);
  for (const t of [
    'segment_athletes',
    'segment_efforts',
    'segment_stars',
    'segment_changes',
    'segments',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
