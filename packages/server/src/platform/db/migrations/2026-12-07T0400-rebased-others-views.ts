import { type Kysely, sql } from 'kysely';

/**
 * Others' views are now rendered on the viewer's own clock and distance (the hidden start no
 * longer shows in `time[0]`, `distance[0]`, the totals or `start_date`). Views rendered before
 * carry the owner's values at the revision they were made for, which has not changed: drop
 * them so none is served again. A read that finds none renders it through the filter then.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from activity_views where audience = 'others'`.execute(db);
}

export async function down(): Promise<void> {
  // Nothing to restore: views are derived data, rendered again on read.
}
