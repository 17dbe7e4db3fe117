import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

/*
 * Rate-limit counters in Redis (shared by every process), counted in this process instead while
 * Redis is unreachable: limits never switch off. During an outage each process counts on its
 * own, so a client spread over N processes gets up to N times the limit until Redis is back.
 */

// Fixed window: the first hit of a window sets its expiry. Same keys as @fastify/rate-limit's
// own Redis store, so counts carry over from a version that used it.
const INCR = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if n == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;

/** After a failed Redis call, count in-process for this long before trying Redis again. */
const RETRY_REDIS_AFTER_MS = 5000;
/** Keys the in-process fallback remembers at most (the oldest window is forgotten first). */
const LOCAL_KEYS = 10_000;

/** Fixed-window counters in this process. */
export class LocalWindows {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  incr(key: string, windowMs: number, now = Date.now()): { current: number; ttl: number } {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      this.windows.delete(key);
      if (this.windows.size >= LOCAL_KEYS) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return { current: w.count, ttl: w.resetAt - now };
  }
}

/**
 * A store for @fastify/rate-limit: Redis while it answers, this process's own counters while it
 * does not (with `onOutage` told, to log it).
 */
export function redisRateLimitStore(
  redis: Redis,
  nameSpace: string,
  onOutage: (error: Error) => void,
): FastifyRateLimitStoreCtor {
  const local = new LocalWindows();
  let skipRedisUntil = 0;

  class FallbackStore implements FastifyRateLimitStore {
    private readonly prefix: string;

    constructor(_options: unknown, prefix = nameSpace) {
      this.prefix = prefix;
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const full = this.prefix + key;
      const counted = () => callback(null, local.incr(full, timeWindow));
      if (redis.status !== 'ready' || Date.now() < skipRedisUntil) {
        counted();
        return;
      }
      redis.eval(INCR, 1, full, timeWindow).then(
        (result) => {
          const [current, ttl] = result as [number, number];
          callback(null, { current, ttl });
        },
        (error: Error) => {
          skipRedisUntil = Date.now() + RETRY_REDIS_AFTER_MS;
          onOutage(error);
          counted();
        },
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes the route's merged options, with the route itself as `routeInfo`.
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      return new FallbackStore(undefined, `${nameSpace}${route?.method}${route?.url}-`);
    }
  }
  return FallbackStore;
}
