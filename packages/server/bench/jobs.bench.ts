/**
 * Durable jobs on pg-boss against the runner Stride had before (the baseline in
 * legacy-job-runner.ts): no-op jobs enqueued one at a time, then completed by one or several
 * workers (each its own process's connections, 8 jobs at once), and the time from enqueueing one
 * lone job (then `wake()`) to its handler starting, on the embedded database and on PostgreSQL
 * when DATABASE_URL is set. Both run with their production timings. Each engine is measured
 * ROUNDS times, alternating with the other, and keeps its best round (a shared machine's load
 * comes and goes; the best round is the least disturbed).
 */
import { type DatabaseHandle, openDatabase } from '../src/platform/db/dialect.js';
import { createJobs, defineJobs, type Jobs } from '../src/platform/jobs/index.js';
import { createBenchDatabase } from './bench-database.js';
import { createLegacyJobTable, LegacyJobRepository, LegacyJobRunner } from './legacy-job-runner.js';

const JOBS = 1000;
const LONE = 25;
const CONCURRENCY = 8;
const ROUNDS = Number(process.env.JOBS_BENCH_ROUNDS ?? 3);

/** What the benchmark drives, whichever engine is underneath. */
interface Engine {
  enqueue(i: number): Promise<void>;
  start(): Promise<void>;
  wake(): void;
  stop(): Promise<void>;
}

interface Probe {
  /** Called at the start of every job's handler. */
  onStart(i: number): void;
}

type Setup = { handles: DatabaseHandle[]; done(): Promise<void> };

function legacy(handles: DatabaseHandle[], probe: Probe): Engine {
  const repo = new LegacyJobRepository(handles[0]!.db);
  const runners = handles.map(
    (h) =>
      new LegacyJobRunner(
        new LegacyJobRepository(h.db),
        {
          noop: async (p: { i: number }) => {
            probe.onStart(p.i);
            return 'success';
          },
        },
        { concurrency: CONCURRENCY, pollIntervalMs: 1000 },
      ),
  );
  return {
    enqueue: (i) => repo.enqueue('noop', { i }),
    async start() {
      for (const r of runners) r.start();
    },
    wake: () => runners[0]!.wake(),
    async stop() {
      for (const r of runners) await r.stop();
    },
  };
}

const BENCH_JOBS = defineJobs<{ 'bench.noop': { i: number } }>({ 'bench.noop': { dedup: 'none' } });

async function pgBoss(handles: DatabaseHandle[], probe: Probe): Promise<Engine> {
  const engines: Jobs<{ 'bench.noop': { i: number } }>[] = [];
  // The first engine installs pg-boss's schema; the others then start side by side.
  for (const database of handles) {
    const jobs = await createJobs({ database, definitions: BENCH_JOBS, concurrency: CONCURRENCY });
    jobs.worker.register({
      'bench.noop': async (p) => {
        probe.onStart(p.i);
        return 'success';
      },
    });
    engines.push(jobs);
  }
  const first = engines[0]!;
  return {
    enqueue: (i) => first.queue.enqueue('bench.noop', { i }),
    async start() {
      await Promise.all(engines.map((e) => e.worker.start()));
    },
    wake: () => first.worker.wake(),
    async stop() {
      for (const e of engines) await e.close();
    },
  };
}

interface Measured {
  enqueuePerS: number;
  runPerS: number;
  latencyMs: { median: number; p90: number };
}

