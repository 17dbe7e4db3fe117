import type { ActivityService } from '../activities/activity.service.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import { type FeatureModule, routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { ActivityImportService } from './activity-import.service.js';
import { ArchiveImportService } from './archive-import.service.js';
import { ImportPool } from './import-pool.js';
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
  deps: { athletes: AthleteService; activities: ActivityService },
) {
  const { db, blobs, jobs, wakeWorker, config } = platform;
  const repository = new UploadRepository(db);
  const uploads = new UploadService(db, repository, jobs, blobs, wakeWorker);
  const pool = new ImportPool(config.importThreads);
  const imports = new ActivityImportService(
    db,
    repository,
    deps.athletes,
    deps.activities,
    blobs,
    pool,
  );
  const archives = new ArchiveImportService(repository, uploads, blobs, wakeWorker);
  return {
    uploads,
    imports,
    archives,
    pool,
    /** Ends the import threads: after the worker stopped, so no job still needs them. */
    close: () => pool.close(),
    routes: [
      routes('/api/v1/uploads', uploadRoutes, { uploads, maxUploadBytes: config.maxUploadBytes }),
    ],
    jobs: {
      'upload.process': (payload, ctx) => imports.process(payload.uploadId, ctx.lastAttempt),
      'upload.expand': (payload, ctx) => archives.expand(payload.uploadId, ctx.lastAttempt),
    },
  } satisfies FeatureModule & Record<string, unknown>;
}

export type UploadsModule = ReturnType<typeof createUploadsModule>;
