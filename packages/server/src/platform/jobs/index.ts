import { PgBoss } from 'pg-boss';
import type { DatabaseHandle } from '../db/dialect.js';
import { bossConnection } from './boss-database.js';
import type { JobDefinitions } from './definitions.js';
import { ensureQueues, type JobLimits, JobQueue } from './queue.js';
import { JOB_DEFINITIONS, type JobPayloads } from './registry.js';
import { type JobLog, JobWorker } from './worker.js';

export { bossConnection } from './boss-database.js';
export {
  DEFAULT_RETRY,
  type DedupPolicy,
  defineJobs,
  type JobDefinition,
  type JobDefinitions,
  type JobNameOf,
  type RetryPolicy,
} from './definitions.js';
export {
  type HandlersOf,
  type JobContext,
  type JobHandler,
  type JobResult,
  PermanentJobError,
} from './handler.js';
export {
  type JobExecutor,
  type JobLimits,
  JobQueue,
  type JobRecord,
  type JobState,
  type QueueCounts,
} from './queue.js';
export {
  checkRegistry,
  JOB_DEFINITIONS,
  JOB_NAMES,
  type JobHandlers,
  type JobName,
  type JobPayloads,
} from './registry.js';
export { type JobLog, JobWorker } from './worker.js';

/** Timings, all in seconds. The defaults suit production; tests shorten them. */
export interface JobTiming extends JobLimits {
  /** How often this process looks for maintenance to do (expiring jobs among it). */
  superviseIntervalSeconds: number;
  /** How often a queue's jobs are checked for expiry (crashed workers) and counted. */
  monitorIntervalSeconds: number;
  pollingIntervalSeconds: number;
  notifyPollingIntervalSeconds: number;
}

export const DEFAULT_TIMING: Readonly<JobTiming> = Object.freeze({
  // A cap on one run, not the crash detector: heartbeats are (a long backfill or rebuild needs
  // room, and pg-boss allows at most 24 h).
  expireInSeconds: 4 * 3600,
  // Renewed every 15 s while a job runs; a crashed worker's job is retried within about a minute
  // (this plus the monitor interval), as the old 60 s lease did.
  heartbeatSeconds: 30,
  keepFinishedSeconds: 14 * 86_400,
  // Never drop promised work that merely waited (a worker role down for a fortnight).
  keepQueuedSeconds: 365 * 86_400,
  superviseIntervalSeconds: 30,
  monitorIntervalSeconds: 30,
  pollingIntervalSeconds: 2,
  // Polling is the backstop for what no NOTIFY announces: retries coming due, jobs expired from
  // a crashed worker, a coalesced job freed by another process.
  notifyPollingIntervalSeconds: 10,
});

export interface JobsOptions<P> {
  /** The open database (from openDatabase): pg-boss shares PGlite's session or opens its own pool. */
  database: DatabaseHandle;
  /** The registry; the application's own (JOB_DEFINITIONS) unless given (tests). */
  definitions?: JobDefinitions<P>;
  /** STRIDE_WORKER_CONCURRENCY: jobs of each name this process runs at once. */
  concurrency?: number;
  log?: JobLog;
  timing?: Partial<JobTiming>;
  /** pg-boss's schema (its tables, functions and migrations live there). */
  schema?: string;
  /** PostgreSQL: size of pg-boss's own connection pool. */
  poolSize?: number;
  /** LISTEN/NOTIFY wake-ups (default on; polling always runs as the backstop). */
  listen?: boolean;
}

export interface Jobs<P> {
  queue: JobQueue<P>;
  worker: JobWorker<P>;
  /** Stops the worker (running jobs finish), then pg-boss; the database stays open. */
  close(): Promise<void>;
}

/**
 * Starts pg-boss on the open database: installs or migrates its schema (pg-boss's own
 * migrations, under its advisory lock, so processes starting together are fine) and creates a
 * queue per job name. The worker claims nothing until `worker.start()` or `worker.drain()`.
 */
export async function createJobs<P = JobPayloads>(options: JobsOptions<P>): Promise<Jobs<P>> {
  // Without explicit definitions P is the application's payload map (its default).
  const definitions = (options.definitions ?? JOB_DEFINITIONS) as JobDefinitions<P>;
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const log = options.log;
  const schema = options.schema ?? 'pgboss';
  const boss = new PgBoss({
    ...bossConnection(options.database, options.poolSize ?? 5),
    schema,
    useListenNotify: options.listen ?? true,
    schedule: false,
    superviseIntervalSeconds: timing.superviseIntervalSeconds,
    monitorIntervalSeconds: timing.monitorIntervalSeconds,
  });
  boss.on('error', (err) => log?.error({ err }, 'job queue error'));
  boss.on('warning', (w) => (log?.warn ?? log?.info)?.call(log, { data: w.data }, w.message));
  try {
    await boss.start();
    await ensureQueues(boss, definitions, timing);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }
  const worker = new JobWorker(boss, definitions, {
    concurrency: options.concurrency ?? 2,
    pollingIntervalSeconds: timing.pollingIntervalSeconds,
    notifyPollingIntervalSeconds: timing.notifyPollingIntervalSeconds,
    schema,
    log,
  });
  let closing: Promise<void> | undefined;
  return {
    queue: new JobQueue(boss, definitions, timing),
    worker,
    close() {
      closing ??= (async () => {
        await worker.stop();
        await boss.stop({ graceful: true });
      })();
      return closing;
    },
  };
}
