import type { Kysely, Transaction } from 'kysely';
import { fromKysely, type JobWithMetadata, type PgBoss, type SendOptions } from 'pg-boss';
import type { Database } from '../db/schema.js';
import {
  type JobDefinition,
  type JobDefinitions,
  type JobNameOf,
  keyedJobId,
  keyOf,
  retryOf,
} from './definitions.js';
import type { JobResult } from './handler.js';
import type { JobPayloads } from './registry.js';

/** Where an outbox write runs: the caller's transaction (or the database itself). */
export type JobExecutor = Kysely<Database> | Transaction<Database>;

/** pg-boss's job states: waiting (`created`, `retry` after a failure), `active`, or finished. */
export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** One job as operators and tests see it. */
export interface JobRecord<T = unknown> {
  id: string;
  name: string;
  /** The key the registry computed from the payload (null for `none` jobs). */
  key: string | null;
  payload: T;
  state: JobState;
  /** Runs started so far. */
  attempts: number;
  maxAttempts: number;
  /** What the handler answered, once completed. */
  result: JobResult | undefined;
  /** The last failure's message (kept once the job failed for good). */
  error: string | undefined;
  /** When it may run next (or first). */
  runAt: Date;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Per-queue counts, as of pg-boss's last monitor pass. */
export interface QueueCounts {
  queued: number;
  active: number;
  failed: number;
  total: number;
}

/** The engine-wide limits every job is sent with (a definition may set its own time limit). */
export interface JobLimits {
  /** Longest one run may take before it counts as failed (and is retried). */
  expireInSeconds: number;
  /** A running job unheard from this long is failed and retried (a crashed worker); null: off. */
  heartbeatSeconds: number | null;
  /** How long completed and failed jobs are kept (`unique` jobs are kept for good). */
  keepFinishedSeconds: number;
  /** How long a job may wait to run before pg-boss deletes it unrun. */
  keepQueuedSeconds: number;
}

/** The pg-boss queue policy of each dedup policy. */
const QUEUE_POLICY = { unique: 'standard', coalesce: 'stately', none: 'standard' } as const;

/**
 * Producers' side of the jobs: type-checked payloads, keys from the registry, and the outbox
 * (`tx`: the job commits or rolls back with the caller's transaction).
 */
export class JobQueue<P = JobPayloads> {
  constructor(
    private readonly boss: PgBoss,
    private readonly definitions: JobDefinitions<P>,
    private readonly limits: JobLimits,
  ) {}

  /**
   * Adds a job, or nothing when the registry's dedup policy says it is already there. With
   * `tx`, the insert (and the NOTIFY that wakes workers) is part of that transaction. On the
   * embedded database, a call without `tx` made while a transaction is open waits for it.
   */
  async enqueue<N extends JobNameOf<P>>(name: N, payload: P[N], tx?: JobExecutor): Promise<void> {
    const options = sendOptions(name, this.definition(name), payload, this.limits);
    if (tx) options.db = fromKysely(tx);
    await this.boss.send(name, payload as object, options);
  }

  /**
   * Adds many jobs of one name in one statement (a fan-out's batches), each deduplicated as
   * `enqueue` would. With `tx`, they commit or roll back with the caller's transaction.
   */
  async enqueueMany<N extends JobNameOf<P>>(
    name: N,
    payloads: readonly P[N][],
    tx?: JobExecutor,
  ): Promise<void> {
    if (!payloads.length) return;
    const definition = this.definition(name);
    const jobs = payloads.map((payload) => ({
      ...sendOptions(name, definition, payload, this.limits),
      data: payload as object,
    }));
    await this.boss.insert(name, jobs, tx ? { db: fromKysely(tx) } : undefined);
  }

  /** The latest job for this payload's key (for `none` jobs: with this very payload). */
  async find<N extends JobNameOf<P>>(name: N, payload: P[N]): Promise<JobRecord<P[N]> | undefined> {
    return (await this.findAll(name, payload)).at(-1);
  }

  /** Every stored job for this payload's key, oldest first. */
  async findAll<N extends JobNameOf<P>>(name: N, payload: P[N]): Promise<JobRecord<P[N]>[]> {
    const definition = this.definition(name);
    const key = keyOf(definition, payload);
    const jobs = await this.boss.findJobs<P[N]>(
      name,
      key === undefined
        ? { data: payload as object }
        : definition.dedup === 'unique'
          ? { id: keyedJobId(name, key) }
          : { key },
    );
    return jobs.map(toRecord);
  }

