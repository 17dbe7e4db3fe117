import { type Kysely, sql } from 'kysely';

/** Activities with their state log and live point batches, file uploads, and follows. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('follows')
    .addColumn('follower_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('followee_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    // Millisecond precision: keyset cursors carry JavaScript dates.
    .addColumn('created_at', 'timestamptz(3)', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('follows_pkey', ['follower_id', 'followee_id'])
    .addCheckConstraint('follows_not_self', sql`follower_id <> followee_id`)
    .execute();
  await db.schema
    .createIndex('follows_followee_idx')
    .on('follows')
    .columns(['followee_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('activities')
    // The client chooses the id (a UUID), so a retried create or upload is idempotent.
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('sport_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('created', 'started', 'paused', 'complete')`),
    )
    .addColumn('visibility', 'text', (c) =>
      c.notNull().check(sql`visibility in ('everyone', 'followers', 'only_me')`),
    )
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('recorded', 'upload')`))
    .addColumn('started_at', 'timestamptz(3)')
    .addColumn('timezone', 'text')
    .addColumn('utc_offset_s', 'integer')
    .addColumn('elapsed_s', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('moving_s', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('distance_m', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('elev_gain_m', 'double precision')
    .addColumn('elev_loss_m', 'double precision')
    .addColumn('elev_high_m', 'double precision')
    .addColumn('elev_low_m', 'double precision')
    .addColumn('avg_speed_mps', 'double precision')
    .addColumn('max_speed_mps', 'double precision')
    .addColumn('avg_hr', 'double precision')
    .addColumn('max_hr', 'double precision')
    .addColumn('avg_cadence', 'double precision')
    .addColumn('avg_watts', 'double precision')
    .addColumn('weighted_avg_watts', 'double precision')
    .addColumn('max_watts', 'double precision')
    .addColumn('kilojoules', 'double precision')
    .addColumn('calories', 'double precision')
    .addColumn('start_lat', 'double precision')
    .addColumn('start_lng', 'double precision')
    .addColumn('end_lat', 'double precision')
    .addColumn('end_lng', 'double precision')
    .addColumn('min_lat', 'double precision')
    .addColumn('min_lng', 'double precision')
    .addColumn('max_lat', 'double precision')
    .addColumn('max_lng', 'double precision')
    .addColumn('summary_polyline', 'text')
    .addColumn('device_name', 'text')
    .addColumn('point_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('streams_key', 'text')
    .addColumn('upload_id', 'uuid')
    .addColumn('file_hash', 'text')
    .addColumn('details', 'jsonb')
    .addColumn('algorithm_version', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Keyset pagination of an athlete's activities, newest first.
  await sql`create index activities_athlete_started_idx on activities (athlete_id, started_at desc, id desc)`.execute(
    db,
  );
  await sql`create index activities_athlete_hash_idx on activities (athlete_id, file_hash) where file_hash is not null`.execute(
    db,
  );

  await db.schema
    .createTable('activity_events')
    .addColumn('activity_id', 'uuid', (c) =>
      c.notNull().references('activities.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('START', 'PAUSE', 'RESUME', 'STOP')`),
    )
    .addColumn('at', 'timestamptz(3)', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_events_pkey', ['activity_id', 'seq'])
    .execute();

  await db.schema
    .createTable('activity_point_batches')
    .addColumn('activity_id', 'uuid', (c) =>
      c.notNull().references('activities.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('points', 'jsonb', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('activity_point_batches_pkey', ['activity_id', 'seq'])
    .execute();

  await db.schema
    .createTable('uploads')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'processing', 'ready', 'duplicate', 'error')`),
    )
    .addColumn('error', 'text')
    .addColumn('activity_id', 'uuid')
    .addColumn('file_name', 'text')
    .addColumn('file_size', 'integer', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('requested', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('uploads_athlete_idx')
    .on('uploads')
    .columns(['athlete_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'uploads',
    'activity_point_batches',
    'activity_events',
    'activities',
    'follows',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
