import type { FeatureModule } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { FeedRepository } from './feed.repository.js';
import { FeedService } from './feed.service.js';

export type { FeedCursor, FeedEntry } from './feed.repository.js';
export type { FeedService } from './feed.service.js';

/**
 * The friends feed: inboxes filled by fan-out on write, with athletes of very many followers
 * merged in on read. Activities' list route (`mode=FRIENDS`) reads it; cards are rendered by
 * the activities feature from the stored views.
 */
export function createFeedModule(platform: Platform) {
  const { db, config, events, jobs, wakeWorker } = platform;
  const feed = new FeedService(
    new FeedRepository(db),
    jobs,
    wakeWorker,
    config.feedFanoutMaxFollowers,
  );
  feed.listen(events);
  return {
    feed,
    routes: [],
    jobs: {
      'feed.fanout': async ({ activityId }) =>
        (await feed.planFanout(activityId)) ? 'success' : 'skipped',
      'feed.fanout-batch': async (p) => {
        await feed.fanOutBatch(p);
        return 'success';
      },
      'feed.backfill': async (p) => {
        await feed.backfill(p);
        return 'success';
      },
    },
  } satisfies FeatureModule & Record<string, unknown>;
}

export type FeedModule = ReturnType<typeof createFeedModule>;