async function measure(
  make: (handles: DatabaseHandle[], probe: Probe) => Engine | Promise<Engine>,
  setup: Setup,
): Promise<Measured> {
  let seen = 0;
  let started: ((at: number) => void) | undefined;
  const engine = await make(setup.handles, {
    onStart(i) {
      seen++;
      if (i < 0) started?.(performance.now());
    },
  });
  try {
    const e0 = performance.now();
    for (let i = 0; i < JOBS; i++) await engine.enqueue(i);
    const enqueuePerS = JOBS / ((performance.now() - e0) / 1000);
    const r0 = performance.now();
    await engine.start();
    while (seen < JOBS) await new Promise((r) => setTimeout(r, 2));
    const runPerS = JOBS / ((performance.now() - r0) / 1000);
    // Let the workers settle into idle polling before timing lone jobs.
    await new Promise((r) => setTimeout(r, 500));
    const latencies: number[] = [];
    for (let k = 1; k <= LONE; k++) {
      const begun = new Promise<number>((resolve) => (started = resolve));
      const t0 = performance.now();
      await engine.enqueue(-k);
      engine.wake();
      latencies.push((await begun) - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    return { enqueuePerS, runPerS, latencyMs: { median: at(0.5), p90: at(0.9) } };
  } finally {
    await engine.stop();
    await setup.done();
  }
}

async function embedded(): Promise<Setup> {
  const h = await openDatabase({ dataDir: '/nonexistent', inMemory: true });
  await createLegacyJobTable(h.db);
  return { handles: [h], done: () => h.close() };
}

async function postgres(url: string, workers: number): Promise<Setup> {
  const bench = await createBenchDatabase(url, 'stride_jobs_bench');
  const handles = await Promise.all(
    Array.from({ length: workers }, () =>
      openDatabase({ dataDir: '/nonexistent', url: bench.url, poolSize: 4 }),
    ),
  );
  await createLegacyJobTable(handles[0]!.db);
  return {
    handles,
    async done() {
      for (const h of handles) await h.close();
      await bench.drop();
    },
  };
}

const setups: { label: string; workers: number; open: () => Promise<Setup> }[] = [
  { label: 'embedded (PGlite)', workers: 1, open: embedded },
];
const url = process.env.DATABASE_URL;
if (url) {
  for (const workers of [1, 4]) {
    setups.push({ label: 'PostgreSQL', workers, open: () => postgres(url, workers) });
  }
}

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
/** The best of several rounds: highest rates, lowest latencies. */
function best(rounds: Measured[]): Measured {
  return {
    enqueuePerS: Math.max(...rounds.map((m) => m.enqueuePerS)),
    runPerS: Math.max(...rounds.map((m) => m.runPerS)),
    latencyMs: {
      median: Math.min(...rounds.map((m) => m.latencyMs.median)),
      p90: Math.min(...rounds.map((m) => m.latencyMs.p90)),
    },
  };
}

const rows: string[] = [];
for (const s of setups) {
  const olds: Measured[] = [];
  const bosses: Measured[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    olds.push(await measure(legacy, await s.open()));
    bosses.push(await measure(pgBoss, await s.open()));
  }
  const old = best(olds);
  const boss = best(bosses);
  const lat = (m: Measured) => `${f1(m.latencyMs.median)} (${f1(m.latencyMs.p90)})`;
  rows.push(
    `| ${s.label} | ${s.workers} | legacy runner | ${f0(old.enqueuePerS)} | ${f0(old.runPerS)} | ${lat(old)} |`,
    `| ${s.label} | ${s.workers} | pg-boss | ${f0(boss.enqueuePerS)} | ${f0(boss.runPerS)} | ${lat(boss)} |`,
    `| ${s.label} | ${s.workers} | **pg-boss ÷ legacy** | ${ratio(boss.enqueuePerS, old.enqueuePerS)} | ` +
      `${ratio(boss.runPerS, old.runPerS)} | ${ratio(boss.latencyMs.median, old.latencyMs.median)} |`,
  );
}
console.log(
  `\n### Durable jobs: pg-boss vs the legacy runner (${JOBS} no-op jobs, ${CONCURRENCY} at once per worker; ` +
    `lone job: median (p90) of ${LONE}, enqueue then wake() to handler start; best of ${ROUNDS} rounds)\n`,
);
console.log(
  '| database | workers | engine | enqueued/s (one at a time) | completed/s | lone job → start, ms |',
);
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
