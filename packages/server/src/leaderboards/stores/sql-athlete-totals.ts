import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import {
  compareTotals,
  fromStored,
  normalizePlace,
  placeFilterKey,
  rankInMemory,
  rankRun,
  sumDays,
  toStored,
  totalsPeriodOf,
  totalsPeriodsOfDay,
} from '../boards.js';
import { boardIsOver, type Clock } from '../clock.js';
import type {
  AthleteTotalsStore,
  BoardPlace,
  DayTotals,
  PlaceFilter,
  RankedTotals,
  TotalsBoard,
  TotalsQuery,
} from '../leaderboard-store.js';

interface TotalsRow {
  athlete_id: string;
  distance_cm: number;
  moving_s: number;
  elev_cm: number;
  activities: number;
}

const EMPTY: TotalsBoard = { entries: [], total: 0, viewer: null };

function ranked(r: TotalsRow, rank: number): RankedTotals {
  return {
    athleteId: r.athlete_id,
    ...fromStored({
      distanceCm: Number(r.distance_cm),
      movingS: Number(r.moving_s),
      elevCm: Number(r.elev_cm),
      activities: Number(r.activities),
    }),
    rank,
  };
}

/**
 * Athlete totals in SQL: the day totals as written, and their week/month/year sums per regional
 * board recomputed from those days on every write (absolute, so a repeated write changes
 * nothing). Custom ranges sum the day rows at query time.
 */
