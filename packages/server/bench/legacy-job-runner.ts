/**
 * BASELINE ONLY: Stride's own job runner as it was before jobs moved to pg-boss, kept here so the
 * jobs benchmark can compare the two. Same claim query (FOR UPDATE SKIP LOCKED under a lease),
 * same polling loop, same per-job completion; it writes to a table of its own
 * (`bench_legacy_jobs`) so it does not depend on the application's schema. Not used by the server.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/platform/db/schema.js';

/** Any Stride database: the baseline only runs raw SQL on its own table. */
type Db = Kysely<Database>;

interface LegacyJob {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  claim: string;
}

export type LegacyHandler = (payload: never) => Promise<unknown>;

export async function createLegacyJobTable(db: Db): Promise<void> {
  await sql`
    create table if not exists bench_legacy_jobs (
      id bigserial primary key,
      name text not null,
      payload jsonb not null,
      key text unique,
      status text not null default 'queued',
      attempts integer not null default 0,
      max_attempts integer not null default 5,
      run_at timestamptz not null default now(),
      locked_by text,
      locked_until timestamptz,
      claim uuid,
      last_error text,
      result text,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`create index if not exists bench_legacy_jobs_runnable_idx on bench_legacy_jobs (run_at, id)
    where status in ('queued', 'running')`.execute(db);
}

export class LegacyJobRepository {
  constructor(private readonly db: Db) {}

  async enqueue(name: string, payload: unknown): Promise<void> {
    await sql`insert into bench_legacy_jobs (name, payload) values (${name}, ${JSON.stringify(payload)})`.execute(
      this.db,
    );
  }

  async claim(workerId: string, limit: number, leaseMs: number): Promise<LegacyJob[]> {
    const result = await sql<LegacyJob>`
      update bench_legacy_jobs set
        status = 'running', attempts = attempts + 1, locked_by = ${workerId},
        claim = gen_random_uuid(), locked_until = now() + ${leaseMs} * interval '1 millisecond'
      where id in (
        select id from bench_legacy_jobs
        where (status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now())
        order by run_at, id
        limit ${limit}
        for update skip locked
      )
      returning *`.execute(this.db);
    return result.rows;
  }

  async extendLease(claims: string[], workerId: string, leaseMs: number): Promise<void> {
    if (!claims.length) return;
    await sql`update bench_legacy_jobs set locked_until = now() + ${leaseMs} * interval '1 millisecond'
      where claim = any(${claims}::uuid[]) and locked_by = ${workerId} and status = 'running'`.execute(
      this.db,
    );
  }

  async complete(job: LegacyJob, workerId: string, result: string): Promise<void> {
    await sql`update bench_legacy_jobs set status = 'done', result = ${result}, finished_at = now(),
        locked_by = null, claim = null, locked_until = null
      where id = ${job.id} and locked_by = ${workerId} and status = 'running' and claim = ${job.claim}`.execute(
      this.db,
    );
  }

  async fail(job: LegacyJob, workerId: string, error: string, retryAt: Date | null): Promise<void> {
    await sql`update bench_legacy_jobs set
        status = ${retryAt ? 'queued' : 'dead'}, run_at = coalesce(${retryAt}, run_at),
        last_error = ${error}, locked_by = null, claim = null, locked_until = null
      where id = ${job.id} and locked_by = ${workerId} and claim = ${job.claim}`.execute(this.db);
  }
}

/** The old runner's loop: claim into free slots, poll again at once while a claim filled them. */
export class LegacyJobRunner {
  private readonly workerId = `worker-${randomUUID()}`;
  private readonly running = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private pollAgain = false;
  private started = false;
  private stopped = false;

  constructor(
    private readonly jobs: LegacyJobRepository,
    private readonly handlers: Readonly<Record<string, LegacyHandler>>,
    private readonly options: { concurrency: number; pollIntervalMs: number; leaseMs?: number },
  ) {}

  private get leaseMs(): number {
    return this.options.leaseMs ?? 60_000;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
    this.heartbeat = setInterval(
      () => void this.jobs.extendLease([...this.running.keys()], this.workerId, this.leaseMs),
      Math.floor(this.leaseMs / 3),
    );
    this.heartbeat.unref();
  }

  wake(): void {
    if (this.started && !this.stopped) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    await this.polling;
    await Promise.allSettled([...this.running.values()]);
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
    const pass = this.claimWhileFree()
      .catch(() => {})
      .finally(() => {
        this.polling = undefined;
        this.schedule(this.options.pollIntervalMs);
      });
    this.polling = pass;
    return pass;
  }

  private async claimWhileFree(): Promise<void> {
    do {
      this.pollAgain = false;
      const free = this.options.concurrency - this.running.size;
      if (free <= 0 || this.stopped) return;
      const claimed = await this.jobs.claim(this.workerId, free, this.leaseMs);
      for (const job of claimed) {
        const done = this.execute(job).finally(() => {
          this.running.delete(job.claim);
          this.wake();
        });
        this.running.set(job.claim, done);
      }
      if (claimed.length === free) this.pollAgain = true;
    } while (this.pollAgain && !this.stopped);
  }

  private async execute(job: LegacyJob): Promise<void> {
    try {
      const handler = this.handlers[job.name];
      if (!handler) throw new Error(`no handler for ${job.name}`);
      const result = await handler(job.payload as never);
      await this.jobs.complete(job, this.workerId, String(result));
    } catch (err) {
      const retry = job.attempts < job.max_attempts ? new Date(Date.now() + 5000) : null;
      await this.jobs.fail(job, this.workerId, String(err), retry).catch(() => {});
    }
  }
}
