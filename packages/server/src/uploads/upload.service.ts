import { createHash, randomUUID } from 'node:crypto';
import { sniffFormat } from '@stride/formats';
import type { Kysely, Transaction } from 'kysely';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import { isForeignKeyViolation } from '../platform/db/errors.js';
import type { Database, UploadKind, UploadRow, Visibility } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { JobQueue } from '../platform/jobs/index.js';
import type { ArchiveCounts, UploadRepository } from './upload.repository.js';

/** What the uploader may ask for; applied to the activity when the file is processed. */
export interface UploadRequest {
  name?: string | undefined;
  description?: string | undefined;
  sport_type?: string | undefined;
  visibility?: Visibility | undefined;
  external_id?: string | undefined;
}

interface NewUploadBase {
  athlete_id: string;
  kind: UploadKind;
  parent_id?: string;
  file_name: string | null;
  file_size: number;
  file_hash: string;
  external_id: string | null;
  requested: UploadRequest;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Accepts activity files and ZIP archives of them. The original is stored in the blob store first, then the upload row
 * and its processing job commit in one transaction: once the client has its 202, neither the
 * file nor the work can be lost. Parsing happens in the background job; an archive's job makes
 * an upload of each activity file it holds.
 */
export class UploadService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly uploads: UploadRepository,
    private readonly jobs: JobQueue,
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
    const format = sniffFormat(bytes);
    if (format === 'unknown') {
      throw Errors.unsupportedMediaType(
        'this file is not a GPX, TCX or FIT file (or a gzip of one), nor a ZIP archive of them',
      );
    }
    const kind: UploadKind = format === 'zip' ? 'archive' : 'file';
    const base = {
      athlete_id: athleteId,
      kind,
      file_name: fileName?.slice(0, 255) ?? null,
      file_size: bytes.length,
      file_hash: sha256(bytes),
      external_id: request.external_id ?? null,
      requested: request,
    };

    // The same file again: a retry while it is being processed gets the same upload back; a
    // file whose activity exists is answered as a duplicate of it, without a second copy. An
    // archive sent again is read again: its files already imported are found one by one.
    const previous = await this.uploads.findByHash(athleteId, base.file_hash);
    if (previous && previous.status !== 'ready') return previous;
    if (previous?.status === 'ready' && kind === 'file') return this.duplicateOf(previous, base);
    const row = await this.store(randomUUID(), base, bytes);
    this.wakeWorker();
    return row;
  }

  /**
   * One activity file read from an archive, stored and queued as its own upload under a
   * deterministic id: false when an earlier run of the archive's job already created it.
   */
  async acceptFromArchive(
    archive: UploadRow,
    file: { id: string; name: string; bytes: Uint8Array; requested: UploadRequest },
  ): Promise<boolean> {
    if (await this.uploads.findById(file.id)) return false;
    const base = {
      athlete_id: archive.athlete_id,
      kind: 'file' as const,
      parent_id: archive.id,
      file_name: file.name.slice(0, 255),
      file_size: file.bytes.length,
      file_hash: sha256(file.bytes),
      external_id: null,
      requested: file.requested,
    };
    const previous = await this.uploads.findByHash(archive.athlete_id, base.file_hash);
    if (previous?.status === 'ready') {
      await this.uploads.insertIfAbsent({
        ...base,
        id: file.id,
        status: 'duplicate',
        blob_key: previous.blob_key,
        activity_id: previous.activity_id,
        activity_ids: JSON.stringify(previous.activity_ids),
      });
    } else {
      await this.store(file.id, base, file.bytes);
    }
    return true;
  }

  private duplicateOf(previous: UploadRow, base: NewUploadBase): Promise<UploadRow> {
    return this.uploads.insert({
      ...base,
      id: randomUUID(),
      status: 'duplicate',
      blob_key: previous.blob_key,
      activity_id: previous.activity_id,
      activity_ids: JSON.stringify(previous.activity_ids),
    });
  }

  /**
   * Stores the original, then the row and its job in one transaction (an archive's job reads
   * it). When the row cannot be written the file goes again, so no blob is left that nothing
   * points at; the account having been deleted meanwhile is a 401, as for any request of it.
   */
  private async store(id: string, base: NewUploadBase, bytes: Uint8Array): Promise<UploadRow> {
    const blobKey = `uploads/${id}/original`;
    await this.blobs.put(blobKey, bytes);
    const job = base.kind === 'archive' ? 'upload.expand' : 'upload.process';
    try {
      return await this.db.transaction().execute(async (tx) => {
        await this.uploads.insertIfAbsent({ ...base, id, status: 'queued', blob_key: blobKey }, tx);
        await this.jobs.enqueue(job, { uploadId: id }, tx);
        return (await this.uploads.findById(id, tx))!;
      });
    } catch (error) {
      // insertIfAbsent leaves a row written earlier under this id alone: keep its file then.
      if (!(await this.uploads.findById(id).catch(() => undefined)))
        await this.blobs.deletePrefix(`uploads/${id}/`).catch(() => {});
      if (isForeignKeyViolation(error)) throw Errors.invalidToken('this account no longer exists');
      throw error;
    }
  }

  /**
   * Queues every file upload that ended in error to be read again, a page at a time: after an
   * upgrade, a file the earlier code could not read (a decoder that gave up, a class of file
   * it refused) may be readable now. Each is queued with its job in one transaction.
   */
  async retryRefused(): Promise<number> {
    let count = 0;
    let after: string | undefined;
    for (;;) {
      const ids = await this.uploads.refusedFiles(200, after);
      for (const id of ids) {
        await this.db.transaction().execute(async (tx) => {
          await this.uploads.setStatus(id, 'queued', { error: null }, tx);
          await this.jobs.enqueue('upload.reprocess', { uploadId: id }, tx);
        });
      }
      count += ids.length;
      if (ids.length < 200) break;
      after = ids.at(-1);
    }
    if (count) this.wakeWorker();
    return count;
  }

  /** How an archive's files are doing; null for a single file. */
  async countsOf(row: UploadRow): Promise<ArchiveCounts | null> {
    return row.kind === 'archive' ? this.uploads.countChildren(row.id) : null;
  }

  /** Every stored original the athlete uploaded, oldest first (their data export). */
  originalsOf(athleteId: string): Promise<Array<Pick<UploadRow, 'id' | 'blob_key' | 'file_name'>>> {
    return this.uploads.originalsOf(athleteId);
  }

  /** Ids of every upload of the athlete, read in the caller's transaction (account deletion). */
  idsOf(athleteId: string, tx: Transaction<Database>): Promise<string[]> {
    return this.uploads.idsOf(athleteId, tx);
  }

  /** The athlete's own upload, or 404 (also for other athletes' uploads). */
  async get(athleteId: string, id: string): Promise<UploadRow> {
    const row = await this.uploads.findById(id);
    if (!row || row.athlete_id !== athleteId) throw Errors.notFound('no such upload');
    return row;
  }
}
