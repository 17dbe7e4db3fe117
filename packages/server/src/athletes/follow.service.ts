import { cached, Lru } from '../platform/cache/lru.js';
import { Errors } from '../platform/errors.js';
import type { AthleteService } from './athlete.service.js';
import type { FollowEdge, FollowRepository } from './follow.repository.js';

/** The follow graph: profiles with their counts, follow and unfollow, lists. */
export class FollowService {
  /** Followee ids by follower, kept when this process sees every write (`exact` caches). */
  private readonly followees: Lru<string, Promise<string[]>> | undefined;

  constructor(
    private readonly athletes: AthleteService,
    private readonly follows: FollowRepository,
    options: { exactCaches?: boolean } = {},
  ) {
    this.followees = options.exactCaches ? new Lru(10_000) : undefined;
  }

  /** Forgets what is kept about these athletes' follows (they changed, or an account went). */
  forget(athleteId?: string): void {
    if (athleteId) this.followees?.delete(athleteId);
    else this.followees?.clear();
  }

  async profile(viewerId: string | undefined, ref: string) {
    const athlete = await this.athletes.resolve(ref);
    const counts = await this.follows.counts(athlete.id);
    const followed = viewerId ? await this.follows.isFollowing(viewerId, athlete.id) : false;
    return { athlete, ...counts, followed };
  }

  async follow(viewerId: string, ref: string): Promise<void> {
    const target = await this.athletes.resolve(ref);
    if (target.id === viewerId) throw Errors.unprocessable('you cannot follow yourself');
    await this.follows.follow(viewerId, target.id);
    this.forget(viewerId);
  }

  async unfollow(viewerId: string, ref: string): Promise<void> {
    const target = await this.athletes.resolve(ref);
    await this.follows.unfollow(viewerId, target.id);
    this.forget(viewerId);
  }

  async list(
    ref: string,
    direction: 'followers' | 'following',
    limit: number,
    after?: { createdAt: Date; athleteId: string },
  ): Promise<FollowEdge[]> {
    const athlete = await this.athletes.resolve(ref);
    return this.follows.list(athlete.id, direction, limit, after);
  }

  isFollowing(followerId: string, followeeId: string): Promise<boolean> {
    return this.follows.isFollowing(followerId, followeeId);
  }

  /** Ids of the athletes this one follows. */
  followeeIds(athleteId: string): Promise<string[]> {
    return cached(this.followees, athleteId, () => this.follows.followeeIds(athleteId));
  }

  /** Handles of every follower or followee, for the athlete's data export. */
  allHandles(athleteId: string, direction: 'followers' | 'following') {
    return this.follows.allHandles(athleteId, direction);
  }
}
