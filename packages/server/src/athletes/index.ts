import type { FeatureModule } from '../platform/module.js';
import { routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { AthleteRepository } from './athlete.repository.js';
import { AthleteService } from './athlete.service.js';
import { athleteRoutes } from './athletes.routes.js';
import { FollowRepository } from './follow.repository.js';
import { FollowService } from './follow.service.js';

export type { AthleteService, AthleteSummary } from './athlete.service.js';
export type { FollowService } from './follow.service.js';

/** Athletes and the follow graph: profiles, follow, followers and following. */
export function createAthletesModule(platform: Platform) {
  // One process serves the embedded database and sees every write: its caches stay exact.
  const exactCaches = platform.database.kind === 'pglite';
  const athletes = new AthleteService(new AthleteRepository(platform.db), platform.events, {
    exactCaches,
  });
  const follows = new FollowService(athletes, new FollowRepository(platform.db), { exactCaches });
  return {
    athletes,
    follows,
    routes: [routes('/api/v1/athletes', athleteRoutes, { follows })],
    jobs: {},
  } satisfies FeatureModule & Record<string, unknown>;
}

export type AthletesModule = ReturnType<typeof createAthletesModule>;
