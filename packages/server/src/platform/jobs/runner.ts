import { randomUUID } from 'node:crypto';
import type { JobRow } from '../db/schema.js';
import type { JobRepository } from './job.repository.js';

export type JobResult = 'success' | 'skipped';

export interface JobContext {
  jobId: number;
  attempt: number;
  /** True when a failure now will not be retried (the job goes dead). */
  lastAttempt: boolean;
  /** Aborted when the runner is stopping and the job should wrap up if it can. */
  signal: AbortSignal;
}

export type JobHandler<P = unknown> = (payload: P, context: JobContext) => Promise<JobResult>;

/** A job failure that retrying cannot fix (bad input): the job goes straight to dead. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface JobRunnerOptions {
  workerId?: string;
  /** Jobs run at once by this runner. */
  concurrency?: number;
  pollIntervalMs?: number;
  /** How long a claim lasts without renewal; a dead worker's jobs are reclaimed after this. */
  leaseMs?: number;
  /** Retry n waits baseMs·2^(n-1), at most maxMs, with ±20 % jitter. */
  backoff?: { baseMs: number; maxMs: number };
  log?: {
    debug?(obj: object, msg: string): void;
    info(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
}

/**
 * Runs durable jobs: claims due rows, calls the one handler registered for each name, and
 * records success, a retry with exponential backoff, or death after `max_attempts`. Leases are
 * renewed while a job runs, so only a worker that died loses its jobs to another.
 */
export class JobRunner {
  readonly workerId: string;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  /** Runs in progress by claim token (one job queued again may run twice here at once). */
  private readonly running = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private pollAgain = false;
  private started = false;
  private stopped = false;

  constructor(
    private readonly jobs: JobRepository,
    private readonly handlers: Readonly<Record<string, JobHandler<never>>>,
    private readonly options: JobRunnerOptions = {},
  ) {
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
    this.concurrency = options.concurrency ?? 2;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.backoff = options.backoff ?? { baseMs: 5_000, maxMs: 15 * 60_000 };
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
    this.heartbeat = setInterval(
      () => {
        void this.jobs
          .extendLease([...this.running.keys()], this.workerId, this.leaseMs)
          .catch((err) => this.options.log?.error({ err }, 'could not renew job leases'));
      },
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    this.heartbeat.unref();
  }

  /** Polls now (e.g. right after a job was enqueued in this process). */
  wake(): void {
    if (this.started && !this.stopped) this.schedule(0);
  }

  /** Stops claiming, lets running jobs finish, then resolves. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    await this.polling;
    await Promise.allSettled([...this.running.values()]);
  }

  /** Claims and runs jobs until none is due (tests and one-shot workers). */
  async drain(): Promise<number> {
    let ran = 0;
    for (;;) {
      const claimed = await this.jobs.claim(this.workerId, this.concurrency, this.leaseMs);
      if (!claimed.length) return ran;
      await Promise.all(claimed.map((job) => this.execute(job)));
      ran += claimed.length;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), delayMs);
    this.timer.unref();
  }

  private poll(): Promise<void> {
    if (this.polling) {
      this.pollAgain = true;
      return this.polling;
    }
    // The bookkeeping runs in promise callbacks, always after `this.polling` is assigned: a
    // pass that finishes without awaiting (every slot busy) must not leave a settled promise
    // behind, or every later poll would think one is still under way and the runner stall.
    const pass = this.claimWhileFree()
      .catch((err) => this.options.log?.error({ err }, 'job polling failed'))
      .finally(() => {
        this.polling = undefined;
        this.schedule(this.pollIntervalMs);
      });
    this.polling = pass;
    return pass;
  }

  /** Claims due jobs into the free slots, again while a claim filled them all. */
  private async claimWhileFree(): Promise<void> {
    do {
      this.pollAgain = false;
      const free = this.concurrency - this.running.size;
      if (free <= 0 || this.stopped) return;
      const claimed = await this.jobs.claim(this.workerId, free, this.leaseMs);
      for (const job of claimed) {
        const claim = job.claim!;
        const done = this.execute(job).finally(() => {
          this.running.delete(claim);
          this.wake();
        });
        this.running.set(claim, done);
      }
      if (claimed.length === free) this.pollAgain = true;
    } while (this.pollAgain && !this.stopped);
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.handlers[job.name] as JobHandler<unknown> | undefined;
    const started = Date.now();
    this.options.log?.debug?.(
      { job: job.id, name: job.name, attempt: job.attempts },
      'job started',
    );
    try {
      if (!handler) throw new PermanentJobError(`no handler is registered for job "${job.name}"`);
      const result = await handler(job.payload, {
        jobId: job.id,
        attempt: job.attempts,
        lastAttempt: job.attempts >= job.max_attempts,
        signal: this.abort.signal,
      });
      await this.jobs.complete(job.id, this.workerId, result, job.claim ?? undefined);
      this.options.log?.debug?.(
        { job: job.id, name: job.name, result, ms: Date.now() - started },
        'job done',
      );
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const permanent = err instanceof PermanentJobError;
      const retryAt =
        permanent || job.attempts >= job.max_attempts
          ? null
          : new Date(Date.now() + this.delay(job.attempts));
      this.options.log?.error(
        { err, job: job.id, name: job.name, attempt: job.attempts, dead: !retryAt },
        'job failed',
      );
      await this.jobs
        .fail(job.id, this.workerId, message, retryAt, job.claim ?? undefined)
        .catch((e) => this.options.log?.error({ err: e }, 'could not record job failure'));
    }
  }

  private delay(attempt: number): number {
    const raw = Math.min(this.backoff.maxMs, this.backoff.baseMs * 2 ** (attempt - 1));
    return Math.round(raw * (0.8 + Math.random() * 0.4));
  }
}
