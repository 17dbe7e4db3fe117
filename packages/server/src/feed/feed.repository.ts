import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Where a newest-first feed page ends: the last activity's start and id. */
export interface FeedCursor {
  startedAt: Date;
  id: string;
}

/** One activity of a feed page: its id and start (the keyset). */
export interface FeedEntry {
  id: string;
  startedAt: Date;
}

/**
 * How many of an athlete's latest activities a new follow back-fills (whatever their age: a
 * friend who last ran two months ago still shows in the feed of someone who just followed).
 */
export const BACKFILL_LATEST = 50;

/** Followers per `feed.fanout-batch` job. */
export const FANOUT_BATCH = 1000;

const keysetBefore = (started: string, id: string, after: FeedCursor | undefined) =>
  after
    ? sql`and (${sql.ref(started)}, ${sql.ref(id)}) < (${after.startedAt}::timestamptz, ${after.id}::uuid)`
    : sql``;

/**
 * Whether the activity `alias` names belongs in its athlete's followers' feeds: complete, with
 * a start, and not only-me (a followers-only one goes to followers, who are all that fan-out
 * reaches).
 */
const followersMaySee = (alias: string) =>
  sql<boolean>`${sql.ref(`${alias}.state`)} = 'complete'
    and ${sql.ref(`${alias}.started_at`)} is not null
    and ${sql.ref(`${alias}.visibility`)} <> 'only_me'`;

/**
 * Feed inboxes (`feed_items`) and the athletes read at feed time (`feed_wide_authors`): the
 * only SQL over them. A row in an inbox says "this reader may see this activity"; reads check
 * it again against the activity's visibility, follows and blocks, so a row that a race left
 * behind shows nothing it should not.
 */
