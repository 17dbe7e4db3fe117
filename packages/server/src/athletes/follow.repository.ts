import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

export interface FollowEdge {
  athlete_id: string;
  handle: string;
  display_name: string;
  created_at: Date;
}

export class FollowRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Idempotent: following twice is one follow. */
  async follow(followerId: string, followeeId: string): Promise<void> {
    await this.db
      .insertInto('follows')
      .values({ follower_id: followerId, followee_id: followeeId })
      .onConflict((oc) => oc.columns(['follower_id', 'followee_id']).doNothing())
      .execute();
  }

  async unfollow(followerId: string, followeeId: string): Promise<void> {
    await this.db
      .deleteFrom('follows')
      .where('follower_id', '=', followerId)
      .where('followee_id', '=', followeeId)
      .execute();
  }

  async isFollowing(followerId: string, followeeId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('follows')
      .select('follower_id')
      .where('follower_id', '=', followerId)
      .where('followee_id', '=', followeeId)
      .executeTakeFirst();
    return !!row;
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

  /**
   * One page of an athlete's followers (direction "followers") or of whom they follow
   * ("following"), newest first, after the keyset (created_at, athlete id).
   */
  async list(
    athleteId: string,
    direction: 'followers' | 'following',
    limit: number,
    after?: { createdAt: Date; athleteId: string },
  ): Promise<FollowEdge[]> {
    const self = direction === 'followers' ? 'f.followee_id' : 'f.follower_id';
    const other = direction === 'followers' ? 'f.follower_id' : 'f.followee_id';
    let q = this.db
      .selectFrom('follows as f')
      .innerJoin('athletes as a', 'a.id', other)
      .select(['a.id as athlete_id', 'a.handle', 'a.display_name', 'f.created_at'])
      .where(self, '=', athleteId);
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('f.created_at', '<', after.createdAt),
          eb.and([eb('f.created_at', '=', after.createdAt), eb('a.id', '<', after.athleteId)]),
        ]),
      );
    }
    return q.orderBy('f.created_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
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
