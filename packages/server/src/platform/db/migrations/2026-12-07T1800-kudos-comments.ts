import { type Kysely, sql } from 'kysely';

/**
 * Kudos and comments on activities.
 *
 * `kudos`: one row per (activity, athlete) who gave them: giving twice is the same row.
 * `comments`: an activity's thread, read oldest first by (activity_id, created_at, id).
 * `activity_social_counts`: each activity's number of kudos and comments, changed in the same
 * transaction as the insert or delete that changes them, and only when that changed a row, so
 * they stay exact under concurrent requests without counting rows on every feed page.
 *
 * Every row goes with its activity or its athlete (cascade); the counts of an activity go with
 * it, but an athlete's account going takes their kudos and comments without changing counts by
 * trigger-free cascade, so AccountService recounts the activities it touched (see
 * SocialService.recount).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('kudos')
    .addColumn('activity_id', 'uuid', (c) =>
      c.notNull().references('activities.id').onDelete('cascade'),
    )
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    // Millisecond precision: keyset cursors carry JavaScript dates.
    .addColumn('created_at', 'timestamptz(3)', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('kudos_pkey', ['activity_id', 'athlete_id'])
    .execute();
  // Who gave kudos, newest first.
  await db.schema
    .createIndex('kudos_list_idx')
    .on('kudos')
    .columns(['activity_id', 'created_at desc', 'athlete_id desc'])
    .execute();
  // Deleting an athlete checks this key, and the export lists what they gave.
  await db.schema.createIndex('kudos_athlete_idx').on('kudos').column('athlete_id').execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('activity_id', 'uuid', (c) =>
      c.notNull().references('activities.id').onDelete('cascade'),
    )
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('text', 'text', (c) => c.notNull().check(sql`char_length(text) between 1 and 1000`))
    .addColumn('created_at', 'timestamptz(3)', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('comments_list_idx')
    .on('comments')
    .columns(['activity_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('comments_athlete_idx').on('comments').column('athlete_id').execute();

  await db.schema
    .createTable('activity_social_counts')
    .addColumn('activity_id', 'uuid', (c) =>
      c.primaryKey().references('activities.id').onDelete('cascade'),
    )
    .addColumn('kudos_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('activity_social_counts').execute();
  await db.schema.dropTable('comments').execute();
  await db.schema.dropTable('kudos').execute();
}
