import { type Kysely, sql } from 'kysely';

/**
 * The elevation profile of segments cut from an activity: positions, distance along the line
 * and smoothed altitude at up to a few hundred of its samples (the segment page's chart, and
 * Strava's segment streams). A table of its own, so the rows that matching, explore and lists
 * read stay small; drawn lines have no altitude and no row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table segment_streams (
      segment_id uuid primary key references segments (id) on delete cascade,
      streams jsonb not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('segment_streams').execute();
}
