/**
 * Live tracking under load: N recorders each send a batch of 5 points every 5 s while 2 viewers
 * per recorder (approved followers) watch over Server-Sent Events. N steps up until the p99 of
 * the delivery delay (batch POST sent → `points` event read by a viewer) reaches 1 s, an error
 * appears or a step overruns its time cap. Two setups: one all-in-one process on the embedded
 * default; and, when DATABASE_URL and REDIS_URL are set, two API processes on PostgreSQL and
 * Redis, the recorders posting to one and the viewers streaming from the other.
 *
 * Everything runs on 127.0.0.1, the load generator on the same cores as the servers.
 * BENCH_LIVE_MAX_N caps N (e.g. 10 for a quick smoke run).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createBenchDatabase, type StrideServer, startServer } from '../bench/reads-server.js';

const MAX_N = Number(process.env.BENCH_LIVE_MAX_N ?? 1600);
const STEPS = [50, 100, 200, 400, 800, 1600].filter((n) => n <= MAX_N);
if (!STEPS.length || STEPS.at(-1)! < MAX_N) STEPS.push(MAX_N);
const VIEWERS_PER_RECORDER = 2;
/**
 * Sign-ups cost a password hash each, so recorders share RECORDER_ACCOUNTS athletes (each
 * recording several activities at once: a session is per activity) and viewers share twice as
 * many followers: recorder i records as account i % R, its k-th viewer is account
 * (2i + k) % 2R, which follows exactly that athlete.
 */
const RECORDER_ACCOUNTS = 20;
const VIEWER_ACCOUNTS = RECORDER_ACCOUNTS * VIEWERS_PER_RECORDER;
const BATCH_EVERY_MS = 5000;
const POINTS_PER_BATCH = 5;
/** Measured window per step, and the cap on preparing a step (activities, streams). */
const WINDOW_MS = 20_000;
const PREPARE_CAP_MS = 45_000;
/** A batch no viewer got this long after the window counts as an error per viewer. */
const DRAIN_MS = 3000;
const P99_LIMIT_MS = 1000;
const CONCURRENCY = 16;
const CITY = { lat: 45.764, lng: 4.8357 };
const M_PER_DEG = 111_195;

// ---------------------------------------------------------------- HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

