import { type Kysely, sql } from 'kysely';

/**
 * Training: the athlete's thresholds, per-activity load, daily roll-ups, personal records,
 * achievements and goals. Everything but goals and thresholds is derived (by the `training.*`
 * jobs) and can be rebuilt from the activities.
 *
 * `training_days`: one athlete's totals of one sport on one local day, for one audience —
 * `owner` (every activity, real totals, with training load), `followers` (what followers may
 * see, others' view totals) and `everyone` (public activities only). Progress, calendars and
 * fitness read these, never the raw activities.
 *
 * `activity_training`: an activity's load (with its source) and relative effort.
 *
 * `personal_records`: each activity's best efforts (runs, by distance) and best powers (rides,
 * by duration), so ranks and PR histories are window functions over one index.
 *
 * `activity_achievements`: what an activity achieved when it was stored (a 2nd-fastest 5k, a
 * first half marathon), kept as Strava keeps "rank at the time".
 *
 * `goals`: targets per sport, period and metric; `notified_start` is the period start the goal
 * was last announced as reached for (once per period).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('athletes')
    .addColumn('ftp_w', 'float8')
    .addColumn('resting_hr', 'smallint')
    .addColumn('run_threshold_speed', 'float8')
    .addColumn('share_training', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .createTable('training_days')
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('sport_type', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('distance', 'float8', (c) => c.notNull())
    .addColumn('moving_time', 'float8', (c) => c.notNull())
    .addColumn('elapsed_time', 'float8', (c) => c.notNull())
    .addColumn('elevation_gain', 'float8', (c) => c.notNull())
    .addColumn('load', 'float8', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_days_pk', ['athlete_id', 'audience', 'day', 'sport_type'])
    .execute();
  await db.schema
    .createTable('activity_training')
    .addColumn('activity_id', 'uuid', (c) =>
      c.primaryKey().references('activities.id').onDelete('cascade'),
    )
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('load', 'float8')
    .addColumn('load_source', 'text')
    .addColumn('relative_effort', 'float8')
    .execute();
  await db.schema
    .createIndex('activity_training_athlete_idx')
    .on('activity_training')
    .column('athlete_id')
    .execute();
  await db.schema
    .createTable('personal_records')
    .addColumn('activity_id', 'uuid', (c) =>
      c.notNull().references('activities.id').onDelete('cascade'),
    )
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('amount', 'float8', (c) => c.notNull())
    .addColumn('value', 'float8', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz(3)', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addPrimaryKeyConstraint('personal_records_pk', ['activity_id', 'kind', 'name'])
    .execute();
  await db.schema
    .createIndex('personal_records_rank_idx')
    .on('personal_records')
    .columns(['athlete_id', 'kind', 'name', 'value'])
    .execute();
  await db.schema
    .createTable('activity_achievements')
    .addColumn('activity_id', 'uuid', (c) =>
      c.notNull().references('activities.id').onDelete('cascade'),
    )
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rank', 'smallint')
    .addColumn('value', 'float8', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz(3)', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_achievements_pk', ['activity_id', 'kind', 'name'])
    .execute();
  await db.schema
    .createIndex('activity_achievements_athlete_idx')
    .on('activity_achievements')
    .columns(['athlete_id', 'started_at'])
    .execute();
  await db.schema
    .createTable('goals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('sport', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('target', 'float8', (c) => c.notNull())
    .addColumn('notified_start', 'date')
    .addColumn('created_at', 'timestamptz(3)', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('goals_one_per_kind', ['athlete_id', 'sport', 'period', 'metric'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'goals',
    'activity_achievements',
    'personal_records',
    'activity_training',
    'training_days',
  ])
    await db.schema.dropTable(t).execute();
  await db.schema
    .alterTable('athletes')
    .dropColumn('ftp_w')
    .dropColumn('resting_hr')
    .dropColumn('run_threshold_speed')
    .dropColumn('share_training')
    .execute();
}
