import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Errors } from '../platform/errors.js';
import { whileRedisAnswers } from '../platform/redis.js';
import {
  compareIds,
  EVENTS_KEPT,
  type LiveMeta,
  type LivePoint,
  type LiveRecord,
  type LiveReplay,
  type LiveSession,
  type LiveStore,
  type LiveWrite,
} from './live-store.js';

/** How long one writer may hold a session's lock before it is taken from it. */
const LOCK_MS = 5000;
/** How long a writer waits for the lock before answering 503. */
const LOCK_WAIT_MS = 3000;
/** Releases the lock only when this writer still holds it. */
const UNLOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Live state on Redis (REDIS_URL), shared by every API process. Per session, under the
 * installation's key prefix:
 * - `live:<activity id>`: a hash, `meta` (JSON) and one `b:<seq>` field per batch of points;
 * - `live:<activity id>:events`: a Stream of its events (`o` the owner's JSON, `x` others'),
 *   trimmed to about EVENTS_KEPT entries, with ids chosen by the writer;
 * - `live:<activity id>:lock`: the writer's lock;
 * - `live:athlete:<athlete id>`: a set of the athlete's live activity ids.
 * Every key expires `ttlMs` after the session's last write.
 */
export class RedisLiveStore implements LiveStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  private key(activityId: string): string {
    return `${this.prefix}live:${activityId}`;
  }

  async update<T>(
    activityId: string,
    work: (session: LiveSession | undefined) => { write?: LiveWrite; result: T },
  ): Promise<T> {
    const lock = `${this.key(activityId)}:lock`;
    const token = randomBytes(12).toString('base64url');
    await this.acquire(lock, token);
    try {
      const { write, result } = work(await this.session(activityId));
      if (write) await whileRedisAnswers('live tracking', () => this.store(activityId, write));
      return result;
    } finally {
      await this.redis.eval(UNLOCK, 1, lock, token).catch(() => {});
    }
  }

  async session(activityId: string): Promise<LiveSession | undefined> {
    const hash = await whileRedisAnswers('live tracking', () =>
      this.redis.hgetall(this.key(activityId)),
    );
    return parseSession(hash);
  }

  async sessionsOf(athleteIds: readonly string[]): Promise<LiveMeta[]> {
    if (!athleteIds.length) return [];
    return whileRedisAnswers('live tracking', async () => {
      const sets = this.redis.pipeline();
      for (const id of athleteIds) sets.smembers(`${this.prefix}live:athlete:${id}`);
      const ids = [...new Set(((await sets.exec()) ?? []).flatMap(([, v]) => v as string[]))];
      if (!ids.length) return [];
      const metas = this.redis.pipeline();
      for (const id of ids) metas.hget(this.key(id), 'meta');
      return ((await metas.exec()) ?? [])
        .map(([, v]) => v as string | null)
        .filter((v): v is string => !!v)
        .map((v) => JSON.parse(v) as LiveMeta);
    });
  }

  async after(activityId: string, lastId: string): Promise<LiveReplay> {
    const key = `${this.key(activityId)}:events`;
    return whileRedisAnswers('live tracking', async () => {
      const [entries, oldest, length] = await Promise.all([
        this.redis.xrange(key, `(${lastId}`, '+'),
        this.redis.xrange(key, '-', '+', 'COUNT', 1),
        this.redis.xlen(key),
      ]);
      const records = entries.map(([id, fields]) => recordOf(id, fields));
      // Approximate trimming keeps at least EVENTS_KEPT: a shorter stream was never trimmed.
      const first = oldest[0]?.[0];
      const complete = length < EVENTS_KEPT || (!!first && compareIds(lastId, first) >= 0);
      return { records, complete: length > 0 && complete };
    });
  }

  async close(): Promise<void> {}

  private async acquire(lock: string, token: string): Promise<void> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      const ok = await whileRedisAnswers('live tracking', () =>
        this.redis.set(lock, token, 'PX', LOCK_MS, 'NX'),
      );
      if (ok) return;
      if (Date.now() > deadline)
        throw Errors.unavailable('this live session is busy; send the batch again shortly');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private async store(activityId: string, write: LiveWrite): Promise<void> {
    const key = this.key(activityId);
    const events = `${key}:events`;
    const athlete = `${this.prefix}live:athlete:${write.meta.athlete_id}`;
    const tx = this.redis.multi();
    if (write.clearPoints) tx.del(key);
    tx.hset(key, 'meta', JSON.stringify(write.meta));
    if (write.batch) tx.hset(key, `b:${write.batch.seq}`, JSON.stringify(write.batch.points));
    for (const r of write.events)
      tx.xadd(events, 'MAXLEN', '~', EVENTS_KEPT, r.id, 'o', r.owner, 'x', r.others ?? '');
    tx.sadd(athlete, write.meta.activity_id);
    for (const k of [key, events, athlete]) tx.pexpire(k, this.ttlMs);
    const results = await tx.exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0];
  }
}

function parseSession(hash: Record<string, string>): LiveSession | undefined {
  if (!hash.meta) return undefined;
  const batches = new Map<number, LivePoint[]>();
  for (const [field, value] of Object.entries(hash))
    if (field.startsWith('b:')) batches.set(Number(field.slice(2)), JSON.parse(value));
  return { meta: JSON.parse(hash.meta) as LiveMeta, batches };
}

function recordOf(id: string, fields: string[]): LiveRecord {
  const get = (name: string) => {
    const i = fields.indexOf(name);
    return i >= 0 && i % 2 === 0 ? fields[i + 1]! : '';
  };
  return { id, owner: get('o'), others: get('x') || null };
}
