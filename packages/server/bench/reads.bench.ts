/**
 * Read throughput of a real Stride server process under load (autocannon, 50 connections on
 * loopback): GET /health as the ceiling, the friends feed and one activity detail behind a
 * privacy zone, as a viewer who follows ten athletes. On the embedded database and, when
 * DATABASE_URL is set, on a PostgreSQL database of its own. Reports; never fails on targets.
 *
 * BENCH_SECONDS (default 10) sets each measurement's duration; BENCH_CPU_PROF=<folder> makes the
 * server write a CPU profile there.
 */
import autocannon from 'autocannon';
import { checkEndpoints, type Seeded, type Session, seed } from './reads-data.js';
import { createBenchDatabase, type StrideServer, startServer } from './reads-server.js';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Math.min(3, SECONDS);
/** A request still unanswered after this long counts as an error (a timeout). */
const TIMEOUT_S = 10;
const TARGETS = { feed: 0.1, detail: 0.25, p99Ms: 100 };

if (!(SECONDS > 0)) throw new Error(`BENCH_SECONDS must be a positive number, not ${SECONDS}`);

interface Measured {
  endpoint: string;
  reqPerS: number;
  p50: number;
  p99: number;
  /** Connection errors and timeouts (autocannon counts a timeout as an error too). */
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** The parts of autocannon's result this benchmark reads. */
interface LoadResult {
  duration: number;
  requests: { total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** One autocannon run; `session` signs the requests (its token refreshed while it runs). */
async function load(
  base: string,
  path: string,
  seconds: number,
  session?: Session,
): Promise<LoadResult> {
  let refresher: NodeJS.Timeout | undefined;
  if (session) {
    // A fresh token for each run, renewed halfway through its life should the run outlast it.
    await session.refresh();
    const everyMs = Math.max(10, session.remainingS() / 2) * 1000;
    refresher = setInterval(() => void session.refresh().catch(() => {}), everyMs);
  }
  try {
    return await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: seconds,
      timeout: TIMEOUT_S,
      requests: [
        {
          method: 'GET',
          path,
          ...(session
            ? {
                setupRequest: (req: { headers?: Record<string, string> }) => ({
                  ...req,
                  headers: { ...req.headers, ...session.auth() },
                }),
              }
            : {}),
        },
      ],
    });
  } finally {
    clearInterval(refresher);
  }
}

/**
 * Waits until the server answers /health quickly again: when a run ends, requests it already
 * accepted are still being served, and must not be counted against the next endpoint.
 */
async function settle(base: string, probes = 5, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let quick = 0; quick < probes; ) {
    if (Date.now() > deadline) throw new Error(`the server stayed busy for ${timeoutMs / 1000} s`);
    const t0 = performance.now();
    await (await fetch(`${base}/health`)).arrayBuffer();
    quick = performance.now() - t0 < 20 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function measure(base: string, data: Seeded): Promise<Measured[]> {
  const endpoints: Array<[string, string, Session?]> = [
    ['GET /health', '/health'],
    ['friends feed (20)', '/api/v1/activities?mode=FRIENDS&limit=20', data.viewer],
    ['activity detail (zoned)', `/api/v1/activities/${data.zonedActivityId}`, data.viewer],
  ];
  for (const [, path, session] of endpoints) {
    await settle(base);
    await load(base, path, WARMUP_SECONDS, session);
  }
  const rows: Measured[] = [];
  for (const [endpoint, path, session] of endpoints) {
    await settle(base);
    const r = await load(base, path, SECONDS, session);
    rows.push({
      endpoint,
      reqPerS: r.requests.total / r.duration,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
    });
  }
  return rows;
}

function report(label: string, server: StrideServer, data: Seeded, rows: Measured[]): void {
  const health = rows[0]!.reqPerS;
  const minRatio = [undefined, TARGETS.feed, TARGETS.detail];
  console.log(
    `\n### ${label}: server from ${server.from}, request logs at info to a file; ` +
      `${data.athletes} followed athletes ` +
      `(${data.zoned} with a privacy zone), ${data.activities} runs of ${data.pointsPerRun} points, ` +
      `seeded and processed in ${data.seedSeconds.toFixed(1)} s; ` +
      `${CONNECTIONS} connections, ${SECONDS} s each, ${TIMEOUT_S} s request timeout\n`,
  );
  console.log(
    '| endpoint | req/s | p50 ms | p99 ms | errors / non-2xx | × health | target | met |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  rows.forEach((r, i) => {
    const ratio = r.reqPerS / health;
    const want = minRatio[i];
    const missed: string[] = [];
    if (r.reqPerS === 0) missed.push('no request completed');
    if (want !== undefined && ratio < want) missed.push('ratio');
    if (r.p99 > TARGETS.p99Ms) missed.push('p99');
    if (r.errors + r.non2xx > 0) missed.push('errors');
    const target = `${want !== undefined ? `≥ ${want} × health, ` : ''}p99 ≤ ${TARGETS.p99Ms} ms, no errors`;
    console.log(
      `| ${r.endpoint} | ${r.reqPerS.toFixed(0)} | ${r.p50} | ${r.p99} | ` +
        `${r.errors}${r.timeouts ? ` (${r.timeouts} timeouts)` : ''} / ${r.non2xx} | ` +
        `${ratio.toFixed(3)} | ${target} | ${missed.length ? `no (${missed.join(', ')})` : 'yes'} |`,
    );
  });
  const mem = server.memory();
  console.log(
    mem
      ? `\nserver RSS at the end: ${mem.rssMiB.toFixed(0)} MiB (peak ${mem.peakMiB.toFixed(0)} MiB)`
      : '\nserver RSS: not available on this platform',
  );
}

async function run(label: string, env: Record<string, string>): Promise<void> {
  const server = await startServer({
    // Eleven sign-ups and a token refresh per run come from one address: above the default limit.
    STRIDE_AUTH_RATE_LIMIT: '1000',
    ...env,
  });
  try {
    const data = await seed(server.url);
    // Uploads are ready, but jobs they queued (segment matching, leaderboards) may still run.
    await settle(server.url, 40);
    await checkEndpoints(server.url, data);
    report(label, server, data, await measure(server.url, data));
  } catch (error) {
    console.error(`server log (last lines):\n${server.logTail()}`);
    throw error;
  } finally {
    await server.stop();
  }
}

await run('embedded (PGlite)', {});
const adminUrl = process.env.DATABASE_URL;
if (adminUrl) {
  const db = await createBenchDatabase(adminUrl);
  try {
    await run(`PostgreSQL (database ${db.name})`, { DATABASE_URL: db.url });
  } finally {
    await db.drop();
  }
} else {
  console.log('\n(DATABASE_URL is not set: PostgreSQL skipped)');
}
