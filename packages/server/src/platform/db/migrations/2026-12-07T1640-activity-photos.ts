import { type Kysely, sql } from 'kysely';

/**
 * Photos on activities. Only the sizes made from each photo are kept, in the blob store under
 * the activity's prefix (`activities/<id>/photos/<photo id>/<size>`); the original is not kept,
 * since it carries the camera's GPS position. Rows go with their activity or athlete (cascade).
 * `position` orders an activity's photos: the first is the one lists show.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('activity_photos')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('activity_id', 'uuid', (c) =>
      c.notNull().references('activities.id').onDelete('cascade'),
    )
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.check(sql`char_length(caption) <= 500`))
    .addColumn('created_at', 'timestamptz(3)', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // An activity's photos in order (and their count), read for every list and feed page.
  await db.schema
    .createIndex('activity_photos_activity_position_idx')
    .on('activity_photos')
    .columns(['activity_id', 'position'])
    .unique()
    .execute();
  // Deleting an athlete checks this key: without the index, a scan of every photo.
  await db.schema
    .createIndex('activity_photos_athlete_idx')
    .on('activity_photos')
    .column('athlete_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('activity_photos').execute();
}
