/**
 * Fan-out of one activity to 100,000 followers' feed inboxes, on the embedded database and,
 * when DATABASE_URL is set, on a PostgreSQL database of its own: the time from saving the
 * activity to its last inbox row, with the worker running its batched jobs (1,000 followers
 * each), against the floor of one INSERT … SELECT writing the same rows with no jobs at all.
 * Then a follower's first feed page, from the inbox and (hybrid) with the athlete read at feed
 * time. Reports; never fails on targets.
 *
 * BENCH_FOLLOWERS (default 100000) sets the audience.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { syntheticActivity } from '../src/demo/synthetic-activity.js';
import { createStride } from '../src/stride.js';
import { createBenchDatabase } from './bench-database.js';

const FOLLOWERS = Number(process.env.BENCH_FOLLOWERS ?? 100_000);
const DEADLINE_MS = 10 * 60_000;

async function measure(label: string, adminUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'stride-bench-'));
  const bench = adminUrl ? await createBenchDatabase(adminUrl, 'stride_bench_feed') : undefined;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    STRIDE_DATA_DIR: dir,
    DATABASE_URL: bench?.url,
    STRIDE_AUTH_RATE_LIMIT: '1000',
    // Above the audience: this measures fan-out, not the hybrid read.
    STRIDE_FEED_FANOUT_MAX_FOLLOWERS: String(FOLLOWERS + 1),
  });
  const stride = await createStride(config, bench ? {} : { database: { inMemory: true } });
  const app = await buildApp(config, { stride });
  const db = stride.platform.db;
  try {
    const signup = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { handle: 'star', email: 'star@example.com', password: 'password123' },
    });
    const star = signup.json();
    const auth = { authorization: `Bearer ${star.access_token}` };
    const s0 = performance.now();
    await sql`
      insert into athletes (id, handle, email, password_hash, display_name)
      select gen_random_uuid(), 'fan' || n, 'fan' || n || '@example.com', 'x', 'Fan ' || n
      from generate_series(1, ${FOLLOWERS}) n`.execute(db);
    await sql`
      insert into follows (follower_id, followee_id)
      select id, ${star.athlete.id}::uuid from athletes where handle like 'fan%'`.execute(db);
    const seedS = (performance.now() - s0) / 1000;
    await stride.startWorker();

    const start = Math.floor(Date.now() / 1000) - 3600;
    const points = syntheticActivity({
      seed: 3,
      sport: 'Run',
      startLat: 45.76,
      startLng: 4.83,
      startTime: start,
      distanceM: 5000,
    }).map((p) => ({ t: p.t, lat: p.lat, lng: p.lng }));
    const id = randomUUID();
    const inboxRows = async (activityId: string) =>
      Number(
        (
          await db
            .selectFrom('feed_items')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('activity_id', '=', activityId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const t0 = performance.now();
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/v1/activities/${id}/recording`,
      headers: auth,
      payload: {
        sport_type: 'Run',
        events: [
          { kind: 'START', at: new Date(start * 1000).toISOString() },
          { kind: 'STOP', at: new Date((points.at(-1)!.t + 1) * 1000).toISOString() },
        ],
        points,
      },
    });
    if (saved.statusCode !== 200) throw new Error(`saving failed: ${saved.body}`);
    const savedMs = performance.now() - t0;
    while ((await inboxRows(id)) < FOLLOWERS + 1) {
      if (performance.now() - t0 > DEADLINE_MS) throw new Error('fan-out did not finish in time');
      await new Promise((r) => setTimeout(r, 50));
    }
    const fanoutMs = performance.now() - t0;
    const jobs = await sql<{ n: string }>`
      select count(*) as n from pgboss.job where name = 'feed.fanout-batch'`.execute(db);

    // The floor: the same rows in one statement, no jobs.
    await db.deleteFrom('feed_items').where('activity_id', '=', id).execute();
    const f0 = performance.now();
    await stride.feed.feed.fanOutBatch({ activityId: id, after: null, through: null });
    const floorMs = performance.now() - f0;

    // A follower's first page (20 cards), from the inbox, then read at feed time (hybrid).
    const fan = await sql<{ id: string }>`select id from athletes where handle = 'fan1'`.execute(
      db,
    );
    const fanId = fan.rows[0]!.id;
    const pageMs = async () => {
      const runs: number[] = [];
      for (let i = 0; i < 50; i++) {
        const p0 = performance.now();
        const page = await stride.feed.feed.page(fanId, 20);
        runs.push(performance.now() - p0);
        if (!page.some((e) => e.id === id)) throw new Error('the activity is not in the feed');
      }
      return runs.sort((a, b) => a - b)[25]!;
    };
    const inboxPageMs = await pageMs();
    await db.deleteFrom('feed_items').where('activity_id', '=', id).execute();
    await db
      .insertInto('feed_wide_authors')
      .values({ athlete_id: star.athlete.id, follower_count: FOLLOWERS })
      .execute();
    const hybridPageMs = await pageMs();

    console.log(
      `| ${label} | ${FOLLOWERS.toLocaleString('en')} | ${(fanoutMs / 1000).toFixed(2)} s (save ${savedMs.toFixed(0)} ms) | ${jobs.rows[0]!.n} | ${(floorMs / 1000).toFixed(2)} s | ${(fanoutMs / floorMs).toFixed(2)} | ${Math.round(FOLLOWERS / (fanoutMs / 1000)).toLocaleString('en')} | ${inboxPageMs.toFixed(2)} / ${hybridPageMs.toFixed(2)} ms | ${seedS.toFixed(1)} s |`,
    );
  } finally {
    await app.close();
    await stride.close();
    rmSync(dir, { recursive: true, force: true });
    await bench?.drop();
  }
}

console.log(
  '| database | followers | save → last inbox row (batched jobs) | batch jobs | one INSERT … SELECT (floor) | ratio to floor | rows/s | feed page: inbox / read at feed time (median) | seeding |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
await measure('embedded (PGlite)', undefined);
if (process.env.DATABASE_URL) await measure('PostgreSQL', process.env.DATABASE_URL);
