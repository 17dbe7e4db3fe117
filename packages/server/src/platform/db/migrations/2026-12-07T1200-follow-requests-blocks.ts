import { type Kysely, sql } from 'kysely';

/**
 * Followers an athlete approves, removes and blocks.
 *
 * `athletes.approve_followers`: when on, a follow becomes a row in `follow_requests` until the
 * athlete accepts it (it then moves to `follows`) or declines it. `follows` keeps holding only
 * accepted follows, so every rule that reads it ("followers" visibility, counts, the feed) means
 * accepted followers without change.
 *
 * `blocks`: the blocker's profile and activities are hidden from the blocked athlete, who can
 * neither follow nor request. Indexed both ways: the blocker's paged list, and "who blocked this
 * viewer", which every read of someone else's activity checks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('athletes')
    .addColumn('approve_followers', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('follow_requests')
    .addColumn('follower_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('followee_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    // Millisecond precision: keyset cursors carry JavaScript dates.
    .addColumn('created_at', 'timestamptz(3)', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('follow_requests_pkey', ['follower_id', 'followee_id'])
    .addCheckConstraint('follow_requests_not_self', sql`follower_id <> followee_id`)
    .execute();
  await db.schema
    .createIndex('follow_requests_followee_idx')
    .on('follow_requests')
    .columns(['followee_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('blocks')
    .addColumn('blocker_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('blocked_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz(3)', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('blocks_pkey', ['blocker_id', 'blocked_id'])
    .addCheckConstraint('blocks_not_self', sql`blocker_id <> blocked_id`)
    .execute();
  await db.schema
    .createIndex('blocks_blocker_created_idx')
    .on('blocks')
    .columns(['blocker_id', 'created_at'])
    .execute();
  await db.schema.createIndex('blocks_blocked_idx').on('blocks').column('blocked_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('blocks').execute();
  await db.schema.dropTable('follow_requests').execute();
  await db.schema.alterTable('athletes').dropColumn('approve_followers').execute();
}
