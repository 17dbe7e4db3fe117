import type { Track } from '@stride/core';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { ComputePool } from '../compute/compute-pool.js';
import type { ActivityRow } from '../platform/db/schema.js';
import { type FeatureModule, routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { PrivacyService } from './privacy.service.js';
import { PrivacyZoneRepository } from './privacy-zone.repository.js';
import { privacyZoneRoutes } from './privacy-zones.routes.js';

export type { ActivityView, PrivacyService } from './privacy.service.js';

/** Privacy zones and the one choke point every read for another person goes through. */
export function createPrivacyModule(
  platform: Platform,
  deps: {
    athletes: AthleteService;
    /** The owner's stored track of an activity. */
    loadTrack: (row: ActivityRow) => Promise<Track | null>;
    compute: ComputePool;
  },
) {
  const privacy = new PrivacyService(
    deps.athletes,
    new PrivacyZoneRepository(platform.db),
    deps.loadTrack,
    platform.events,
    deps.compute,
  );
  platform.events.on('athlete.changed', privacy.onAthleteChange);
  return {
    privacy,
    routes: [routes('/api/v1/me/privacy-zones', privacyZoneRoutes, { privacy })],
    jobs: {},
  } satisfies FeatureModule & Record<string, unknown>;
}

export type PrivacyModule = ReturnType<typeof createPrivacyModule>;
