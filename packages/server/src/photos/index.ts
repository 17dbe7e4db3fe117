import type { ActivityService } from '../activities/activity.service.js';
import { type FeatureModule, routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { PhotoRepository } from './photo.repository.js';
import { PhotoService } from './photo.service.js';
import { photoRoutes } from './photos.routes.js';

export type { PhotoService, PhotoSummary } from './photo.service.js';

/**
 * Photos on activities: sizes made with sharp, every piece of metadata removed, kept in the
 * blob store under the activity; seen by whoever may see the activity.
 */
export function createPhotosModule(platform: Platform, deps: { activities: ActivityService }) {
  const photos = new PhotoService(
    new PhotoRepository(platform.db),
    deps.activities,
    platform.blobs,
  );
  return {
    photos,
    routes: [routes('/api/v1/activities', photoRoutes, { photos })],
    jobs: {},
  } satisfies FeatureModule & Record<string, unknown>;
}

export type PhotosModule = ReturnType<typeof createPhotosModule>;
