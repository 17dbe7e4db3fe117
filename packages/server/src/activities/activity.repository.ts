import {
  type ExpressionBuilder,
  type JoinBuilder,
  type Kysely,
  sql,
  type Transaction,
} from 'kysely';
import { msPrecision } from '../platform/db/keyset.js';
import type {
  ActivityEventKind,
  ActivityRow,
  ActivityUpdate,
  Database,
  NewActivity,
  ViewAudience,
} from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The columns reads need to authorize and find an activity's current view. */
export const META_COLUMNS = [
  'id',
  'athlete_id',
  'visibility',
  'state',
  'revision',
  'algorithm_version',
  'started_at',
] as const;
export type ActivityMeta = Pick<ActivityRow, (typeof META_COLUMNS)[number]>;
/** A listed activity: its metadata and, when current, its rendered summary for the viewer. */
export type ListedActivity = ActivityMeta & { view_summary: string | null };

export interface ActivityListQuery {
  /** Athletes whose activities to list. */
  athleteIds: string[];
  /** The viewer: their own activities of every visibility; others' per visibility and follows. */
  viewerId: string;
  /** Ids of athletes the viewer follows (for 'followers' visibility). */
  followeeIds: ReadonlySet<string>;
  limit: number;
  after?: { startedAt: Date; id: string };
}

/** Sums over one athlete's activities of one sport type, all time and within two windows. */
export interface SportTotalsRow {
  sport_type: string;
  windows: Record<'all' | 'ytd' | 'recent', Totals>;
}
export interface Totals {
  count: number;
  distance: number;
  moving_time: number;
  elapsed_time: number;
  elevation_gain: number;
}

/**
 * What a viewer may see of others: their own activities of every visibility, others' with
 * visibility "everyone", and "followers" ones of athletes they follow.
 */
function visibleTo(
  eb: ExpressionBuilder<Database, 'activities'>,
  viewerId: string,
  followeeIds: ReadonlySet<string>,
) {
  const followees = [...followeeIds];
  return eb.or([
    eb('athlete_id', '=', viewerId),
    eb('visibility', '=', 'everyone'),
    ...(followees.length
      ? [eb.and([eb('visibility', '=', 'followers'), eb('athlete_id', 'in', followees)])]
      : []),
  ]);
}

/** Joins an activity's others' view rendered from its current revision (as `v`). */
export function currentOthersView(
  join: JoinBuilder<Database & { v: Database['activity_views'] }, 'activities' | 'v'>,
) {
  return join
    .onRef('v.activity_id', '=', 'activities.id')
    .onRef('v.revision', '=', 'activities.revision')
    .on('v.audience', '=', 'others');
}

/** Where an oldest-first page of activities ends: the last row's creation time and id. */
export interface ActivityCursor {
  createdAt: Date;
  id: string;
}

export interface StoredEvent {
  seq: number;
  kind: ActivityEventKind;
  at: Date;
}

