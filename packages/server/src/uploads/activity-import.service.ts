import { DEFAULT_LIMITS } from '@stride/formats';
import type { Kysely } from 'kysely';
import { type ActivityService, defaultName } from '../activities/activity.service.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { ComputePool } from '../compute/compute-pool.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { ActivityRow, Database, Visibility } from '../platform/db/schema.js';
import { uuidFromName } from '../platform/ids.js';
import { PermanentJobError } from '../platform/jobs/index.js';
import type { UploadRepository } from './upload.repository.js';
import type { UploadRequest } from './upload.service.js';

/**
 * Turns an uploaded file into activities, in the background: parse (formats), clean and
 * compute (core), store the encoded streams, then the activity rows and the upload's status in
 * one transaction. Safe to run twice: ids derive from the upload id, and a finished upload is
 * skipped. A file that cannot be read ends as status "error" with the importer's message.
 */
export class ActivityImportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly uploads: UploadRepository,
    private readonly athletes: AthleteService,
    private readonly lifecycle: ActivityService,
    private readonly blobs: BlobStore,
    private readonly compute: ComputePool,
  ) {}

  async process(uploadId: string, lastAttempt: boolean): Promise<'success' | 'skipped'> {
    const upload = await this.uploads.findById(uploadId);
    if (!upload || !['queued', 'processing'].includes(upload.status)) return 'skipped';
    await this.uploads.setStatus(uploadId, 'processing');
    try {
      const bytes = await this.blobs.get(upload.blob_key);
      if (!bytes) throw new PermanentJobError('the uploaded file is missing from storage');
      const athlete = await this.athletes.findById(upload.athlete_id);
      if (!athlete) return 'skipped';
      const request = (upload.requested ?? {}) as UploadRequest;
      const result = await this.compute.run('importFile', {
        bytes,
        sport: request.sport_type,
        athlete,
      });
      if (!result.ok) {
        await this.uploads.setStatus(uploadId, 'error', { error: result.error });
        return 'success';
      }
      let firstId: string | undefined;
      let duplicateOf: string | undefined;
      const warnings = new Set(result.warnings);
      let refused: string | undefined;
      for (const activity of result.activities) {
        const id = uuidFromName(`upload:${uploadId}:${activity.index}`);
        if (activity.computed === undefined) {
          refused ??= activity.refused;
          if (result.activities.length > 1)
            warnings.add(`Activity ${activity.index + 1} was left out: ${activity.refused}`);
          continue;
        }
        const { sport, computed } = activity;
        for (const w of computed.warnings) warnings.add(w);
        const existing = await this.lifecycle.findDuplicate(
          upload.athlete_id,
          upload.file_hash,
          computed.columns,
          id,
        );
        if (existing) {
          duplicateOf ??= existing.id;
          continue;
        }
        const name =
          (result.activities.length === 1 && request.name) ||
          activity.name ||
          defaultName(
            sport,
            computed.columns.started_at ?? new Date(),
            computed.columns.utc_offset_s,
          );
        await this.lifecycle.createImported(
          {
            id,
            athlete_id: upload.athlete_id,
            sport_type: sport,
            name,
            description: request.description ?? null,
            state: 'complete',
            visibility:
              (request.visibility as Visibility | undefined) ?? athlete.default_visibility,
            source: 'upload',
            upload_id: uploadId,
            file_hash: upload.file_hash,
            device_name: activity.deviceName,
          },
          computed,
        );
        firstId ??= id;
      }
      const list = [...warnings];
      await this.db.transaction().execute(async (tx) => {
        if (firstId)
          await this.uploads.setStatus(
            uploadId,
            'ready',
            { activity_id: firstId, warnings: list },
            tx,
          );
        else if (duplicateOf || !refused)
          await this.uploads.setStatus(
            uploadId,
            'duplicate',
            { activity_id: duplicateOf ?? null, warnings: list },
            tx,
          );
        else
          await this.uploads.setStatus(uploadId, 'error', { error: refused, warnings: list }, tx);
      });
      return 'success';
    } catch (error) {
      await recordFailure(this.uploads, uploadId, error, lastAttempt);
      throw error;
    }
  }

  /**
   * Computes an uploaded activity again from its original file, as stored, with the athlete's
   * current profile and the activity's current sport: 'skipped' when the activity or its
   * original is gone.
   */
  async recompute(row: ActivityRow): Promise<'success' | 'skipped'> {
    const upload = row.upload_id ? await this.uploads.findById(row.upload_id) : undefined;
    const bytes = upload ? await this.blobs.get(upload.blob_key) : undefined;
    if (!upload || !bytes) return 'skipped';
    // Which of the file's activities this is: its id derives from the upload id and its index.
    const k = Array.from({ length: DEFAULT_LIMITS.maxTracks }, (_, i) => i).find(
      (i) => uuidFromName(`upload:${upload.id}:${i}`) === row.id,
    );
    if (k === undefined) return 'skipped';
    const athlete = await this.athletes.findById(row.athlete_id);
    const result = await this.compute.run('importFile', {
      bytes,
      sport: row.sport_type,
      athlete: athlete ?? null,
      only: k,
    });
    const activity = result.ok ? result.activities[0] : undefined;
    // A file the current rules refuse keeps the numbers computed before.
    if (!activity?.computed) return 'skipped';
    await this.lifecycle.storeComputed(row, activity.computed);
    return 'success';
  }
}

/**
 * Marks an upload as failed when its job will not be retried (last attempt, or a permanent
 * error), so the athlete sees why; otherwise it stays in progress for the retry.
 */
export async function recordFailure(
  uploads: UploadRepository,
  uploadId: string,
  error: unknown,
  lastAttempt: boolean,
): Promise<void> {
  if (!lastAttempt && !(error instanceof PermanentJobError)) return;
  const message = error instanceof Error ? error.message : String(error);
  await uploads.setStatus(uploadId, 'error', { error: `Processing failed: ${message}` });
}
