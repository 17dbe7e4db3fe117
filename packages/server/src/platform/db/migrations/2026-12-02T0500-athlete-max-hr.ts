import type { Kysely } from 'kysely';

/**
 * The athlete's own maximum heart rate, for heart-rate zones. Without it zones come from the
 * age estimate (220 − age), which is off by ten beats or more for many athletes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('athletes').addColumn('max_hr', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('athletes').dropColumn('max_hr').execute();
}
