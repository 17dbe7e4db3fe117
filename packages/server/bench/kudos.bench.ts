/**
 * 1,000 athletes giving kudos to one activity at once, over HTTP to a real Stride server on
 * 127.0.0.1 (tokens made beforehand; at most 100 requests in flight), then each again (nothing
 * must change): the count must come out at exactly 1,000. Prints that check, the throughput and
 * the p50/p99 latency, on the embedded database and, when DATABASE_URL is set, on a PostgreSQL
 * database of its own. Fails only when the count is wrong.
 */
import { performance } from 'node:perf_hooks';
import { createBenchDatabase, startServer } from './reads-server.js';

const ATHLETES = Number(process.env.BENCH_KUDOS_ATHLETES ?? 1000);
const IN_FLIGHT = 100;
/** Sign-ups at once: each hashes a password (argon2), which the server's threads share. */
const SIGNUPS_IN_FLIGHT = 8;
const PASSWORD = 'kudos-bench-password';

if (!(ATHLETES > 0)) throw new Error(`BENCH_KUDOS_ATHLETES must be positive, not ${ATHLETES}`);

async function json<T>(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Runs `work` for each item with at most `limit` at once; each one's duration in ms. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  const durations: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const t0 = performance.now();
        await work(item);
        durations.push(performance.now() - t0);
      }
    }),
  );
  return durations;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

async function signUp(base: string, handle: string): Promise<string> {
  const r = await json<{ access_token: string }>(base, 'POST', '/auth/signup', undefined, {
    handle,
    email: `${handle}@example.com`,
    password: PASSWORD,
  });
  if (r.status !== 201) throw new Error(`signup ${handle}: ${r.status}`);
  return r.body.access_token;
}

/** A run of the owner's, recorded on the phone, visible to everyone; its id. */
async function recordRun(base: string, token: string): Promise<string> {
  const id = crypto.randomUUID();
  const t0 = Date.UTC(2026, 5, 1, 7) / 1000;
  const points = Array.from({ length: 60 }, (_, i) => ({
    t: t0 + i * 10,
    lat: 45.75 + i * 0.0003,
    lng: 4.85,
  }));
  const r = await json(base, 'PUT', `/activities/${id}/recording`, token, {
    sport_type: 'Run',
    visibility: 'everyone',
    events: [
      { kind: 'START', at: new Date(t0 * 1000).toISOString() },
      { kind: 'STOP', at: new Date((t0 + 600) * 1000).toISOString() },
    ],
    points,
  });
  if (r.status !== 200) throw new Error(`recording: ${r.status} ${JSON.stringify(r.body)}`);
  return id;
}

async function run(label: string, env: Record<string, string>): Promise<boolean> {
  // A thousand sign-ups come from one address: far above the default limit.
  const server = await startServer({ STRIDE_AUTH_RATE_LIMIT: '1000000', ...env });
  try {
    const base = server.url;
    const owner = await signUp(base, 'owner');
    const activity = await recordRun(base, owner);
    const handles = Array.from({ length: ATHLETES }, (_, i) => `fan${i}`);
    const tokens: string[] = [];
    const t0 = performance.now();
    await pool(handles, SIGNUPS_IN_FLIGHT, async (h) => {
      tokens.push(await signUp(base, h));
    });
    const signupS = (performance.now() - t0) / 1000;

    let failures = 0;
    const give = (token: string) =>
      json(base, 'PUT', `/activities/${activity}/kudos`, token).then((r) => {
        if (r.status !== 200) failures++;
      });
    const started = performance.now();
    const latencies = await pool(tokens, IN_FLIGHT, give);
    const seconds = (performance.now() - started) / 1000;
    // Each again, at once: idempotent, so the count must not move.
    await pool(tokens, IN_FLIGHT, give);

    const { body } = await json<{ kudos_count: number }>(
      base,
      'GET',
      `/activities/${activity}`,
      owner,
    );
    const sorted = latencies.sort((a, b) => a - b);
    const ok = body.kudos_count === ATHLETES && failures === 0;
    console.log(`\n### ${label} (server from ${server.from})\n`);
    console.log(`| athletes | count | check | failed requests | kudos/s | p50 ms | p99 ms |`);
    console.log(`|---:|---:|:---|---:|---:|---:|---:|`);
    console.log(
      `| ${ATHLETES} | ${body.kudos_count} | ${ok ? 'exact' : `WRONG (expected ${ATHLETES})`} | ${failures} | ` +
        `${(ATHLETES / seconds).toFixed(0)} | ${quantile(sorted, 0.5).toFixed(1)} | ${quantile(sorted, 0.99).toFixed(1)} |`,
    );
    console.log(
      `\n(${ATHLETES} sign-ups beforehand took ${signupS.toFixed(1)} s; ${IN_FLIGHT} requests in flight)`,
    );
    return ok;
  } catch (error) {
    console.error(`server log (last lines):\n${server.logTail()}`);
    throw error;
  } finally {
    await server.stop();
  }
}

let ok = await run('embedded (PGlite)', {});
const adminUrl = process.env.DATABASE_URL;
if (adminUrl) {
  const db = await createBenchDatabase(adminUrl);
  try {
    ok = (await run(`PostgreSQL (database ${db.name})`, { DATABASE_URL: db.url })) && ok;
  } finally {
    await db.drop();
  }
} else {
  console.log('\n(DATABASE_URL is not set: PostgreSQL skipped)');
}
if (!ok) process.exitCode = 1;
