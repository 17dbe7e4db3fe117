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
import { type RawBuilder, sql } from 'kysely';
import { compareAsync, fmt, printTable } from '../../../bench/harness.js';
import type {
  AthleteTotalsStore,
  SegmentLeaderboardStore,
} from '../src/leaderboards/leaderboard-store.js';
import { RedisAthleteTotals } from '../src/leaderboards/stores/redis-athlete-totals.js';
import { RedisSegmentBoards } from '../src/leaderboards/stores/redis-segment-boards.js';
import { deleteByPrefix } from '../src/leaderboards/stores/redis-support.js';
import { SqlAthleteTotals } from '../src/leaderboards/stores/sql-athlete-totals.js';
import { SqlSegmentBoards } from '../src/leaderboards/stores/sql-segment-boards.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
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

interface Board {
  entries: Array<{ athleteId: string }>;
}

/**
 * Checks that every store gives the same board (and the naive query the same top-10), then
 * times them side by side.
 */
async function race(
  title: string,
  c: {
    redis: (() => Promise<Board>) | undefined;
    sql: () => Promise<Board>;
    sqlTopOnly: () => Promise<Board>;
    naive: RawBuilder<{ athlete_id: string }>;
    naiveName: string;
  },
): Promise<void> {
  const top = (await c.sql()).entries.map((x) => x.athleteId).join();
  const naive = (await c.naive.execute(store.handle.db)).rows.map((r) => r.athlete_id).join();
  if (naive !== top) throw new Error(`${title}: the naive query and SQL differ`);
  if (c.redis && JSON.stringify(await c.redis()) !== JSON.stringify(await c.sql()))
    throw new Error(`${title}: Redis and SQL differ`);
  const results = await compareAsync(
    [
      ...(c.redis
        ? [{ name: 'Redis adapter: top-10 + viewer rank', fn: c.redis, perRound: 50 }]
        : []),
      { name: `SQL adapter (${store.label}): top-10 only`, fn: c.sqlTopOnly, perRound: 50 },
      { name: `SQL adapter (${store.label}): top-10 + viewer rank`, fn: c.sql, perRound: 5 },
      {
        name: `naive query over ${c.naiveName}: top-10`,
        fn: () => c.naive.execute(store.handle.db),
      },
    ],
    { minRounds: 5, minTimeMs: 10_000 },
  );
  printTable(title, results, { 'p99 ms': (r) => fmt(r.p99Ms) });
}

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
  const naiveEfforts = sql<{ athlete_id: string }>`select athlete_id, elapsed_s, start_date from (
      select distinct on (athlete_id) athlete_id, elapsed_s, start_date from bench_efforts
      order by athlete_id, elapsed_s, start_date) best
    order by elapsed_s, start_date, athlete_id limit 10`;
  await race(`Segment board, ${N} athletes: top-10 + the middle athlete's rank ±2`, {
    redis: redisSegments ? () => redisSegments.query(segQuery) : undefined,
    sql: () => sqlSegments.query(segQuery),
    sqlTopOnly: () => sqlSegments.query({ ...segQuery, viewerId: undefined }),
    naive: naiveEfforts,
    naiveName: 'raw efforts',
  });

  const totQuery = {
    sport: 'Run',
    period: 'week' as const,
    now: NOW,
    limit: 10,
    viewerId: totalsViewer,
  };
  const naiveTotals = sql<{ athlete_id: string }>`select athlete_id, sum(distance_m) as distance
    from activities where sport_type = 'Run' and state = 'complete' and visibility <> 'only_me'
      and started_at >= now() - interval '7 days'
    group by athlete_id order by distance desc, athlete_id limit 10`;
  await race(`Weekly distance board, ${N} athletes: top-10 + the middle athlete's rank`, {
    redis: redisTotals ? () => redisTotals.query(totQuery) : undefined,
    sql: () => sqlTotals.query(totQuery),
    sqlTopOnly: () => sqlTotals.query({ ...totQuery, viewerId: undefined }),
    naive: naiveTotals,
    naiveName: 'raw activities',
  });

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
