import { randomBytes } from 'node:crypto';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import {
  bossConnection,
  createJobs,
  defineJobs,
  type HandlersOf,
  type Jobs,
  type JobsOptions,
  type JobTiming,
  PermanentJobError,
} from '../src/platform/jobs/index.js';
import { DATABASES, type DatabaseLease } from './adapters.js';

interface TestPayloads {
  'test.once': { id: string };
  'test.outbox': { id: string };
  'test.greet': { who: string };
  'test.recount': { key: string; n: number };
  'test.slow': { key: string; n: number };
  'test.flaky': { id: string };
  'test.later': { id: string };
  'test.bad-input': { id: string };
  'test.crashy': { id: string };
  'test.count': { i: number };
  'test.wake': { id: string };
}

const FAST_RETRY = { backoff: { delayS: 1, maxS: 10 } };

/** One of each dedup policy, retries that back off by seconds, and a job that expires in two. */
const TEST_JOBS = defineJobs<TestPayloads>({
  'test.once': { dedup: 'unique', key: (p) => p.id },
  'test.outbox': { dedup: 'unique', key: (p) => p.id },
  'test.greet': { dedup: 'none' },
  'test.recount': { dedup: 'coalesce', key: (p) => p.key },
  'test.slow': { dedup: 'coalesce', key: (p) => p.key },
  'test.flaky': { dedup: 'none', retry: { attempts: 3, ...FAST_RETRY } },
  'test.later': { dedup: 'none', retry: { backoff: { delayS: 600, maxS: 600 } } },
  'test.bad-input': { dedup: 'none' },
  'test.crashy': { dedup: 'unique', key: (p) => p.id, timeoutS: 2, retry: FAST_RETRY },
  'test.count': { dedup: 'none' },
  'test.wake': { dedup: 'none' },
});

/** Seconds, not minutes: expiry is found within a second, idle queues look again twice a second. */
const FAST: Partial<JobTiming> = {
  heartbeatSeconds: null,
  superviseIntervalSeconds: 1,
  monitorIntervalSeconds: 1,
  pollingIntervalSeconds: 0.5,
  notifyPollingIntervalSeconds: 0.5,
};

type Behaviour = Partial<HandlersOf<TestPayloads>>;

