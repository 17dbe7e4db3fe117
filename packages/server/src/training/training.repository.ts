import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { LOCAL_DAY, localDayWindow } from '../platform/db/local-day.js';
import { lockOn } from '../platform/db/locks.js';
import type {
  AchievementKind,
  ActivityRow,
  Database,
  GoalMetric,
  GoalPeriod,
  GoalRow,
  GoalSport,
  RecordKind,
  TrainingAudience,
  Visibility,
} from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface DayTotals {
  day: string;
  count: number;
  distance: number;
  moving_time: number;
  elevation_gain: number;
}

export interface NewRecord {
  kind: RecordKind;
  name: string;
  amount: number;
  value: number;
}

export interface NewAchievement {
  kind: AchievementKind;
  name: string;
  rank: number | null;
  value: number;
}

export interface ActivityTraining {
  load: number | null;
  load_source: 'power' | 'heart_rate' | 'pace' | null;
  relative_effort: number | null;
}

export interface CalendarActivity {
  id: string;
  name: string;
  sport_type: string;
  day: string;
  start_date_local: Date;
  moving_time: number;
  distance: number;
  relative_effort: number | null;
}

export interface RecordRow {
  kind: RecordKind;
  name: string;
  amount: number;
  value: number;
  activity_id: string;
  day: string;
  /** 1 for the best, 2, 3… */
  place: number;
  /** Whether it lowered (runs) or raised (power) the record standing when it was set. */
  was_record: boolean;
}

export interface AchievementRow {
  activity_id: string;
  kind: AchievementKind;
  name: string;
  rank: number | null;
  value: number;
  day: string;
}

export interface HighlightRow {
  id: string;
  name: string;
  sport_type: string;
  day: string;
  distance: number;
  moving_time: number;
  elevation_gain: number;
}

/** Which activities an audience may see, by visibility. */
export const VISIBLE_TO: Readonly<Record<TrainingAudience, readonly Visibility[]>> = {
  owner: ['everyone', 'followers', 'only_me'],
  followers: ['everyone', 'followers'],
  everyone: ['everyone'],
};

/** A number of what the audience is shown of activity `a`: its own column, or its others' view. */
const shown = (audience: TrainingAudience, column: string, field: string) =>
  audience === 'owner'
    ? sql<number>`${sql.ref(`a.${column}`)}::float8`
    : sql<number>`coalesce((v.summary::jsonb ->> ${field})::float8, 0)`;

/** Joins activity `a`'s others' view at its current revision (as `v`). */
const OTHERS_VIEW = sql`left join activity_views v
  on v.activity_id = a.id and v.revision = a.revision and v.audience = 'others'`;

/** Activity `a`'s visibility lets the audience see it. */
const visibleIn = (audience: TrainingAudience) =>
  sql`a.visibility in (${sql.join(VISIBLE_TO[audience].map((x) => sql`${x}`))})`;

/** Activity `a` is one the audience may see (others: once its others' view is rendered). */
const seenBy = (audience: TrainingAudience) =>
  sql`${visibleIn(audience)} ${audience === 'owner' ? sql`` : sql`and v.activity_id is not null`}`;

/** `sport_type` within a list (a family), or anything when null. */
const sportFilter = (types: readonly string[] | null, negate = false): RawBuilder<unknown> => {
  if (!types) return sql`true`;
  if (!types.length) return negate ? sql`true` : sql`false`;
  const list = sql.join(types.map((t) => sql`${t}`));
  return negate ? sql`sport_type not in (${list})` : sql`sport_type in (${list})`;
};

/** A family's sport types; `exclude` lists the known ones for the 'other' family. */
export interface SportTypes {
  include: readonly string[] | null;
  exclude?: readonly string[];
}

const sports = (s: SportTypes) =>
  s.exclude ? sportFilter(s.exclude, true) : sportFilter(s.include);

/**
 * Training's tables: per-activity load, personal records and achievements, the daily roll-ups
 * every read uses, and goals. Roll-ups are written from the activities (and, for others, their
 * rendered others' views) under a per-athlete lock, a day set at a time.
 */
