import { type Kysely, sql } from 'kysely';

/** Privacy zones (with their secret offsets) and each athlete's hide-start/end distances. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('privacy_zones')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('radius_m', 'integer', (c) => c.notNull().check(sql`radius_m between 200 and 1600`))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('privacy_zones_athlete_idx')
    .on('privacy_zones')
    .column('athlete_id')
    .execute();
  await db.schema
    .alterTable('athletes')
    .addColumn('hide_start_m', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hide_end_m', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('privacy_secret', 'text', (c) =>
      c.notNull().defaultTo(sql`md5(random()::text || clock_timestamp()::text)`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('privacy_zones').execute();
  await db.schema
    .alterTable('athletes')
    .dropColumn('hide_start_m')
    .dropColumn('hide_end_m')
    .dropColumn('privacy_secret')
    .execute();
}
