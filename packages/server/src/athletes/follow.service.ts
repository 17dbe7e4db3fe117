import type { AthleteRow } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { AthleteRepository } from './athlete.repository.js';
import type { FollowEdge, FollowRepository } from './follow.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Athlete profiles and the follow graph. */
export class FollowService {
  constructor(
    private readonly athletes: AthleteRepository,
    private readonly follows: FollowRepository,
  ) {}

  /** Finds an athlete by id or handle, or answers 404. */
  async resolve(ref: string): Promise<AthleteRow> {
    const athlete = UUID.test(ref)
      ? await this.athletes.findById(ref)
      : await this.athletes.findByHandle(ref);
    if (!athlete) throw Errors.notFound(`no athlete "${ref}"`);
    return athlete;
  }

  async profile(viewerId: string | undefined, ref: string) {
    const athlete = await this.resolve(ref);
    const counts = await this.follows.counts(athlete.id);
    const followed = viewerId ? await this.follows.isFollowing(viewerId, athlete.id) : false;
    return { athlete, ...counts, followed };
  }

  async follow(viewerId: string, ref: string): Promise<void> {
    const target = await this.resolve(ref);
    if (target.id === viewerId) throw Errors.unprocessable('you cannot follow yourself');
    await this.follows.follow(viewerId, target.id);
  }

  async unfollow(viewerId: string, ref: string): Promise<void> {
    const target = await this.resolve(ref);
    await this.follows.unfollow(viewerId, target.id);
  }

  async list(
    ref: string,
    direction: 'followers' | 'following',
    limit: number,
    after?: { createdAt: Date; athleteId: string },
  ): Promise<FollowEdge[]> {
    const athlete = await this.resolve(ref);
    return this.follows.list(athlete.id, direction, limit, after);
  }
}
