import type { JobWithMetadata, PgBoss, JobResult as Settlement } from 'pg-boss';
import type { JobDefinitions, JobNameOf } from './definitions.js';
import { type HandlersOf, type JobHandler, PermanentJobError } from './handler.js';
import { checkRegistry, type JobPayloads } from './registry.js';

export interface JobLog {
  debug?(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn?(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobWorkerOptions {
  /** Jobs of each name this process runs at once (a definition may ask for fewer). */
  concurrency: number;
  /** A queue with nothing to do looks again after this long without LISTEN/NOTIFY… */
  pollingIntervalSeconds: number;
  /** …and after this long with it (a NOTIFY wakes it at once; polling is only the backstop). */
  notifyPollingIntervalSeconds: number;
  /** pg-boss's schema (drain reads which queues have jobs due). */
  schema: string;
  log?: JobLog | undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the jobs: one pg-boss worker per job name (`localConcurrency` polling loops, each claiming
 * one job with FOR UPDATE SKIP LOCKED), calling the one registered handler and settling the job
 * with its result: completed, failed and retried with backoff, or failed at once for a
 * PermanentJobError.
 */
export class JobWorker<P = JobPayloads> {
  private handlers: HandlersOf<P> | undefined;
  private readonly names: JobNameOf<P>[];
  private readonly stopping = new AbortController();
  private state: 'idle' | 'started' | 'stopped' = 'idle';
  /** Names with pg-boss workers (polling loops) in this process. */
  private readonly subscribed = new Set<JobNameOf<P>>();
  private running = 0;
  private finished = 0;

  constructor(
    private readonly boss: PgBoss,
    private readonly definitions: JobDefinitions<P>,
    private readonly options: JobWorkerOptions,
  ) {
    this.names = Object.keys(definitions) as JobNameOf<P>[];
  }

  /** Sets the handlers; fails when a registered name has none, or a handler has no name. */
  register(handlers: HandlersOf<P>): void {
    checkRegistry(this.names, handlers as Record<string, unknown>);
    this.handlers = handlers;
  }

  /** Starts claiming jobs in the background (until stop()). */
  async start(): Promise<void> {
    this.handlersOrThrow();
    if (this.state !== 'idle') return;
    this.state = 'started';
    for (const name of this.names) await this.subscribe(name);
  }

  /**
   * Stops claiming and lets the running jobs finish (their signal is aborted, so long ones can
   * wrap up). Also fine when start() never ran.
   */
  async stop(): Promise<void> {
    this.state = 'stopped';
    this.stopping.abort();
    await Promise.all([...this.subscribed].map((name) => this.unsubscribe(name)));
  }

  /**
   * Looks for jobs now rather than at the next poll (all job names, or one). LISTEN/NOTIFY
   * already does this for jobs added anywhere once their transaction commits; this covers a
   * connection where LISTEN is unavailable.
   */
  wake(name?: JobNameOf<P>): void {
    for (const w of this.boss.getWipData()) {
      if (name === undefined ? this.isOurs(w.name) : w.name === name) this.boss.notifyWorker(w.id);
    }
  }

  /**
   * Runs jobs until none is due (those waiting out a retry's backoff are not), including the
   * ones the handlers add on the way; returns how many ran. For tests and one-shot tools: when
   * the worker is not started, it runs only the names that have jobs due, and only meanwhile.
   * A coalesced job held back by its key's job running elsewhere is waited for.
   */
  async drain(): Promise<number> {
    this.handlersOrThrow();
    if (this.state === 'stopped') return 0;
    const temporary: JobNameOf<P>[] = [];
    const first = this.finished;
    let waits = 0;
    try {
      for (;;) {
        while (this.busy()) await sleep(2);
        const mark = this.finished;
        const due = await this.dueNames();
        if (due.length) {
          for (const name of due) {
            if (this.subscribed.has(name)) continue;
            await this.subscribe(name);
            temporary.push(name);
          }
          for (const name of due) this.wake(name);
          // Due but not claimed yet: a loop is fetching, or (coalesce) the key's job running
          // in another process holds it back until it ends or expires. Ask less and less often.
          await sleep(Math.min(2 ** ++waits, 50));
          if (this.finished !== mark) waits = 0;
          continue;
        }
        if (!this.subscribed.size) return this.finished - first;
        // A claim reaches its loop a moment after the database hands the job over; look once
        // more after that moment before calling the queues idle.
        await sleep(20);
        if (!this.busy() && this.finished === mark) return this.finished - first;
      }
    } finally {
      if (this.state !== 'started') {
        await Promise.all(temporary.map((name) => this.unsubscribe(name)));
      }
    }
  }

  private async subscribe(name: JobNameOf<P>): Promise<void> {
    if (this.subscribed.has(name)) return;
    this.subscribed.add(name);
    const definition = this.definitions[name];
    await this.boss.work(
      name,
      {
        includeMetadata: true,
        perJobResults: true,
        batchSize: 1,
        localConcurrency: Math.min(
          definition.concurrency ?? this.options.concurrency,
          this.options.concurrency,
        ),
        pollingIntervalSeconds: this.options.pollingIntervalSeconds,
        notifyPollingIntervalSeconds: this.options.notifyPollingIntervalSeconds,
      },
      (jobs) => Promise.all(jobs.map((job) => this.execute(name, job))),
    );
  }

  /** Its loops stop fetching and finish the job in hand. */
  private async unsubscribe(name: JobNameOf<P>): Promise<void> {
    if (!this.subscribed.delete(name)) return;
    await this.boss.offWork(name, { wait: true });
  }

  private async execute(name: JobNameOf<P>, job: JobWithMetadata<unknown>): Promise<Settlement> {
    const handler = this.handlersOrThrow()[name] as JobHandler<unknown>;
    const attempt = job.retryCount + 1;
    const lastAttempt = job.retryCount >= job.retryLimit;
    const log = this.options.log;
    const started = Date.now();
    this.running++;
    log?.debug?.({ job: job.id, name, attempt }, 'job started');
    try {
      const result = await handler(job.data, {
        jobId: job.id,
        attempt,
        lastAttempt,
        signal: AbortSignal.any([job.signal, this.stopping.signal]),
      });
      log?.debug?.({ job: job.id, name, result, ms: Date.now() - started }, 'job done');
      return { id: job.id, status: 'completed', output: { result } };
    } catch (err) {
      const permanent = err instanceof PermanentJobError;
      log?.error(
        { err, job: job.id, name, attempt, final: permanent || lastAttempt },
        'job failed',
      );
      const message = err instanceof Error ? err.message : String(err);
      // `deadletter` fails the job for good at once (there is no dead-letter queue to copy it to).
      return { id: job.id, status: permanent ? 'deadletter' : 'failed', output: { message } };
    } finally {
      this.running--;
      this.finished++;
      // The loop that ran this job (still counted busy, as are this name's other busy loops)
      // looks again at once instead of sleeping out its poll, which pg-boss does after every
      // fetch: a backlog drains at full concurrency, and a coalesced job waiting behind this
      // one starts now. Idle loops stay asleep: they found nothing, and NOTIFY wakes them.
      for (const w of this.boss.getWipData()) {
        if (w.name === name && w.count > 0) this.boss.notifyWorker(w.id);
      }
    }
  }

  /** A handler is running, or a loop holds a claimed job (not yet started, or being settled). */
  private busy(): boolean {
    return (
      this.running > 0 || this.boss.getWipData().some((w) => this.isOurs(w.name) && w.count > 0)
    );
  }

  /**
   * The names with a job that may run now, by the database's clock, in one statement. pg-boss
   * has no live count (getQueues' counts are as of the last monitor pass), so this reads its job
   * table; the contract tests run it against every pg-boss upgrade.
   */
  private async dueNames(): Promise<JobNameOf<P>[]> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT DISTINCT name FROM ${this.options.schema}.job
       WHERE name = ANY($1::text[]) AND state IN ('created', 'retry') AND start_after <= now()`,
      [this.names],
    );
    return rows.map((r: { name: string }) => r.name as JobNameOf<P>);
  }

  private isOurs(name: string): boolean {
    return (this.names as string[]).includes(name);
  }

  private handlersOrThrow(): HandlersOf<P> {
    if (!this.handlers) throw new Error('the job worker has no handlers: call register() first');
    return this.handlers;
  }
}
