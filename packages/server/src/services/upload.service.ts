import { createHash, randomUUID } from 'node:crypto';
import { sniffFormat } from '@stride/formats';
import type { Kysely } from 'kysely';
import type { BlobStore } from '../adapters/blobs/blob-store.js';
import type { Database, UploadRow, Visibility } from '../db/schema.js';
import { Errors } from '../errors.js';
import type { JobRepository } from '../repositories/job.repository.js';
import type { UploadRepository } from '../repositories/upload.repository.js';

/** What the uploader may ask for; applied to the activity when the file is processed. */
export interface UploadRequest {
  name?: string | undefined;
  description?: string | undefined;
  sport_type?: string | undefined;
  visibility?: Visibility | undefined;
  external_id?: string | undefined;
}

/**
 * Accepts activity files. The original is stored in the blob store first, then the upload row
 * and its processing job commit in one transaction: once the client has its 202, neither the
 * file nor the work can be lost. Parsing happens in the background job.
 */
export class UploadService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly uploads: UploadRepository,
    private readonly jobs: JobRepository,
    private readonly blobs: BlobStore,
    private readonly wakeWorker: () => void,
  ) {}

  async accept(
    athleteId: string,
    bytes: Uint8Array,
    fileName: string | undefined,
    request: UploadRequest,
  ): Promise<UploadRow> {
    if (bytes.length === 0)
      throw Errors.validation('the file is empty', {
        fields: [{ field: 'file', message: 'is empty' }],
      });
    if (sniffFormat(bytes) === 'unknown') {
      throw Errors.unsupportedMediaType(
        'this file is not a GPX, TCX or FIT file (or a gzip of one)',
      );
    }
    const fileHash = createHash('sha256').update(bytes).digest('hex');
    const base = {
      athlete_id: athleteId,
      file_name: fileName?.slice(0, 255) ?? null,
      file_size: bytes.length,
      file_hash: fileHash,
      external_id: request.external_id ?? null,
      requested: request,
    };

    // The same file again: a retry while it is being processed gets the same upload back; a
    // file whose activity exists is answered as a duplicate of it, without a second copy.
    const previous = await this.uploads.findByHash(athleteId, fileHash);
    if (previous && previous.status !== 'ready') return previous;
    if (previous?.status === 'ready') {
      return this.uploads.insert({
        ...base,
        id: randomUUID(),
        status: 'duplicate',
        blob_key: previous.blob_key,
        activity_id: previous.activity_id,
      });
    }

    const id = randomUUID();
    const blobKey = `uploads/${id}/original`;
    await this.blobs.put(blobKey, bytes);
    const row = await this.db.transaction().execute(async (tx) => {
      const inserted = await this.uploads.insert(
        { ...base, id, status: 'queued', blob_key: blobKey },
        tx,
      );
      await this.jobs.enqueue(
        { name: 'upload.process', payload: { uploadId: id }, key: `upload.process:${id}` },
        tx,
      );
      return inserted;
    });
    this.wakeWorker();
    return row;
  }

  /** The athlete's own upload, or 404 (also for other athletes' uploads). */
  async get(athleteId: string, id: string): Promise<UploadRow> {
    const row = await this.uploads.findById(id);
    if (!row || row.athlete_id !== athleteId) throw Errors.notFound('no such upload');
    return row;
  }
}
