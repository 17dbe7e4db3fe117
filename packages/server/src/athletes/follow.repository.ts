import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface FollowEdge {
  athlete_id: string;
  handle: string;
  display_name: string;
  created_at: Date;
}

export type FollowState = 'none' | 'requested' | 'following';

/** A viewer's standing towards another athlete (see `FollowRepository.relation`). */
export interface Relation {
  state: FollowState;
  /** The other athlete blocks the viewer. */
  blockedBy: boolean;
  /** The viewer blocks the other athlete. */
  blocking: boolean;
}

/** Where a newest-first page of edges ends: the last edge's time and athlete id. */
export interface EdgeCursor {
  createdAt: Date;
  athleteId: string;
}

/**
 * One newest-first page of the athletes at the other end of an athlete's edges in `table`
 * (follows, follow requests or blocks), after the keyset (created_at, athlete id). The tables
 * keep milliseconds (timestamptz(3)), so cursors compare exactly.
 */
export async function edgePage(
  db: Kysely<Database>,
  edges: { table: 'follows' | 'follow_requests' | 'blocks'; self: string; other: string },
  athleteId: string,
  limit: number,
  after?: EdgeCursor,
): Promise<FollowEdge[]> {
  const page = await sql<FollowEdge>`
    select a.id as athlete_id, a.handle, a.display_name, e.created_at
    from ${sql.table(edges.table)} as e
    join athletes as a on a.id = ${sql.ref(`e.${edges.other}`)}
    where ${sql.ref(`e.${edges.self}`)} = ${athleteId}
    ${after ? sql`and (e.created_at, a.id) < (${after.createdAt}::timestamptz, ${after.athleteId}::uuid)` : sql``}
    order by e.created_at desc, a.id desc
    limit ${limit}`.execute(db);
  return page.rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
}

/**
 * Inserts follower → followee unless there is one already or either blocks the other; whether
 * it was inserted (a new edge: what follow events announce).
 */
async function insertEdge(
  executor: Executor,
  table: 'follows' | 'follow_requests',
  followerId: string,
  followeeId: string,
): Promise<boolean> {
  const inserted = await sql`
    insert into ${sql.table(table)} (follower_id, followee_id)
    select ${followerId}::uuid, ${followeeId}::uuid
    where not exists (
      select 1 from blocks
      where (blocker_id = ${followerId} and blocked_id = ${followeeId})
         or (blocker_id = ${followeeId} and blocked_id = ${followerId})
    )
    on conflict do nothing
    returning follower_id`.execute(executor);
  return inserted.rows.length > 0;
}

const FOLLOWERS = { table: 'follows', self: 'followee_id', other: 'follower_id' } as const;
const FOLLOWING = { table: 'follows', self: 'follower_id', other: 'followee_id' } as const;
const REQUESTS = { table: 'follow_requests', self: 'followee_id', other: 'follower_id' } as const;