export class ActivityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  /** Inserts unless the id exists; returns the stored row and whether it was created now. */
  async createIfAbsent(
    activity: NewActivity,
    executor: Executor = this.db,
  ): Promise<{ row: ActivityRow; created: boolean }> {
    const inserted = await executor
      .insertInto('activities')
      .values(activity)
      .onConflict((oc) => oc.column('id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { row: inserted, created: true };
    const existing = await executor
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', activity.id)
      .executeTakeFirstOrThrow();
    return { row: existing, created: false };
  }

  /** The activity's access and revision columns (not its details): what every read checks. */
  async findMeta(id: string): Promise<ActivityMeta | undefined> {
    return this.db
      .selectFrom('activities')
      .select(META_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Names of these activities, with what deciding who may see them takes. */
  async titles(ids: readonly string[]) {
    if (!ids.length) return [];
    return this.db
      .selectFrom('activities')
      .select(['id', 'name', 'athlete_id', 'visibility', 'state'])
      .where('id', 'in', ids)
      .execute();
  }

  async findById(id: string, executor: Executor = this.db): Promise<ActivityRow | undefined> {
    return executor.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Locks the row for the rest of the transaction (serializes state changes and point batches). */
  async findForUpdate(tx: Transaction<Database>, id: string): Promise<ActivityRow | undefined> {
    return tx
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  async update(
    id: string,
    changes: ActivityUpdate,
    executor: Executor = this.db,
  ): Promise<ActivityRow | undefined> {
    return executor
      .updateTable('activities')
      .set({ ...changes, updated_at: new Date(), revision: sql`revision + 1` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Marks every activity of the athlete changed for its rendered views (privacy rules changed). */
  async bumpRevisionsOf(athleteId: string, executor: Executor = this.db): Promise<string[]> {
    const rows = await executor
      .updateTable('activities')
      .set({ revision: sql`revision + 1` })
      .where('athlete_id', '=', athleteId)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Deletes the activity and the uploads that produced it or were answered as its duplicates:
   * their file goes with it, and the same file uploaded again is a new activity, not a
   * duplicate of one that no longer exists.
   */
  async delete(id: string, executor: Executor = this.db): Promise<void> {
    await executor.deleteFrom('uploads').where('activity_id', '=', id).execute();
    await executor.deleteFrom('activities').where('id', '=', id).execute();
  }

  async events(activityId: string, executor: Executor = this.db): Promise<StoredEvent[]> {
    return executor
      .selectFrom('activity_events')
      .select(['seq', 'kind', 'at'])
      .where('activity_id', '=', activityId)
      .orderBy('seq')
      .execute();
  }

  async appendEvent(tx: Executor, activityId: string, event: StoredEvent): Promise<void> {
    await tx
      .insertInto('activity_events')
      .values({ activity_id: activityId, seq: event.seq, kind: event.kind, at: event.at })
      .execute();
  }

  async replaceEvents(tx: Executor, activityId: string, events: StoredEvent[]): Promise<void> {
    await tx.deleteFrom('activity_events').where('activity_id', '=', activityId).execute();
    if (events.length) {
      await tx
        .insertInto('activity_events')
        .values(
          events.map((e) => ({ activity_id: activityId, seq: e.seq, kind: e.kind, at: e.at })),
        )
        .execute();
    }
  }

  /** Stores a batch of live points; a batch whose seq is already stored is ignored (retries). */
  async addPointBatch(
    tx: Executor,
    activityId: string,
    seq: number,
    points: unknown,
  ): Promise<boolean> {
    const r = await tx
      .insertInto('activity_point_batches')
      .values({ activity_id: activityId, seq, points: JSON.stringify(points) })
      .onConflict((oc) => oc.columns(['activity_id', 'seq']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** Counts received points (without touching updated_at): the live-totals cache checks it. */
  async addToPointCount(tx: Executor, activityId: string, n: number): Promise<void> {
    await tx
      .updateTable('activities')
      .set((eb) => ({ point_count: eb('point_count', '+', n) }))
      .where('id', '=', activityId)
      .execute();
  }

  /** Every stored batch in seq order (batches may arrive out of order). */
  async pointBatches(
    activityId: string,
    executor: Executor = this.db,
  ): Promise<Array<{ seq: number; points: unknown }>> {
    return executor
      .selectFrom('activity_point_batches')
      .select(['seq', 'points'])
      .where('activity_id', '=', activityId)
      .orderBy('seq')
      .execute();
  }

  async deletePointBatches(tx: Executor, activityId: string): Promise<void> {
    await tx.deleteFrom('activity_point_batches').where('activity_id', '=', activityId).execute();
  }

  /**
   * One page of activities, newest first, that the viewer may see: their own, others' with
   * visibility "everyone", and "followers" ones of athletes they follow. Each comes with its
   * rendered summary for this viewer (the owner's view of their own, the others' view of the
   * rest) when a current one exists, in the same indexed query.
   */
  async list(q: ActivityListQuery): Promise<ListedActivity[]> {
    if (!q.athleteIds.length) return [];
    let query = this.withViewFor(q.viewerId)
      .where('athlete_id', 'in', q.athleteIds)
      .where('state', '=', 'complete')
      .where('started_at', 'is not', null)
      .where((eb) => visibleTo(eb, q.viewerId, q.followeeIds));
    if (q.after) {
      const { startedAt, id } = q.after;
      query = query.where((eb) =>
        eb.or([
          eb('started_at', '<', startedAt),
          eb.and([eb('started_at', '=', startedAt), eb('id', '<', id)]),
        ]),
      );
    }
    return query
      .orderBy('activities.started_at', 'desc')
      .orderBy('activities.id', 'desc')
      .limit(q.limit)
      .execute();
  }

  /**
   * These activities (the caller decided the viewer may see them, as the feed does), in the
   * order of `ids`, each with its rendered summary for this viewer as `list` gives it.
   */
  async listed(viewerId: string, ids: readonly string[]): Promise<ListedActivity[]> {
    if (!ids.length) return [];
    const rows = await this.withViewFor(viewerId)
      .where('activities.id', 'in', [...ids])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Activities joined with the view of them this viewer gets (owner's or others'), if current. */
  private withViewFor(viewerId: string) {
    return this.db
      .selectFrom('activities')
      .leftJoin('activity_views as v', (join) =>
        join
          .onRef('v.activity_id', '=', 'activities.id')
          .onRef('v.revision', '=', 'activities.revision')
          .on(
            'v.audience',
            '=',
            sql<ViewAudience>`case when activities.athlete_id = ${viewerId} then 'owner' else 'others' end`,
          ),
      )
      .select(META_COLUMNS.map((c) => `activities.${c}` as const))
      .select('v.summary as view_summary');
  }

  /** The viewer's visible, complete activities of an athlete with no current others' view. */
  async withoutOthersView(
    athleteId: string,
    viewerId: string,
    followeeIds: ReadonlySet<string>,
  ): Promise<ActivityMeta[]> {
    return this.db
      .selectFrom('activities')
      .leftJoin('activity_views as v', currentOthersView)
      .select(META_COLUMNS.map((c) => `activities.${c}` as const))
      .where('athlete_id', '=', athleteId)
      .where('state', '=', 'complete')
      .where('started_at', 'is not', null)
      .where('v.activity_id', 'is', null)
      .where((eb) => visibleTo(eb, viewerId, followeeIds))
      .execute();
  }

  /**
   * Totals per sport type of one athlete's complete activities that the viewer may see: all
   * time, since `ytdFrom` and since `recentFrom`, in one pass (aggregate FILTER clauses).
   * Anyone but the athlete adds up what their views show (the others' view at the current
   * revision): the real totals would tell, read before and after an activity, how much of it
   * is hidden (docs/privacy.md). An activity whose view is not rendered yet counts as zero.
   */
  async totalsBySport(
    athleteId: string,
    viewerId: string,
    followeeIds: ReadonlySet<string>,
    ytdFrom: Date,
    recentFrom: Date,
  ): Promise<SportTotalsRow[]> {
    const own = viewerId === athleteId;
    const value = (column: string, field: string) =>
      own ? sql.ref(column) : sql`(v.summary::jsonb ->> ${field})::float8`;
    const windows = { all: null, ytd: ytdFrom, recent: recentFrom } as const;
    const columns = Object.entries(windows).flatMap(([name, since]) => {
      const only = since ? sql`filter (where started_at >= ${since})` : sql``;
      const sum = (column: string, field: string) =>
        sql<number>`coalesce(sum(${value(column, field)}) ${only}, 0)::float8`;
      return [
        sql<number>`(count(*) ${only})::int`.as(`${name}_count`),
        sum('distance_m', 'distance').as(`${name}_distance`),
        sum('moving_s', 'moving_time').as(`${name}_moving_time`),
        sum('elapsed_s', 'elapsed_time').as(`${name}_elapsed_time`),
        sum('elev_gain_m', 'total_elevation_gain').as(`${name}_elevation_gain`),
      ];
    });
    const rows = (await this.db
      .selectFrom('activities')
      .leftJoin('activity_views as v', currentOthersView)
      .select('sport_type')
      .select(columns)
      .where('athlete_id', '=', athleteId)
      .where('state', '=', 'complete')
      .where('started_at', 'is not', null)
      .where((eb) => visibleTo(eb, viewerId, followeeIds))
      .groupBy('sport_type')
      .execute()) as unknown as Record<string, string | number>[];
    return rows.map((r) => {
      const pick = (w: string): Totals => ({
        count: Number(r[`${w}_count`]),
        distance: Number(r[`${w}_distance`]),
        moving_time: Number(r[`${w}_moving_time`]),
        elapsed_time: Number(r[`${w}_elapsed_time`]),
        elevation_gain: Number(r[`${w}_elevation_gain`]),
      });
      return {
        sport_type: String(r.sport_type),
        windows: { all: pick('all'), ytd: pick('ytd'), recent: pick('recent') },
      };
    });
  }

  /** Activities of this athlete that started within `windowS` of `startedAt` (duplicate check). */
  async findNear(athleteId: string, startedAt: Date, windowS: number): Promise<ActivityRow[]> {
    return this.db
      .selectFrom('activities')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .where('started_at', '>=', new Date(startedAt.getTime() - windowS * 1000))
      .where('started_at', '<=', new Date(startedAt.getTime() + windowS * 1000))
      .execute();
  }

  /** The athlete's activity made from this file's activity `index` (0 for files of one). */
  async findFromFile(
    athleteId: string,
    fileHash: string,
    index: number,
  ): Promise<ActivityRow | undefined> {
    return (
      this.db
        .selectFrom('activities')
        .selectAll()
        .where('athlete_id', '=', athleteId)
        .where('file_hash', '=', fileHash)
        // Activities imported before files could hold several were their file's first.
        .where(sql<number>`coalesce(file_index, 0)`, '=', index)
        .executeTakeFirst()
    );
  }

  /** The legs of a multisport group, in the order they happened. */
  async groupLegs(groupId: string): Promise<ActivityMeta[]> {
    return this.db
      .selectFrom('activities')
      .select(META_COLUMNS)
      .where('group_id', '=', groupId)
      .orderBy('started_at')
      .orderBy('file_index')
      .execute();
  }

  async countByAthlete(athleteId: string): Promise<number> {
    const r = await this.db
      .selectFrom('activities')
      .select(sql<number>`count(*)`.as('n'))
      .where('athlete_id', '=', athleteId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * One page of all of an athlete's activities, of every state and visibility, oldest first
   * after the keyset (created_at, id): for the athlete's own export and deletion.
   */
  async pageOwnedBy(
    athleteId: string,
    limit: number,
    after?: ActivityCursor,
    executor: Executor = this.db,
  ): Promise<ActivityRow[]> {
    return this.pageOldestFirst(executor, limit, after, athleteId);
  }

  /** One page of every activity on the server, oldest first after the keyset (created_at, id). */
  async pageAll(limit: number, after?: ActivityCursor): Promise<ActivityRow[]> {
    return this.pageOldestFirst(this.db, limit, after);
  }

  private pageOldestFirst(
    executor: Executor,
    limit: number,
    after: ActivityCursor | undefined,
    athleteId?: string,
  ): Promise<ActivityRow[]> {
    const created = msPrecision('created_at');
    let q = executor.selectFrom('activities').selectAll();
    if (athleteId) q = q.where('athlete_id', '=', athleteId);
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb(created, '>', after.createdAt),
          eb.and([eb(created, '=', after.createdAt), eb('id', '>', after.id)]),
        ]),
      );
    }
    return q.orderBy(created).orderBy('id').limit(limit).execute();
  }
}