export class TrainingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  async lockAthlete(tx: Transaction<Database>, athleteId: string): Promise<void> {
    await lockOn(`training:${athleteId}`).execute(tx);
  }

  findActivity(id: string): Promise<ActivityRow | undefined> {
    return this.db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The local day an activity counts on. */
  async dayOf(activityId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('activities')
      .select(LOCAL_DAY.as('day'))
      .where('id', '=', activityId)
      .where('started_at', 'is not', null)
      .executeTakeFirst();
    return row?.day ?? null;
  }

  /** A page of an athlete's complete, started activities, oldest first. */
  async activitiesAfter(
    athleteId: string,
    after: { startedAt: Date; id: string } | null,
    limit: number,
  ): Promise<Array<{ id: string; started_at: Date }>> {
    let q = this.db
      .selectFrom('activities')
      .select(['id', 'started_at'])
      .where('athlete_id', '=', athleteId)
      .where('state', '=', 'complete')
      .where('started_at', 'is not', null)
      .orderBy('started_at')
      .orderBy('id')
      .limit(limit);
    if (after)
      q = q.where((eb) =>
        eb.or([
          eb('started_at', '>', after.startedAt),
          eb.and([eb('started_at', '=', after.startedAt), eb('id', '>', after.id)]),
        ]),
      );
    return (await q.execute()) as Array<{ id: string; started_at: Date }>;
  }

  /** The highest of a record's values since `since` (best 20-minute power…), or null. */
  async bestValue(
    athleteId: string,
    kind: RecordKind,
    since: Date,
    minAmount: number,
    maxAmount: number,
  ): Promise<Array<{ amount: number; value: number }>> {
    return this.db
      .selectFrom('personal_records')
      .select(['amount', 'value'])
      .where('athlete_id', '=', athleteId)
      .where('kind', '=', kind)
      .where('started_at', '>=', since)
      .where('amount', '>=', minAmount)
      .where('amount', '<=', maxAmount)
      .execute();
  }

  /** The highest maximum heart rate the athlete recorded since `since`. */
  async highestHeartRate(athleteId: string, since: Date): Promise<number | null> {
    const row = await this.db
      .selectFrom('activities')
      .select((eb) => eb.fn.max('max_hr').as('hr'))
      .where('athlete_id', '=', athleteId)
      .where('state', '=', 'complete')
      .where('started_at', '>=', since)
      .executeTakeFirst();
    return row?.hr ?? null;
  }

  /**
   * How many of the athlete's other activities that started before `startedAt` hold a better
   * record of this name (faster for runs, more power for rides), and whether any holds one.
   */
  async standing(
    athleteId: string,
    activityId: string,
    r: NewRecord,
    startedAt: Date,
  ): Promise<{ better: number; earlier: number }> {
    const better = r.kind === 'run' ? sql`value < ${r.value}` : sql`value > ${r.value}`;
    const row = await sql<{ better: number; earlier: number }>`
      select count(*) filter (where ${better})::int as better, count(*)::int as earlier
      from personal_records
      where athlete_id = ${athleteId} and kind = ${r.kind} and name = ${r.name}
        and activity_id <> ${activityId} and started_at < ${startedAt}`.execute(this.db);
    return row.rows[0] ?? { better: 0, earlier: 0 };
  }

  /** Replaces an activity's training numbers, records and achievements. */
  async writeActivity(
    tx: Transaction<Database>,
    a: Pick<ActivityRow, 'id' | 'athlete_id' | 'started_at'> & { day: string },
    training: ActivityTraining,
    records: readonly NewRecord[],
    achievements: readonly NewAchievement[],
  ): Promise<void> {
    await tx
      .insertInto('activity_training')
      .values({ activity_id: a.id, athlete_id: a.athlete_id, ...training })
      .onConflict((oc) => oc.column('activity_id').doUpdateSet(training))
      .execute();
    await tx.deleteFrom('personal_records').where('activity_id', '=', a.id).execute();
    const common = {
      activity_id: a.id,
      athlete_id: a.athlete_id,
      started_at: a.started_at!,
      day: a.day,
    };
    if (records.length)
      await tx
        .insertInto('personal_records')
        .values(records.map((r) => ({ ...common, ...r })))
        .execute();
    await tx.deleteFrom('activity_achievements').where('activity_id', '=', a.id).execute();
    if (achievements.length)
      await tx
        .insertInto('activity_achievements')
        .values(achievements.map((r) => ({ ...common, ...r })))
        .execute();
  }

  /** Activities' training numbers, by id. */
  async trainingOf(ids: readonly string[]): Promise<Map<string, ActivityTraining>> {
    if (!ids.length) return new Map();
    const rows = await this.db
      .selectFrom('activity_training')
      .select(['activity_id', 'load', 'load_source', 'relative_effort'])
      .where('activity_id', 'in', ids)
      .execute();
    return new Map(rows.map(({ activity_id, ...t }) => [activity_id, t]));
  }

  /** Activities' achievements, by id, best rank first. */
  async achievementsOf(ids: readonly string[]): Promise<Map<string, AchievementRow[]>> {
    const out = new Map<string, AchievementRow[]>();
    if (!ids.length) return out;
    const rows = await this.db
      .selectFrom('activity_achievements')
      .select(['activity_id', 'kind', 'name', 'rank', 'value', sql<string>`day::text`.as('day')])
      .where('activity_id', 'in', ids)
      .orderBy('kind', 'desc')
      .orderBy('rank')
      .orderBy('value')
      .execute();
    for (const r of rows) out.set(r.activity_id, [...(out.get(r.activity_id) ?? []), r]);
    return out;
  }

  /**
   * Writes an athlete's roll-ups of these local days (every day with `null`) from their
   * activities: the owner's from the activities themselves, followers' and everyone's from the
   * others' views rendered at the current revision (an activity without one counts for others
   * once it has one; the caller renders the missing ones first).
   */
  async rollUp(tx: Transaction<Database>, athleteId: string, days: readonly string[] | null) {
    let del = tx.deleteFrom('training_days').where('athlete_id', '=', athleteId);
    if (days) del = del.where(sql<string>`day::text`, 'in', days);
    await del.execute();
    if (days && !days.length) return;
    const window = days
      ? (() => {
          const sorted = [...days].sort();
          const from = localDayWindow(sorted[0]!).from;
          const to = localDayWindow(sorted.at(-1)!).to;
          return sql`and a.started_at >= ${from} and a.started_at < ${to}
            and ${LOCAL_DAY} in (${sql.join(days.map((d) => sql`${d}`))})`;
        })()
      : sql``;
    const value = (column: string, field: string) =>
      sql`case when aud.audience = 'owner' then ${sql.ref(`a.${column}`)}::float8
        else coalesce((v.summary::jsonb ->> ${field})::float8, 0) end`;
    await sql`
      insert into training_days
        (athlete_id, audience, day, sport_type, count, distance, moving_time, elapsed_time,
         elevation_gain, load)
      select a.athlete_id, aud.audience, ${LOCAL_DAY}::date, a.sport_type, count(*)::int,
        sum(${value('distance_m', 'distance')}), sum(${value('moving_s', 'moving_time')}),
        sum(${value('elapsed_s', 'elapsed_time')}),
        sum(${value('elev_gain_m', 'total_elevation_gain')}),
        sum(case when aud.audience = 'owner' then coalesce(t.load, 0) else 0 end)
      from activities a
      cross join (values ('owner'), ('followers'), ('everyone')) as aud(audience)
      ${OTHERS_VIEW}
      left join activity_training t on t.activity_id = a.id
      where a.athlete_id = ${athleteId} and a.state = 'complete' and a.started_at is not null
        and (aud.audience = 'owner' or (v.activity_id is not null and (a.visibility = 'everyone'
          or (aud.audience = 'followers' and a.visibility = 'followers'))))
        ${window}
      group by a.athlete_id, aud.audience, ${LOCAL_DAY}, a.sport_type`.execute(tx);
  }

  /** An audience's daily totals of some sports over [from, to], days with activities only. */
  async dailyTotals(
    athleteId: string,
    audience: TrainingAudience,
    types: SportTypes,
    from: string,
    to: string,
  ): Promise<DayTotals[]> {
    const rows = await sql<DayTotals>`
      select day::text as day, sum(count)::int as count, sum(distance)::float8 as distance,
        sum(moving_time)::float8 as moving_time, sum(elevation_gain)::float8 as elevation_gain
      from training_days
      where athlete_id = ${athleteId} and audience = ${audience}
        and day >= ${from}::date and day <= ${to}::date and ${sports(types)}
      group by day order by day`.execute(this.db);
    return rows.rows;
  }

  /**
   * An audience's totals of some sports per week (from Monday), month or year over [from, to];
   * `day` is each period's first day. Periods without activities are left out.
   */
  async periodTotals(
    athleteId: string,
    audience: TrainingAudience,
    types: SportTypes,
    period: 'week' | 'month' | 'year',
    from: string,
    to: string,
  ): Promise<DayTotals[]> {
    const rows = await sql<DayTotals>`
      select date_trunc(${period}, day)::date::text as day, sum(count)::int as count,
        sum(distance)::float8 as distance, sum(moving_time)::float8 as moving_time,
        sum(elevation_gain)::float8 as elevation_gain
      from training_days
      where athlete_id = ${athleteId} and audience = ${audience}
        and day >= ${from}::date and day <= ${to}::date and ${sports(types)}
      group by 1 order by 1`.execute(this.db);
    return rows.rows;
  }

  /**
   * Rolling 7- and 28-day distance for each day of [from, to]: window functions over the daily
   * roll-ups, every calendar day present (a day without activities adds 0).
   */
  async rollingDistance(
    athleteId: string,
    audience: TrainingAudience,
    types: SportTypes,
    from: string,
    to: string,
  ): Promise<Array<{ day: string; distance_7d: number; distance_28d: number }>> {
    const rows = await sql<{ day: string; distance_7d: number; distance_28d: number }>`
      with daily as (
        select day, sum(distance) as distance from training_days
        where athlete_id = ${athleteId} and audience = ${audience} and ${sports(types)}
          and day >= ${from}::date - 27 and day <= ${to}::date
        group by day),
      series as (
        select d::date as day
        from generate_series(${from}::date - 27, ${to}::date, interval '1 day') as d),
      rolled as (
        select s.day,
          sum(coalesce(daily.distance, 0)) over (order by s.day rows 6 preceding) as d7,
          sum(coalesce(daily.distance, 0)) over (order by s.day rows 27 preceding) as d28
        from series s left join daily on daily.day = s.day)
      select day::text as day, d7::float8 as distance_7d, d28::float8 as distance_28d
      from rolled where day >= ${from}::date order by day`.execute(this.db);
    return rows.rows;
  }

  /** The owner's load per day with one, over [from, to]. */
  async dailyLoads(
    athleteId: string,
    from: string,
    to: string,
  ): Promise<Array<{ day: string; load: number }>> {
    const rows = await sql<{ day: string; load: number }>`
      select day::text as day, sum(load)::float8 as load from training_days
      where athlete_id = ${athleteId} and audience = 'owner'
        and day >= ${from}::date and day <= ${to}::date
      group by day having sum(load) > 0 order by day`.execute(this.db);
    return rows.rows;
  }

  /** Local days with at least one activity the audience may see (for streaks). */
  async activeDays(athleteId: string, audience: TrainingAudience): Promise<string[]> {
    const rows = await sql<{ day: string }>`
      select distinct day::text as day from training_days
      where athlete_id = ${athleteId} and audience = ${audience} order by day`.execute(this.db);
    return rows.rows.map((r) => r.day);
  }

  /** Per sport type totals over [from, to] (a year in review). */
  async sportTotals(athleteId: string, audience: TrainingAudience, from: string, to: string) {
    const rows = await sql<Omit<DayTotals, 'day'> & { sport_type: string; days: number }>`
      select sport_type, sum(count)::int as count, sum(distance)::float8 as distance,
        sum(moving_time)::float8 as moving_time, sum(elevation_gain)::float8 as elevation_gain,
        count(distinct day)::int as days
      from training_days
      where athlete_id = ${athleteId} and audience = ${audience}
        and day >= ${from}::date and day <= ${to}::date
      group by sport_type`.execute(this.db);
    return rows.rows;
  }

  /** Distinct active days over [from, to]. */
  async activeDayCount(athleteId: string, audience: TrainingAudience, from: string, to: string) {
    const row = await sql<{ n: number }>`
      select count(distinct day)::int as n from training_days
      where athlete_id = ${athleteId} and audience = ${audience}
        and day >= ${from}::date and day <= ${to}::date`.execute(this.db);
    return row.rows[0]?.n ?? 0;
  }

  /** The activities the audience may see over local days [from, to], as a training log. */
  async calendar(
    athleteId: string,
    audience: TrainingAudience,
    from: string,
    to: string,
  ): Promise<CalendarActivity[]> {
    const window = { from: localDayWindow(from).from, to: localDayWindow(to).to };
    const rows = await sql<CalendarActivity>`
      select a.id, a.name, a.sport_type, ${LOCAL_DAY} as day,
        (a.started_at + coalesce(a.utc_offset_s, 0) * interval '1 second') as start_date_local,
        ${shown(audience, 'moving_s', 'moving_time')} as moving_time,
        ${shown(audience, 'distance_m', 'distance')} as distance,
        t.relative_effort
      from activities a
      ${OTHERS_VIEW}
      left join activity_training t on t.activity_id = a.id
      where a.athlete_id = ${athleteId} and a.state = 'complete'
        and a.started_at >= ${window.from} and a.started_at < ${window.to} and ${seenBy(audience)}
      order by a.started_at`.execute(this.db);
    return rows.rows.filter((r) => r.day >= from && r.day <= to);
  }

  /**
   * The top three of every record the audience may see, and each one that was a record when
   * set (the PR history): ranks and running bests are window functions over personal_records.
   */
  async records(athleteId: string, audience: TrainingAudience): Promise<RecordRow[]> {
    const rows = await sql<RecordRow>`
      with visible as (
        select r.* from personal_records r join activities a on a.id = r.activity_id
        where r.athlete_id = ${athleteId} and a.state = 'complete'
          and ${visibleIn(audience)}),
      ranked as (
        select kind, name, amount, value, activity_id, day::text as day, started_at,
          row_number() over (partition by kind, name
            order by case when kind = 'run' then value else -value end, started_at) as place,
          case when kind = 'run'
            then value < coalesce(min(value) over earlier, 'infinity'::float8)
            else value > coalesce(max(value) over earlier, '-infinity'::float8) end as was_record
        from visible
        window earlier as (partition by kind, name order by started_at
          rows between unbounded preceding and 1 preceding))
      select kind, name, amount, value, activity_id, day, place::int as place, was_record
      from ranked where place <= 3 or was_record
      order by kind, amount, started_at`.execute(this.db);
    return rows.rows;
  }

  /** The newest achievements of activities the audience may see. */
  async recentAchievements(
    athleteId: string,
    audience: TrainingAudience,
    limit: number,
  ): Promise<AchievementRow[]> {
    return this.db
      .selectFrom('activity_achievements as x')
      .innerJoin('activities as a', 'a.id', 'x.activity_id')
      .select(['x.activity_id', 'x.kind', 'x.name', 'x.rank', 'x.value'])
      .select(sql<string>`x.day::text`.as('day'))
      .where('x.athlete_id', '=', athleteId)
      .where('a.state', '=', 'complete')
      .where('a.visibility', 'in', [...VISIBLE_TO[audience]])
      .orderBy('x.started_at', 'desc')
      .orderBy('x.rank')
      .limit(limit)
      .execute();
  }

  /** The longest (by distance) and the biggest climb among visible activities of [from, to]. */
  async highlights(athleteId: string, audience: TrainingAudience, from: string, to: string) {
    const window = { from: localDayWindow(from).from, to: localDayWindow(to).to };
    const pick = async (order: 'distance' | 'elevation_gain') => {
      const rows = await sql<HighlightRow>`
        select * from (
          select a.id, a.name, a.sport_type, ${LOCAL_DAY} as day,
            ${shown(audience, 'distance_m', 'distance')} as distance,
            ${shown(audience, 'moving_s', 'moving_time')} as moving_time,
            ${shown(audience, 'elev_gain_m', 'total_elevation_gain')} as elevation_gain
          from activities a
          ${OTHERS_VIEW}
          where a.athlete_id = ${athleteId} and a.state = 'complete'
            and a.started_at >= ${window.from} and a.started_at < ${window.to}
            and ${seenBy(audience)}) h
        where day >= ${from} and day <= ${to} and ${sql.ref(order)} > 0
        order by ${sql.ref(order)} desc limit 1`.execute(this.db);
      return rows.rows[0] ?? null;
    };
    return { longest: await pick('distance'), biggestClimb: await pick('elevation_gain') };
  }

  /** The segment with most efforts on visible activities of [from, to]. */
  async mostRiddenSegment(
    athleteId: string,
    audience: TrainingAudience,
    from: string,
    to: string,
  ): Promise<{ id: string; name: string; efforts: number } | null> {
    const window = { from: localDayWindow(from).from, to: localDayWindow(to).to };
    const rows = await sql<{ id: string; name: string; efforts: number }>`
      select s.id, s.name, count(*)::int as efforts
      from segment_efforts e
      join activities a on a.id = e.activity_id
      join segments s on s.id = e.segment_id
      where e.athlete_id = ${athleteId} and a.state = 'complete'
        and a.started_at >= ${window.from} and a.started_at < ${window.to}
        and ${LOCAL_DAY} >= ${from} and ${LOCAL_DAY} <= ${to}
        and ${visibleIn(audience)}
        ${audience === 'owner' ? sql`` : sql`and e.hidden is not true`}
      group by s.id, s.name order by efforts desc, s.name limit 1`.execute(this.db);
    return rows.rows[0] ?? null;
  }

  // Goals

  goals(athleteId: string, executor: Executor = this.db): Promise<GoalRow[]> {
    return executor
      .selectFrom('goals')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  findGoal(athleteId: string, id: string): Promise<GoalRow | undefined> {
    return this.db
      .selectFrom('goals')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The new goal, or undefined when one of that sport, period and metric exists. */
  async addGoal(g: {
    athleteId: string;
    sport: GoalSport;
    period: GoalPeriod;
    metric: GoalMetric;
    target: number;
  }): Promise<GoalRow | undefined> {
    return this.db
      .insertInto('goals')
      .values({
        athlete_id: g.athleteId,
        sport: g.sport,
        period: g.period,
        metric: g.metric,
        target: g.target,
      })
      .onConflict((oc) => oc.constraint('goals_one_per_kind').doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  /** Changing a target lets the goal be announced again this period if it is reached. */
  updateGoal(athleteId: string, id: string, target: number): Promise<GoalRow | undefined> {
    return this.db
      .updateTable('goals')
      .set({ target, notified_start: null })
      .where('athlete_id', '=', athleteId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteGoal(athleteId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('goals')
      .where('athlete_id', '=', athleteId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Marks a goal announced for the period starting `start`; false when it already was. */
  async markNotified(tx: Transaction<Database>, id: string, start: string): Promise<boolean> {
    const r = await tx
      .updateTable('goals')
      .set({ notified_start: start })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('notified_start', 'is', null), eb('notified_start', '<>', start)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** The latest activity of these sports on a local day (what reached a goal). */
  async latestOn(athleteId: string, day: string, types: SportTypes): Promise<string | null> {
    const { from, to } = localDayWindow(day);
    const row = await sql<{ id: string }>`
      select id from activities
      where athlete_id = ${athleteId} and state = 'complete'
        and started_at >= ${from} and started_at < ${to} and ${LOCAL_DAY} = ${day}
        and ${sports(types)}
      order by started_at desc limit 1`.execute(this.db);
    return row.rows[0]?.id ?? null;
  }
}