export class FeedRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Puts (or moves, when its start changed) an activity in its own athlete's inbox. */
  async addOwn(
    tx: Executor,
    a: { id: string; athlete_id: string; started_at: Date },
  ): Promise<void> {
    await sql`
      insert into feed_items (owner_id, author_id, activity_id, started_at)
      values (${a.athlete_id}::uuid, ${a.athlete_id}::uuid, ${a.id}::uuid, ${a.started_at})
      on conflict (owner_id, author_id, activity_id) do update set started_at = excluded.started_at`.execute(
      tx,
    );
  }

  /** Moves an activity whose start changed in every inbox holding it. */
  async moved(tx: Executor, activityId: string, startedAt: Date): Promise<void> {
    await tx
      .updateTable('feed_items')
      .set({ started_at: startedAt })
      .where('activity_id', '=', activityId)
      .execute();
  }

  /** Takes an activity out of every inbox but its athlete's (it became only-me). */
  async removeFromFollowers(tx: Executor, activityId: string): Promise<void> {
    await tx
      .deleteFrom('feed_items')
      .where('activity_id', '=', activityId)
      .whereRef('owner_id', '<>', 'author_id')
      .execute();
  }

  /** Takes an author's activities out of one reader's inbox (unfollow, block). */
  async removeAuthor(tx: Executor, ownerId: string, authorId: string): Promise<void> {
    await tx
      .deleteFrom('feed_items')
      .where('owner_id', '=', ownerId)
      .where('author_id', '=', authorId)
      .execute();
  }

  /** The athlete of an activity that followers may see now (complete, not only-me). */
  async fanoutAuthor(activityId: string): Promise<string | undefined> {
    const r = await this.db
      .selectFrom('activities')
      .select('athlete_id')
      .where('id', '=', activityId)
      .where(followersMaySee('activities'))
      .executeTakeFirst();
    return r?.athlete_id;
  }

  /** How many athletes follow this one. */
  async followerCount(athleteId: string): Promise<number> {
    const r = await this.db
      .selectFrom('follows')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('followee_id', '=', athleteId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * Records whether an athlete is read at feed time (`wide`) with their follower count; whether
   * they were before.
   */
  async setWide(athleteId: string, wide: boolean, followerCount: number): Promise<boolean> {
    if (wide) {
      const r = await sql<{ existed: boolean }>`
        insert into feed_wide_authors (athlete_id, follower_count) values (${athleteId}::uuid, ${followerCount})
        on conflict (athlete_id) do update set follower_count = excluded.follower_count, updated_at = now()
        returning (xmax <> 0) as existed`.execute(this.db);
      return r.rows[0]?.existed ?? false;
    }
    const r = await this.db
      .deleteFrom('feed_wide_authors')
      .where('athlete_id', '=', athleteId)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  async isWide(athleteId: string): Promise<boolean> {
    const r = await this.db
      .selectFrom('feed_wide_authors')
      .select('athlete_id')
      .where('athlete_id', '=', athleteId)
      .executeTakeFirst();
    return !!r;
  }

  /**
   * The follower ids that end each batch of `size` followers of an athlete, in id order (the
   * last batch, after the last of these, is open-ended).
   */
  async batchBounds(athleteId: string, size: number): Promise<string[]> {
    const r = await sql<{ follower_id: string }>`
      select follower_id from (
        select follower_id, row_number() over (order by follower_id) as n
        from follows where followee_id = ${athleteId}
      ) numbered
      where n % ${size} = 0
      order by follower_id`.execute(this.db);
    return r.rows.map((row) => row.follower_id);
  }

  /**
   * Writes an activity into the inboxes of its athlete's followers with ids in (after, through],
   * when it is complete and visible to followers at this moment; how many rows were written.
   */
  async fanOut(activityId: string, after: string | null, through: string | null): Promise<number> {
    const r = await sql`
      insert into feed_items (owner_id, author_id, activity_id, started_at)
      select f.follower_id, a.athlete_id, a.id, a.started_at
      from activities a
      join follows f on f.followee_id = a.athlete_id
      where a.id = ${activityId}
        and ${followersMaySee('a')}
        ${after ? sql`and f.follower_id > ${after}::uuid` : sql``}
        ${through ? sql`and f.follower_id <= ${through}::uuid` : sql``}
      on conflict do nothing`.execute(this.db);
    return Number(r.numAffectedRows ?? 0n);
  }

  /**
   * Puts the followee's latest activities that followers may see into the follower's inbox,
   * while the follow holds (checked in the statement); how many rows were written.
   */
  async backfill(followerId: string, followeeId: string): Promise<number> {
    const r = await sql`
      insert into feed_items (owner_id, author_id, activity_id, started_at)
      select f.follower_id, a.athlete_id, a.id, a.started_at
      from follows f
      join lateral (
        select id, athlete_id, started_at from activities
        where athlete_id = f.followee_id and ${followersMaySee('activities')}
        order by started_at desc, id desc
        limit ${BACKFILL_LATEST}
      ) a on true
      where f.follower_id = ${followerId} and f.followee_id = ${followeeId}
      on conflict do nothing`.execute(this.db);
    return Number(r.numAffectedRows ?? 0n);
  }

  /** The ids of an athlete's latest complete activities that followers may see. */
  async latestVisible(athleteId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('activities')
      .select('id')
      .where('athlete_id', '=', athleteId)
      .where(followersMaySee('activities'))
      .orderBy('started_at', 'desc')
      .limit(BACKFILL_LATEST)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * One newest-first page of a reader's feed: their inbox, checked again against what they
   * may see now, merged with the activities of the followees read at feed time.
   */
  async page(viewerId: string, limit: number, after?: FeedCursor): Promise<FeedEntry[]> {
    // One plain SELECT (not a bare UNION), so the embedded database's read cache may keep it.
    const r = await sql<{ id: string; started_at: Date }>`
      select id, started_at from (
      (select i.activity_id as id, i.started_at
       from feed_items i
       join activities a on a.id = i.activity_id
       where i.owner_id = ${viewerId}
         ${keysetBefore('i.started_at', 'i.activity_id', after)}
         and a.state = 'complete'
         and (
           a.athlete_id = ${viewerId}
           or (
             (a.visibility = 'everyone'
               or (a.visibility = 'followers' and exists (
                 select 1 from follows f
                 where f.follower_id = ${viewerId} and f.followee_id = a.athlete_id)))
             and not exists (
               select 1 from blocks b
               where b.blocker_id = a.athlete_id and b.blocked_id = ${viewerId})
           )
         )
       order by i.started_at desc, i.activity_id desc
       limit ${limit})
      union all
      (select a.id, a.started_at
       from follows f
       join feed_wide_authors w on w.athlete_id = f.followee_id
       join activities a on a.athlete_id = f.followee_id
       where f.follower_id = ${viewerId}
         and ${followersMaySee('a')}
         ${keysetBefore('a.started_at', 'a.id', after)}
       order by a.started_at desc, a.id desc
       limit ${limit})
      ) page`.execute(this.db);
    const seen = new Set<string>();
    return r.rows
      .map((row) => ({ id: row.id, startedAt: new Date(row.started_at) }))
      .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : -1))
      .filter((e) => !seen.has(e.id) && !!seen.add(e.id))
      .slice(0, limit);
  }
}
