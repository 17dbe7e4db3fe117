/**
 * The server's two segment paths that grow with the data, side by side with what one would
 * write otherwise, on the embedded database (and PostgreSQL when DATABASE_URL is set):
 *
 * 1. Backfill candidates: the activities that could cover a new 1.6 km segment, among 100 k
 *    activities over a 1,000 × 1,000 km country, half of them in the segment's city. Ours (GiST overlap + "reaches within 100 m of
 *    each side") against the same filter without the index, and against overlap alone (what
 *    the index gives without the containment test: more tracks to load and match). Each
 *    candidate then costs a stream blob read, a decode and a match: fewer is the point.
 * 2. Keeping a process's segment index current: applying one new segment from the change log
 *    against reloading every segment, for 20 k segments.
 */
import { randomUUID } from 'node:crypto';
import { encodePolyline, seededRandom } from '@stride/core';
import { sql } from 'kysely';
import pg from 'pg';
import { fmt } from '../../../bench/harness.js';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { SegmentRepository } from '../src/segments/segment.repository.js';
import { SegmentCatalog } from '../src/segments/segment-catalog.js';
import { SegmentEffortRepository } from '../src/segments/segment-effort.repository.js';

const ACTIVITIES = 100_000;
const SEGMENTS = 20_000;
const ROUNDS = 15;

async function median(fn: () => Promise<unknown>, rounds = ROUNDS): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** A wandering 1.6 km line from (lat, lng), 40 vertices. */
function line(rnd: () => number, lat: number, lng: number) {
  const la: number[] = [];
  const lo: number[] = [];
  let heading = rnd() * 2 * Math.PI;
  for (let i = 0; i < 40; i++) {
    la.push(lat);
    lo.push(lng);
    heading += (rnd() - 0.5) * 0.4;
    lat += (Math.cos(heading) * 40) / 111_195;
    lng += (Math.sin(heading) * 40) / (111_195 * Math.cos((lat * Math.PI) / 180));
  }
  return { la, lo };
}

function newSegment(la: number[], lo: number[], creatorId: string) {
  return {
    name: randomUUID(),
    sport_type: 'Run' as const,
    polyline: encodePolyline(la, lo),
    point_count: la.length,
    distance_m: 1560,
    start_lat: la[0]!,
    start_lng: lo[0]!,
    end_lat: la.at(-1)!,
    end_lng: lo.at(-1)!,
    min_lat: Math.min(...la),
    min_lng: Math.min(...lo),
    max_lat: Math.max(...la),
    max_lng: Math.max(...lo),
    creator_id: creatorId,
  };
}