/** One JSON request; resolves with the status and the parsed body (no throw on a status). */
function request<T = unknown>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; json: T }> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}/api/v1${path}`,
      {
        method,
        agent,
        headers: {
          ...(data ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode!, json: text && JSON.parse(text) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function expectOk<T = unknown>(
  base: string,
  method: string,
  path: string,
  body: unknown,
  token: string | undefined,
  status: number,
) {
  const res = await request<T>(base, method, path, body, token);
  if (res.status !== status)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
  return res.json;
}

/** Runs `work` over `items`, CONCURRENCY at a time. */
async function pool<T>(items: readonly T[], work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

// ---------------------------------------------------------------- athletes

interface Athlete {
  handle: string;
  token: string;
  /** A stream ticket (valid 60 s) and when it was issued. */
  ticket?: { ticket: string; at: number };
}

const RUN = randomBytes(3).toString('hex');

async function signUp(base: string, handle: string): Promise<Athlete> {
  const json = await expectOk<{ access_token: string }>(
    base,
    'POST',
    '/auth/signup',
    { handle, email: `${handle}@example.com`, password: 'load-test-password' },
    undefined,
    201,
  );
  return { handle, token: json.access_token };
}

/** A recorder: an athlete moving around the city, its current activity and batch number. */
interface Recorder {
  token: string;
  x: number;
  y: number;
  heading: number;
  t: number;
  seq: number;
  activityId: string;
}

/** The next 5 points, one a second, at running pace with gentle turns. */
function nextPoints(r: Recorder) {
  const kx = Math.cos((CITY.lat * Math.PI) / 180) * M_PER_DEG;
  return Array.from({ length: POINTS_PER_BATCH }, () => {
    r.heading += (Math.random() - 0.5) * 0.2;
    const speed = 2.6 + Math.random() * 0.6;
    r.x += Math.sin(r.heading) * speed;
    r.y += Math.cos(r.heading) * speed;
    r.t += 1;
    return {
      t: r.t,
      lat: +(CITY.lat + r.y / M_PER_DEG).toFixed(7),
      lng: +(CITY.lng + r.x / kx).toFixed(7),
      alt: 170 + Math.round(r.y / 50),
      hr: 140 + Math.round(Math.random() * 10),
    };
  });
}

// ---------------------------------------------------------------- viewers (SSE)

interface Stream {
  close(): void;
}

/**
 * Opens a follower's stream of one activity; resolves once its snapshot arrived. `onPoints`
 * gets the first point time of each `points` event; `onError` an unexpected end.
 */
function openStream(
  base: string,
  activityId: string,
  ticket: string,
  onPoints: (firstT: number) => void,
  onError: (why: string) => void,
): Promise<Stream> {
  return new Promise((resolve, reject) => {
    let closing = false;
    let ready = false;
    const req = http.get(
      `${base}/api/v1/activities/${activityId}/live/stream?ticket=${encodeURIComponent(ticket)}`,
      { agent: streamAgent },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return reject(new Error(`stream ${activityId}: ${res.statusCode}`));
        }
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const type = /^event: (.*)$/m.exec(block)?.[1];
            if (type === 'snapshot' && !ready) {
              ready = true;
              resolve({
                close: () => {
                  closing = true;
                  req.destroy();
                },
              });
            } else if (type === 'points') {
              const data = JSON.parse(/^data: (.*)$/m.exec(block)![1]!);
              if (data.points.length) onPoints(data.points[0].t);
            } else if (type === 'state' && !closing) onError('stream ended by the server');
          }
        });
        res.on('close', () => {
          if (!closing && ready) onError('stream closed');
        });
      },
    );
    req.on('error', (e) => {
      if (!ready) reject(e);
      else if (!closing) onError(e.message);
    });
  });
}

// ---------------------------------------------------------------- server measurements

/** User + system CPU seconds the process has used (Linux /proc). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
}

const sum = (servers: StrideServer[], f: (s: StrideServer) => number) =>
  servers.reduce((total, s) => total + f(s), 0);
const rssMiB = (servers: StrideServer[]) => sum(servers, (s) => s.memory()?.rssMiB ?? 0);
const cpuOf = (servers: StrideServer[]) => sum(servers, (s) => cpuSeconds(s.pid));

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// ---------------------------------------------------------------- one setup

interface Setup {
  label: string;
  /** Where recorders post, and where viewers stream from. */
  writer: StrideServer;
  reader: StrideServer;
  servers: StrideServer[];
  /** Bytes a live session's keys take in Redis (MEMORY USAGE), when on Redis. */
  redisBytes?: (activityId: string) => Promise<number>;
}

interface StepResult {
  n: number;
  viewers: number;
  batchesPerS: number;
  cores: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMsPerBatch: number;
  rss: number;
  rssPerSessionKiB: number;
  note: string;
}

async function runSetup(setup: Setup): Promise<StepResult[]> {
  const { writer, reader, servers } = setup;
  const w = writer.url;
  const r = reader.url;
  const started = Date.now();
  const athletes = Array.from({ length: RECORDER_ACCOUNTS }, (_, i) => `lv${RUN}r${i}`);
  const owners: Athlete[] = [];
  const viewers: Athlete[] = [];
  await pool(athletes, async (handle, i) => {
    owners[i] = await signUp(w, handle);
    for (let k = 0; k < VIEWERS_PER_RECORDER; k++) {
      const v = await signUp(w, `lv${RUN}v${i}x${k}`);
      await expectOk(w, 'PUT', `/athletes/${handle}/follow`, undefined, v.token, 200);
      viewers[i * VIEWERS_PER_RECORDER + k] = v;
    }
  });
  console.log(`  ${owners.length + viewers.length} sign-ups: ${(Date.now() - started) / 1000} s`);
  const ticketOf = async (v: Athlete) => {
    if (!v.ticket || Date.now() - v.ticket.at > 45_000) {
      const at = Date.now();
      const json = await expectOk(
        r,
        'POST',
        '/notifications/stream-ticket',
        undefined,
        v.token,
        200,
      );
      v.ticket = { ticket: json.ticket, at };
    }
    return v.ticket.ticket;
  };
  const results: StepResult[] = [];

  for (const n of STEPS) {
    const rssBefore = rssMiB(servers);
    const prepareStart = Date.now();
    const active: Recorder[] = Array.from({ length: n }, (_, i) => ({
      token: owners[i % RECORDER_ACCOUNTS]!.token,
      x: 0,
      y: 0,
      heading: Math.random() * 2 * Math.PI,
      t: 0,
      seq: 0,
      activityId: '',
    }));
    // A fresh activity per step, its session started by a first batch.
    await pool(active, async (rec) => {
      rec.activityId = crypto.randomUUID();
      rec.seq = 0;
      rec.t = Math.floor(Date.now() / 1000) - 60;
      await expectOk(
        w,
        'POST',
        '/activities',
        { id: rec.activityId, sport_type: 'Run', visibility: 'followers' },
        rec.token,
        201,
      );
      await expectOk(
        w,
        'POST',
        `/activities/${rec.activityId}/live`,
        { seq: rec.seq++, points: nextPoints(rec) },
        rec.token,
        200,
      );
    });
    // Viewers' streams, on the reader.
    const sent = new Map<string, number>(); // `${activity}:${first t}` → when the POST was sent
    const latencies: number[] = [];
    const delivered = new Map<string, number>();
    let errors = 0;
    const errorKinds = new Map<string, number>();
    const fail = (why: string) => {
      errors++;
      errorKinds.set(why, (errorKinds.get(why) ?? 0) + 1);
    };
    let measuring = false;
    const streams: Stream[] = [];
    const pairs = active.flatMap((rec, i) =>
      Array.from({ length: VIEWERS_PER_RECORDER }, (_, k) => ({
        rec,
        viewer: viewers[(i * VIEWERS_PER_RECORDER + k) % VIEWER_ACCOUNTS]!,
      })),
    );
    let overran = false;
    await pool(pairs, async ({ rec, viewer }) => {
      if (Date.now() - prepareStart > PREPARE_CAP_MS) {
        overran = true;
        return;
      }
      const ticket = await ticketOf(viewer);
      const id = rec.activityId;
      streams.push(
        await openStream(
          r,
          id,
          ticket,
          (t) => {
            const key = `${id}:${t}`;
            const at = sent.get(key);
            if (at === undefined || !measuring) return;
            latencies.push(performance.now() - at);
            delivered.set(key, (delivered.get(key) ?? 0) + 1);
          },
          fail,
        ),
      );
    });
    const prepareS = (Date.now() - prepareStart) / 1000;

    // The measured window: each recorder posts every 5 s, spread evenly over the interval.
    let accepted = 0;
    const cpu0 = cpuOf(servers);
    const t0 = performance.now();
    measuring = !overran;
    const timers: NodeJS.Timeout[] = [];
    const posts: Promise<void>[] = [];
    if (!overran)
      active.forEach((rec, i) => {
        const post = () => {
          if (performance.now() - t0 > WINDOW_MS) return;
          const points = nextPoints(rec);
          const key = `${rec.activityId}:${points[0]!.t}`;
          sent.set(key, performance.now());
          const body = { seq: rec.seq++, points };
          posts.push(
            request(w, 'POST', `/activities/${rec.activityId}/live`, body, rec.token).then(
              (res) => (res.status === 200 ? void accepted++ : fail(`POST ${res.status}`)),
              (e: Error) => fail(`POST ${e.message}`),
            ),
          );
        };
        const offset = (i * BATCH_EVERY_MS) / active.length;
        timers.push(
          setTimeout(() => {
            post();
            timers.push(setInterval(post, BATCH_EVERY_MS));
          }, offset),
        );
      });
    await new Promise((resolve) => setTimeout(resolve, overran ? 0 : WINDOW_MS));
    for (const t of timers) clearTimeout(t);
    const wallS = (performance.now() - t0) / 1000;
    const cpuS = cpuOf(servers) - cpu0;
    await Promise.all(posts);
    const rssAfter = rssMiB(servers);
    const deadline = Date.now() + DRAIN_MS;
    const expected = sent.size * VIEWERS_PER_RECORDER;
    while (latencies.length < expected && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    measuring = false;
    if (!overran)
      for (const key of sent.keys()) {
        const lost = VIEWERS_PER_RECORDER - (delivered.get(key) ?? 0);
        for (let k = 0; k < lost; k++) fail('not delivered within 3 s');
      }

    if (setup.redisBytes) {
      const sample = active.slice(0, 20);
      let bytes = 0;
      for (const rec of sample) bytes += await setup.redisBytes(rec.activityId);
      const batches = sample.reduce((total, rec) => total + rec.seq, 0);
      console.log(
        `  N=${n}: Redis ${(bytes / sample.length / 1024).toFixed(1)} KB per session after ` +
          `${(batches / sample.length).toFixed(1)} batches (≈ ${(bytes / batches).toFixed(0)} B a batch)`,
      );
    }

    // Ends the step: streams closed, sharing stopped.
    for (const s of streams) s.close();
    await pool(active, async (rec) => {
      await request(w, 'DELETE', `/activities/${rec.activityId}/live`, undefined, rec.token);
    });

    latencies.sort((a, b) => a - b);
    const batchesPerS = accepted / wallS;
    const cores = cpuS / wallS;
    const result: StepResult = {
      n,
      viewers: streams.length,
      batchesPerS,
      cores,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      errors,
      cpuMsPerBatch: accepted ? (cpuS * 1000) / accepted : Number.NaN,
      rss: rssAfter,
      rssPerSessionKiB: ((rssAfter - rssBefore) * 1024) / n,
      note: overran
        ? `preparing the step overran ${PREPARE_CAP_MS / 1000} s`
        : [...errorKinds].map(([k, v]) => `${v}× ${k}`).join(', '),
    };
    results.push(result);
    console.log(
      `  N=${n}: activities + streams ${prepareS.toFixed(1)} s, ` +
        `${accepted} batches, ${latencies.length} deliveries${result.note ? `; ${result.note}` : ''}`,
    );
    if (overran || errors > 0 || !(result.p99 < P99_LIMIT_MS)) break;
  }
  return results;
}

function report(label: string, results: StepResult[]): void {
  const f = (x: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  console.log(`\n### ${label}\n`);
  console.log(
    '| N recorders | M viewers | batches/s | server cores busy | batches/s per core | ' +
      'delivery p50 ms | delivery p99 ms | errors | CPU ms per batch | RSS MB | RSS per session KB |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of results)
    console.log(
      `| ${s.n} | ${s.viewers} | ${f(s.batchesPerS, 1)} | ${f(s.cores, 2)} | ` +
        `${f(s.batchesPerS / s.cores)} | ${f(s.p50, 1)} | ${f(s.p99, 1)} | ${s.errors} | ` +
        `${f(s.cpuMsPerBatch, 2)} | ${f(s.rss)} | ${f(s.rssPerSessionKiB, 1)} |`,
    );
  const ok = results.filter((s) => s.p99 < P99_LIMIT_MS && s.errors === 0 && s.note === '');
  const best = ok.at(-1);
  console.log(
    best
      ? `\nLargest N with p99 < 1 s and no errors: **${best.n}** recorders (${best.viewers} viewers)` +
          `${best === results.at(-1) ? ` — the largest step tried (BENCH_LIVE_MAX_N=${MAX_N})` : ''}.`
      : '\nNo step kept p99 under 1 s without errors.',
  );
}