  /** Counts per job name, as of pg-boss's last monitor pass (not live). */
  async counts(): Promise<Record<string, QueueCounts>> {
    const queues = await this.boss.getQueues(Object.keys(this.definitions));
    return Object.fromEntries(
      queues.map((q) => [
        q.name,
        {
          queued: q.queuedCount,
          active: q.activeCount,
          failed: q.failedCount,
          total: q.totalCount,
        },
      ]),
    );
  }

  private definition<N extends JobNameOf<P>>(name: N): JobDefinition<P[N]> {
    const definition = this.definitions[name] as JobDefinition<P[N]> | undefined;
    if (!definition) throw new Error(`no job is registered as "${name}"`);
    return definition;
  }
}

/** How one job is sent: the registry's retry policy, key and dedup, the engine's limits. */
function sendOptions<T>(
  name: string,
  definition: JobDefinition<T>,
  payload: T,
  limits: JobLimits,
): SendOptions {
  const key = keyOf(definition, payload);
  return {
    ...queueOptions(definition, limits),
    ...(key === undefined ? {} : { singletonKey: key }),
    // `unique`: the same id every time, so the primary key refuses the second insert whatever
    // became of the first (the job row is kept for good: deleteAfterSeconds 0).
    ...(definition.dedup === 'unique' && key !== undefined ? { id: keyedJobId(name, key) } : {}),
  };
}

/** Options a queue is created with; every job is also sent with them (they win over the queue's). */
function queueOptions(definition: JobDefinition<never>, limits: JobLimits) {
  const retry = retryOf(definition);
  return {
    retryLimit: retry.attempts - 1,
    retryDelay: retry.backoff.delayS,
    retryBackoff: true,
    retryDelayMax: retry.backoff.maxS,
    expireInSeconds: definition.timeoutS ?? limits.expireInSeconds,
    ...(limits.heartbeatSeconds ? { heartbeatSeconds: limits.heartbeatSeconds } : {}),
    retentionSeconds: limits.keepQueuedSeconds,
    deleteAfterSeconds: definition.dedup === 'unique' ? 0 : limits.keepFinishedSeconds,
  };
}

/**
 * Creates each job name's queue (pg-boss ignores a queue that exists, under its advisory lock,
 * so processes starting together are fine), refuses a queue whose policy the registry changed
 * (pg-boss cannot change it in place), and brings the other settings up to date.
 */
export async function ensureQueues<P>(
  boss: PgBoss,
  definitions: JobDefinitions<P>,
  limits: JobLimits,
): Promise<void> {
  for (const [name, definition] of Object.entries(definitions) as [
    string,
    JobDefinition<never>,
  ][]) {
    const policy = QUEUE_POLICY[definition.dedup];
    const options = { ...queueOptions(definition, limits), notify: true };
    await boss.createQueue(name, { ...options, policy });
    const existing = await boss.getQueue(name);
    if (existing?.policy !== policy) {
      throw new Error(
        `job queue "${name}" has policy ${existing?.policy} but its ${definition.dedup} ` +
          `dedup needs ${policy}: delete the queue (once it is empty) to recreate it`,
      );
    }
    await boss.updateQueue(name, { ...options, heartbeatSeconds: limits.heartbeatSeconds });
  }
}

function toRecord<T>(job: JobWithMetadata<T>): JobRecord<T> {
  const output = (job.output ?? null) as Record<string, unknown> | null;
  return {
    id: job.id,
    name: job.name,
    key: job.singletonKey,
    payload: job.data,
    state: job.state,
    // pg-boss counts retries, raised when a job that already started is claimed again.
    attempts: job.startedOn ? job.retryCount + 1 : 0,
    maxAttempts: job.retryLimit + 1,
    result: job.state === 'completed' ? (output?.result as JobResult | undefined) : undefined,
    error: job.state === 'completed' ? undefined : messageOf(output),
    runAt: new Date(job.startAfter),
    createdAt: new Date(job.createdOn),
    finishedAt: job.completedOn ? new Date(job.completedOn) : null,
  };
}

/** The failure message in a job's output: ours (`{ message }`) or pg-boss's (`{ value: … }`). */
function messageOf(output: Record<string, unknown> | null): string | undefined {
  if (!output) return undefined;
  if (typeof output.message === 'string') return output.message;
  const value = output.value as { message?: unknown } | undefined;
  return typeof value?.message === 'string' ? value.message : undefined;
}