/** Accepted follows and pending follow requests (the only SQL over both tables). */
export class FollowRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  /**
   * Idempotent: following twice is one follow. Not written while either athlete blocks the
   * other (checked in the statement, so a block that commits first wins). True when it began.
   */
  follow(followerId: string, followeeId: string, executor: Executor = this.db): Promise<boolean> {
    return insertEdge(executor, 'follows', followerId, followeeId);
  }

  /** A pending request (idempotent), on the same terms as `follow`; true when it is new. */
  request(followerId: string, followeeId: string, executor: Executor = this.db): Promise<boolean> {
    return insertEdge(executor, 'follow_requests', followerId, followeeId);
  }

  /**
   * Ends a follow and any pending request from `followerId` to `followeeId`; whether there was
   * a follow to end.
   */
  async unfollow(
    followerId: string,
    followeeId: string,
    executor: Executor = this.db,
  ): Promise<boolean> {
    const r = await executor
      .deleteFrom('follows')
      .where('follower_id', '=', followerId)
      .where('followee_id', '=', followeeId)
      .executeTakeFirst();
    await this.deleteRequest(followerId, followeeId, executor);
    return r.numDeletedRows > 0n;
  }

  /** Deletes a pending request; whether there was one. */
  async deleteRequest(followerId: string, followeeId: string, executor: Executor = this.db) {
    const r = await executor
      .deleteFrom('follow_requests')
      .where('follower_id', '=', followerId)
      .where('followee_id', '=', followeeId)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  /**
   * Turns every pending request to this athlete into a follow when they no longer approve
   * followers (read in the same statement); the followers whose follows began.
   */
  async acceptAllPending(tx: Transaction<Database>, followeeId: string): Promise<string[]> {
    const moved = await sql<{ follower_id: string }>`
      with gone as (
        delete from follow_requests r using athletes a
        where r.followee_id = ${followeeId} and a.id = r.followee_id and not a.approve_followers
        returning r.follower_id, r.followee_id
      )
      insert into follows (follower_id, followee_id)
      select follower_id, followee_id from gone
      on conflict do nothing
      returning follower_id`.execute(tx);
    return moved.rows.map((r) => r.follower_id);
  }

  /**
   * How `viewerId` stands towards `ownerId`, in one round trip: their follow (accepted,
   * requested or neither), whether the owner blocks the viewer, and whether the viewer blocks
   * the owner.
   */
  async relation(
    viewerId: string,
    ownerId: string,
    executor: Executor = this.db,
  ): Promise<Relation> {
    const pair = (table: 'follows' | 'follow_requests' | 'blocks', from: string, to: string) =>
      table === 'blocks'
        ? sql<boolean>`exists (select 1 from blocks where blocker_id = ${from} and blocked_id = ${to})`
        : sql<boolean>`exists (select 1 from ${sql.table(table)} where follower_id = ${from} and followee_id = ${to})`;
    const row = await executor
      .selectNoFrom([
        pair('follows', viewerId, ownerId).as('following'),
        pair('follow_requests', viewerId, ownerId).as('requested'),
        pair('blocks', ownerId, viewerId).as('blocked_by'),
        pair('blocks', viewerId, ownerId).as('blocking'),
      ])
      .executeTakeFirstOrThrow();
    return {
      state: row.following ? 'following' : row.requested ? 'requested' : 'none',
      blockedBy: row.blocked_by,
      blocking: row.blocking,
    };
  }

  async counts(athleteId: string): Promise<{ followers: number; following: number }> {
    const row = await this.db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('follows')
          .select(eb.fn.countAll<number>().as('n'))
          .where('followee_id', '=', athleteId)
          .as('followers'),
        eb
          .selectFrom('follows')
          .select(eb.fn.countAll<number>().as('n'))
          .where('follower_id', '=', athleteId)
          .as('following'),
      ])
      .executeTakeFirstOrThrow();
    return { followers: Number(row.followers), following: Number(row.following) };
  }

  /** One page of an athlete's followers or of whom they follow, newest first. */
  list(athleteId: string, direction: 'followers' | 'following', limit: number, after?: EdgeCursor) {
    const edges = direction === 'followers' ? FOLLOWERS : FOLLOWING;
    return edgePage(this.db, edges, athleteId, limit, after);
  }

  /** One page of the requests waiting for this athlete, newest first. */
  requests(athleteId: string, limit: number, after?: EdgeCursor) {
    return edgePage(this.db, REQUESTS, athleteId, limit, after);
  }

  /** Ids of everyone `athleteId` follows. */
  async followeeIds(athleteId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('follows')
      .select('followee_id')
      .where('follower_id', '=', athleteId)
      .execute();
    return rows.map((r) => r.followee_id);
  }

  /** Ids of an athlete's followers after `after` (by id), at most `limit`, in id order. */
  async followerIdsAfter(
    athleteId: string,
    after: string | undefined,
    limit: number,
  ): Promise<string[]> {
    let q = this.db
      .selectFrom('follows')
      .select('follower_id')
      .where('followee_id', '=', athleteId);
    if (after) q = q.where('follower_id', '>', after);
    const rows = await q.orderBy('follower_id').limit(limit).execute();
    return rows.map((r) => r.follower_id);
  }

  /** Handles (and since when) of all an athlete's followers, or of all they follow. */
  async allHandles(
    athleteId: string,
    direction: 'followers' | 'following',
  ): Promise<Array<{ handle: string; created_at: Date }>> {
    const self = direction === 'followers' ? 'f.followee_id' : 'f.follower_id';
    const other = direction === 'followers' ? 'f.follower_id' : 'f.followee_id';
    return this.db
      .selectFrom('follows as f')
      .innerJoin('athletes as a', 'a.id', other)
      .select(['a.handle', 'f.created_at'])
      .where(self, '=', athleteId)
      .orderBy('f.created_at')
      .execute();
  }
}
