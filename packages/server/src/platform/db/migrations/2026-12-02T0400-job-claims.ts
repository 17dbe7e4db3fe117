import type { Kysely } from 'kysely';

/**
 * Each claim of a job gets its own token. A job queued again while it runs (`requeue`) may be
 * claimed again by the same worker; the worker id alone cannot tell the stale run from the new
 * one, so completions, failures and lease renewals name the claim they belong to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('claim', 'uuid').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('jobs').dropColumn('claim').execute();
}
