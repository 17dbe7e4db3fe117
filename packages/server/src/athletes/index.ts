import type { FeatureModule } from '../platform/module.js';
import { routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { AthleteRepository } from './athlete.repository.js';
import { AthleteService } from './athlete.service.js';
import { AthleteSearch, type FindSegmentNeighbours } from './athlete-search.js';
import { AthleteSearchRepository } from './athlete-search.repository.js';
import { athleteSearchRoutes } from './athlete-search.routes.js';
import { athleteRoutes } from './athletes.routes.js';
import { BlockRepository } from './block.repository.js';
import { FollowRepository } from './follow.repository.js';
import { FollowService } from './follow.service.js';
import { myFollowsRoutes } from './my-follows.routes.js';

export type { AthleteService, AthleteSummary } from './athlete.service.js';
export type { FindSegmentNeighbours, SegmentNeighbour } from './athlete-search.js';
export type { Access, FollowService } from './follow.service.js';

/**
 * Athletes and the follow graph: profiles, follow (or ask to), followers and following, follow
 * requests, removed followers and blocks; finding people (search, who to follow).
 */
export function createAthletesModule(
  platform: Platform,
  deps: {
    /** Who else goes over an athlete's segments (segments, built later: bound late). */
    segmentNeighbours?: () => FindSegmentNeighbours | undefined;
  } = {},
) {
  // One process serves the embedded database and sees every write: its caches stay exact.
  const exactCaches = platform.database.kind === 'pglite';
  const athletes = new AthleteService(new AthleteRepository(platform.db), platform.events, {
    exactCaches,
  });
  const follows = new FollowService(
    athletes,
    new FollowRepository(platform.db),
    new BlockRepository(platform.db),
    platform.events,
    { exactCaches },
  );
  const search = new AthleteSearch(
    new AthleteSearchRepository(platform.db),
    athletes,
    deps.segmentNeighbours ?? (() => undefined),
  );
  // Turning "approve followers" off accepts the pending requests, with the setting's change.
  platform.events.on('athlete.changed', follows.onAthleteChange);
  return {
    athletes,
    follows,
    search,
    routes: [
      // Fastify's router prefers these fixed paths to /:athlete: sign-up keeps their names
      // from being handles (RESERVED_HANDLES).
      routes('/api/v1/athletes', athleteSearchRoutes, { search }),
      routes('/api/v1/athletes', athleteRoutes, { follows }),
      routes('/api/v1/me', myFollowsRoutes, { follows }),
    ],
    jobs: {},
  } satisfies FeatureModule & Record<string, unknown>;
}

export type AthletesModule = ReturnType<typeof createAthletesModule>;
