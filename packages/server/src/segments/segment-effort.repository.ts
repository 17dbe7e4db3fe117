import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { lockOn } from '../platform/db/locks.js';
import type {
  ActivityRow,
  Database,
  NewSegmentEffort,
  SegmentEffortRow,
  Visibility,
} from '../platform/db/schema.js';
import type { BBox } from './segment.repository.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** An effort with what decides who may see it: its activity's visibility and state. */
export interface EffortWithActivity extends SegmentEffortRow {
  visibility: Visibility;
  state: ActivityRow['state'];
}

/** An effort on an activity page: with its segment's name, distance and grade. */
export interface EffortWithSegment extends SegmentEffortRow {
  segment_name: string;
  segment_distance: number;
  segment_average_grade: number | null;
}

/** Narrows a query on segment_efforts to some of its rows. */
type EffortFilter = (
  q: SelectQueryBuilder<Database, 'segment_efforts', object>,
) => SelectQueryBuilder<Database, 'segment_efforts', object>;

/** Segment efforts, the per-athlete counts behind the segment counters, and backfill lookups. */
export class SegmentEffortRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  /**
   * Serializes writers of one activity's efforts (its match job and any backfill). Take it
   * before the activity's row lock, never after.
   */
  async lockActivity(tx: Transaction<Database>, activityId: string): Promise<void> {
    await lockOn(`seg:activity:${activityId}`).execute(tx);
  }

  /** Serializes board refreshes of one athlete on one segment. */
  async lockSegmentAthlete(
    tx: Transaction<Database>,
    segmentId: string,
    athleteId: string,
  ): Promise<void> {
    await lockOn(`seg:athlete:${segmentId}:${athleteId}`).execute(tx);
  }

  /**
   * Locks the efforts `where` picks, in (start_date, id) order; returns their ids. Matching,
   * backfill and refresh lock effort rows this way before changing them, so none of them waits
   * on another in a circle: a refresh (one athlete on one segment, across activities) and a
   * replace (one activity, across segments) share that activity's efforts on that segment, and
   * once there are two of them (laps) a delete in scan order and rank updates in another order
   * deadlock.
   */
  private async lockInOrder(tx: Transaction<Database>, where: EffortFilter): Promise<string[]> {
    const rows = await where(tx.selectFrom('segment_efforts'))
      .select('id')
      .orderBy('start_date')
      .orderBy('id')
      .forUpdate()
      .execute();
    return rows.map((r) => r.id);
  }

  /** Deletes the efforts `where` picks (locked in order first); returns their segments. */
  private async deleteInOrder(tx: Transaction<Database>, where: EffortFilter): Promise<string[]> {
    const ids = await this.lockInOrder(tx, where);
    if (!ids.length) return [];
    const removed = await tx
      .deleteFrom('segment_efforts')
      .where('id', 'in', ids)
      .returning('segment_id')
      .execute();
    return removed.map((r) => r.segment_id);
  }

  /**
   * Locks one athlete's efforts on one segment before a refresh writes their ranks. A refresh
   * that will write notifications about `activityIds` key-shares those activities first: the
   * notifications' foreign keys would take that lock anyway, and taken after the efforts it
   * closes a circle with matching, which holds the activity row while it locks the efforts.
   */
  async lockForRanks(
    tx: Transaction<Database>,
    segmentId: string,
    athleteId: string,
    activityIds: readonly string[] = [],
  ) {
    if (activityIds.length)
      await tx
        .selectFrom('activities')
        .select('id')
        .where('id', 'in', [...new Set(activityIds)].sort())
        .orderBy('id')
        .forKeyShare()
        .execute();
    await this.lockInOrder(tx, (q) =>
      q.where('segment_id', '=', segmentId).where('athlete_id', '=', athleteId),
    );
  }

  /**
   * Replaces the activity's efforts on every segment the matcher knew (index version up to
   * `version`); efforts on newer segments are their backfill's to write. Returns the segments
   * whose efforts were removed.
   */
  async replaceForActivity(
    tx: Transaction<Database>,
    activityId: string,
    version: number,
    efforts: readonly NewSegmentEffort[],
  ): Promise<string[]> {
    const removed = await this.deleteInOrder(tx, (q) =>
      q
        .where('activity_id', '=', activityId)
        .where('segment_id', 'in', (eb) =>
          eb.selectFrom('segments').select('id').where('index_version', '<=', version),
        ),
    );
    if (efforts.length)
      await tx
        .insertInto('segment_efforts')
        .values([...efforts])
        .execute();
    return [...new Set(removed)];
  }

  /** Replaces the activity's efforts on one segment (backfill). */
  async replaceForActivitySegment(
    tx: Transaction<Database>,
    activityId: string,
    segmentId: string,
    efforts: readonly NewSegmentEffort[],
  ): Promise<number> {
    const removed = await this.deleteInOrder(tx, (q) =>
      q.where('activity_id', '=', activityId).where('segment_id', '=', segmentId),
    );
    if (efforts.length)
      await tx
        .insertInto('segment_efforts')
        .values([...efforts])
        .execute();
    return removed.length;
  }

  async segmentIdsOfActivity(activityId: string, executor: Executor = this.db): Promise<string[]> {
    const rows = await executor
      .selectFrom('segment_efforts')
      .select('segment_id')
      .distinct()
      .where('activity_id', '=', activityId)
      .execute();
    return rows.map((r) => r.segment_id);
  }

  async segmentIdsOfAthlete(athleteId: string, executor: Executor = this.db): Promise<string[]> {
    const rows = await executor
      .selectFrom('segment_efforts')
      .select('segment_id')
      .distinct()
      .where('athlete_id', '=', athleteId)
      .execute();
    return rows.map((r) => r.segment_id);
  }

  /** The athlete's activities that have efforts (to re-match after a privacy change). */
  async activityIdsOfAthlete(athleteId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('segment_efforts')
      .select('activity_id')
      .distinct()
      .where('athlete_id', '=', athleteId)
      .execute();
    return rows.map((r) => r.activity_id);
  }

  /** Every effort of one athlete on one segment, with its activity's visibility, oldest first. */
  async forSegmentAthlete(
    segmentId: string,
    athleteId: string,
    executor: Executor = this.db,
  ): Promise<EffortWithActivity[]> {
    return executor
      .selectFrom('segment_efforts as e')
      .innerJoin('activities as a', 'a.id', 'e.activity_id')
      .selectAll('e')
      .select(['a.visibility', 'a.state'])
      .where('e.segment_id', '=', segmentId)
      .where('e.athlete_id', '=', athleteId)
      .orderBy('e.start_date')
      .orderBy('e.id')
      .execute();
  }

  async setRanks(
    tx: Executor,
    id: string,
    ranks: { pr_rank: number | null; kom_rank: number | null },
  ): Promise<void> {
    await tx.updateTable('segment_efforts').set(ranks).where('id', '=', id).execute();
  }

  /**
   * Sets the athlete's public effort count on the segment and bumps its generation. Returns the
   * previous count and the new generation.
   */
  async setPublicEfforts(
    tx: Executor,
    segmentId: string,
    athleteId: string,
    count: number,
  ): Promise<{ previous: number; generation: number }> {
    const before = await tx
      .selectFrom('segment_athletes')
      .select(['public_efforts', 'generation'])
      .where('segment_id', '=', segmentId)
      .where('athlete_id', '=', athleteId)
      .executeTakeFirst();
    const generation = (before?.generation ?? 0) + 1;
    await tx
      .insertInto('segment_athletes')
      .values({ segment_id: segmentId, athlete_id: athleteId, public_efforts: count, generation })
      .onConflict((oc) =>
        oc.columns(['segment_id', 'athlete_id']).doUpdateSet({ public_efforts: count, generation }),
      )
      .execute();
    return { previous: before?.public_efforts ?? 0, generation };
  }

  async generation(segmentId: string, athleteId: string): Promise<number> {
    const r = await this.db
      .selectFrom('segment_athletes')
      .select('generation')
      .where('segment_id', '=', segmentId)
      .where('athlete_id', '=', athleteId)
      .executeTakeFirst();
    return r?.generation ?? 0;
  }

  /** The activity's efforts with their segments, in the order they were ridden or run. */
  async forActivity(activityId: string): Promise<EffortWithSegment[]> {
    return this.db
      .selectFrom('segment_efforts as e')
      .innerJoin('segments as s', 's.id', 'e.segment_id')
      .selectAll('e')
      .select([
        's.name as segment_name',
        's.distance_m as segment_distance',
        's.average_grade as segment_average_grade',
      ])
      .where('e.activity_id', '=', activityId)
      .orderBy('e.start_index')
      .orderBy('e.id')
      .execute();
  }

  async findByIds(ids: readonly string[]): Promise<EffortWithActivity[]> {
    if (!ids.length) return [];
    return this.db
      .selectFrom('segment_efforts as e')
      .innerJoin('activities as a', 'a.id', 'e.activity_id')
      .selectAll('e')
      .select(['a.visibility', 'a.state'])
      .where('e.id', 'in', ids)
      .execute();
  }

  /**
   * One athlete's efforts on a segment, newest first, keyset-paginated. `visibilities` limits
   * them to activities of those visibilities and leaves out hidden ones (for other viewers).
   */
  async listForAthlete(q: {
    segmentId: string;
    athleteId: string;
    visibilities?: readonly Visibility[];
    limit: number;
    after?: { startDate: Date; id: string } | undefined;
  }): Promise<SegmentEffortRow[]> {
    let query = this.db
      .selectFrom('segment_efforts as e')
      .innerJoin('activities as a', 'a.id', 'e.activity_id')
      .selectAll('e')
      .where('e.segment_id', '=', q.segmentId)
      .where('e.athlete_id', '=', q.athleteId);
    if (q.visibilities) {
      if (!q.visibilities.length) return [];
      query = query
        .where('a.visibility', 'in', [...q.visibilities])
        .where('a.state', '=', 'complete')
        .where('e.hidden', '=', false);
    }
    if (q.after)
      query = query.where(
        sql<boolean>`(e.start_date, e.id) < (${q.after.startDate}, ${q.after.id})`,
      );
    return query.orderBy('e.start_date', 'desc').orderBy('e.id', 'desc').limit(q.limit).execute();
  }

  /** The athlete's best time, its date and their effort count on the segment (every visibility). */
  async athleteStats(segmentId: string, athleteId: string) {
    const rows = await this.db
      .selectFrom('segment_efforts')
      .select(['elapsed_time', 'start_date'])
      .where('segment_id', '=', segmentId)
      .where('athlete_id', '=', athleteId)
      .orderBy('elapsed_time')
      .orderBy('start_date')
      .execute();
    const best = rows[0];
    return {
      effortCount: rows.length,
      prElapsedS: best?.elapsed_time ?? null,
      prDate: best?.start_date ?? null,
    };
  }

  /**
   * Complete activities of these sports whose bounds reach within `marginDeg` of each side of `bbox`, oldest
   * first, keyset-paginated by (started_at, id): the backfill's candidates.
   */
  async activitiesCovering(
    bbox: BBox,
    marginDeg: { lat: number; lng: number },
    sports: readonly string[],
    limit: number,
    after?: { startedAt: Date; id: string },
  ): Promise<ActivityRow[]> {
    if (!sports.length) return [];
    // A track that follows the whole segment within the corridor reaches within the margin of
    // each of its extremes: its bounds contain the segment's shrunk by the margin, which filters
    // far better than overlap. The overlap test is what the GiST index answers.
    const [minLat, minLng, maxLat, maxLng] = bbox;
    let q = this.db
      .selectFrom('activities')
      .selectAll()
      .where('state', '=', 'complete')
      .where('min_lat', 'is not', null)
      .where('started_at', 'is not', null)
      .where('sport_type', 'in', [...sports])
      .where(
        sql<boolean>`box(point(min_lng, min_lat), point(max_lng, max_lat)) && box(point(${minLng}, ${minLat}), point(${maxLng}, ${maxLat}))`,
      )
      .where('min_lat', '<=', minLat + marginDeg.lat)
      .where('max_lat', '>=', maxLat - marginDeg.lat)
      .where('min_lng', '<=', minLng + marginDeg.lng)
      .where('max_lng', '>=', maxLng - marginDeg.lng);
    if (after) q = q.where(sql<boolean>`(started_at, id) > (${after.startedAt}, ${after.id})`);
    return q.orderBy('started_at').orderBy('id').limit(limit).execute();
  }

  /** (segment, athlete) pairs with efforts, in key order, for rebuilding boards. */
  async pairs(
    limit: number,
    after?: { segmentId: string; athleteId: string },
  ): Promise<Array<{ segment_id: string; athlete_id: string }>> {
    let q = this.db.selectFrom('segment_efforts').select(['segment_id', 'athlete_id']).distinct();
    if (after)
      q = q.where(
        sql<boolean>`(segment_id, athlete_id) > (${after.segmentId}, ${after.athleteId})`,
      );
    return q.orderBy('segment_id').orderBy('athlete_id').limit(limit).execute();
  }
}
