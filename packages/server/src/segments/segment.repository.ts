import { type Kysely, sql, type Transaction } from 'kysely';
import type {
  Database,
  NewSegment,
  SegmentRow,
  SegmentSport,
  SegmentStreamsData,
} from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** [minLat, minLng, maxLat, maxLng] */
export type BBox = readonly [number, number, number, number];

/** What the in-memory index needs of a segment. */
export interface IndexedSegment {
  id: string;
  sport_type: SegmentSport;
  polyline: string;
}

export interface SegmentChange {
  version: number;
  segment_id: string;
  op: 'add' | 'remove';
}

// Writers of segment_changes take this lock, so versions are gapless and commit in order: once
// a reader sees version v, every change up to v is committed.
const CHANGES_LOCK = sql`select pg_advisory_xact_lock(hashtextextended('segment_changes', 0))`;

/**
 * Changes kept in the log. A process further behind reloads its whole index; one within them
 * catches up in one sync, faster than a reload (0.4 s for 10,000 adds against 0.9–1.4 s to
 * reload 31 k segments, docs/segments.md).
 */
export const SEGMENT_CHANGES_KEPT = 10_000;

export interface SegmentRepositoryOptions {
  /** Changes the log keeps (at least 1: the latest version is the index's clock). */
  changesKept?: number;
}

const boxOf = (b: BBox) => sql`box(point(${b[1]}, ${b[0]}), point(${b[3]}, ${b[2]}))`;
const SEGMENT_BOX = sql`box(point(min_lng, min_lat), point(max_lng, max_lat))`;

/** Segments, their change log (for every process's index) and stars. */
export class SegmentRepository {
  private readonly changesKept: number;

  constructor(
    private readonly db: Kysely<Database>,
    options: SegmentRepositoryOptions = {},
  ) {
    this.changesKept = options.changesKept ?? SEGMENT_CHANGES_KEPT;
    if (!Number.isInteger(this.changesKept) || this.changesKept < 1)
      throw new RangeError(`changesKept must be a whole number ≥ 1, not ${this.changesKept}`);
  }

