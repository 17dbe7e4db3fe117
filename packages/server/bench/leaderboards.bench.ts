/**
 * Leaderboard reads and writes at a million: a segment board of 1 M athletes' efforts and a
 * weekly distance board of 1 M athletes. Top-10 plus the viewer's rank through each adapter
 * (Redis when REDIS_URL is set; SQL on PostgreSQL when DATABASE_URL is set, else embedded
 * PGlite), side by side with the classic naive query over raw rows (1 M activities, 1 M
 * efforts), then write throughput. Everything is bulk-loaded with generate_series and Redis
 * pipelines into a database and a key prefix of its own, removed at the end.
 * `STRIDE_BENCH_N=100000` makes a quicker run.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { compareAsync, fmt, printTable } from '../../../bench/harness.js';
import type {
  AthleteTotalsStore,
  SegmentLeaderboardStore,
} from '../src/adapters/leaderboards/leaderboard-store.js';
import { RedisAthleteTotals } from '../src/adapters/leaderboards/redis-athlete-totals.js';
import { RedisSegmentBoards } from '../src/adapters/leaderboards/redis-segment-boards.js';
import { deleteByPrefix } from '../src/adapters/leaderboards/redis-support.js';
import { SqlAthleteTotals } from '../src/adapters/leaderboards/sql-athlete-totals.js';
import { SqlSegmentBoards } from '../src/adapters/leaderboards/sql-segment-boards.js';
import { migrateToLatest } from '../src/db/migrate.js';
import {
  athleteIds,
  loadRedis,
  loadSql,
  middle,
  N,
  NOW,
  openSql,
  redisBytesPerAthlete,
  SEGMENT,
  TODAY,
} from './leaderboard-data.js';

async function writes(
  label: string,
  segments: SegmentLeaderboardStore,
  totals: AthleteTotalsStore,
  ids: string[],
  count: number,
): Promise<string[]> {
  const pick = () => ids[1 + Math.floor(Math.random() * N)]!;
  const effortWrite = () =>
    segments.setAthleteEfforts(SEGMENT, { athleteId: pick(), sex: 'M', birthYear: 1985 }, [
      {
        effortId: randomUUID(),
        activityId: randomUUID(),
        elapsedS: 300 + Math.random() * 600,
        startDate: NOW,
        startDateLocal: NOW,
      },
    ]);
  const dayWrite = () =>
    totals.setDay(
      pick(),
      'Run',
      TODAY,
      { distanceM: 1000 + Math.random() * 20_000, movingS: 1800, elevGainM: 50, activities: 1 },
      { country: 'France', region: 'Auvergne-Rhône-Alpes', city: 'Lyon' },
    );
  const rows: string[] = [];
  for (const [what, write] of [
    ['segment efforts of one athlete (5 periods × 4 filters)', effortWrite],
    ['athlete day totals (week, month, year × 4 places)', dayWrite],
  ] as const) {
    for (const inFlight of [1, 16]) {
      const t0 = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next++ < count) await write();
        }),
      );
      const perS = count / ((performance.now() - t0) / 1000);
      rows.push(`| ${label} | ${what} | ${inFlight} | ${perS.toFixed(0)} |`);
    }
  }
  return rows;
}

const store = await openSql();
const redisUrl = process.env.REDIS_URL;
const redis = redisUrl ? new Redis(redisUrl) : undefined;
const prefix = `stride:bench:${Date.now()}:`;
try {
  console.log(`\nLoading (N = ${N}) into ${store.label}${redis ? ' and Redis' : ''}:`);
  const db = store.handle.db;
  await migrateToLatest(db);
  await loadSql(db);
  const ids = await athleteIds(db);
  if (redis) {
    await loadRedis(redis, prefix, ids);
    const b = await redisBytesPerAthlete(redis, prefix);
    console.log(
      `- Redis memory per athlete: ${b.segment} B on a segment board (sorted set + hash), ` +
        `${b.totals} B on a distance board (four sorted sets)`,
    );
  } else console.log('- REDIS_URL is not set: the Redis adapter is skipped');

  const sqlSegments = new SqlSegmentBoards(db);
  const sqlTotals = new SqlAthleteTotals(db);
  const redisSegments = redis ? new RedisSegmentBoards(redis, prefix) : undefined;
  const redisTotals = redis ? new RedisAthleteTotals(redis, prefix) : undefined;
  const { segmentViewer, totalsViewer } = await middle(db);

  const segQuery = {
    segmentId: SEGMENT,
    period: 'all_time' as const,
    now: NOW,
    limit: 10,
    viewerId: segmentViewer,
    neighbours: 2,
  };
  // The classic query: each athlete's best effort, then the fastest ten.
  const naiveEfforts = sql`select athlete_id, elapsed_s, start_date from (
      select distinct on (athlete_id) athlete_id, elapsed_s, start_date from bench_efforts
      order by athlete_id, elapsed_s, start_date) best
    order by elapsed_s, start_date, athlete_id limit 10`;
  // Same answers from every store before timing them.
  const sqlTop = (await sqlSegments.query(segQuery)).entries.map((x) => x.athleteId);
  const naiveTop = (await naiveEfforts.execute(db)).rows.map(
    (r) => (r as { athlete_id: string }).athlete_id,
  );
  if (naiveTop.join() !== sqlTop.join()) throw new Error('naive and SQL segment top-10 differ');
  const same = async (what: string, a: () => Promise<unknown>, b: () => Promise<unknown>) => {
    if (JSON.stringify(await a()) !== JSON.stringify(await b()))
      throw new Error(`Redis and SQL answer the ${what} differently`);
  };
  if (redisSegments)
    await same(
      'segment board',
      () => redisSegments.query(segQuery),
      () => sqlSegments.query(segQuery),
    );
  const segResults = await compareAsync(
    [
      ...(redisSegments
        ? [
            {
              name: 'Redis adapter: top-10 + viewer rank ±2',
              fn: () => redisSegments.query(segQuery),
              perRound: 50,
            },
          ]
        : []),
      {
        name: `SQL adapter (${store.label}): top-10 only`,
        fn: () => sqlSegments.query({ ...segQuery, viewerId: undefined }),
        perRound: 50,
      },
      {
        name: `SQL adapter (${store.label}): top-10 + viewer rank ±2`,
        fn: () => sqlSegments.query(segQuery),
        perRound: 5,
      },
      { name: 'naive GROUP BY over raw efforts: top-10', fn: () => naiveEfforts.execute(db) },
    ],
    { minRounds: 5, minTimeMs: 10_000 },
  );
  printTable(`Segment board, ${N} athletes: top-10 + the middle athlete's rank`, segResults, {
    'p99 ms': (r) => fmt(r.p99Ms),
  });

  const totQuery = {
    sport: 'Run',
    period: 'week' as const,
    now: NOW,
    limit: 10,
    viewerId: totalsViewer,
  };
  const naiveTotals = sql`select athlete_id, sum(distance_m) as distance from activities
    where sport_type = 'Run' and state = 'complete' and visibility <> 'only_me'
      and started_at >= now() - interval '7 days'
    group by athlete_id order by distance desc, athlete_id limit 10`;
  const sqlTotTop = (await sqlTotals.query(totQuery)).entries.map((x) => x.athleteId);
  const naiveTotTop = (await naiveTotals.execute(db)).rows.map(
    (r) => (r as { athlete_id: string }).athlete_id,
  );
  if (naiveTotTop.join() !== sqlTotTop.join())
    throw new Error('naive and SQL distance top-10 differ');
  if (redisTotals)
    await same(
      'distance board',
      () => redisTotals.query(totQuery),
      () => sqlTotals.query(totQuery),
    );
  const totResults = await compareAsync(
    [
      ...(redisTotals
        ? [
            {
              name: 'Redis adapter: top-10 + viewer rank',
              fn: () => redisTotals.query(totQuery),
              perRound: 50,
            },
          ]
        : []),
      {
        name: `SQL adapter (${store.label}): top-10 only`,
        fn: () => sqlTotals.query({ ...totQuery, viewerId: undefined }),
        perRound: 50,
      },
      {
        name: `SQL adapter (${store.label}): top-10 + viewer rank`,
        fn: () => sqlTotals.query(totQuery),
        perRound: 5,
      },
      { name: 'naive GROUP BY over raw activities: top-10', fn: () => naiveTotals.execute(db) },
    ],
    { minRounds: 5, minTimeMs: 10_000 },
  );
  printTable(
    `Weekly distance board, ${N} athletes: top-10 + the middle athlete's rank`,
    totResults,
    {
      'p99 ms': (r) => fmt(r.p99Ms),
    },
  );

  console.log('\n### Writes: absolute updates per second from one Node process\n');
  console.log('| store | write | in flight | updates/s |');
  console.log('|---|---|---|---|');
  const rows = [
    ...(redisSegments && redisTotals
      ? await writes('Redis', redisSegments, redisTotals, ids, 3000)
      : []),
    ...(await writes(`SQL (${store.label})`, sqlSegments, sqlTotals, ids, 1000)),
  ];
  for (const r of rows) console.log(r);
} finally {
  if (redis) {
    await deleteByPrefix(redis, prefix);
    await redis.quit();
  }
  await store.drop();
}
