/**
 * Training reads for an athlete with ten years of activities (about 3,000), on the embedded
 * database: progress (12 weeks with the rolling 7/28-day distance), a calendar year of the
 * training log and the fitness curve (180 days shown, ten years behind them), each from the
 * daily roll-ups, side by side with the naive way — aggregating the raw activities on each
 * read (and, for fitness, computing each activity's load from its summary on each read, as
 * there would be no stored loads). Also the time to roll all ten years up from scratch (what
 * a rebuild or a threshold change costs) and to roll one day up (what each new activity costs).
 * Target: each read ≤ 20 ms median. Reports; never fails on targets.
 *
 * BENCH_TRAINING_YEARS (default 10) and BENCH_TRAINING_PER_WEEK (default 6) set the history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  activityLoad,
  dayKey,
  dayNumber,
  fitnessSeries,
  periodStart,
  sportFamily,
} from '@stride/core';
import { sql } from 'kysely';
import { compareAsync, fmt, type Result } from '../../../bench/harness.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { LOCAL_DAY } from '../src/platform/db/local-day.js';
import { createStride } from '../src/stride.js';

const YEARS = Number(process.env.BENCH_TRAINING_YEARS ?? 10);
const PER_WEEK = Number(process.env.BENCH_TRAINING_PER_WEEK ?? 6);
const TARGET_MS = 20;
const OPTIONS = { minRounds: 20, minTimeMs: 2000, warmup: 3 };

const dir = mkdtempSync(join(tmpdir(), 'stride-bench-'));
const config = loadConfig({
  LOG_LEVEL: 'silent',
  STRIDE_DATA_DIR: dir,
  STRIDE_AUTH_RATE_LIMIT: '1000',
});
const stride = await createStride(config, { database: { inMemory: true } });
const app = await buildApp(config, { stride });
const db = stride.platform.db;
const training = stride.training.training;
try {
  const signup = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { handle: 'ten_years', email: 'ten@example.com', password: 'password123' },
  });
  const athleteId: string = signup.json().athlete.id;
  await db
    .updateTable('athletes')
    .set({ max_hr: 190, ftp_w: 250 })
    .where('id', '=', athleteId)
    .execute();

  // Ten years of runs and rides, ~6 a week, with heart rate (rides with power) and zones.
  const days = YEARS * 365;
  const today = dayNumber(dayKey(Math.floor(Date.now() / 86_400_000)));
  const count = Math.round((days / 7) * PER_WEEK);
  const t0 = performance.now();
  await sql`
    insert into activities (id, athlete_id, sport_type, name, state, visibility, source,
      started_at, utc_offset_s, elapsed_s, moving_s, distance_m, elev_gain_m, avg_hr, avg_watts,
      weighted_avg_watts, details)
    select gen_random_uuid(), ${athleteId}::uuid,
      case when n % 3 = 0 then 'Ride' else 'Run' end, 'Activity ' || n, 'complete',
      case when n % 10 = 0 then 'only_me' else 'everyone' end, 'recorded',
      to_timestamp(${(today - days) * 86_400} + (n::float8 * ${days * 86_400} / ${count}) + 6 * 3600),
      3600, 3000 + n % 1800, 2700 + n % 1700,
      case when n % 3 = 0 then 30000 + n % 20000 else 8000 + n % 6000 end,
      50 + n % 400, 130 + n % 40,
      case when n % 3 = 0 then 180 + n % 60 else null end,
      case when n % 3 = 0 then 190 + n % 70 else null end,
      json_build_object('hr_zones', json_build_array(
        json_build_object('time', 600), json_build_object('time', 1200),
        json_build_object('time', 600 + n % 600), json_build_object('time', 200),
        json_build_object('time', 0)))::jsonb
    from generate_series(1, ${count}) n`.execute(db);
  const activities = await db
    .selectFrom('activities')
    .select('id')
    .where('athlete_id', '=', athleteId)
    .execute();
  console.log(
    `${activities.length} activities over ${YEARS} years in ${fmt(performance.now() - t0)} ms`,
  );

  // Every activity's training numbers, then every day rolled up: what a rebuild does.
  const c0 = performance.now();
  for (const a of activities)
    await training.processActivity(a.id, { rollDay: false, announce: false });
  const computeMs = performance.now() - c0;
  const r0 = performance.now();
  await training.processAthlete(athleteId);
  const rebuildMs = performance.now() - r0;
  const someDay = dayKey(today - 3);
  const [oneDay] = await compareAsync(
    [{ name: 'roll one day up', fn: () => training.processDay({ athleteId, day: someDay }) }],
    { minRounds: 10, minTimeMs: 1000, warmup: 2 },
  );

  const to = dayKey(today);
  const weeks12 = dayKey(periodStart(today, 'week') - 11 * 7);
  const yearAgo = dayKey(today - 364);
  const fitnessFrom = dayKey(today - 179);

  // The naive reads: the same answers aggregated from the raw activities each time (the
  // rolling series over the same last year at most, as the roll-up read).
  const naiveProgress = async (period: 'week' | 'month', from: string, runsOnly: boolean) => {
    const first = periodStart(dayNumber(from), period);
    const rows = await sql<{ day: string; distance: number }>`
      select ${LOCAL_DAY} as day, distance_m as distance from activities
      where athlete_id = ${athleteId} and state = 'complete'
        ${runsOnly ? sql`and sport_type = 'Run'` : sql``}
        and started_at >= ${new Date((first - 28) * 86_400_000)}`.execute(db);
    const periods = new Map<number, number>();
    const byDay = new Map<number, number>();
    for (const r of rows.rows) {
      const d = dayNumber(r.day);
      const p = periodStart(d, period);
      periods.set(p, (periods.get(p) ?? 0) + r.distance);
      byDay.set(d, (byDay.get(d) ?? 0) + r.distance);
    }
    const rolling = [];
    for (let d = Math.max(dayNumber(from), today - 365); d <= today; d++) {
      let d7 = 0;
      let d28 = 0;
      for (let k = 0; k < 28; k++) {
        const v = byDay.get(d - k) ?? 0;
        d28 += v;
        if (k < 7) d7 += v;
      }
      rolling.push({ d7, d28 });
    }
    return { periods, rolling };
  };
  const naiveCalendar = () =>
    sql`select id, name, sport_type, ${LOCAL_DAY} as day, moving_s, distance_m from activities
      where athlete_id = ${athleteId} and state = 'complete'
        and started_at >= ${new Date(dayNumber(yearAgo) * 86_400_000 - 15 * 3_600_000)}
      order by started_at`.execute(db);
  const naiveFitness = async () => {
    const athlete = (await stride.athletes.athletes.findById(athleteId))!;
    const settings = await training.settingsOf(athlete);
    const rows = await db
      .selectFrom('activities')
      .select([
        'sport_type',
        'moving_s',
        'avg_hr',
        'avg_watts',
        'weighted_avg_watts',
        'avg_speed_mps',
      ])
      .select(LOCAL_DAY.as('day'))
      .where('athlete_id', '=', athleteId)
      .where('state', '=', 'complete')
      .execute();
    const loads = rows.map((r) => ({
      day: r.day,
      load:
        activityLoad(
          {
            family: sportFamily(r.sport_type),
            movingS: r.moving_s,
            powerW: r.weighted_avg_watts ?? r.avg_watts,
            averageHr: r.avg_hr,
            speedMps: r.avg_speed_mps,
          },
          settings,
        )?.load ?? 0,
    }));
    return fitnessSeries(loads, { to }).filter((d) => d.day >= fitnessFrom);
  };

  // The embedded pool answers a repeated read from its cache until the next write; measured
  // here is the engine, as for the first read after an activity arrives.
  const uncached =
    <T>(fn: () => Promise<T>) =>
    () => {
      stride.platform.database.pglite?.reads?.invalidate();
      return fn();
    };
  const rows: Array<[string, Result, Result]> = [];
  const pair = async (
    label: string,
    ours: () => Promise<unknown>,
    naive: () => Promise<unknown>,
  ) => {
    const [a, b] = await compareAsync(
      [
        { name: `${label} (roll-ups)`, fn: uncached(ours) },
        { name: `${label} (naive)`, fn: uncached(naive) },
      ],
      OPTIONS,
    );
    rows.push([label, a!, b!]);
  };
  await pair(
    'progress, 12 weeks + rolling',
    () =>
      training.progress(athleteId, athleteId, { sport: 'all', period: 'week', from: weeks12, to }),
    () => naiveProgress('week', weeks12, false),
  );
  const tenYears = dayKey(today - days);
  await pair(
    `progress, ${YEARS} years by month`,
    () =>
      training.progress(athleteId, athleteId, {
        sport: 'run',
        period: 'month',
        from: tenYears,
        to,
      }),
    () => naiveProgress('month', tenYears, true),
  );
  await pair(
    'calendar, one year',
    () => training.calendar(athleteId, athleteId, yearAgo, to),
    naiveCalendar,
  );
  await pair(
    'fitness, 180 days of 10 years',
    () => training.fitness(athleteId, athleteId, fitnessFrom, to),
    naiveFitness,
  );

  console.log(
    `\n### Training reads, ${activities.length} activities over ${YEARS} years, embedded PGlite: median (p90) ms\n`,
  );
  console.log(
    '| read | roll-ups | naive over raw activities | naive ÷ roll-ups | ≤ 20 ms median |',
  );
  console.log('|---|---|---|---|---|');
  for (const [label, a, b] of rows)
    console.log(
      `| ${label} | ${fmt(a.medianMs)} (${fmt(a.p90Ms)}) | ${fmt(b.medianMs)} (${fmt(b.p90Ms)}) | ` +
        `${(b.medianMs / a.medianMs).toFixed(1)}× | ${a.medianMs <= TARGET_MS ? 'yes' : 'NO'} |`,
    );
  console.log(
    `\nWrites: every activity's training numbers ${fmt(computeMs)} ms (${fmt(computeMs / activities.length)} ms each); ` +
      `the whole athlete again (activities and all days) ${fmt(rebuildMs)} ms; ` +
      `one day rolled up ${fmt(oneDay!.medianMs)} ms median.`,
  );
} finally {
  await app.close();
  await stride.close();
  rmSync(dir, { recursive: true, force: true });
}
