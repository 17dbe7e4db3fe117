import type { ActivityService } from '../activities/activity.service.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import { type FeatureModule, routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import type { PrivacyService } from '../privacy/privacy.service.js';
import { type LiveStreamAuth, liveActivityRoutes, liveRoutes } from './live.routes.js';
import { LiveService } from './live.service.js';
import { LiveLinkRepository } from './live-link.repository.js';
import { LIVE_TTL_MS, type LiveStore } from './live-store.js';
import { LiveStreams } from './live-stream.js';
import { LocalLiveStore } from './local-live-store.js';
import { RedisLiveStore } from './redis-live-store.js';

/**
 * Live tracking: the recorder's batches in the live-state port (in-process, or Redis with
 * REDIS_URL: a Stream of events and a hash of points per session, with a time to live), fanned
 * out to viewers on every API process over pub/sub; sharing with followers and safety links;
 * the privacy rules applied to everything others get. A session ends when its activity is
 * saved or discarded, when sharing stops, or after `ttlMs` of silence.
 */
export function createLiveModule(
  platform: Platform,
  deps: {
    activities: ActivityService;
    athletes: AthleteService;
    follows: FollowService;
    privacy: PrivacyService;
    auth: LiveStreamAuth;
    /** Silence that ends a session (tests shorten it). */
    ttlMs?: number | undefined;
    /** Heart-beat period of open streams (tests shorten it). */
    heartbeatMs?: number | undefined;
  },
) {
  const { db, config, events, pubsub, redis } = platform;
  const ttlMs = deps.ttlMs ?? LIVE_TTL_MS;
  const store: LiveStore = redis
    ? new RedisLiveStore(redis, config.redisKeyPrefix, ttlMs)
    : new LocalLiveStore(ttlMs);
  const live = new LiveService(store, new LiveLinkRepository(db), {
    activities: deps.activities,
    athletes: deps.athletes,
    follows: deps.follows,
    privacy: deps.privacy,
    pubsub,
    db,
    events,
  });
  const streams = new LiveStreams(live, deps.heartbeatMs);

  // A recording saved (its first computed summary) or discarded ends its live session. A
  // failure here must not undo the save: the session then ends after its silence.
  events.on('activity.changed', async (_tx, before, after) => {
    const saved =
      after?.state === 'complete' && after.source === 'recorded' && !before?.streams_key;
    const discarded = !after && before?.source === 'recorded' && before.state !== 'complete';
    if (!saved && !discarded) return;
    await live.end((after ?? before)!.id, saved ? 'saved' : 'ended').catch((error: Error) => {
      platform.log?.error({ reason: error.message }, 'could not end a live session');
    });
  });

  const options = { live, streams, auth: deps.auth };
  return {
    live,
    streams,
    store,
    routes: [
      routes('/api/v1/activities', liveActivityRoutes, options),
      routes('/api/v1/live', liveRoutes, options),
    ],
    jobs: {},
  } satisfies FeatureModule & Record<string, unknown>;
}

export type LiveModule = ReturnType<typeof createLiveModule>;
