import { type Kysely, sql } from 'kysely';

/**
 * Multisport files: each session of a file (swim, transition, bike, run…) is an activity of its
 * own, so an activity remembers which of its file's activities it is (`file_index`: duplicates
 * are found per session, not per file) and the group it belongs to (`group_id`, `group_size`:
 * the legs are shown together). An upload lists every activity it made or found. Rendered
 * views now carry the group, so the ones rendered before are dropped (rendered again on read).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('activities')
    .addColumn('file_index', 'integer')
    .addColumn('group_id', 'uuid')
    .addColumn('group_size', 'integer')
    .execute();
  await db.schema
    .createIndex('activities_group_idx')
    .on('activities')
    .column('group_id')
    .where(sql.ref('group_id'), 'is not', null)
    .execute();
  await db.schema
    .alterTable('uploads')
    .addColumn('activity_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await sql`delete from activity_views`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('uploads').dropColumn('activity_ids').execute();
  await db.schema.dropIndex('activities_group_idx').execute();
  await db.schema
    .alterTable('activities')
    .dropColumn('file_index')
    .dropColumn('group_id')
    .dropColumn('group_size')
    .execute();
}
