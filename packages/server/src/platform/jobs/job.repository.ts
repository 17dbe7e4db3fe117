import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, JobRow } from '../db/schema.js';

export interface NewJob {
  name: string;
  payload: unknown;
  /** Deduplication key: a job with the same key already queued, running or done is not added again. */
  key?: string;
  runAt?: Date;
  maxAttempts?: number;
  /**
   * With a key: when that job exists but is not waiting to run (it is running, done or dead),
   * queue it again rather than doing nothing, so a change made after it read its input is not
   * missed. A job still queued absorbs the new request (it has not read anything yet). For
   * idempotent recompute-and-write jobs; a worker still running the old instance finds its
   * claim gone and its result is dropped.
   */
  requeue?: boolean;
}

type Executor = Kysely<Database> | Transaction<Database>;

export class JobRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Adds a job. Pass the transaction that writes the data the job is about, so both commit or
   * neither does (the outbox). Returns the job id, or undefined when its key already exists
   * (and, with `requeue`, is still queued).
   */
  async enqueue(job: NewJob, executor: Executor = this.db): Promise<number | undefined> {
    const row = await executor
      .insertInto('jobs')
      .values({
        name: job.name,
        payload: JSON.stringify(job.payload ?? {}),
        key: job.key ?? null,
        run_at: job.runAt ?? new Date(),
        max_attempts: job.maxAttempts ?? 5,
      })
      .onConflict((oc) =>
        job.requeue
          ? oc
              .column('key')
              .doUpdateSet({
                status: 'queued',
                payload: JSON.stringify(job.payload ?? {}),
                run_at: job.runAt ?? new Date(),
                attempts: 0,
                max_attempts: job.maxAttempts ?? 5,
                locked_by: null,
                claim: null,
                locked_until: null,
                last_error: null,
                result: null,
                finished_at: null,
              })
              .where('jobs.status', '<>', 'queued')
          : oc.column('key').doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  /**
   * Claims up to `limit` runnable jobs for `workerId`: queued ones that are due, and running
   * ones whose lease expired (their worker died). SKIP LOCKED lets any number of workers claim
   * concurrently without ever handing one job to two of them. Each claim gets a fresh `claim`
   * token that its completion, failure and lease renewals must present.
   */
  async claim(workerId: string, limit: number, leaseMs: number): Promise<JobRow[]> {
    const result = await sql<JobRow>`
      update jobs set
        status = 'running',
        attempts = attempts + 1,
        locked_by = ${workerId},
        claim = gen_random_uuid(),
        locked_until = now() + ${leaseMs} * interval '1 millisecond'
      where id in (
        select id from jobs
        where (status = 'queued' and run_at <= now())
           or (status = 'running' and locked_until < now())
        order by run_at, id
        limit ${limit}
        for update skip locked
      )
      returning *`.execute(this.db);
    return result.rows;
  }

  /** Keeps the lease of the claims still running on this worker. */
  async extendLease(claims: string[], workerId: string, leaseMs: number): Promise<void> {
    if (!claims.length) return;
    await this.db
      .updateTable('jobs')
      .set({ locked_until: sql`now() + ${leaseMs} * interval '1 millisecond'` })
      .where('claim', 'in', claims)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running')
      .execute();
  }

  /**
   * Marks the job done, if this worker still holds it (with `claim`: under that very claim, so
   * a stale run of a job claimed again cannot finish the new run's job). Returns false if the
   * lease was lost.
   */
  async complete(id: number, workerId: string, result: string, claim?: string): Promise<boolean> {
    let q = this.db
      .updateTable('jobs')
      .set({
        status: 'done',
        result,
        finished_at: new Date(),
        locked_by: null,
        claim: null,
        locked_until: null,
      })
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running');
    if (claim) q = q.where('claim', '=', claim);
    const r = await q.executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** Records a failure: queued again at `retryAt`, or dead when `retryAt` is null. */
  async fail(
    id: number,
    workerId: string,
    error: string,
    retryAt: Date | null,
    claim?: string,
  ): Promise<void> {
    let q = this.db
      .updateTable('jobs')
      .set(
        retryAt
          ? {
              status: 'queued',
              run_at: retryAt,
              last_error: error,
              locked_by: null,
              claim: null,
              locked_until: null,
            }
          : {
              status: 'dead',
              last_error: error,
              finished_at: new Date(),
              locked_by: null,
              claim: null,
              locked_until: null,
            },
      )
      .where('id', '=', id)
      .where('locked_by', '=', workerId);
    if (claim) q = q.where('claim', '=', claim);
    await q.execute();
  }

  /** Puts every running job back in the queue (embedded start-up: no other worker can exist). */
  async requeueRunning(): Promise<number> {
    const r = await this.db
      .updateTable('jobs')
      .set({ status: 'queued', locked_by: null, claim: null, locked_until: null })
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async findById(id: number): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByKey(key: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirst();
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}
