import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { CursorKey } from '../platform/http/pagination.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** One athlete who gave kudos, and when. */
export interface KudosGiver {
  athlete_id: string;
  created_at: Date;
}

/** Counts of one activity, kept in `activity_social_counts`. */
export interface SocialCounts {
  activity_id: string;
  kudos_count: number;
  comment_count: number;
}

/**
 * The only SQL over `kudos` and `activity_social_counts`. A count changes in the transaction of
 * the insert or delete that changed a row, and only then, so two requests at once cannot both
 * count one kudos, nor miss one.
 */
export class KudosRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** Stores the kudos; whether it is new (false: this athlete had given them already). */
  async add(tx: Transaction<Database>, activityId: string, athleteId: string): Promise<boolean> {
    const row = await tx
      .insertInto('kudos')
      .values({ activity_id: activityId, athlete_id: athleteId })
      .onConflict((c) => c.columns(['activity_id', 'athlete_id']).doNothing())
      .returning('athlete_id')
      .executeTakeFirst();
    return !!row;
  }

  /** Removes the kudos; whether there were any. */
  async remove(tx: Transaction<Database>, activityId: string, athleteId: string): Promise<boolean> {
    const row = await tx
      .deleteFrom('kudos')
      .where('activity_id', '=', activityId)
      .where('athlete_id', '=', athleteId)
      .returning('athlete_id')
      .executeTakeFirst();
    return !!row;
  }

  /**
   * Adds `by` to one count of the activity, creating its row at the first kudos or comment; the
   * counts after it. Every writer of the activity waits on this row's lock until it commits, so
   * callers make it their transaction's last write.
   */
  bump(
    tx: Transaction<Database>,
    activityId: string,
    column: 'kudos_count' | 'comment_count',
    by: 1 | -1,
  ): Promise<SocialCounts> {
    return tx
      .insertInto('activity_social_counts')
      .values({ activity_id: activityId, [column]: Math.max(by, 0) })
      .onConflict((c) =>
        c.column('activity_id').doUpdateSet({
          [column]: sql<number>`activity_social_counts.${sql.ref(column)} + ${by}`,
        }),
      )
      .returning(['activity_id', 'kudos_count', 'comment_count'])
      .executeTakeFirstOrThrow();
  }

  /** The counts of these activities that have any (one query for a page). */
  countsOf(activityIds: readonly string[], executor: Executor = this.db): Promise<SocialCounts[]> {
    if (!activityIds.length) return Promise.resolve([]);
    return executor
      .selectFrom('activity_social_counts')
      .select(['activity_id', 'kudos_count', 'comment_count'])
      .where(sql<boolean>`activity_id = any(${[...activityIds]}::uuid[])`)
      .execute();
  }

  /** Those of these activities `athleteId` gave kudos to. */
  async givenBy(athleteId: string, activityIds: readonly string[]): Promise<Set<string>> {
    if (!activityIds.length) return new Set();
    const rows = await this.db
      .selectFrom('kudos')
      .select('activity_id')
      .where('athlete_id', '=', athleteId)
      .where(sql<boolean>`activity_id = any(${[...activityIds]}::uuid[])`)
      .execute();
    return new Set(rows.map((r) => r.activity_id));
  }

  /** Who gave kudos to the activity, newest first, after the cursor's position. */
  list(activityId: string, limit: number, after?: CursorKey): Promise<KudosGiver[]> {
    let q = this.db
      .selectFrom('kudos')
      .select(['athlete_id', 'created_at'])
      .where('activity_id', '=', activityId);
    if (after)
      q = q.where((eb) =>
        eb.or([
          eb('created_at', '<', after.at),
          eb.and([eb('created_at', '=', after.at), eb('athlete_id', '<', after.id)]),
        ]),
      );
    return q.orderBy('created_at', 'desc').orderBy('athlete_id', 'desc').limit(limit).execute();
  }

  /** Every kudos the athlete gave, oldest first (their data export). */
  allGivenBy(athleteId: string): Promise<Array<{ activity_id: string; created_at: Date }>> {
    return this.db
      .selectFrom('kudos')
      .select(['activity_id', 'created_at'])
      .where('athlete_id', '=', athleteId)
      .orderBy('created_at')
      .execute();
  }

  /**
   * Removes everything the athlete gave and wrote, taking it off the counts of the activities
   * it was on, in the caller's transaction (an account being deleted). The athlete's row is
   * locked first: a kudos or comment being added meanwhile is either seen here or refused by
   * its foreign key once the account is gone, never removed by cascade uncounted.
   */
  async forgetAthlete(tx: Transaction<Database>, athleteId: string): Promise<void> {
    await tx.selectFrom('athletes').select('id').where('id', '=', athleteId).forUpdate().execute();
    await sql`
      with gone as (delete from kudos where athlete_id = ${athleteId} returning activity_id)
      update activity_social_counts c set kudos_count = c.kudos_count - g.n
      from (select activity_id, count(*)::int as n from gone group by activity_id) g
      where c.activity_id = g.activity_id`.execute(tx);
    await sql`
      with gone as (delete from comments where athlete_id = ${athleteId} returning activity_id)
      update activity_social_counts c set comment_count = c.comment_count - g.n
      from (select activity_id, count(*)::int as n from gone group by activity_id) g
      where c.activity_id = g.activity_id`.execute(tx);
  }
}
