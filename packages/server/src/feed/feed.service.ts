import type { Transaction } from 'kysely';
import type { ActivityRow, Database } from '../platform/db/schema.js';
import type { EventHub, FollowEvent } from '../platform/events/event-hub.js';
import type { JobPayloads, JobQueue } from '../platform/jobs/index.js';
import {
  FANOUT_BATCH,
  type FeedCursor,
  type FeedEntry,
  type FeedRepository,
} from './feed.repository.js';

/** What a fan-out did: how many followers it planned for, in how many jobs, or none (wide). */
export interface FanoutPlan {
  followers: number;
  batches: number;
  wide: boolean;
}

/**
 * The friends feed, by fan-out on write. An athlete's own activities enter their inbox in the
 * transaction that completes them; an activity that becomes visible to followers is written to
 * each follower's inbox by jobs of 1,000 followers each; athletes with more followers than the
 * threshold are not fanned out but merged into feeds on read (the hybrid). A new follow
 * back-fills the followee's latest 50 activities; an unfollow, a block or making an activity only-me
 * takes rows out; deleting an activity or an athlete removes theirs by cascade.
 */
export class FeedService {
  constructor(
    private readonly feed: FeedRepository,
    private readonly jobs: JobQueue<JobPayloads>,
    private readonly wakeWorker: () => void,
    /** More followers than this: read at feed time instead of fanned out. */
    private readonly maxFanout: number,
  ) {}

  listen(events: EventHub): void {
    events.on('activity.changed', this.onActivityChanged);
    events.on('follow.created', this.onFollow);
    events.on('follow.accepted', this.onFollow);
    events.on('follow.ended', (tx, e) => this.feed.removeAuthor(tx, e.followerId, e.followeeId));
    events.on('athlete.blocked', async (tx, e) => {
      await this.feed.removeAuthor(tx, e.blockerId, e.blockedId);
      await this.feed.removeAuthor(tx, e.blockedId, e.blockerId);
    });
  }

  /** One newest-first page of the reader's feed (their own activities and those they follow). */
  page(viewerId: string, limit: number, after?: FeedCursor): Promise<FeedEntry[]> {
    return this.feed.page(viewerId, limit, after);
  }

  private readonly onActivityChanged = async (
    tx: Transaction<Database>,
    before: ActivityRow | undefined,
    after: ActivityRow | undefined,
  ): Promise<void> => {
    // A deleted activity leaves every inbox by cascade; one not computed yet waits.
    if (!after || !listed(after)) return;
    const was = before && listed(before) ? before : undefined;
    if (was?.started_at?.getTime() !== after.started_at.getTime()) {
      await this.feed.addOwn(tx, after);
      if (was) await this.feed.moved(tx, after.id, after.started_at);
    }
    if (after.visibility === 'only_me') {
      if (was && was.visibility !== 'only_me') await this.feed.removeFromFollowers(tx, after.id);
    } else if (!was || was.visibility === 'only_me') {
      await this.jobs.enqueue('feed.fanout', { activityId: after.id }, tx);
      this.wakeWorker();
    }
  };

  private readonly onFollow = async (tx: Transaction<Database>, e: FollowEvent) => {
    await this.jobs.enqueue('feed.backfill', e, tx);
    this.wakeWorker();
  };

  /**
   * `feed.fanout`: nothing for an activity gone, not complete or only-me by now. Counts the athlete's followers; beyond the threshold, marks them as read at
   * feed time; otherwise queues one batch job per 1,000 followers. An athlete who falls back
   * under the threshold has their latest activities fanned out, since feeds stop merging them.
   */
  async planFanout(activityId: string): Promise<FanoutPlan | undefined> {
    const athleteId = await this.feed.fanoutAuthor(activityId);
    if (!athleteId) return undefined;
    const followers = await this.feed.followerCount(athleteId);
    const wide = followers > this.maxFanout;
    const wasWide = await this.feed.setWide(athleteId, wide, followers);
    if (wide || followers === 0) return { followers, batches: 0, wide };
    let activityIds = [activityId];
    if (wasWide)
      activityIds = [...new Set([activityId, ...(await this.feed.latestVisible(athleteId))])];
    const bounds = await this.feed.batchBounds(athleteId, FANOUT_BATCH);
    const ranges = [null, ...bounds].map((after, i) => ({ after, through: bounds[i] ?? null }));
    // An exact multiple of the batch size leaves the last, open range empty: skip it.
    if (bounds.length && followers % FANOUT_BATCH === 0) ranges.pop();
    const batches = activityIds.flatMap((id) => ranges.map((r) => ({ activityId: id, ...r })));
    await this.jobs.enqueueMany('feed.fanout-batch', batches);
    if (batches.length) this.wakeWorker();
    return { followers, batches: batches.length, wide };
  }

  fanOutBatch(p: JobPayloads['feed.fanout-batch']): Promise<number> {
    return this.feed.fanOut(p.activityId, p.after, p.through);
  }

  /** `feed.backfill`: nothing for a followee read at feed time. */
  async backfill(p: JobPayloads['feed.backfill']): Promise<number> {
    if (await this.feed.isWide(p.followeeId)) return 0;
    return this.feed.backfill(p.followerId, p.followeeId);
  }
}

/** Whether an activity belongs in feeds: complete and computed, with a start. */
function listed(a: ActivityRow): a is ActivityRow & { started_at: Date } {
  return a.state === 'complete' && a.algorithm_version !== null && a.started_at !== null;
}
