import type { ActivityService } from '../activities/activity.service.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { ComputePool } from '../compute/compute-pool.js';
import { type FeatureModule, routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { ActivityImportService } from './activity-import.service.js';
import { ArchiveImportService } from './archive-import.service.js';
import { UploadRepository } from './upload.repository.js';
import { UploadService } from './upload.service.js';
import { uploadRoutes } from './uploads.routes.js';

export type { UploadService } from './upload.service.js';

/**
 * Uploads: files and archives accepted at once and processed in the background into
 * activities (duplicates reported, not stored twice).
 */
export function createUploadsModule(
  platform: Platform,
  deps: { compute: ComputePool; athletes: AthleteService; activities: ActivityService },
) {
  const { db, blobs, jobs, wakeWorker, config } = platform;
  const repository = new UploadRepository(db);
  const uploads = new UploadService(db, repository, jobs, blobs, wakeWorker);
  const imports = new ActivityImportService(
    db,
    repository,
    deps.athletes,
    deps.activities,
    blobs,
    deps.compute,
  );
  const archives = new ArchiveImportService(repository, uploads, blobs, wakeWorker);
  return {
    uploads,
    imports,
    archives,
    routes: [
      routes('/api/v1/uploads', uploadRoutes, { uploads, maxUploadBytes: config.maxUploadBytes }),
    ],
    jobs: {
      'upload.process': (payload, ctx) => imports.process(payload.uploadId, ctx.lastAttempt),
      'upload.reprocess': (payload, ctx) => imports.process(payload.uploadId, ctx.lastAttempt),
      'upload.expand': (payload, ctx) => archives.expand(payload.uploadId, ctx.lastAttempt),
    },
  } satisfies FeatureModule & Record<string, unknown>;
}

export type UploadsModule = ReturnType<typeof createUploadsModule>;
