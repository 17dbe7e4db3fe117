import {
  type ArchiveLimits,
  isFormatError,
  listZipEntries,
  readZipEntries,
  resolveLimits,
  type ZipEntry,
} from '@stride/formats';
import { CsvError } from 'csv-parse/sync';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { UploadRow } from '../platform/db/schema.js';
import { uuidFromName } from '../platform/ids.js';
import { PermanentJobError } from '../platform/jobs/index.js';
import { recordFailure } from './activity-import.service.js';
import {
  findActivitiesCsv,
  isActivityFileName,
  readActivitiesCsv,
  type StravaActivityMeta,
} from './strava-archive.js';
import type { UploadRepository } from './upload.repository.js';
import type { UploadRequest, UploadService } from './upload.service.js';

/**
 * Expands an uploaded ZIP archive (a Strava account export, or any zip of activity files) into
 * one upload per activity file, each processed by its own `upload.process` job, so one bad file
 * costs only itself and duplicates are found per file. A Strava export's activities.csv gives
 * each file the name, description and sport the athlete had. Safe to run twice: a file's upload
 * id derives from the archive id and the entry name, and existing ones are left alone.
 */
export class ArchiveImportService {
  private readonly limits: ArchiveLimits;

  constructor(
    private readonly uploads: UploadRepository,
    private readonly accept: UploadService,
    private readonly blobs: BlobStore,
    private readonly wakeWorker: () => void,
    limits: Partial<ArchiveLimits> = {},
  ) {
    this.limits = resolveLimits(limits);
  }

  async expand(uploadId: string, lastAttempt: boolean): Promise<'success' | 'skipped'> {
    const archive = await this.uploads.findById(uploadId);
    if (archive?.kind !== 'archive') return 'skipped';
    if (!['queued', 'processing'].includes(archive.status)) return 'skipped';
    await this.uploads.setStatus(uploadId, 'processing');
    try {
      const bytes = await this.blobs.get(archive.blob_key);
      if (!bytes) throw new PermanentJobError('the uploaded file is missing from storage');
      const refused = await this.expandBytes(archive, bytes);
      if (refused) await this.uploads.setStatus(uploadId, 'error', { error: refused });
      else await this.uploads.setStatus(uploadId, 'ready');
      return 'success';
    } catch (error) {
      await recordFailure(this.uploads, uploadId, error, lastAttempt);
      throw error;
    } finally {
      this.wakeWorker();
    }
  }

  /** Creates the archive's file uploads; the reason when the archive is refused. */
  private async expandBytes(archive: UploadRow, bytes: Uint8Array): Promise<string | undefined> {
    const request = (archive.requested ?? {}) as UploadRequest;
    try {
      const entries = listZipEntries(bytes, this.limits);
      const csv = findActivitiesCsv(entries);
      // A Strava export keeps recordings in activities/ beside the CSV; routes/ holds plans.
      const folder = csv ? `${csv.name.slice(0, csv.name.lastIndexOf('/') + 1)}activities/` : '';
      const files = entries.filter((e) => e.name.startsWith(folder) && isActivityFileName(e.name));
      if (!files.length) return 'The archive holds no GPX, TCX or FIT files.';
      const wanted: ZipEntry[] = csv ? [csv, ...files] : files;
      let meta = new Map<string, StravaActivityMeta>();
      for (const read of readZipEntries(bytes, wanted, this.limits)) {
        if (read.entry === csv) {
          meta = readMeta(read.bytes, csv.name);
          continue;
        }
        const name = read.entry.name;
        await this.accept.acceptFromArchive(archive, {
          id: uuidFromName(`archive:${archive.id}:${name}`),
          name,
          bytes: read.bytes,
          requested: { ...meta.get(name), visibility: request.visibility },
        });
      }
      return undefined;
    } catch (error) {
      if (isFormatError(error)) return error.message;
      throw error;
    }
  }
}

/** An unreadable activities.csv costs the names and sports, not the activities. */
function readMeta(bytes: Uint8Array, path: string): Map<string, StravaActivityMeta> {
  try {
    return readActivitiesCsv(bytes, path);
  } catch (error) {
    if (error instanceof CsvError) return new Map();
    throw error;
  }
}
