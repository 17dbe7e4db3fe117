import { ImplausibleActivityError } from '@stride/core';
import {
  type ImportedActivity,
  importActivityFile,
  isFormatError,
  warningText,
} from '@stride/formats';
import type { Kysely } from 'kysely';
import { type ActivityService, defaultName } from '../activities/activity.service.js';
import { type ComputedActivity, computeActivity } from '../activities/activity-compute.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { ActivityRow, AthleteRow, Database, Visibility } from '../platform/db/schema.js';
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
  ) {}

  async process(uploadId: string, lastAttempt: boolean): Promise<'success' | 'skipped'> {
    const upload = await this.uploads.findById(uploadId);
    if (!upload || !['queued', 'processing'].includes(upload.status)) return 'skipped';
    await this.uploads.setStatus(uploadId, 'processing');
    try {
      const bytes = await this.blobs.get(upload.blob_key);
      if (!bytes) throw new PermanentJobError('the uploaded file is missing from storage');
      let imported: ImportedActivity[];
      let fileWarnings: string[];
      try {
        const result = importActivityFile(bytes);
        fileWarnings = result.warnings.map(warningText);
        imported = result.activities.filter((a) => a.track.length > 0);
        if (!imported.length) {
          const what = result.courses.length
            ? 'a planned route, not a recorded activity'
            : 'no recorded activity';
          await this.uploads.setStatus(uploadId, 'error', { error: `This file holds ${what}.` });
          return 'success';
        }
      } catch (error) {
        if (!isFormatError(error)) throw error;
        await this.uploads.setStatus(uploadId, 'error', { error: error.message });
        return 'success';
      }

      const athlete = await this.athletes.findById(upload.athlete_id);
      if (!athlete) return 'skipped';
      const request = (upload.requested ?? {}) as UploadRequest;
      let firstId: string | undefined;
      let duplicateOf: string | undefined;
      const warnings = new Set(fileWarnings);
      let refused: string | undefined;
      for (const [k, activity] of imported.entries()) {
        const id = uuidFromName(`upload:${uploadId}:${k}`);
        const sport = request.sport_type || activity.sport || 'Workout';
        let computed: ComputedActivity;
        try {
          computed = computeImported(activity, sport, athlete, fileWarnings);
        } catch (error) {
          if (!(error instanceof ImplausibleActivityError)) throw error;
          refused ??= error.message;
          if (imported.length > 1) warnings.add(`Activity ${k + 1} was left out: ${error.message}`);
          continue;
        }
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
          (imported.length === 1 && request.name) ||
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
            device_name: deviceName(activity),
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
    const result = importActivityFile(bytes);
    const imported = result.activities.filter((a) => a.track.length > 0);
    const k = imported.findIndex((_, i) => uuidFromName(`upload:${upload.id}:${i}`) === row.id);
    if (k < 0) return 'skipped';
    const athlete = await this.athletes.findById(row.athlete_id);
    const warnings = result.warnings.map(warningText);
    await this.lifecycle.storeComputed(
      row,
      computeImported(imported[k]!, row.sport_type, athlete, warnings),
    );
    return 'success';
  }
}

function deviceName(a: ImportedActivity): string | null {
  const d = a.device;
  if (!d) return null;
  return d.name ?? ([d.manufacturer, d.product].filter(Boolean).join(' ') || null);
}

/** A device file's activity computed as devices do: barometric altitude, the file's laps and pauses. */
function computeImported(
  activity: ImportedActivity,
  sport: string,
  athlete: AthleteRow | null | undefined,
  warnings: string[],
): ComputedActivity {
  return computeActivity(activity.track, {
    warnings,
    sport,
    athlete,
    pauses: activity.pauses,
    laps: activity.laps,
    deviceTotals: activity.deviceTotals,
    elevationSource: 'barometric',
  });
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