async function withSetup(
  label: string,
  start: () => Promise<Setup>,
  cleanup: () => Promise<void> = async () => {},
): Promise<void> {
  console.log(`\n${label}: starting`);
  let setup: Setup | undefined;
  try {
    setup = await start();
    report(label, await runSetup(setup));
  } catch (error) {
    for (const s of setup?.servers ?? []) console.error(`server log (last lines):\n${s.logTail()}`);
    throw error;
  } finally {
    for (const s of setup?.servers ?? []) await s.stop();
    await cleanup();
  }
}

// Sign-ups and follows come from one address, far above the default per-address limit.
const COMMON = { STRIDE_AUTH_RATE_LIMIT: '1000000' };

await withSetup('(a) one process, embedded default (PGlite, in-process live state)', async () => {
  const server = await startServer(COMMON);
  return { label: 'embedded', writer: server, reader: server, servers: [server] };
});

const adminUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
if (adminUrl && redisUrl) {
  const db = await createBenchDatabase(adminUrl);
  const prefix = `stride-loadtest-${RUN}:`;
  // Both processes of one installation share one blob store.
  const dataDir = mkdtempSync(join(tmpdir(), 'stride-loadtest-'));
  const redis = new Redis(redisUrl);
  const redisBytes = async (activityId: string) => {
    const key = `${prefix}live:${activityId}`;
    const sizes = await Promise.all([key, `${key}:events`].map((k) => redis.memory('USAGE', k)));
    return sizes.reduce<number>((total, size) => total + Number(size ?? 0), 0);
  };
  await withSetup(
    `(b) two API processes, PostgreSQL + Redis (recorders → A, viewers ← B; prefix ${prefix})`,
    async () => {
      const env = {
        ...COMMON,
        DATABASE_URL: db.url,
        REDIS_URL: redisUrl,
        STRIDE_REDIS_PREFIX: prefix,
        STRIDE_DATA_DIR: dataDir,
      };
      const a = await startServer({ ...env, STRIDE_ROLE: 'all' });
      const b = await startServer({ ...env, STRIDE_ROLE: 'api' });
      return { label: 'redis', writer: a, reader: b, servers: [a, b], redisBytes };
    },
    async () => {
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
      let removed = 0;
      const scan = redis.scanStream({ match: `${prefix}*`, count: 1000 });
      for await (const keys of scan as AsyncIterable<string[]>)
        if (keys.length) removed += await redis.del(...keys);
      await redis.quit();
      console.log(`\n(database dropped, ${removed} Redis keys under ${prefix} deleted)`);
    },
  );
  redisOps(redisUrl);
} else {
  console.log('\n(DATABASE_URL and REDIS_URL are not both set: setup (b) skipped)');
}

