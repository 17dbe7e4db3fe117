import { type Kysely, sql } from 'kysely';

/**
 * Safety links for live tracking: a secret URL that lets someone without an account follow one
 * live activity until it expires or its owner revokes it. Only a SHA-256 hash of the token is
 * kept, so a copy of the table opens nothing. Rows go with their activity or athlete (cascade).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('live_links')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('activity_id', 'uuid', (c) =>
      c.notNull().references('activities.id').onDelete('cascade'),
    )
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz(3)', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz(3)')
    .addColumn('created_at', 'timestamptz(3)', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // An activity's links, listed by its owner and counted against the limit.
  await db.schema
    .createIndex('live_links_activity_idx')
    .on('live_links')
    .columns(['activity_id', 'created_at'])
    .execute();
  // Deleting an athlete checks this key.
  await db.schema
    .createIndex('live_links_athlete_idx')
    .on('live_links')
    .column('athlete_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('live_links').execute();
}
