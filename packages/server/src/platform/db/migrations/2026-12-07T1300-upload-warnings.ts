import { type Kysely, sql } from 'kysely';

/**
 * Upload warnings: what processing a file recovered from (a FIT file whose checksum is wrong,
 * records skipped) or repaired (impossible values dropped), one sentence each, so the athlete
 * sees why an activity may differ from what the device showed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('uploads')
    .addColumn('warnings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('uploads').dropColumn('warnings').execute();
}
