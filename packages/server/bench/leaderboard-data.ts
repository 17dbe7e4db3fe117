/**
 * The data of the leaderboard benchmark: the same deterministic boards (athlete i, their best
 * time, their distance) bulk-loaded into SQL with generate_series and into Redis through
 * pipelines in the adapters' key layout, plus the raw rows the naive queries scan.
 */
import type { Redis as RedisClient } from 'ioredis';
import { sql } from 'kysely';
import { dayOf, periodOf } from '../src/leaderboards/periods.js';
import { totalsBoardKeys } from '../src/leaderboards/stores/redis-athlete-totals.js';
import { boardEntry, boardKeys } from '../src/leaderboards/stores/redis-segment-boards.js';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/dialect.js';
import { createBenchDatabase } from './bench-database.js';

export const N = Number(process.env.STRIDE_BENCH_N ?? 1_000_000);
export const SEGMENT = 'bench-segment';
export const NOW = new Date();
export const TODAY = dayOf(NOW);
export const WEEK = periodOf('week', NOW).key;

// The same deterministic board in every store: athlete i, their best time and their distance.
const athleteSql = (i: string) => sql.raw(`md5('athlete' || ${i})::uuid`);
// Binary fractions of a second, so SQL's and JavaScript's doubles agree exactly; some tie.
const elapsedOf = (i: number) => 300 + ((i * 7919) % 600_000) / 1024;
const distanceCmOf = (i: number) => (((i * 104_729) % 40_000) + 1000) * 100; // whole metres
const startMsOf = (i: number) => NOW.getTime() - 86_400_000 - (i % 86_400) * 1000;

interface Sql {
  handle: DatabaseHandle;
  label: string;
  drop(): Promise<void>;
}

export async function openSql(): Promise<Sql> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({ dataDir: '/nonexistent', inMemory: true });
    return { handle, label: 'embedded PGlite', drop: async () => handle.close() };
  }
  const bench = await createBenchDatabase(url, 'stride_lb_bench');
  const handle = await openDatabase({ dataDir: '/nonexistent', url: bench.url, poolSize: 16 });
  return {
    handle,
    label: 'PostgreSQL',
    async drop() {
      await handle.close();
      await bench.drop();
    },
  };
}

