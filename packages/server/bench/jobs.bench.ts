/**
 * Durable job throughput: enqueue no-op jobs, then let several runners (as separate workers
 * would) claim and complete them with FOR UPDATE SKIP LOCKED, on the embedded database and on
 * PostgreSQL when DATABASE_URL is set.
 */
import { type DatabaseHandle, openDatabase } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { JobRunner } from '../src/platform/jobs/runner.js';
import { JobRepository } from '../src/platform/jobs/job.repository.js';
import { createBenchDatabase } from './bench-database.js';

const JOBS = 2000;

async function measure(
  label: string,
  open: () => Promise<{ handles: DatabaseHandle[]; done: () => Promise<void> }>,
  workers: number,
) {
  const { handles, done } = await open();
  await migrateToLatest(handles[0]!.db);
  const repo = new JobRepository(handles[0]!.db);
  const e0 = performance.now();
  for (let i = 0; i < JOBS; i++) await repo.enqueue({ name: 'noop', payload: { i } });
  const enqueuePerS = JOBS / ((performance.now() - e0) / 1000);
  let seen = 0;
  const runners = handles.map(
    (h, k) =>
      new JobRunner(
        new JobRepository(h.db),
        {
          noop: async () => {
            seen++;
            return 'success' as const;
          },
        },
        {
          workerId: `w${k}`,
          concurrency: 8,
          pollIntervalMs: 5,
        },
      ),
  );
  const r0 = performance.now();
  for (const r of runners) r.start();
  while (seen < JOBS) await new Promise((r) => setTimeout(r, 5));
  const runPerS = JOBS / ((performance.now() - r0) / 1000);
  for (const r of runners) await r.stop();
  await done();
  return `| ${label} | ${workers} | ${enqueuePerS.toFixed(0)} | ${runPerS.toFixed(0)} |`;
}

const rows: string[] = [];
rows.push(
  await measure(
    'embedded (PGlite), in-process',
    async () => {
      const h = await openDatabase({ dataDir: '/nonexistent', inMemory: true });
      return { handles: [h], done: () => h.close() };
    },
    1,
  ),
);
const url = process.env.DATABASE_URL;
if (url) {
  for (const workers of [1, 4]) {
    rows.push(
      await measure(
        'PostgreSQL',
        async () => {
          const bench = await createBenchDatabase(url, 'stride_jobs_bench');
          const handles = await Promise.all(
            Array.from({ length: workers }, () =>
              openDatabase({ dataDir: '/nonexistent', url: bench.url, poolSize: 4 }),
            ),
          );
          return {
            handles,
            done: async () => {
              for (const h of handles) await h.close();
              await bench.drop();
            },
          };
        },
        workers,
      ),
    );
  }
}
console.log(
  `\n### Durable jobs (${JOBS} no-op jobs; each worker its own connection pool, 8 jobs at once)\n`,
);
console.log('| database | workers | enqueued/s (one at a time) | completed/s |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(r);
