import type { AthleteService } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import { type FeatureModule, routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { LeaderboardRepository } from './leaderboard.repository.js';
import { LeaderboardService, type RenderMissingOthersViews } from './leaderboard.service.js';
import { LeaderboardRebuild } from './leaderboard-rebuild.js';
import { leaderboardRoutes } from './leaderboards.routes.js';
import { createLeaderboardStores } from './stores/create-stores.js';

export type { LeaderboardRebuild, RebuildStep } from './leaderboard-rebuild.js';
export type { AthleteTotalsStore, SegmentLeaderboardStore } from './leaderboard-store.js';

/**
 * Leaderboards: athletes' distance totals by period and place, and the storage of segment
 * boards (Redis sorted sets with REDIS_URL, SQL tables otherwise), kept in step by jobs and
 * restorable by a rebuild.
 */
export function createLeaderboardsModule(
  platform: Platform,
  deps: {
    athletes: AthleteService;
    follows: FollowService;
    /** From the activities feature (late-bound there: it is built after this one). */
    renderMissingOthersViews: RenderMissingOthersViews;
  },
) {
  const { db, redis, config, jobs, events, log } = platform;
  const { segmentBoards, athleteTotals } = createLeaderboardStores(
    db,
    redis,
    config.redisKeyPrefix,
  );
  const leaderboards = new LeaderboardService(
    new LeaderboardRepository(db),
    deps.athletes,
    deps.follows,
    jobs,
    athleteTotals,
    deps.renderMissingOthersViews,
  );
  const rebuild = new LeaderboardRebuild([leaderboards.totalsRebuild()], log);
  events.on('activity.changed', leaderboards.onActivityChange);
  events.on('privacy.changed', leaderboards.onPrivacyChange);
  return {
    leaderboards,
    rebuild,
    segmentBoards,
    athleteTotals,
    routes: [routes('/api/v1/leaderboards', leaderboardRoutes, { leaderboards })],
    jobs: {
      'leaderboards.athlete-day': (payload) => leaderboards.refreshDay(payload),
      'leaderboards.rebuild': (_payload, ctx) => rebuild.run(ctx.signal),
    },
  } satisfies FeatureModule & Record<string, unknown>;
}

export type LeaderboardsModule = ReturnType<typeof createLeaderboardsModule>;
