import type { Kysely, Transaction } from 'kysely';
import type { Database, UploadKind, UploadRow, UploadStatus } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** How an archive's files are doing: `queued` counts those waiting or being processed. */
export interface ArchiveCounts {
  files: number;
  ready: number;
  duplicate: number;
  error: number;
  queued: number;
}

type NewUpload = {
  id: string;
  athlete_id: string;
  status: UploadStatus;
  kind?: UploadKind;
  parent_id?: string | null;
  file_name: string | null;
  file_size: number;
  file_hash: string;
  blob_key: string;
  external_id: string | null;
  requested: unknown;
  activity_id?: string | null;
  /** JSON array of ids. */
  activity_ids?: string;
  error?: string | null;
};

export class UploadRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(upload: NewUpload, executor: Executor = this.db): Promise<UploadRow> {
    return executor
      .insertInto('uploads')
      .values({ ...upload, requested: JSON.stringify(upload.requested ?? null) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Inserts unless a row with this id exists: true when this call created it. */
  async insertIfAbsent(upload: NewUpload, executor: Executor = this.db): Promise<boolean> {
    const row = await executor
      .insertInto('uploads')
      .values({ ...upload, requested: JSON.stringify(upload.requested ?? null) })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return !!row;
  }

  /** The statuses of an archive's files, counted in one query. */
  async countChildren(parentId: string): Promise<ArchiveCounts> {
    const rows = await this.db
      .selectFrom('uploads')
      .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('parent_id', '=', parentId)
      .groupBy('status')
      .execute();
    const counts: ArchiveCounts = { files: 0, ready: 0, duplicate: 0, error: 0, queued: 0 };
    for (const { status, n } of rows) {
      const count = Number(n);
      counts.files += count;
      if (status === 'queued' || status === 'processing') counts.queued += count;
      else counts[status] += count;
    }
    return counts;
  }

  async findById(id: string, executor: Executor = this.db): Promise<UploadRow | undefined> {
    return executor.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async setStatus(
    id: string,
    status: UploadStatus,
    extra: {
      error?: string | null;
      activity_id?: string | null;
      activity_ids?: string[];
      warnings?: string[];
    } = {},
    executor: Executor = this.db,
  ): Promise<void> {
    const { warnings, activity_ids, ...rest } = extra;
    await executor
      .updateTable('uploads')
      .set({
        status,
        ...rest,
        ...(warnings ? { warnings: JSON.stringify(warnings) } : {}),
        ...(activity_ids ? { activity_ids: JSON.stringify(activity_ids) } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  }

  /** The newest upload of this file by this athlete that produced (or found) an activity. */
  async findByHash(athleteId: string, fileHash: string): Promise<UploadRow | undefined> {
    return this.db
      .selectFrom('uploads')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .where('file_hash', '=', fileHash)
      .where('status', 'in', ['queued', 'processing', 'ready'])
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  }

  async listByAthlete(athleteId: string, limit: number): Promise<UploadRow[]> {
    return this.db
      .selectFrom('uploads')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }

  /**
   * Every stored original an athlete uploaded (not those refused as duplicates), oldest first.
   * Archives are left out: each of their activity files is an upload of its own.
   */
  /** Ids of file uploads that ended in error, a page at a time (keyset on id). */
  async refusedFiles(limit: number, afterId?: string): Promise<string[]> {
    let q = this.db
      .selectFrom('uploads')
      .select('id')
      .where('status', '=', 'error')
      .where('kind', '=', 'file');
    if (afterId) q = q.where('id', '>', afterId);
    return (await q.orderBy('id').limit(limit).execute()).map((r) => r.id);
  }

  async originalsOf(
    athleteId: string,
    executor: Executor = this.db,
  ): Promise<Array<Pick<UploadRow, 'id' | 'blob_key' | 'file_name'>>> {
    return executor
      .selectFrom('uploads')
      .select(['id', 'blob_key', 'file_name'])
      .where('athlete_id', '=', athleteId)
      .where('status', '!=', 'duplicate')
      .where('kind', '=', 'file')
      .orderBy('created_at')
      .execute();
  }

  /** Ids of every upload of an athlete, whatever its status. */
  async idsOf(athleteId: string, executor: Executor = this.db): Promise<string[]> {
    const rows = await executor
      .selectFrom('uploads')
      .select('id')
      .where('athlete_id', '=', athleteId)
      .execute();
    return rows.map((r) => r.id);
  }
}