async function seed(h: DatabaseHandle) {
  await migrateToLatest(h.db);
  const athlete = await h.db
    .insertInto('athletes')
    .values({ handle: 'bench', email: 'bench@example.com', password_hash: 'x', display_name: 'b' })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Activities 2–15 km across: half anywhere in a 9° × 13° box (about 1,000 km square at
  // 46° N), half in a 30 km city around the segment (where bounds filter worst).
  await sql`
    insert into activities (id, athlete_id, sport_type, name, state, visibility, source,
      started_at, min_lat, min_lng, max_lat, max_lng)
    select gen_random_uuid(), ${athlete.id}, 'Run', 'Run', 'complete', 'everyone', 'upload',
      now() - (g || ' minutes')::interval, lat - span / 2, lng - span * 0.7,
      lat + span / 2, lng + span * 0.7
    from (
      select g, span,
        case when g % 2 = 0 then 41 + 9 * random() else 45.37 + 0.27 * random() end as lat,
        case when g % 2 = 0 then -1 + 13 * random() else 4.31 + 0.38 * random() end as lng
      from (select g, 0.02 + 0.12 * random() as span from generate_series(1, ${ACTIVITIES}) g) r
    ) s`.execute(h.db);
  await sql`analyze activities`.execute(h.db);
  const segments = new SegmentRepository(h.db);
  const rnd = seededRandom('segments-bench');
  for (let k = 0; k < SEGMENTS; k += 500) {
    await segments.transaction(async (tx) => {
      for (let i = k; i < Math.min(SEGMENTS, k + 500); i++) {
        const { la, lo } = line(rnd, 41 + 9 * rnd(), -1 + 13 * rnd());
        await segments.create(tx, newSegment(la, lo, athlete.id));
      }
    });
  }
  return athlete.id;
}

async function measure(label: string, h: DatabaseHandle): Promise<string[]> {
  const athleteId = await seed(h);
  const efforts = new SegmentEffortRepository(h.db);
  const segments = new SegmentRepository(h.db);
  const margin = { lat: 100 / 111_195, lng: 100 / 77_800 }; // 100 m at 45° N
  const PAGE = 200; // the backfill reads candidates a page at a time, oldest first
  const overlap = (bbox: readonly number[], limit: number) => sql`
    select * from activities where state = 'complete' and min_lat is not null
    and box(point(min_lng, min_lat), point(max_lng, max_lat))
     && box(point(${bbox[1]}, ${bbox[0]}), point(${bbox[3]}, ${bbox[2]}))
    order by started_at, id limit ${limit}`;
  const backfill: string[] = [];
  for (const [where, bbox] of [
    ['in the city', [45.5, 4.5, 45.51, 4.515]],
    ['in the countryside', [42.5, 8.5, 42.51, 8.515]],
  ] as const) {
    const covering = (repo: SegmentEffortRepository, limit: number) =>
      repo.activitiesCovering(bbox, margin, ['Run'], limit);
    const ours = (await covering(efforts, ACTIVITIES)).length;
    const overlapping = (await overlap(bbox, ACTIVITIES).execute(h.db)).rows.length;
    const oursMs = await median(() => covering(efforts, PAGE));
    const noIndexMs = await h.db.transaction().execute(async (tx) => {
      // The same query with the GiST index switched off (what plain columns give).
      await sql`set local enable_bitmapscan = off`.execute(tx);
      await sql`set local enable_indexscan = off`.execute(tx);
      return median(() => covering(new SegmentEffortRepository(tx), PAGE));
    });
    const overlapMs = await median(() => overlap(bbox, PAGE).execute(h.db));
    backfill.push(
      `| ${where} | ours: GiST overlap + reaches each side within 100 m | ${fmt(oursMs)} | 1.0 | ${ours} |`,
      `| ${where} | same filter, no index | ${fmt(noIndexMs)} | ${(noIndexMs / oursMs).toFixed(1)} | ${ours} |`,
      `| ${where} | overlap only (GiST) | ${fmt(overlapMs)} | ${(overlapMs / oursMs).toFixed(1)} | ${overlapping} |`,
    );
  }

  const catalog = new SegmentCatalog(segments);
  const coldMs = await median(() => new SegmentCatalog(segments).sync(), 5);
  await catalog.sync();
  const rnd = seededRandom('one-more');
  const addOne = async () => {
    const { la, lo } = line(rnd, 45 + rnd(), 4 + rnd());
    await segments.transaction((tx) => segments.create(tx, newSegment(la, lo, athleteId)));
  };
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await addOne();
    const t0 = performance.now();
    await catalog.sync();
    times.push(performance.now() - t0);
  }
  const incrementalMs = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  const unchangedMs = await median(() => catalog.sync());
  const { memoryBytes, segments: indexed } = catalog.stats();

  return [
    `\n### Backfill: first page (${PAGE}) of candidates for one segment among ${ACTIVITIES / 1000} k activities (${label})\n`,
    '| segment | query | median ms | x ours | candidates in all |',
    '|---|---|---|---|---|',
    ...backfill,
    `\n### Keeping a process's segment index current, ${SEGMENTS / 1000} k segments (${label})\n`,
    '| step | median ms | x ours |',
    '|---|---|---|',
    `| ours: apply one new segment from the change log | ${fmt(incrementalMs)} | 1.0 |`,
    `| check with nothing new (before every match) | ${fmt(unchangedMs)} | ${(unchangedMs / incrementalMs).toFixed(1)} |`,
    `| reload every segment | ${fmt(coldMs)} | ${(coldMs / incrementalMs).toFixed(1)} |`,
    `\nIndex: ${indexed} segments, ${(memoryBytes / indexed).toFixed(0)} bytes a segment (SegmentIndex.memoryBytes).`,
  ];
}

const lines: string[] = [];
{
  const h = await openDatabase({ dataDir: '/nonexistent', inMemory: true });
  lines.push(...(await measure('PGlite', h)));
  await h.close();
}
const url = process.env.DATABASE_URL;
if (url) {
  const name = `stride_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const h = await openDatabase({ url: u.toString(), dataDir: '/nonexistent' });
  try {
    lines.push(...(await measure('PostgreSQL', h)));
  } finally {
    await h.close();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}
console.log(lines.join('\n'));
