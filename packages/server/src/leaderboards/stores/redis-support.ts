import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A Lua script run by its SHA (sent in full only the first time a server lacks it). Scripts run
 * atomically: a multi-key board update is seen whole or not at all.
 */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly lua: string) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }

  async run(redis: Redis, keys: string[], args: Array<string | number>): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.lua, keys.length, ...keys, ...args);
    }
  }
}

/**
 * Writes are "read the athlete's current record, then apply a script that first checks the
 * record is still the one read" (optimistic, like WATCH but safe on a shared connection). A
 * concurrent writer makes the check fail and the write is recomputed.
 */
export async function compareAndSet(attempt: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 20; i++) if (await attempt()) return;
  throw new Error(`${what}: too many concurrent writers, giving up`);
}

/** Deletes every key under `prefix` (SCAN, so Redis keeps serving meanwhile). */
export async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}

/** A key part safe for any text (places, sports): no separators, no glob characters. */
export const keyPart = (s: string) =>
  encodeURIComponent(s).replace(/[*?[\]]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
