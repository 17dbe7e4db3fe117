import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { BoardPlace, DayTotals } from './leaderboard-store.js';

/** An activity's local start day ('YYYY-MM-DD'): its UTC start moved by its UTC offset. */
const LOCAL_DAY = sql<string>`to_char((started_at + coalesce(utc_offset_s, 0) * interval '1 second') at time zone 'UTC', 'YYYY-MM-DD')`;

const HOUR_MS = 3_600_000;

export interface AthleteDay {
  athleteId: string;
  sport: string;
  day: string;
  totals: DayTotals;
}

export interface PlacedAthlete extends BoardPlace {
  id: string;
}

/**
 * The activity sums leaderboards are derived from. Only what others may see counts: complete
 * activities visible to everyone or to followers, never those visible only to their athlete.
 */
export class LeaderboardRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private counted() {
    return this.db
      .selectFrom('activities')
      .select([
        sql<number>`coalesce(sum(distance_m), 0)`.as('distance_m'),
        sql<number>`coalesce(sum(moving_s), 0)`.as('moving_s'),
        sql<number>`coalesce(sum(elev_gain_m), 0)`.as('elev_gain_m'),
        sql<number>`count(*)`.as('activities'),
      ])
      .where('state', '=', 'complete')
      .where('visibility', 'in', ['everyone', 'followers'])
      .where('started_at', 'is not', null);
  }

  /** One athlete's counted totals of one sport on one local day. */
  async dayTotals(athleteId: string, sport: string, day: string): Promise<DayTotals> {
    // UTC offsets run from −12 h to +14 h: the local day lies within this UTC window, which
    // keeps the read on the (athlete, sport, started_at) index.
    const midnight = Date.parse(`${day}T00:00:00Z`);
    const r = await this.counted()
      .where('athlete_id', '=', athleteId)
      .where('sport_type', '=', sport)
      .where('started_at', '>=', new Date(midnight - 15 * HOUR_MS))
      .where('started_at', '<', new Date(midnight + 37 * HOUR_MS))
      .where(LOCAL_DAY, '=', day)
      .executeTakeFirstOrThrow();
    return toTotals(r);
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
