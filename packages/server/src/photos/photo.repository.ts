import { type Kysely, sql, type Transaction } from 'kysely';
import type { ActivityPhotoRow, Database } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** How many photos an activity has, and which one lists show. */
export interface PhotoCount {
  activity_id: string;
  count: number;
  first_id: string;
}

/** The only SQL over `activity_photos`. */
export class PhotoRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** An activity's photos in their order. */
  ofActivity(activityId: string, executor: Executor = this.db): Promise<ActivityPhotoRow[]> {
    return executor
      .selectFrom('activity_photos')
      .selectAll()
      .where('activity_id', '=', activityId)
      .orderBy('position')
      .execute();
  }

  async count(activityId: string, executor: Executor = this.db): Promise<number> {
    const r = await executor
      .selectFrom('activity_photos')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('activity_id', '=', activityId)
      .executeTakeFirstOrThrow();
    return r.count;
  }

  find(activityId: string, id: string): Promise<ActivityPhotoRow | undefined> {
    return this.db
      .selectFrom('activity_photos')
      .selectAll()
      .where('id', '=', id)
      .where('activity_id', '=', activityId)
      .executeTakeFirst();
  }

  /**
   * For each of these activities that has photos: how many, and the first. One indexed pass
   * over (activity_id, position), whatever the page's size. The ids go as one array parameter,
   * not a list of 20: every feed page asks this, and on the embedded database a list cost 2.5
   * times as much per call (120 µs against 48, measured in-process, result kept from the last
   * call either way).
   */
  async countsOf(activityIds: readonly string[]): Promise<PhotoCount[]> {
    if (!activityIds.length) return [];
    return this.db
      .selectFrom('activity_photos')
      .select([
        'activity_id',
        sql<number>`count(*)::int`.as('count'),
        sql<string>`(array_agg(id order by position))[1]`.as('first_id'),
      ])
      .where(sql<boolean>`activity_id = any(${[...activityIds]}::uuid[])`)
      .groupBy('activity_id')
      .execute();
  }

  /** Adds photos after the activity's last one, in the caller's transaction. */
  async append(
    tx: Transaction<Database>,
    photos: Array<Pick<ActivityPhotoRow, 'id' | 'activity_id' | 'athlete_id' | 'width' | 'height'>>,
  ): Promise<ActivityPhotoRow[]> {
    if (!photos.length) return [];
    const last = await tx
      .selectFrom('activity_photos')
      .select(sql<number>`coalesce(max(position), 0)::int`.as('position'))
      .where('activity_id', '=', photos[0]!.activity_id)
      .executeTakeFirstOrThrow();
    return tx
      .insertInto('activity_photos')
      .values(photos.map((p, i) => ({ ...p, position: last.position + i + 1 })))
      .returningAll()
      .execute()
      .then((rows) => rows.sort((a, b) => a.position - b.position));
  }

  async setCaption(id: string, caption: string | null): Promise<ActivityPhotoRow | undefined> {
    return this.db
      .updateTable('activity_photos')
      .set({ caption })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('activity_photos').where('id', '=', id).executeTakeFirst();
    return r.numDeletedRows > 0n;
  }
}