async function timed(what: string, fn: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  await fn();
  console.log(`- ${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** The boards, and the raw rows the naive queries scan, in SQL. */
export async function loadSql(db: DatabaseHandle['db']): Promise<void> {
  const series = sql.raw(`generate_series(1::bigint, ${N}) as s(i)`);
  const id = athleteSql('i');
  await timed(`${N} athletes`, () =>
    sql`insert into athletes (id, handle, email, password_hash, display_name)
        select ${id}, 'b' || i, 'b' || i || '@example.com', 'x', 'Bench ' || i from ${series}`.execute(
      db,
    ),
  );
  const startMs = (i: string) =>
    sql.raw(`to_timestamp((${NOW.getTime() - 86_400_000} - (${i} % 86400) * 1000) / 1000.0)`);
  await timed(`${N} raw activities this week (naive peer)`, () =>
    sql`insert into activities (id, athlete_id, sport_type, name, state, visibility, source,
          started_at, distance_m, moving_s)
        select gen_random_uuid(), ${id}, 'Run', 'Run', 'complete', 'everyone', 'upload',
          ${startMs('i')}, ((i * 104729) % 40000) + 1000, 1800 from ${series}`.execute(db),
  );
  await timed(`${N} raw efforts on one segment (naive peer)`, async () => {
    await sql`create table bench_efforts (i bigint, athlete_id uuid, elapsed_s double precision,
                start_date timestamptz)`.execute(db);
    await sql`insert into bench_efforts select i, ${id},
                300 + ((i * 7919) % 600000)::double precision / 1024, ${startMs('i')}
              from ${series}`.execute(db);
  });
  await timed(`segment board of ${N} athletes`, async () => {
    await sql`insert into leaderboard_segment_entries (segment_id, board, athlete_id, elapsed_s,
                start_date, start_date_local, effort_id, activity_id)
              select ${SEGMENT}, 'all/all', athlete_id, elapsed_s, start_date, start_date,
                'e' || i, 'a' || i from bench_efforts`.execute(db);
    await sql`insert into leaderboard_segment_counts (segment_id, board, athletes)
              values (${SEGMENT}, 'all/all', ${N})`.execute(db);
  });
  await timed(`weekly distance board of ${N} athletes`, async () => {
    await sql`insert into leaderboard_athlete_totals (sport, period, place, athlete_id,
                distance_cm, moving_s, elev_cm, activities)
              select 'Run', ${WEEK}, '', athlete_id, round(distance_m * 100), moving_s, 0, 1
              from activities`.execute(db);
    await sql`insert into leaderboard_athlete_counts (sport, period, place, athletes)
              values ('Run', ${WEEK}, '', ${N})`.execute(db);
  });
  await timed('vacuum analyze', () => sql`vacuum analyze`.execute(db));
}

/** The same boards in Redis, in the adapters' key layout, through pipelines. */
export async function loadRedis(redis: RedisClient, prefix: string, ids: string[]): Promise<void> {
  const [z, h] = boardKeys(prefix, SEGMENT, 'all/all');
  const [d, t, e, n] = totalsBoardKeys(prefix, 'Run', WEEK, '');
  await timed(`Redis: both boards of ${N} athletes`, async () => {
    for (let from = 0; from < N; from += 5000) {
      const p = redis.pipeline();
      const zargs: Array<string | number> = [];
      const hargs: string[] = [];
      const dargs: Array<string | number> = [];
      const targs: Array<string | number> = [];
      const eargs: Array<string | number> = [];
      const nargs: Array<string | number> = [];
      for (let i = from + 1; i <= Math.min(N, from + 5000); i++) {
        const athlete = ids[i]!;
        const start = new Date(startMsOf(i));
        const entry = boardEntry(athlete, {
          effortId: `e${i}`,
          activityId: `a${i}`,
          elapsedS: elapsedOf(i),
          startDate: start,
          startDateLocal: start,
        });
        zargs.push(elapsedOf(i), entry.member);
        hargs.push(athlete, entry.record);
        dargs.push(-distanceCmOf(i), athlete);
        targs.push(1800, athlete);
        eargs.push(0, athlete);
        nargs.push(1, athlete);
      }
      p.zadd(z!, ...zargs);
      p.hset(h!, ...hargs);
      p.zadd(d!, ...dargs);
      p.zadd(t!, ...targs);
      p.zadd(n!, ...nargs);
      p.zadd(e!, ...eargs);
      await p.exec();
    }
  });
}

/** The athlete at the middle of a board: their rank costs a SQL count over half of it. */
export async function middle(db: DatabaseHandle['db']) {
  const seg = await sql<{ athlete_id: string }>`
    select athlete_id from leaderboard_segment_entries where segment_id = ${SEGMENT}
    and board = 'all/all' order by elapsed_s, start_date, athlete_id offset ${Math.floor(N / 2)}
    limit 1`.execute(db);
  const tot = await sql<{ athlete_id: string }>`
    select athlete_id from leaderboard_athlete_totals where sport = 'Run' and period = ${WEEK}
    and place = '' order by distance_cm desc, athlete_id offset ${Math.floor(N / 2)} limit 1`.execute(
    db,
  );
  return { segmentViewer: seg.rows[0]!.athlete_id, totalsViewer: tot.rows[0]!.athlete_id };
}

/** Athlete ids by i (index 0 unused), as the SQL load wrote them. */
export async function athleteIds(db: DatabaseHandle['db']): Promise<string[]> {
  const rows = await sql<{ id: string }>`select ${athleteSql('i')} as id
    from ${sql.raw(`generate_series(1::bigint, ${N}) as s(i)`)} order by i`.execute(db);
  return ['', ...rows.rows.map((r) => r.id)];
}

/** Bytes Redis holds per athlete on each board (MEMORY USAGE of its keys, divided by N). */
export async function redisBytesPerAthlete(
  redis: RedisClient,
  prefix: string,
): Promise<{ segment: number; totals: number }> {
  const bytes = async (keys: string[]) => {
    let sum = 0;
    for (const k of keys) sum += Number(await redis.call('MEMORY', 'USAGE', k, 'SAMPLES', '0'));
    return Math.round(sum / N);
  };
  return {
    segment: await bytes(boardKeys(prefix, SEGMENT, 'all/all')),
    totals: await bytes(totalsBoardKeys(prefix, 'Run', WEEK, '')),
  };
}
