import { type Kysely, sql, type Transaction } from 'kysely';
import { LOCAL_DAY, localDayWindow } from '../platform/db/local-day.js';
import type { Database } from '../platform/db/schema.js';

export { localDayWindow };

import type { BoardPlace, DayTotals } from './leaderboard-store.js';

export interface AthleteDayKey {
  athleteId: string;
  sport: string;
  day: string;
}

export interface AthleteDay extends AthleteDayKey {
  totals: DayTotals;
}

export interface PlacedAthlete extends BoardPlace {
  id: string;
}

/** A number of an activity's others' view (`v`): what anyone but its athlete is shown. */
const shown = (field: string) =>
  sql<number>`coalesce(sum((v.summary::jsonb ->> ${field})::float8), 0)`;

/**
 * The activity sums leaderboards are derived from. Only what others may see counts: complete
 * activities visible to everyone or to followers, never those visible only to their athlete;
 * and of each, only what others are shown (its others' view at the current revision: the
 * visible part when privacy zones or hidden start/end cut some off), so a board read before
 * and after an activity never tells how much of it is hidden (docs/privacy.md). An activity
 * whose others' view is not rendered yet does not count until it is.
 */
export class LeaderboardRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The activities others may see: complete, started, visible to everyone or followers. */
  private shared(executor: Kysely<Database> | Transaction<Database> = this.db) {
    return executor
      .selectFrom('activities')
      .where('state', '=', 'complete')
      .where('visibility', 'in', ['everyone', 'followers'])
      .where('started_at', 'is not', null);
  }

  private counted() {
    return this.shared()
      .innerJoin('activity_views as v', (join) =>
        join
          .onRef('v.activity_id', '=', 'activities.id')
          .onRef('v.revision', '=', 'activities.revision')
          .on('v.audience', '=', 'others'),
      )
      .select([
        shown('distance').as('distance_m'),
        shown('moving_time').as('moving_s'),
        shown('total_elevation_gain').as('elev_gain_m'),
        sql<number>`count(*)`.as('activities'),
      ]);
  }

  /** One athlete's counted totals of one sport on one local day. */
  async dayTotals(athleteId: string, sport: string, day: string): Promise<DayTotals> {
    // The UTC window keeps the read on the (athlete, sport, started_at) index.
    const { from, to } = localDayWindow(day);
    const r = await this.counted()
      .where('athlete_id', '=', athleteId)
      .where('sport_type', '=', sport)
      .where('started_at', '>=', from)
      .where('started_at', '<', to)
      .where(LOCAL_DAY, '=', day)
      .executeTakeFirstOrThrow();
    return toTotals(r);
  }

  /**
   * The local days (per sport) an athlete has shared activities on, read in the transaction
   * of a change to their privacy rules: every one of them may now count differently.
   */
  async sharedDaysOf(athleteId: string, tx: Transaction<Database>): Promise<AthleteDayKey[]> {
    const rows = await this.shared(tx)
      .select(['sport_type', LOCAL_DAY.as('day')])
      .distinct()
      .where('athlete_id', '=', athleteId)
      .execute();
    return rows.map((r) => ({ athleteId, sport: r.sport_type, day: r.day }));
  }

  /** Every counted day of these athletes, per sport. */
  async daysOf(athleteIds: readonly string[]): Promise<AthleteDay[]> {
    if (!athleteIds.length) return [];
    const rows = await this.counted()
      .select(['athlete_id', 'sport_type', LOCAL_DAY.as('day')])
      .where('athlete_id', 'in', athleteIds)
      .groupBy(['athlete_id', 'sport_type', LOCAL_DAY])
      .execute();
    return rows.map((r) => ({
      athleteId: r.athlete_id,
      sport: r.sport_type,
      day: r.day,
      totals: toTotals(r),
    }));
  }

  /** The next athletes by id after `after`, with their place: the pages of a rebuild. */
  async athletesAfter(after: string | null, limit: number): Promise<PlacedAthlete[]> {
    let q = this.db.selectFrom('athletes').select(['id', 'country', 'region', 'city']);
    if (after) q = q.where('id', '>', after);
    return q.orderBy('id').limit(limit).execute();
  }
}

function toTotals(r: {
  distance_m: number;
  moving_s: number;
  elev_gain_m: number;
  activities: number;
}): DayTotals {
  return {
    distanceM: Number(r.distance_m),
    movingS: Number(r.moving_s),
    elevGainM: Number(r.elev_gain_m),
    activities: Number(r.activities),
  };
}
