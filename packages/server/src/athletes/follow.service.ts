import type { Transaction } from 'kysely';
import { cached, Lru } from '../platform/cache/lru.js';
import type { AthleteRow, Database } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { EventHub, FollowEvent } from '../platform/events/event-hub.js';
import type { AthleteService } from './athlete.service.js';
import type { BlockRepository } from './block.repository.js';
import type {
  EdgeCursor,
  FollowEdge,
  FollowRepository,
  FollowState,
  Relation,
} from './follow.repository.js';

export type { EdgeCursor, FollowEdge, FollowState, Relation } from './follow.repository.js';

/** What reads of an owner's things need to know about the viewer. */
export interface Access {
  /** The viewer is an accepted follower of the owner. */
  following: boolean;
  /** The owner blocks the viewer. */
  blocked: boolean;
}

const NONE: Relation = { state: 'none', blockedBy: false, blocking: false };

/**
 * The follow graph: profiles with their counts; follows that athletes who approve followers
 * accept or decline; followers removed; blocks. Every feature that shows one athlete's things
 * to another asks `access` (or `isBlocked`) here: an owner's block hides everything of theirs
 * from the blocked athlete. New follows, requests, acceptances and blocks are announced
 * (`follow.created`, `follow.requested`, `follow.accepted`, `athlete.blocked`) inside the
 * transaction that writes them, and only when something new was written.
 */
export class FollowService {
  /** Followee ids by follower, kept when this process sees every write (`exact` caches). */
  private readonly followees: Lru<string, Promise<string[]>> | undefined;
  /** Ids of the athletes who block an athlete, by that athlete (same terms). */
  private readonly blockers: Lru<string, Promise<Set<string>>> | undefined;

  constructor(
    private readonly athletes: AthleteService,
    private readonly follows: FollowRepository,
    private readonly blocks: BlockRepository,
    private readonly events: EventHub,
    options: { exactCaches?: boolean } = {},
  ) {
    this.followees = options.exactCaches ? new Lru(10_000) : undefined;
    this.blockers = options.exactCaches ? new Lru(10_000) : undefined;
  }

  /** Forgets what is kept about these athletes' follows (they changed, or an account went). */
  forget(...athleteIds: string[]): void {
    if (!athleteIds.length) {
      this.followees?.clear();
      this.blockers?.clear();
    }
    for (const id of athleteIds) {
      this.followees?.delete(id);
      this.blockers?.delete(id);
    }
  }

  /**
   * What reads of `ownerId`'s things by `viewerId` need: whether the viewer is an accepted
   * follower, and whether the owner blocks them (then they see nothing of the owner's). Served
   * from the exact caches when there are any (reads of others' activities ask on every
   * request), else in one query.
   */
  async access(viewerId: string | undefined, ownerId: string): Promise<Access> {
    if (!viewerId || viewerId === ownerId) return { following: false, blocked: false };
    if (!this.followees || !this.blockers) {
      const r = await this.follows.relation(viewerId, ownerId);
      return { following: r.state === 'following', blocked: r.blockedBy };
    }
    const [followees, blockers] = await Promise.all([
      this.followeeIds(viewerId),
      this.blockerIds(viewerId),
    ]);
    return { following: followees.includes(ownerId), blocked: blockers.has(ownerId) };
  }

  /** How `viewerId` stands towards `ownerId`: follow state and blocks both ways. */
  relation(viewerId: string, ownerId: string): Promise<Relation> {
    return viewerId === ownerId ? Promise.resolve(NONE) : this.follows.relation(viewerId, ownerId);
  }

  /**
   * `access`, read in the caller's transaction (listeners of events raised inside one must not
   * wait for another connection, which on the embedded database is the one they hold).
   */
  async accessIn(tx: Transaction<Database>, viewerId: string, ownerId: string): Promise<Access> {
    if (viewerId === ownerId) return { following: false, blocked: false };
    const r = await this.follows.relation(viewerId, ownerId, tx);
    return { following: r.state === 'following', blocked: r.blockedBy };
  }

  /** Whether either athlete blocks the other, in the caller's transaction. */
  blockedEitherWay(tx: Transaction<Database>, a: string, b: string): Promise<boolean> {
    return this.blocks.between(a, b, tx);
  }

  /** Whether `blockerId` blocks `blockedId`. */
  async isBlocked(blockerId: string, blockedId: string): Promise<boolean> {
    if (this.blockers) return (await this.blockerIds(blockedId)).has(blockerId);
    return this.blocks.isBlocked(blockerId, blockedId);
  }

  /** The athlete `ref` names as `viewerId` may see them: 404 when they block the viewer. */
  async visible(viewerId: string | undefined, ref: string): Promise<AthleteRow> {
    const athlete = await this.athletes.resolve(ref);
    if (viewerId && viewerId !== athlete.id && (await this.isBlocked(athlete.id, viewerId)))
      throw Errors.notFound(`no athlete "${ref}"`);
    return athlete;
  }

  async profile(viewerId: string, ref: string) {
    const athlete = await this.athletes.resolve(ref);
    const relation = await this.relation(viewerId, athlete.id);
    if (relation.blockedBy) throw Errors.notFound(`no athlete "${ref}"`);
    const counts = await this.follows.counts(athlete.id);
    return { athlete, ...counts, relation };
  }

