import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database, NotificationRow } from '../platform/db/schema.js';
import { ACTORLESS, type NotificationKind } from './notification-kinds.js';

/** One event for one athlete, as the list stores it. */
export interface NewNotification {
  athleteId: string;
  kind: NotificationKind;
  groupKey: string;
  /** Who caused it; none for the athlete's own achievements. */
  actorId?: string | undefined;
  activityId?: string | undefined;
  segmentId?: string | undefined;
  commentId?: string | undefined;
  elapsedS?: number | undefined;
  /** Never created again for this group key once there was one, read or not. */
  once: boolean;
}

/** An item with the actors shown for it: the latest three, and how many there are. */
export interface NotificationItem extends NotificationRow {
  actor_ids: string[];
  actor_count: number;
}

/** Where a newest-first page ends: the last item's time and id. */
export interface NotificationCursor {
  updatedAt: Date;
  id: string;
}

/** How many actors an item names; the rest are counted ("and 3 others"). */
export const ACTORS_SHOWN = 3;

const actorless = sql.join([...ACTORLESS].map((k) => sql.lit(k)));

/** Notifications and their actors (the only SQL over both tables). */
export class NotificationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Adds an event to the athlete's list in the caller's transaction: a new item, or a new actor
   * of the unread item of the same kind and group (brought back to the top). The item's id when
   * this was news; null when nothing changed (the actor was already on the item, or a `once`
   * kind already had its item).
   */
  async add(tx: Transaction<Database>, n: NewNotification): Promise<string | null> {
    const inserted = await sql<{ id: string; created: boolean }>`
      insert into notifications
        (athlete_id, kind, group_key, activity_id, segment_id, comment_id, elapsed_s)
      select ${n.athleteId}::uuid, ${n.kind}, ${n.groupKey}, ${n.activityId ?? null}::uuid,
             ${n.segmentId ?? null}::uuid, ${n.commentId ?? null}::uuid, ${n.elapsedS ?? null}::int
      where ${
        n.once
          ? sql`not exists (
        select 1 from notifications
        where athlete_id = ${n.athleteId} and kind = ${n.kind} and group_key = ${n.groupKey})`
          : sql`true`
      }
      on conflict (athlete_id, kind, group_key) where read_at is null
      do update set kind = excluded.kind
      returning id, (xmax = 0) as created`.execute(tx);
    const row = inserted.rows[0];
    if (!row) return null;
    let news = row.created;
    if (n.actorId) {
      const actor = await tx
        .insertInto('notification_actors')
        .values({ notification_id: row.id, actor_id: n.actorId })
        .onConflict((oc) => oc.columns(['notification_id', 'actor_id']).doNothing())
        .returning('actor_id')
        .executeTakeFirst();
      news = !!actor;
    }
    if (!news) return null;
    if (!row.created)
      await tx
        .updateTable('notifications')
        .set({ updated_at: sql<Date>`now()` })
        .where('id', '=', row.id)
        .execute();
    return row.id;
  }

  /**
   * Who gave kudos to the activity and is on none of the owner's kudos items for it yet, oldest
   * first (reads the kudos table of the social feature: the one place that joins the two).
   */
  async kudosNotYetAnnounced(
    tx: Transaction<Database>,
    ownerId: string,
    activityId: string,
    limit: number,
  ): Promise<string[]> {
    const r = await sql<{ athlete_id: string }>`
      select k.athlete_id from kudos k
      where k.activity_id = ${activityId} and k.athlete_id <> ${ownerId}
        and not exists (
          select 1 from notifications n
          join notification_actors a on a.notification_id = n.id
          where n.athlete_id = ${ownerId} and n.kind = 'kudos' and n.activity_id = ${activityId}
            and a.actor_id = k.athlete_id)
      order by k.created_at, k.athlete_id
      limit ${limit}`.execute(tx);
    return r.rows.map((row) => row.athlete_id);
  }

  /** One newest-first page of the athlete's items, with their actors. */
  async page(
    athleteId: string,
    limit: number,
    after?: NotificationCursor,
  ): Promise<NotificationItem[]> {
    const rows = await sql<NotificationItem>`
      ${this.itemSelect()}
      where n.athlete_id = ${athleteId} and ${this.shown()}
      ${after ? sql`and (n.updated_at, n.id) < (${after.updatedAt}::timestamptz, ${after.id}::uuid)` : sql``}
      order by n.updated_at desc, n.id desc
      limit ${limit}`.execute(this.db);
    return rows.rows.map(normalize);
  }

  /** One item, if it is the athlete's and still shown. */
  async find(athleteId: string, id: string): Promise<NotificationItem | undefined> {
    const rows = await sql<NotificationItem>`
      ${this.itemSelect()}
      where n.id = ${id} and n.athlete_id = ${athleteId} and ${this.shown()}`.execute(this.db);
    const row = rows.rows[0];
    return row && normalize(row);
  }

  /** The athlete an item belongs to. */
  async ownerOf(id: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('notifications')
      .select('athlete_id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.athlete_id;
  }

  async unreadCount(athleteId: string): Promise<number> {
    const row = await sql<{ n: string | number }>`
      select count(*) as n from notifications n
      where n.athlete_id = ${athleteId} and n.read_at is null and ${this.shown()}`.execute(this.db);
    return Number(row.rows[0]?.n ?? 0);
  }

  /** Which of `ids` are not the athlete's. */
  async notOwned(athleteId: string, ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.db
      .selectFrom('notifications')
      .select('id')
      .where('athlete_id', '=', athleteId)
      .where('id', 'in', ids)
      .execute();
    const owned = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !owned.has(id));
  }

  /** Marks the athlete's items read: these, or all of them. How many changed. */
  async markRead(athleteId: string, ids: readonly string[] | 'all'): Promise<number> {
    if (ids !== 'all' && !ids.length) return 0;
    let query = this.db
      .updateTable('notifications')
      .set({ read_at: sql<Date>`now()` })
      .where('athlete_id', '=', athleteId)
      .where('read_at', 'is', null);
    if (ids !== 'all') query = query.where('id', 'in', ids);
    const r = await query.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /**
   * An athlete blocked another: the blocked one's part in the blocker's items goes, and the
   * items nobody else caused with it.
   */
  async removeActor(tx: Transaction<Database>, athleteId: string, actorId: string): Promise<void> {
    await sql`
      delete from notification_actors a using notifications n
      where a.notification_id = n.id and n.athlete_id = ${athleteId} and a.actor_id = ${actorId}`.execute(
      tx,
    );
    await sql`
      delete from notifications n
      where n.athlete_id = ${athleteId} and n.kind not in (${actorless})
        and not exists (select 1 from notification_actors a where a.notification_id = n.id)`.execute(
      tx,
    );
  }

  private itemSelect() {
    return sql`
      select n.*,
        (select count(*) from notification_actors a where a.notification_id = n.id) as actor_count,
        array(select a.actor_id from notification_actors a where a.notification_id = n.id
              order by a.at desc, a.actor_id limit ${ACTORS_SHOWN}) as actor_ids
      from notifications n`;
  }

  /**
   * Items still worth showing: the athlete's own achievements, and others while someone who
   * caused them still has an account.
   */
  private shown() {
    return sql`(n.kind in (${actorless}) or exists (
      select 1 from notification_actors a where a.notification_id = n.id))`;
  }
}

/** Counts arrive as text from PostgreSQL's bigint; dates as dates or text (PGlite's raw rows). */
function normalize(row: NotificationItem): NotificationItem {
  const date = (d: Date | string | null) => (d === null ? null : new Date(d));
  return {
    ...row,
    actor_count: Number(row.actor_count),
    actor_ids: parseArray(row.actor_ids),
    created_at: date(row.created_at)!,
    updated_at: date(row.updated_at)!,
    read_at: date(row.read_at),
  };
}

/** A uuid[] as node-postgres parses it (an array) or as text ('{a,b}'), either way. */
function parseArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}
