import { type Kysely, sql } from 'kysely';

/**
 * The read model of activities: what the owner and what everyone else see of each one,
 * rendered once (privacy applied) and read as is. `activities.revision` counts every change
 * to the row and to the privacy rules it is seen under; a view is served only while it was
 * rendered from the activity's current revision, so a stale one is never shown.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('activities')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('activity_views')
    .addColumn('activity_id', 'uuid', (c) =>
      c.notNull().references('activities.id').onDelete('cascade'),
    )
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('owner', 'others')`))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('streams_key', 'text')
    .addColumn('hidden', 'text')
    .addColumn('rendered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('activity_views_pkey', ['activity_id', 'audience'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('activity_views').execute();
  await db.schema.alterTable('activities').dropColumn('revision').execute();
}