  /**
   * Follows, or asks to when the athlete approves followers. Refused (404, as their profile)
   * when they block the viewer; refused (422) while the viewer blocks them.
   */
  async follow(viewerId: string, ref: string): Promise<FollowState> {
    const target = await this.athletes.resolve(ref);
    if (target.id === viewerId) throw Errors.unprocessable('you cannot follow yourself');
    const relation = await this.follows.relation(viewerId, target.id);
    if (relation.blockedBy) throw Errors.notFound(`no athlete "${ref}"`);
    if (relation.blocking)
      throw Errors.unprocessable(`you have blocked "${ref}": unblock them to follow`);
    if (relation.state !== 'none') return relation.state;
    const edge = { followerId: viewerId, followeeId: target.id };
    if (target.approve_followers) {
      await this.follows.transaction(async (tx) => {
        if (await this.follows.request(viewerId, target.id, tx))
          await this.events.emit('follow.requested', tx, edge);
      });
      return 'requested';
    }
    await this.follows.transaction(async (tx) => {
      if (await this.follows.follow(viewerId, target.id, tx))
        await this.events.emit('follow.created', tx, edge);
    });
    this.forget(viewerId);
    return 'following';
  }

  /** Unfollows, or cancels a pending request (idempotent). */
  async unfollow(viewerId: string, ref: string): Promise<void> {
    const target = await this.visible(viewerId, ref);
    await this.endFollow({ followerId: viewerId, followeeId: target.id });
  }

  async list(
    viewerId: string,
    ref: string,
    direction: 'followers' | 'following',
    limit: number,
    after?: EdgeCursor,
  ): Promise<FollowEdge[]> {
    const athlete = await this.visible(viewerId, ref);
    return this.follows.list(athlete.id, direction, limit, after);
  }

  /** The follow requests waiting for this athlete, newest first. */
  requests(athleteId: string, limit: number, after?: EdgeCursor): Promise<FollowEdge[]> {
    return this.follows.requests(athleteId, limit, after);
  }

  /** Accepts the request `ref` sent this athlete (404 when there is none). */
  async accept(athleteId: string, ref: string): Promise<void> {
    const requester = await this.athletes.resolve(ref);
    await this.follows.transaction(async (tx) => {
      if (!(await this.follows.deleteRequest(requester.id, athleteId, tx)))
        throw Errors.notFound(`no follow request from "${ref}"`);
      if (await this.follows.follow(requester.id, athleteId, tx))
        await this.events.emit('follow.accepted', tx, {
          followerId: requester.id,
          followeeId: athleteId,
        });
    });
    this.forget(requester.id);
  }

  /** Declines the request `ref` sent this athlete (404 when there is none). */
  async decline(athleteId: string, ref: string): Promise<void> {
    const requester = await this.athletes.resolve(ref);
    if (!(await this.follows.deleteRequest(requester.id, athleteId)))
      throw Errors.notFound(`no follow request from "${ref}"`);
  }

  /** Ends `ref`'s follow of this athlete (and any request of theirs); idempotent. */
  async removeFollower(athleteId: string, ref: string): Promise<void> {
    const follower = await this.athletes.resolve(ref);
    await this.endFollow({ followerId: follower.id, followeeId: athleteId });
  }

  /** Deletes a follow (and any request), announcing `follow.ended` when there was one. */
  private async endFollow(edge: FollowEvent): Promise<void> {
    await this.follows.transaction(async (tx) => {
      if (await this.follows.unfollow(edge.followerId, edge.followeeId, tx))
        await this.events.emit('follow.ended', tx, edge);
    });
    this.forget(edge.followerId);
  }

  /** Blocks `ref` (idempotent): every follow and request between the two ends, both ways. */
  async block(athleteId: string, ref: string): Promise<void> {
    const target = await this.athletes.resolve(ref);
    if (target.id === athleteId) throw Errors.unprocessable('you cannot block yourself');
    await this.follows.transaction(async (tx) => {
      await this.blocks.block(tx, athleteId, target.id);
      await this.events.emit('athlete.blocked', tx, { blockerId: athleteId, blockedId: target.id });
    });
    this.forget(athleteId, target.id);
  }

  /** Lifts a block (idempotent); follows that the block ended do not come back. */
  async unblock(athleteId: string, ref: string): Promise<void> {
    const target = await this.athletes.resolve(ref);
    await this.blocks.unblock(athleteId, target.id);
    this.forget(target.id);
  }

  /** The athletes this one blocks, newest first. */
  blocked(athleteId: string, limit: number, after?: EdgeCursor): Promise<FollowEdge[]> {
    return this.blocks.list(athleteId, limit, after);
  }

  /**
   * `athlete.changed`: an athlete who stops approving followers accepts every pending request
   * (as Strava does), in the transaction that changes the setting; each is announced as
   * accepted.
   */
  readonly onAthleteChange = async (
    tx: Transaction<Database>,
    athleteId: string,
    fields: readonly string[],
  ): Promise<void> => {
    if (!fields.includes('approve_followers')) return;
    const followers = await this.follows.acceptAllPending(tx, athleteId);
    for (const followerId of followers)
      await this.events.emit('follow.accepted', tx, { followerId, followeeId: athleteId });
    this.forget(...followers);
  };

  /** A page of the ids of this athlete's followers, in id order, after `after`. */
  followerIdsAfter(athleteId: string, after: string | undefined, limit: number) {
    return this.follows.followerIdsAfter(athleteId, after, limit);
  }

  /** Ids of the athletes this one follows. */
  followeeIds(athleteId: string): Promise<string[]> {
    return cached(this.followees, athleteId, () => this.follows.followeeIds(athleteId));
  }

  private blockerIds(athleteId: string): Promise<Set<string>> {
    return cached(
      this.blockers,
      athleteId,
      async () => new Set(await this.blocks.blockerIds(athleteId)),
    );
  }

  /** Handles of every follower or followee, for the athlete's data export. */
  allHandles(athleteId: string, direction: 'followers' | 'following') {
    return this.follows.allHandles(athleteId, direction);
  }
}