/** Every name handled: by `behaviour()`'s handler when it has one, else a no-op. */
function handlersFrom(behaviour: () => Behaviour): HandlersOf<TestPayloads> {
  const entries = Object.keys(TEST_JOBS).map((name) => [
    name,
    (payload: never, context: never) => {
      const handler = behaviour()[name as keyof TestPayloads] as
        | ((p: never, c: never) => Promise<'success' | 'skipped'>)
        | undefined;
      return handler ? handler(payload, context) : Promise.resolve('success' as const);
    },
  ]);
  return Object.fromEntries(entries) as HandlersOf<TestPayloads>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `condition` until it holds; fails after `deadlineMs` (generous: slow machines). */
async function until(condition: () => boolean | Promise<boolean>, deadlineMs = 20_000) {
  const deadline = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition still false after ${deadlineMs} ms`);
    await sleep(10);
  }
}

describe.each(DATABASES)('durable jobs on $name', (database) => {
  let lease: DatabaseLease;
  let h: DatabaseHandle;
  let jobs: Jobs<TestPayloads>;
  let behaviour: Behaviour = {};
  const opened: Jobs<TestPayloads>[] = [];

  /** Another process's jobs engine on the same database (its own pg-boss instance). */
  async function another(
    handlers: HandlersOf<TestPayloads>,
    options: Partial<JobsOptions<TestPayloads>> = {},
  ): Promise<Jobs<TestPayloads>> {
    const other = await createJobs({
      database: h,
      definitions: TEST_JOBS,
      timing: FAST,
      ...options,
    });
    opened.push(other);
    other.worker.register(handlers);
    return other;
  }

  beforeAll(async () => {
    lease = await database.lease();
    h = await openDatabase({ dataDir: '/nonexistent', ...lease.options });
    await migrateToLatest(h.db);
    jobs = await createJobs({ database: h, definitions: TEST_JOBS, timing: FAST });
    jobs.worker.register(handlersFrom(() => behaviour));
  });
  afterAll(async () => {
    for (const j of opened) await j.close();
    await jobs?.close();
    await h?.close();
    await lease?.release();
  });

  it('adds a job only once per key, whether it waits, ran or failed', async () => {
    const { queue, worker } = jobs;
    await queue.enqueue('test.once', { id: 'a' });
    await queue.enqueue('test.once', { id: 'a' });
    await queue.enqueue('test.once', { id: 'b' });
    expect(await queue.findAll('test.once', { id: 'a' })).toHaveLength(1);
    await worker.drain();
    await queue.enqueue('test.once', { id: 'a' });
    const all = await queue.findAll('test.once', { id: 'a' });
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ key: 'a', state: 'completed', attempts: 1 });
    expect(await queue.find('test.once', { id: 'b' })).toMatchObject({ state: 'completed' });
  });

  it('commits a job with the transaction that caused it, and not when it rolls back', async () => {
    const { queue } = jobs;
    const cause = (tx: Parameters<typeof queue.enqueue>[2] & object, id: string) =>
      Promise.all([
        tx
          .insertInto('settings')
          .values({ key: `outbox:${id}`, value: id })
          .execute(),
        queue.enqueue('test.outbox', { id }, tx),
      ]);
    await h.db
      .transaction()
      .execute(async (tx) => {
        await cause(tx, 'rolled-back');
        throw new Error('abort');
      })
      .catch(() => undefined);
    await h.db.transaction().execute((tx) => cause(tx, 'committed'));
    expect(await queue.find('test.outbox', { id: 'rolled-back' })).toBeUndefined();
    expect(await queue.find('test.outbox', { id: 'committed' })).toMatchObject({
      state: 'created',
      attempts: 0,
    });
    const settings = await h.db.selectFrom('settings').select('key').execute();
    expect(settings.map((s) => s.key)).toContain('outbox:committed');
    expect(settings.map((s) => s.key)).not.toContain('outbox:rolled-back');
  });

  it('runs a job with its payload and records success', async () => {
    const seen: unknown[] = [];
    behaviour = {
      'test.greet': async (payload, context) => {
        seen.push({ payload, attempt: context.attempt, lastAttempt: context.lastAttempt });
        return 'success';
      },
    };
    await jobs.queue.enqueue('test.greet', { who: 'ada' });
    await jobs.worker.drain();
    expect(seen).toEqual([{ payload: { who: 'ada' }, attempt: 1, lastAttempt: false }]);
    expect(await jobs.queue.find('test.greet', { who: 'ada' })).toMatchObject({
      state: 'completed',
      result: 'success',
      attempts: 1,
      maxAttempts: 5,
    });
  });

  it('queues a keyed job again once it ran, but not while one still waits', async () => {
    const { queue, worker } = jobs;
    const seen: number[] = [];
    behaviour = {
      'test.recount': async (p) => {
        seen.push(p.n);
        return 'success';
      },
    };
    await queue.enqueue('test.recount', { key: 'a', n: 1 });
    await queue.enqueue('test.recount', { key: 'a', n: 2 }); // still waiting: one run covers both
    expect(await queue.findAll('test.recount', { key: 'a', n: 0 })).toHaveLength(1);
    await worker.drain();
    expect(seen).toEqual([1]);
    await queue.enqueue('test.recount', { key: 'a', n: 3 });
    expect(await queue.find('test.recount', { key: 'a', n: 0 })).toMatchObject({
      state: 'created',
    });
    await worker.drain();
    expect(seen).toEqual([1, 3]);
    const all = await queue.findAll('test.recount', { key: 'a', n: 0 });
    expect(all.map((j) => j.state)).toEqual(['completed', 'completed']);
  });

  it('queues a keyed job again while it runs, and runs it once that run is over', async () => {
    const { queue, worker } = jobs;
    const seen: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    behaviour = {
      'test.slow': async (p) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        seen.push(p.n);
        if (p.n === 1) await held;
        inFlight--;
        return 'success';
      },
    };
    await queue.enqueue('test.slow', { key: 'a', n: 1 });
    const draining = worker.drain();
    try {
      await until(() => seen.length === 1);
      // Running: a change made now must not be missed, so another job waits behind it…
      await queue.enqueue('test.slow', { key: 'a', n: 2 });
      // …and absorbs the next request while it waits.
      await queue.enqueue('test.slow', { key: 'a', n: 3 });
      const during = await queue.findAll('test.slow', { key: 'a', n: 0 });
      expect(during.map((j) => j.state)).toEqual(['active', 'created']);
    } finally {
      release();
    }
    await draining;
    expect(seen).toEqual([1, 2]);
    expect(maxInFlight).toBe(1);
    const after = await queue.findAll('test.slow', { key: 'a', n: 0 });
    expect(after.map((j) => j.state)).toEqual(['completed', 'completed']);
  });

  it('retries with backoff, then fails with its error visible after the last attempt', async () => {
    const { queue, worker } = jobs;
    const calls: { attempt: number; lastAttempt: boolean }[] = [];
    behaviour = {
      'test.flaky': async (_p, context) => {
        calls.push({ attempt: context.attempt, lastAttempt: context.lastAttempt });
        throw new Error(`boom ${calls.length}`);
      },
    };
    await queue.enqueue('test.flaky', { id: 'x' });
    const waitsChecked: number[] = [];
    for (;;) {
      // Drain until a run happens; the failure(s) it records fall between `before` and `after`.
      let before = 0;
      await until(async () => {
        before = Date.now();
        return (await worker.drain()) > 0;
      });
      const after = Date.now();
      const job = (await queue.find('test.flaky', { id: 'x' }))!;
      expect(job).toMatchObject({ attempts: calls.length, error: `boom ${calls.length}` });
      if (job.state === 'failed') break;
      expect(job.state).toBe('retry');
      // After run k the retry waits 2^(k-1) to 2^k backoff delays (pg-boss: delay·2^(k-1)·(1 +
      // random)): 1–2 s, then 2–4 s. Bounded by the clock before and after the run(s), so a
      // stalled machine that let a retry come due within one drain still checks the last wait.
      const low = 1000 * 2 ** (job.attempts - 1);
      expect(job.runAt.getTime() - before).toBeGreaterThanOrEqual(low - 10);
      expect(job.runAt.getTime() - after).toBeLessThanOrEqual(2 * low + 10);
      waitsChecked.push(job.attempts);
    }
    expect(waitsChecked.length).toBeGreaterThan(0);
    expect(await queue.find('test.flaky', { id: 'x' })).toMatchObject({
      state: 'failed',
      attempts: 3,
      maxAttempts: 3,
      error: 'boom 3',
    });
    expect(calls).toEqual([
      { attempt: 1, lastAttempt: false },
      { attempt: 2, lastAttempt: false },
      { attempt: 3, lastAttempt: true },
    ]);
  });

  it('does not run a failed job again before its backoff is over', async () => {
    let calls = 0;
    behaviour = {
      'test.later': async () => {
        calls++;
        throw new Error('not yet');
      },
    };
    await jobs.queue.enqueue('test.later', { id: 'x' });
    await jobs.worker.drain();
    expect(await jobs.queue.find('test.later', { id: 'x' })).toMatchObject({
      state: 'retry',
      attempts: 1,
      error: 'not yet',
    });
    // Ten minutes or more to go: a drain runs nothing, and the job is left waiting.
    expect(await jobs.worker.drain()).toBe(0);
    expect(calls).toBe(1);
  });

  it('fails a job at once on a permanent error', async () => {
    let calls = 0;
    behaviour = {
      'test.bad-input': async () => {
        calls++;
        throw new PermanentJobError('the file is not a GPX, TCX or FIT file');
      },
    };
    await jobs.queue.enqueue('test.bad-input', { id: 'x' });
    await jobs.worker.drain();
    expect(calls).toBe(1);
    expect(await jobs.queue.find('test.bad-input', { id: 'x' })).toMatchObject({
      state: 'failed',
      attempts: 1,
      maxAttempts: 5,
      error: 'the file is not a GPX, TCX or FIT file',
    });
  });

  it('completes a job exactly once after its worker crashed mid-job', async () => {
    await jobs.queue.enqueue('test.crashy', { id: 'c' });
    // Process B claims the job and "crashes": it never completes it, and nothing of it runs on
    // (no heartbeat, no maintenance), as with a killed process.
    const b = new PgBoss({
      ...bossConnection(h, 1),
      supervise: false,
      schedule: false,
      migrate: false,
      registerInstance: false,
    });
    await b.start();
    try {
      const [claimed] = await b.fetch<TestPayloads['test.crashy']>('test.crashy');
      expect(claimed).toMatchObject({ data: { id: 'c' }, retryCount: 0 });
      expect(await jobs.queue.find('test.crashy', { id: 'c' })).toMatchObject({ state: 'active' });

      // Worker A runs meanwhile: once B's claim expires, the job is retried and A completes it.
      const effects: string[] = [];
      const a = await another({
        ...handlersFrom(() => ({})),
        'test.crashy': async (_p, context) => {
          effects.push(`A${context.attempt}`);
          return 'success';
        },
      });
      await a.worker.start();
      await until(
        async () => (await jobs.queue.find('test.crashy', { id: 'c' }))?.state === 'completed',
      );
      await a.worker.stop();
      expect(effects).toEqual(['A2']);
      expect(await jobs.queue.find('test.crashy', { id: 'c' })).toMatchObject({ attempts: 2 });

      // If B was only frozen, not dead, its late completion is refused: its attempt is over.
      const late = (await b.complete('test.crashy', claimed!)) as { affected: number };
      expect(late.affected).toBe(0);
      expect(await jobs.queue.find('test.crashy', { id: 'c' })).toMatchObject({
        state: 'completed',
        attempts: 2,
      });
    } finally {
      await b.stop({ graceful: false });
    }
  });

  it('never hands one job to two of several concurrent workers', async () => {
    const n = 40;
    for (let i = 0; i < n; i++) await jobs.queue.enqueue('test.count', { i });
    const runs = new Map<number, number>();
    let inFlight = 0;
    let maxInFlight = 0;
    const handlers = {
      ...handlersFrom(() => ({})),
      'test.count': async (p: { i: number }) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        runs.set(p.i, (runs.get(p.i) ?? 0) + 1);
        await sleep(2);
        inFlight--;
        return 'success' as const;
      },
    };
    const workers = await Promise.all([1, 2, 3].map(() => another(handlers, { concurrency: 4 })));
    await Promise.all(workers.map((w) => w.worker.start()));
    try {
      await until(() => runs.size === n);
    } finally {
      await Promise.all(workers.map((w) => w.worker.stop()));
    }
    expect([...runs.values()].every((c) => c === 1)).toBe(true);
    expect(maxInFlight).toBeGreaterThan(1);
    for (let i = 0; i < n; i++) {
      expect(await jobs.queue.find('test.count', { i })).toMatchObject({ state: 'completed' });
    }
  });

  it('starts a job enqueued anywhere at once through LISTEN/NOTIFY, without polling', async () => {
    const seen: string[] = [];
    const idle = { pollingIntervalSeconds: 600, notifyPollingIntervalSeconds: 600 };
    const w = await another(
      {
        ...handlersFrom(() => ({})),
        'test.wake': async (p) => {
          seen.push(p.id);
          return 'success';
        },
      },
      { timing: { ...FAST, ...idle } },
    );
    await w.worker.start();
    try {
      // Once a loop has run a job it sleeps for its ten-minute poll: only a NOTIFY wakes it.
      await jobs.queue.enqueue('test.wake', { id: 'first' });
      await until(() => seen.includes('first'));
      await jobs.queue.enqueue('test.wake', { id: 'second' });
      await until(() => seen.includes('second'));
    } finally {
      await w.worker.stop();
    }
  });

  it('starts a job at once when woken, where LISTEN is unavailable', async () => {
    const seen: string[] = [];
    const idle = { pollingIntervalSeconds: 600, notifyPollingIntervalSeconds: 600 };
    const w = await another(
      {
        ...handlersFrom(() => ({})),
        'test.wake': async (p) => {
          seen.push(p.id);
          return 'success';
        },
      },
      { timing: { ...FAST, ...idle }, listen: false },
    );
    await w.worker.start();
    try {
      await w.queue.enqueue('test.wake', { id: 'third' });
      w.worker.wake();
      await until(() => seen.includes('third'));
      await w.queue.enqueue('test.wake', { id: 'fourth' });
      w.worker.wake('test.wake');
      await until(() => seen.includes('fourth'));
    } finally {
      await w.worker.stop();
    }
  });

  it('lets a running job finish when the worker stops, and stops one never started', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let signal: AbortSignal | undefined;
    const w = await another({
      ...handlersFrom(() => ({})),
      'test.greet': async (_p, context) => {
        signal = context.signal;
        await held;
        return 'success';
      },
    });
    await w.worker.start();
    await w.queue.enqueue('test.greet', { who: 'grace' });
    await until(() => signal !== undefined);
    const stopping = w.worker.stop();
    await until(() => signal!.aborted);
    release();
    await stopping;
    expect(await w.queue.find('test.greet', { who: 'grace' })).toMatchObject({
      state: 'completed',
      result: 'success',
    });
    const never = await another(handlersFrom(() => ({})));
    await never.worker.stop();
  });

  it('starts several engines on a fresh schema at once, and checks the registry', async () => {
    const schema = `jobs_${randomBytes(4).toString('hex')}`;
    const engines = await Promise.all(
      [1, 2, 3].map(() =>
        another(
          handlersFrom(() => ({})),
          { schema },
        ),
      ),
    );
    await engines[0]!.queue.enqueue('test.once', { id: 'fresh' });
    expect(await engines[2]!.queue.find('test.once', { id: 'fresh' })).toMatchObject({
      state: 'created',
    });
    // A name whose dedup policy changed cannot reuse its queue in place.
    const changed = defineJobs<TestPayloads>({
      ...TEST_JOBS,
      'test.once': { dedup: 'coalesce', key: (p) => p.id },
    });
    await expect(
      createJobs({ database: h, definitions: changed, timing: FAST, schema }),
    ).rejects.toThrow(
      'job queue "test.once" has policy standard but its coalesce dedup needs stately',
    );
    // Every name needs exactly one handler.
    const { 'test.once': _missing, ...incomplete } = handlersFrom(() => ({}));
    expect(() => jobs.worker.register(incomplete as HandlersOf<TestPayloads>)).toThrow(
      'no handler for test.once',
    );
  });
});
