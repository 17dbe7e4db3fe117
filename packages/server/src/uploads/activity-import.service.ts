import { DEFAULT_LIMITS } from '@stride/formats';
import type { Kysely } from 'kysely';
import { type ActivityService, defaultName } from '../activities/activity.service.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { ComputePool } from '../compute/compute-pool.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type {
  ActivityRow,
  AthleteRow,
  Database,
  UploadRow,
  Visibility,
} from '../platform/db/schema.js';
import { uuidFromName } from '../platform/ids.js';
import { PermanentJobError } from '../platform/jobs/index.js';
import type { FileImport } from './file-import.js';
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
      const result = await this.compute.run('importFile', {
        bytes,
        sport: ((upload.requested ?? {}) as UploadRequest).sport_type,
        athlete,
      });
      if (!result.ok) {
        await this.uploads.setStatus(uploadId, 'error', { error: result.error });
        return 'success';
      }
      const { ids, created, warnings, refused } = await this.storeActivities(
        upload,
        athlete,
        result,
      );
      await this.db.transaction().execute(async (tx) => {
        const found = { activity_id: ids[0] ?? null, activity_ids: ids, warnings };
        if (created) await this.uploads.setStatus(uploadId, 'ready', found, tx);
        else if (ids.length || !refused)
          await this.uploads.setStatus(uploadId, 'duplicate', found, tx);
        else await this.uploads.setStatus(uploadId, 'error', { error: refused, warnings }, tx);
      });
      return 'success';
    } catch (error) {
      await recordFailure(this.uploads, uploadId, error, lastAttempt);
      throw error;
    }
  }

  /**
   * Stores each activity of a parsed file that is not already stored or a duplicate (of the
   * same session of the same file, or of an activity at the same time and distance): ids derive
   * from the upload id and the activity's index in the file, so running it again adds only
   * what is missing. A recompute passes `own` (stored again in place) and whether to add the
   * file's other activities that are missing (`addMissing`).
   */
  private async storeActivities(
    upload: UploadRow,
    athlete: AthleteRow,
    result: Extract<FileImport, { ok: true }>,
    recompute?: { own: ActivityRow; addMissing: boolean },
  ): Promise<{ ids: string[]; created: boolean; warnings: string[]; refused?: string }> {
    const own = recompute?.own;
    const request = (upload.requested ?? {}) as UploadRequest;
    // Every activity of the file, new or found to be a duplicate, in the file's order.
    const ids: string[] = [];
    let created = false;
    const warnings = new Set(result.warnings);
    let refused: string | undefined;
    const several = result.activities.length > 1;
    const group = result.activities.some((a) => a.multisport)
      ? uuidFromName(`upload:${upload.id}:group`)
      : null;
    for (const activity of result.activities) {
      const id = uuidFromName(`upload:${upload.id}:${activity.index}`);
      const which = several ? `Activity ${activity.index + 1} of the file` : 'The activity';
      if (activity.computed === undefined) {
        refused ??= activity.refused;
        if (several) warnings.add(`${which} was left out: ${activity.refused}`);
        continue;
      }
      const { sport, computed } = activity;
      for (const w of computed.warnings) warnings.add(w);
      const grouping = {
        file_index: activity.index,
        group_id: group,
        group_size: activity.multisport?.count ?? null,
      };
      if (own?.id === id) {
        await this.lifecycle.storeComputed(own, computed, grouping);
        ids.push(id);
        continue;
      }
      if (recompute && !recompute.addMissing) continue;
      // Per session: the other sessions of a multisport file are not duplicates of the first.
      const existing = await this.lifecycle.findDuplicate(
        upload.athlete_id,
        { hash: upload.file_hash, index: activity.index },
        computed.columns,
        id,
      );
      if (existing) {
        ids.push(existing.id);
        if (several && !own) warnings.add(`${which} was already imported.`);
        continue;
      }
      const name =
        (!several && request.name) ||
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
          visibility: (request.visibility as Visibility | undefined) ?? athlete.default_visibility,
          source: 'upload',
          upload_id: upload.id,
          file_hash: upload.file_hash,
          device_name: activity.deviceName,
          ...grouping,
        },
        computed,
      );
      ids.push(id);
      created = true;
    }
    return { ids, created, warnings: [...warnings], ...(refused ? { refused } : {}) };
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
    const k =
      row.file_index ??
      Array.from({ length: DEFAULT_LIMITS.maxTracks }, (_, i) => i).find(
        (i) => uuidFromName(`upload:${upload.id}:${i}`) === row.id,
      );
    const athlete = await this.athletes.findById(row.athlete_id);
    if (k === undefined || !athlete) return 'skipped';
    const request = (upload.requested ?? {}) as UploadRequest;
    const file = await this.compute.run('importFile', {
      bytes,
      sport: request.sport_type,
      athlete,
    });
    // A file the current rules cannot read keeps the numbers computed before.
    if (!file.ok) return 'skipped';
    let own = file.activities.find((a) => a.index === k);
    // The athlete may have changed this activity's sport since: its numbers follow it.
    if (own && own.sport !== row.sport_type) {
      const again = await this.compute.run('importFile', {
        bytes,
        sport: row.sport_type,
        athlete,
        only: k,
      });
      own = again.ok ? again.activities[0] : undefined;
    }
    // A file the current rules refuse keeps the numbers computed before.
    if (!own?.computed) return 'skipped';
    const activities = file.activities.map((a) => (a.index === k ? own! : a));
    // Sessions an earlier version of the import left out (a multisport file's later legs) are
    // stored now. Such an upload lists no activities; one that does lists all it made, and an
    // activity missing from it since was deleted by the athlete: it stays deleted.
    const addMissing = upload.activity_ids.length === 0;
    const { ids } = await this.storeActivities(
      upload,
      athlete,
      { ...file, activities },
      { own: row, addMissing },
    );
    if (addMissing) await this.uploads.setStatus(upload.id, upload.status, { activity_ids: ids });
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