export class SqlAthleteTotals implements AthleteTotalsStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = Date.now,
  ) {}

  async setDay(
    athleteId: string,
    sport: string,
    day: string,
    totals: DayTotals,
    place: BoardPlace,
  ): Promise<void> {
    const periods = totalsPeriodsOfDay(day);
    const stored = toStored(totals);
    await this.db.transaction().execute(async (tx) => {
      // One writer per athlete and sport: the sums below read every day of the year.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`lb:tot:${athleteId}:${sport}`}, 0))`.execute(
        tx,
      );
      await tx
        .deleteFrom('leaderboard_athlete_days')
        .where('athlete_id', '=', athleteId)
        .where('sport', '=', sport)
        .where('day', '=', day)
        .execute();
      if (stored.activities > 0) {
        await tx
          .insertInto('leaderboard_athlete_days')
          .values({
            athlete_id: athleteId,
            sport,
            day,
            distance_cm: stored.distanceCm,
            moving_s: stored.movingS,
            elev_cm: stored.elevCm,
            activities: stored.activities,
            country: normalizePlace(place.country),
            region: normalizePlace(place.region),
            city: normalizePlace(place.city),
          })
          .execute();
      }
      await this.resum(tx, athleteId, sport, periods);
    });
  }

  /** Recomputes the athlete's sums of the given periods from their day rows. */
  private async resum(
    tx: Transaction<Database>,
    athleteId: string,
    sport: string,
    periods: Array<{ key: string; from: string; to: string }>,
  ): Promise<void> {
    // 'YYYY-MM-DD' sorts as the days it names.
    const bounds = periods.flatMap((p) => [p.from, p.to]).sort();
    const from = bounds[0]!;
    const to = bounds.at(-1)!;
    const days = await tx
      .selectFrom('leaderboard_athlete_days')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .where('sport', '=', sport)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .execute();
    const sums = sumDays(
      days.map((d) => ({
        ...d,
        distanceCm: Number(d.distance_cm),
        movingS: Number(d.moving_s),
        elevCm: Number(d.elev_cm),
      })),
      periods,
    );
    const removed = await tx
      .deleteFrom('leaderboard_athlete_totals')
      .where('athlete_id', '=', athleteId)
      .where('sport', '=', sport)
      .where(
        'period',
        'in',
        periods.map((p) => p.key),
      )
      .returning(['period', 'place'])
      .execute();
    if (sums.size) {
      await tx
        .insertInto('leaderboard_athlete_totals')
        .values(
          [...sums.values()].map((s) => ({
            sport,
            period: s.period,
            place: s.place,
            athlete_id: athleteId,
            distance_cm: s.distanceCm,
            moving_s: s.movingS,
            elev_cm: s.elevCm,
            activities: s.activities,
          })),
        )
        .execute();
    }
    const before = new Set(removed.map((r) => `${r.period}\t${r.place}`));
    // Count rows are locked in key order: concurrent writers take them in one order.
    const byKey = (a: { period: string; place: string }, b: { period: string; place: string }) =>
      a.period < b.period ? -1 : a.period > b.period ? 1 : a.place < b.place ? -1 : 1;
    const joined = [...sums.entries()]
      .filter(([k]) => !before.has(k))
      .map(([, s]) => s)
      .sort(byKey);
    const left = removed.filter((r) => !sums.has(`${r.period}\t${r.place}`)).sort(byKey);
    if (joined.length) {
      await tx
        .insertInto('leaderboard_athlete_counts')
        .values(joined.map((s) => ({ sport, period: s.period, place: s.place, athletes: 1 })))
        .onConflict((oc) =>
          oc.columns(['sport', 'period', 'place']).doUpdateSet((eb) => ({
            athletes: eb('leaderboard_athlete_counts.athletes', '+', 1),
          })),
        )
        .execute();
    }
    for (const r of left) {
      await tx
        .updateTable('leaderboard_athlete_counts')
        .set((eb) => ({ athletes: eb('athletes', '-', 1) }))
        .where('sport', '=', sport)
        .where('period', '=', r.period)
        .where('place', '=', r.place)
        .execute();
    }
  }

  async query(q: TotalsQuery): Promise<TotalsBoard> {
    const period = totalsPeriodOf(q.period, q.now);
    const place = placeFilterKey(q.place);
    if (q.athleteIds && !q.athleteIds.length) return EMPTY;
    if ('from' in period) return this.queryRange(q, period, q.place);
    if (typeof q.period === 'string' && boardIsOver(q.period, q.now, this.clock())) return EMPTY;
    const rows = () =>
      this.db
        .selectFrom('leaderboard_athlete_totals')
        .select(['athlete_id', 'distance_cm', 'moving_s', 'elev_cm', 'activities'])
        .where('sport', '=', q.sport)
        .where('period', '=', period.key)
        .where('place', '=', place);
    if (q.athleteIds) {
      const found = await rows().where('athlete_id', 'in', q.athleteIds).execute();
      const r = rankInMemory(
        found.map((row) => ranked(row, 0)),
        compareTotals,
        (t) => -t.distanceM,
        q.limit,
        q.viewerId,
        0,
      );
      return { entries: r.entries, total: r.total, viewer: r.viewer?.best ?? null };
    }
    const [top, count, me] = await Promise.all([
      rows().orderBy('distance_cm', 'desc').orderBy('athlete_id').limit(q.limit).execute(),
      this.db
        .selectFrom('leaderboard_athlete_counts')
        .select('athletes')
        .where('sport', '=', q.sport)
        .where('period', '=', period.key)
        .where('place', '=', place)
        .executeTakeFirst(),
      q.viewerId ? rows().where('athlete_id', '=', q.viewerId).executeTakeFirst() : undefined,
    ]);
    let viewer: RankedTotals | null = null;
    if (me) {
      const longer = await rows()
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('distance_cm', '>', me.distance_cm)
        .executeTakeFirstOrThrow();
      viewer = ranked(me, Number(longer.n) + 1);
    }
    const ranks = rankRun(
      top.map((r) => -r.distance_cm),
      0,
      1,
    );
    return {
      entries: top.map((r, i) => ranked(r, ranks[i]!)),
      total: count?.athletes ?? 0,
      viewer,
    };
  }

  /** A custom range: the day rows of the range summed per athlete, ranked by a window. */
  private async queryRange(
    q: TotalsQuery,
    range: { from: string; to: string },
    place: PlaceFilter | undefined,
  ): Promise<TotalsBoard> {
    let days = this.db
      .selectFrom('leaderboard_athlete_days')
      .select([
        'athlete_id',
        sql<number>`sum(distance_cm)`.as('distance_cm'),
        sql<number>`sum(moving_s)`.as('moving_s'),
        sql<number>`sum(elev_cm)`.as('elev_cm'),
        sql<number>`sum(activities)`.as('activities'),
      ])
      .where('sport', '=', q.sport)
      .where('day', '>=', range.from)
      .where('day', '<=', range.to);
    if (place) {
      days = days.where('country', '=', normalizePlace(place.country));
      if (place.region !== undefined)
        days = days.where('region', '=', normalizePlace(place.region));
      if (place.city !== undefined) days = days.where('city', '=', normalizePlace(place.city));
    }
    if (q.athleteIds) days = days.where('athlete_id', 'in', q.athleteIds);
    const sums = days.groupBy('athlete_id');
    const result = await this.db
      .with('sums', () => sums)
      .with('ranked', (db) =>
        db
          .selectFrom('sums')
          .selectAll()
          .select([
            sql<number>`rank() over (order by distance_cm desc)`.as('rank'),
            sql<number>`row_number() over (order by distance_cm desc, athlete_id)`.as('row'),
            sql<number>`count(*) over ()`.as('total'),
          ]),
      )
      .selectFrom('ranked')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('row', '<=', q.limit),
          ...(q.viewerId ? [eb('athlete_id', '=', q.viewerId)] : []),
        ]),
      )
      .orderBy('row')
      .execute();
    const entries = result.filter((r) => Number(r.row) <= q.limit);
    const me = q.viewerId ? result.find((r) => r.athlete_id === q.viewerId) : undefined;
    return {
      entries: entries.map((r) => ranked(r, Number(r.rank))),
      total: Number(result[0]?.total ?? 0),
      viewer: me ? ranked(me, Number(me.rank)) : null,
    };
  }

  async clear(): Promise<void> {
    await sql`truncate leaderboard_athlete_days, leaderboard_athlete_totals, leaderboard_athlete_counts`.execute(
      this.db,
    );
  }
}
