import { type Kysely, sql } from 'kysely';

/**
 * Feed inboxes, filled by fan-out on write: one row per (reader, activity) for every activity
 * the reader may see in their feed — their own, and those of athletes they follow that were
 * fanned out to them. `started_at` is copied from the activity so a page is one index range.
 * The key leads with (owner, author) so an unfollow or a block removes an author's rows from
 * one inbox in one range. Athletes with very many followers are not fanned out: their
 * activities are read at feed time (`feed_wide_authors` lists them, with the follower count
 * seen at their last fan-out).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feed_items')
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('athletes.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.notNull())
    .addColumn('activity_id', 'uuid', (c) =>
      c.notNull().references('activities.id').onDelete('cascade'),
    )
    .addColumn('started_at', 'timestamptz(3)', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_items_pkey', ['owner_id', 'author_id', 'activity_id'])
    .execute();
  // A feed page: newest first within one inbox, keyset on (started_at, activity_id).
  await sql`create index feed_items_page_idx
    on feed_items (owner_id, started_at desc, activity_id desc)`.execute(db);
  // Removing one activity from every inbox (made private) and the cascade of its deletion.
  await db.schema
    .createIndex('feed_items_activity_idx')
    .on('feed_items')
    .column('activity_id')
    .execute();
  await db.schema
    .createTable('feed_wide_authors')
    .addColumn('athlete_id', 'uuid', (c) =>
      c.primaryKey().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('follower_count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz(3)', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Every complete activity is in its own athlete's inbox from the start.
  await sql`insert into feed_items (owner_id, author_id, activity_id, started_at)
    select athlete_id, athlete_id, id, started_at from activities
    where state = 'complete' and started_at is not null`.execute(db);
  // Followers get the latest 50 activities of each athlete they follow that they could see
  // (what a new follow back-fills); later ones arrive by fan-out.
  await sql`insert into feed_items (owner_id, author_id, activity_id, started_at)
    select f.follower_id, a.athlete_id, a.id, a.started_at
    from follows f
    join lateral (
      select id, athlete_id, started_at from activities
      where athlete_id = f.followee_id and state = 'complete' and started_at is not null
        and visibility <> 'only_me'
      order by started_at desc, id desc
      limit 50
    ) a on true
    on conflict do nothing`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feed_wide_authors').execute();
  await db.schema.dropTable('feed_items').execute();
}
