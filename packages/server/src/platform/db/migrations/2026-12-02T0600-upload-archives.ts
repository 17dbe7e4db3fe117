import { type Kysely, sql } from 'kysely';

/**
 * Archives (a ZIP of activity files, such as a Strava account export) are uploads too: the
 * archive's row says `kind = 'archive'`, and each activity file read from it becomes an upload
 * of its own whose `parent_id` names the archive, so its progress is a count over its children.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('uploads')
    .addColumn('kind', 'text', (c) =>
      c.notNull().defaultTo('file').check(sql`kind in ('file', 'archive')`),
    )
    .addColumn('parent_id', 'uuid', (c) => c.references('uploads.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('uploads_parent_idx')
    .on('uploads')
    .columns(['parent_id', 'status'])
    .where(sql.ref('parent_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('uploads_parent_idx').execute();
  await db.schema.alterTable('uploads').dropColumn('parent_id').dropColumn('kind').execute();
}