  transaction<T>(fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  /** Inserts the segment and its 'add' change; call inside the transaction that enqueues its backfill. */
  async create(tx: Transaction<Database>, segment: Omit<NewSegment, 'index_version'>) {
    await CHANGES_LOCK.execute(tx);
    const version = (await this.indexVersion(tx)) + 1;
    const row = await tx
      .insertInto('segments')
      .values({ ...segment, index_version: version })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.logChange(tx, version, row.id, 'add');
    return row;
  }

  /** Stores the elevation profile of a segment created in `tx`. */
  async saveStreams(
    tx: Transaction<Database>,
    segmentId: string,
    streams: SegmentStreamsData,
  ): Promise<void> {
    await tx
      .insertInto('segment_streams')
      .values({ segment_id: segmentId, streams: JSON.stringify(streams) })
      .execute();
  }

  async findStreams(segmentId: string): Promise<SegmentStreamsData | undefined> {
    const row = await this.db
      .selectFrom('segment_streams')
      .select('streams')
      .where('segment_id', '=', segmentId)
      .executeTakeFirst();
    return row?.streams;
  }

  /** Deletes the segment (efforts and stars cascade) and logs its removal. */
  async delete(tx: Transaction<Database>, id: string): Promise<boolean> {
    await CHANGES_LOCK.execute(tx);
    const gone = await tx.deleteFrom('segments').where('id', '=', id).executeTakeFirst();
    if (!gone.numDeletedRows) return false;
    const version = (await this.indexVersion(tx)) + 1;
    await this.logChange(tx, version, id, 'remove');
    await tx.deleteFrom('segment_athletes').where('segment_id', '=', id).execute();
    return true;
  }

  /**
   * Logs one change and drops those that fall out of the kept window, under CHANGES_LOCK:
   * the log stays a gapless run of its last `changesKept` versions, so a reader can tell from
   * the changes it reads whether any it needs are gone. The latest change is never dropped
   * (the next version is counted from it).
   */
  private async logChange(
    tx: Transaction<Database>,
    version: number,
    segmentId: string,
    op: SegmentChange['op'],
  ): Promise<void> {
    await tx.insertInto('segment_changes').values({ version, segment_id: segmentId, op }).execute();
    await tx
      .deleteFrom('segment_changes')
      .where('version', '<=', version - this.changesKept)
      .execute();
  }

  async findById(id: string, executor: Executor = this.db): Promise<SegmentRow | undefined> {
    return executor.selectFrom('segments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByIds(ids: readonly string[]): Promise<SegmentRow[]> {
    if (!ids.length) return [];
    return this.db.selectFrom('segments').selectAll().where('id', 'in', ids).execute();
  }

  /** The latest change version (0 before the first segment). */
  async indexVersion(executor: Executor = this.db): Promise<number> {
    const r = await executor
      .selectFrom('segment_changes')
      .select((eb) => eb.fn.max('version').as('v'))
      .executeTakeFirst();
    return Number(r?.v ?? 0);
  }

  /**
   * The changes after version `after` up to `upTo`, oldest first. The log keeps only its last
   * versions: fewer than `upTo - after` rows means the oldest of them were pruned.
   */
  async changesBetween(after: number, upTo: number): Promise<SegmentChange[]> {
    return this.db
      .selectFrom('segment_changes')
      .select(['version', 'segment_id', 'op'])
      .where('version', '>', after)
      .where('version', '<=', upTo)
      .orderBy('version')
      .execute();
  }

  /** One page (by id) of the segments that existed at `version`, for loading the index. */
  async pageForIndex(version: number, afterId: string | null, limit: number) {
    let q = this.db
      .selectFrom('segments')
      .select(['id', 'sport_type', 'polyline'])
      .where('index_version', '<=', version);
    if (afterId) q = q.where('id', '>', afterId);
    return q.orderBy('id').limit(limit).execute() as Promise<IndexedSegment[]>;
  }

  async forIndex(ids: readonly string[]): Promise<IndexedSegment[]> {
    if (!ids.length) return [];
    return this.db
      .selectFrom('segments')
      .select(['id', 'sport_type', 'polyline'])
      .where('id', 'in', ids)
      .execute() as Promise<IndexedSegment[]>;
  }

  /** Segments whose bounds meet `bbox`, most popular first (athletes, then stars). */
  async explore(bbox: BBox, sport: SegmentSport | undefined, limit: number): Promise<SegmentRow[]> {
    let q = this.db
      .selectFrom('segments')
      .selectAll()
      .where(sql<boolean>`${SEGMENT_BOX} && ${boxOf(bbox)}`);
    if (sport) q = q.where('sport_type', '=', sport);
    return q
      .orderBy('athlete_count', 'desc')
      .orderBy('star_count', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** Moves the public effort and athlete counters by the given differences. */
  async addCounts(tx: Executor, id: string, efforts: number, athletes: number): Promise<void> {
    if (!efforts && !athletes) return;
    await tx
      .updateTable('segments')
      .set((eb) => ({
        effort_count: eb('effort_count', '+', efforts),
        athlete_count: eb('athlete_count', '+', athletes),
      }))
      .where('id', '=', id)
      .execute();
  }

  /** Stars the segment; true when it was not starred before (the counter moves only then). */
  async star(athleteId: string, segmentId: string): Promise<boolean> {
    return this.transaction(async (tx) => {
      const added = await tx
        .insertInto('segment_stars')
        .values({ athlete_id: athleteId, segment_id: segmentId })
        .onConflict((oc) => oc.columns(['athlete_id', 'segment_id']).doNothing())
        .executeTakeFirst();
      if (!Number(added.numInsertedOrUpdatedRows ?? 0n)) return false;
      await tx
        .updateTable('segments')
        .set((eb) => ({ star_count: eb('star_count', '+', 1) }))
        .where('id', '=', segmentId)
        .execute();
      return true;
    });
  }

  async unstar(athleteId: string, segmentId: string): Promise<boolean> {
    return this.transaction(async (tx) => {
      const removed = await tx
        .deleteFrom('segment_stars')
        .where('athlete_id', '=', athleteId)
        .where('segment_id', '=', segmentId)
        .executeTakeFirst();
      if (!removed.numDeletedRows) return false;
      await tx
        .updateTable('segments')
        .set((eb) => ({ star_count: eb('star_count', '-', 1) }))
        .where('id', '=', segmentId)
        .execute();
      return true;
    });
  }

  /** Which of `segmentIds` the athlete has starred. */
  async starredAmong(athleteId: string, segmentIds: readonly string[]): Promise<Set<string>> {
    if (!segmentIds.length) return new Set();
    const rows = await this.db
      .selectFrom('segment_stars')
      .select('segment_id')
      .where('athlete_id', '=', athleteId)
      .where('segment_id', 'in', segmentIds)
      .execute();
    return new Set(rows.map((r) => r.segment_id));
  }

  /** The athlete's starred segments, most recently starred first, keyset-paginated. */
  async starred(
    athleteId: string,
    limit: number,
    after?: { starredAt: Date; id: string },
  ): Promise<Array<SegmentRow & { starred_at: Date }>> {
    let q = this.db
      .selectFrom('segment_stars')
      .innerJoin('segments', 'segments.id', 'segment_stars.segment_id')
      .selectAll('segments')
      .select('segment_stars.created_at as starred_at')
      .where('segment_stars.athlete_id', '=', athleteId);
    if (after)
      q = q.where(
        sql<boolean>`(segment_stars.created_at, segment_stars.segment_id) < (${after.starredAt}, ${after.id})`,
      );
    return q
      .orderBy('segment_stars.created_at', 'desc')
      .orderBy('segment_stars.segment_id', 'desc')
      .limit(limit)
      .execute();
  }
}
