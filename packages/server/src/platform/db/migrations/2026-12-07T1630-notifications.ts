import { type Kysely, sql } from 'kysely';

/**
 * Notifications, their settings and the browsers that receive them by Web Push.
 *
 * `notifications`: one item of an athlete's list. Several events of one kind about one thing
 * (kudos on an activity, new followers) share `group_key`, and while the item is unread they
 * join it rather than add one: at most one unread item per (athlete, kind, group_key), which
 * the partial unique index enforces and inserts upsert against. Sorted by `updated_at` (its
 * latest event), so an item a new kudos joins comes back to the top.
 *
 * `notification_actors`: who caused an item (one row per athlete, the count is their number);
 * an athlete's account going takes their rows with it.
 *
 * `notification_settings`: only the kinds an athlete changed; a missing row is "on".
 *
 * `push_subscriptions`: a browser's PushSubscription (its endpoint is unique: a browser signed
 * in to another account moves to that account).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'uuid', (c) => c.references('activities.id').onDelete('cascade'))
    .addColumn('segment_id', 'uuid', (c) => c.references('segments.id').onDelete('cascade'))
    .addColumn('comment_id', 'uuid')
    .addColumn('elapsed_s', 'integer')
    // Millisecond precision: keyset cursors carry JavaScript dates.
    .addColumn('created_at', 'timestamptz(3)', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz(3)', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz(3)')
    .execute();
  await db.schema
    .createIndex('notifications_list_idx')
    .on('notifications')
    .columns(['athlete_id', 'updated_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('notifications_key_idx')
    .on('notifications')
    .columns(['athlete_id', 'kind', 'group_key'])
    .execute();
  await db.schema
    .createIndex('notifications_unread_group_key')
    .on('notifications')
    .columns(['athlete_id', 'kind', 'group_key'])
    .unique()
    .where(sql.ref('read_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('notification_actors')
    .addColumn('notification_id', 'uuid', (c) =>
      c.notNull().references('notifications.id').onDelete('cascade'),
    )
    .addColumn('actor_id', 'uuid', (c) => c.notNull().references('athletes.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz(3)', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notification_actors_pkey', ['notification_id', 'actor_id'])
    .execute();
  await db.schema
    .createIndex('notification_actors_actor_idx')
    .on('notification_actors')
    .column('actor_id')
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('in_app', 'boolean', (c) => c.notNull())
    .addColumn('push', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_settings_pkey', ['athlete_id', 'kind'])
    .execute();

  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('athlete_id', 'uuid', (c) =>
      c.notNull().references('athletes.id').onDelete('cascade'),
    )
    .addColumn('endpoint', 'text', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz(3)')
    .addColumn('created_at', 'timestamptz(3)', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('push_subscriptions_athlete_idx')
    .on('push_subscriptions')
    .column('athlete_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('push_subscriptions').execute();
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.dropTable('notification_actors').execute();
  await db.schema.dropTable('notifications').execute();
}
