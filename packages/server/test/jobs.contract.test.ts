import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { JobRunner, PermanentJobError } from '../src/platform/jobs/runner.js';
import { JobRepository } from '../src/platform/jobs/job.repository.js';
import { DATABASES, type DatabaseLease } from './adapters.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Waits until the clock is past `at` (a lease end or a retry time written by the database), so
 * a test waits exactly as long as the state it checks needs, however slow the machine.
 */
async function untilPast(at: Date, marginMs = 20): Promise<void> {
  const wait = at.getTime() + marginMs - Date.now();
  if (wait > 0) await sleep(wait);
}

describe.each(DATABASES)('durable jobs on $name', (database) => {
  let lease: DatabaseLease;
  let h: DatabaseHandle;
  let jobs: JobRepository;
  beforeAll(async () => {
    lease = await database.lease();
    h = await openDatabase({ dataDir: '/nonexistent', ...lease.options });
    await migrateToLatest(h.db);
    jobs = new JobRepository(h.db);
  });
  afterAll(async () => {
    await h?.close();
    await lease?.release();
  });

  it('adds a job only once per key', async () => {
    const first = await jobs.enqueue({ name: 'dedupe', payload: { id: 1 }, key: 'dedupe:1' });
    const second = await jobs.enqueue({ name: 'dedupe', payload: { id: 1 }, key: 'dedupe:1' });
    expect(first).toBeTypeOf('number');
    expect(second).toBeUndefined();
  });

  it('commits a job with the transaction that caused it, and not when it rolls back', async () => {
    await h.db
      .transaction()
      .execute(async (tx) => {
        await jobs.enqueue({ name: 'outbox', payload: {}, key: 'outbox:rolled-back' }, tx);
        throw new Error('abort');
      })
      .catch(() => undefined);
    await h.db
      .transaction()
      .execute((tx) => jobs.enqueue({ name: 'outbox', payload: {}, key: 'outbox:committed' }, tx));
    expect(await jobs.findByKey('outbox:rolled-back')).toBeUndefined();
    expect(await jobs.findByKey('outbox:committed')).toMatchObject({ status: 'queued' });
  });

  it('runs a job with its payload and records success', async () => {
    const seen: unknown[] = [];
    const id = await jobs.enqueue({ name: 'greet', payload: { who: 'ada' } });
    const runner = new JobRunner(jobs, {
      greet: async (p: { who: string }) => {
        seen.push(p);
        return 'success';
      },
      dedupe: async () => 'skipped',
      outbox: async () => 'skipped',
    });
    await runner.drain();
    expect(seen).toEqual([{ who: 'ada' }]);
    expect(await jobs.findById(id!)).toMatchObject({
      status: 'done',
      result: 'success',
      attempts: 1,
    });
  });

  it('queues a keyed job again once it ran when asked to, but not while it still waits', async () => {
    const job = { name: 'recount', payload: { n: 1 }, key: 'recount:a', requeue: true };
    const seen: unknown[] = [];
    const runner = new JobRunner(jobs, {
      recount: async (p: unknown) => {
        seen.push(p);
        return 'success';
      },
    });
    const id = await jobs.enqueue(job);
    expect(await jobs.enqueue(job)).toBeUndefined(); // still waiting: one run covers both
    await runner.drain();
    expect(seen).toEqual([{ n: 1 }]);
    expect(await jobs.enqueue({ ...job, payload: { n: 2 } })).toBe(id);
    expect(await jobs.findById(id!)).toMatchObject({ status: 'queued', attempts: 0 });
    await runner.drain();
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await jobs.findById(id!)).toMatchObject({ status: 'done', attempts: 1 });
    // Without `requeue`, a key that ran stays done.
    expect(await jobs.enqueue({ ...job, requeue: false })).toBeUndefined();
  });

  it('runs a job requeued while running once more, and drops the stale run’s result', async () => {
    const job = { name: 'slow', payload: {}, key: 'slow:a', requeue: true };
    let release!: () => void;
    let calls = 0;
    const handlers = {
      slow: async () => {
        calls++;
        if (calls === 1) await new Promise<void>((r) => (release = r));
        return 'success' as const;
      },
    };
    const id = await jobs.enqueue(job);
    const first = new JobRunner(jobs, handlers, { workerId: 'first' }).drain();
    while (calls === 0) await sleep(5);
    expect(await jobs.enqueue(job)).toBe(id); // running: queued again
    await new JobRunner(jobs, handlers, { workerId: 'second' }).drain();
    release();
    await first;
    expect(calls).toBe(2);
    expect(await jobs.findById(id!)).toMatchObject({ status: 'done', locked_by: null });
  });

  it('keeps a job requeued while running on the same worker until its new run finishes', async () => {
    // The embedded case: one runner claims the requeued job again while the stale run is
    // still going. The stale run finishing first must not mark the new run's job done.
    const job = { name: 'slow', payload: {}, key: 'slow:same-worker', requeue: true };
    const releases: Array<() => void> = [];
    const handlers = {
      slow: async () => {
        await new Promise<void>((r) => releases.push(r));
        return 'success' as const;
      },
    };
    const id = await jobs.enqueue(job);
    // Renewed every lease/3: a one-second lease outlasts the machine stalling for 600 ms.
    const runner = new JobRunner(jobs, handlers, {
      workerId: 'solo',
      pollIntervalMs: 10,
      leaseMs: 1000,
    });
    runner.start();
    try {
      while (releases.length < 1) await sleep(5);
      expect(await jobs.enqueue(job)).toBe(id);
      runner.wake();
      while (releases.length < 2) await sleep(5);
      const newRun = (await jobs.findById(id!))!;
      releases[0]!();
      // Past the end of the new run's lease as it stood: renewed since, not taken over.
      await untilPast(newRun.locked_until!);
      const renewed = await jobs.findById(id!);
      expect(renewed).toMatchObject({ status: 'running', locked_by: 'solo', claim: newRun.claim });
      expect(renewed!.locked_until!.getTime()).toBeGreaterThan(newRun.locked_until!.getTime());
      expect(releases).toHaveLength(2);
      releases[1]!();
      for (let i = 0; i < 200 && (await jobs.findById(id!))?.status !== 'done'; i++)
        await sleep(10);
      expect(await jobs.findById(id!)).toMatchObject({ status: 'done', locked_by: null });
    } finally {
      for (const r of releases) r();
      await runner.stop();
    }
  });

  it('keeps claiming jobs after a poll that found every slot busy', async () => {
    // A poll tick while the only slot is busy once left the runner believing it was still
    // polling, for good: it never claimed another job.
    const seen: string[] = [];
    let release: (() => void) | undefined;
    const runner = new JobRunner(
      jobs,
      {
        hold: async () => {
          seen.push('hold');
          await new Promise<void>((r) => (release = r));
          return 'success';
        },
        next: async () => {
          seen.push('next');
          return 'success';
        },
      },
      { workerId: 'busy', concurrency: 1, pollIntervalMs: 10 },
    );
    await jobs.enqueue({ name: 'hold', payload: {} });
    runner.start();
    try {
      while (!release) await sleep(5);
      // The next poll is due 10 ms after the claim: it comes while the slot is busy.
      await sleep(50);
      await jobs.enqueue({ name: 'next', payload: {} });
      release();
      for (let i = 0; i < 500 && !seen.includes('next'); i++) await sleep(10);
      expect(seen).toEqual(['hold', 'next']);
    } finally {
      release?.();
      await runner.stop();
    }
  });

  it('retries with backoff, then dies after max attempts with its error visible', async () => {
    const id = await jobs.enqueue({ name: 'flaky', payload: {}, maxAttempts: 3 });
    let calls = 0;
    const runner = new JobRunner(
      jobs,
      {
        flaky: async () => {
          calls++;
          throw new Error(`boom ${calls}`);
        },
      },
      { backoff: { baseMs: 500, maxMs: 5000 } },
    );
    /** Runs the job once; returns its row and bounds on the retry wait it was given. */
    const attempt = async () => {
      const before = Date.now();
      await runner.drain();
      const after = Date.now();
      const row = (await jobs.findById(id!))!;
      const runAt = row.run_at.getTime();
      return { row, waitMs: { atLeast: runAt - after, atMost: runAt - before } };
    };
    const first = await attempt();
    expect(first.row).toMatchObject({ status: 'queued', attempts: 1, last_error: 'boom 1' });
    // The first retry waits 400–600 ms (500 ms ± 20 %), the second twice that.
    expect(first.waitMs.atMost).toBeGreaterThanOrEqual(400);
    expect(first.waitMs.atLeast).toBeLessThanOrEqual(600);
    // Backoff: not due yet, so an immediate drain runs nothing.
    expect(await runner.drain()).toBe(0);
    await untilPast(first.row.run_at);
    const second = await attempt();
    expect(second.row).toMatchObject({ status: 'queued', attempts: 2, last_error: 'boom 2' });
    expect(second.waitMs.atMost).toBeGreaterThanOrEqual(800);
    expect(second.waitMs.atLeast).toBeLessThanOrEqual(1200);
    await untilPast(second.row.run_at);
    await runner.drain();
    expect(calls).toBe(3);
    expect(await jobs.findById(id!)).toMatchObject({
      status: 'dead',
      attempts: 3,
      last_error: 'boom 3',
    });
  });

  it('sends a permanent failure straight to dead', async () => {
    const id = await jobs.enqueue({ name: 'bad-input', payload: {} });
    const runner = new JobRunner(jobs, {
      'bad-input': async () => {
        throw new PermanentJobError('the file is not a GPX, TCX or FIT file');
      },
    });
    await runner.drain();
    expect(await jobs.findById(id!)).toMatchObject({
      status: 'dead',
      attempts: 1,
      last_error: 'the file is not a GPX, TCX or FIT file',
    });
  });

  it('completes a job exactly once after its worker crashed mid-job', async () => {
    const id = await jobs.enqueue({ name: 'crashy', payload: {} });
    const effects: string[] = [];
    let wakeZombie: (() => void) | undefined;
    // Worker A claims the job and "crashes": its handler never returns and, as with a dead
    // process, nothing renews its lease (drain() runs no heartbeat).
    const a = new JobRunner(
      jobs,
      {
        crashy: async () => {
          await new Promise<void>((r) => {
            wakeZombie = r;
          });
          effects.push('A');
          return 'success';
        },
      },
      { workerId: 'A', leaseMs: 300 },
    );
    const zombie = a.drain();
    while (!wakeZombie) await sleep(5);
    const held = await jobs.findById(id!);
    expect(held).toMatchObject({ status: 'running', locked_by: 'A' });

    // Worker B starts after A's lease expired, reclaims the job and finishes it.
    await untilPast(held!.locked_until!);
    const b = new JobRunner(
      jobs,
      {
        crashy: async () => {
          effects.push('B');
          return 'success';
        },
      },
      { workerId: 'B', leaseMs: 300 },
    );
    await b.drain();
    expect(await jobs.findById(id!)).toMatchObject({ status: 'done', attempts: 2 });

    // If A was only frozen, not dead, its late completion is refused: it no longer holds the job.
    wakeZombie();
    await zombie;
    expect(await jobs.complete(id!, 'A', 'success')).toBe(false);
    expect(await jobs.findById(id!)).toMatchObject({ status: 'done', locked_by: null });
    expect(effects.filter((e) => e === 'B')).toHaveLength(1);
  });

  it('never hands one job to two of several concurrent runners', async () => {
    const n = 40;
    for (let i = 0; i < n; i++) await jobs.enqueue({ name: 'count', payload: { i } });
    const runs = new Map<number, number>();
    let inFlight = 0;
    let maxInFlight = 0;
    const handler = async (p: { i: number }) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      runs.set(p.i, (runs.get(p.i) ?? 0) + 1);
      await sleep(2);
      inFlight--;
      return 'success' as const;
    };
    const runners = ['r1', 'r2', 'r3'].map(
      (w) =>
        new JobRunner(
          jobs,
          { count: handler },
          { workerId: w, concurrency: 4, pollIntervalMs: 10 },
        ),
    );
    for (const r of runners) r.start();
    // A generous deadline: on a loaded machine 40 short jobs can take seconds to drain.
    const deadline = Date.now() + 20_000;
    while (runs.size < n && Date.now() < deadline) await sleep(25);
    await Promise.all(runners.map((r) => r.stop()));
    expect(runs.size).toBe(n);
    expect([...runs.values()].every((c) => c === 1)).toBe(true);
    expect(maxInFlight).toBeGreaterThan(1);
  });
});