/**
 * What one Redis core takes of the commands a batch costs (redis-benchmark, 50 clients, no
 * pipelining), on keys under a prefix of this run's own, deleted afterwards.
 */
function redisOps(url: string): void {
  const which = spawnSync('redis-benchmark', ['--version']);
  if (which.error) return void console.log('\n(redis-benchmark not installed: skipped)');
  const u = new URL(url);
  const key = `stride-loadtest-${RUN}:bench`;
  const commands: Array<[string, string[]]> = [
    ['XADD MAXLEN ~ 2000', ['XADD', `${key}:s`, 'MAXLEN', '~', '2000', '*', 'o', 'x'.repeat(300)]],
    ['PUBLISH (no subscriber)', ['PUBLISH', `${key}:c`, 'x'.repeat(300)]],
    ['HSET', ['HSET', `${key}:h`, 'meta', 'x'.repeat(300)]],
    ['HGETALL (20 fields)', ['HGETALL', `${key}:h20`]],
    ['PEXPIRE', ['PEXPIRE', `${key}:h`, '1800000']],
  ];
  const cli = (args: string[]) =>
    spawnSync('redis-cli', ['-h', u.hostname, '-p', u.port || '6379', ...args]);
  for (let i = 0; i < 20; i++) cli(['HSET', `${key}:h20`, `b:${i}`, 'x'.repeat(400)]);
  console.log('\n### Redis, one shard (redis-benchmark -c 50 -n 100000, no pipelining)\n');
  console.log('| command | ops/s |\n|---|---:|');
  for (const [name, args] of commands) {
    const out = spawnSync(
      'redis-benchmark',
      ['-h', u.hostname, '-p', u.port || '6379', '-c', '50', '-n', '100000', '-q', ...args],
      { encoding: 'utf8', timeout: 30_000 },
    );
    const rate = /([\d.]+) requests per second/.exec(out.stdout)?.[1];
    console.log(`| ${name} | ${rate ? Math.round(Number(rate)) : '–'} |`);
  }
  cli(['DEL', `${key}:s`, `${key}:c`, `${key}:h`, `${key}:h20`]);
}
