import { Redis } from 'ioredis';
import { ConfigError } from '../config.js';
import { type AppError, Errors } from './errors.js';

type Log = { error(obj: object, msg: string): void; info(obj: object, msg: string): void };

/** No Redis command waits longer than this: a request never hangs on a Redis that stopped answering. */
export const REDIS_COMMAND_TIMEOUT_MS = 1000;

/** The URL without its password, for messages and logs. */
export function redisLabel(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    u.username = '';
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'the configured Redis';
  }
}

/**
 * Connects to REDIS_URL. Commands fail fast while Redis is unreachable instead of queueing
 * (no offline queue), and time out after REDIS_COMMAND_TIMEOUT_MS; the client reconnects in the
 * background, at most every 2 s. An unreachable Redis at start is a ConfigError naming REDIS_URL.
 */
export async function connectRedis(url: string, log?: Log): Promise<Redis> {
  let lastError: Error | undefined;
  let down = false;
  let connected = false;
  const redis = new Redis(url, {
    lazyConnect: true,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    enableOfflineQueue: false,
    // A command in flight when the connection drops is sent once more after reconnecting, then
    // fails; the command timeout bounds the wait either way.
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  });
  // An outage is logged once when the connection drops and once when it is back, not on every
  // reconnection attempt; the error listener keeps ioredis from printing each failure.
  redis.on('error', (error: Error) => {
    lastError = error;
  });
  redis.on('close', () => {
    if (down || redis.status === 'end' || !connected) return;
    down = true;
    log?.error(
      { redis: redisLabel(url), reason: lastError?.message },
      'Redis is unreachable; reconnecting',
    );
  });
  redis.on('ready', () => {
    if (down) log?.info({ redis: redisLabel(url) }, 'Redis is reachable again');
    down = false;
  });
  try {
    await redis.connect();
    connected = true;
  } catch (error) {
    redis.disconnect();
    const reason = (lastError ?? (error as Error)).message;
    throw new ConfigError(
      `REDIS_URL: cannot reach Redis at ${redisLabel(url)} (${reason}); ` +
        'start Redis or correct REDIS_URL (unset it to keep rate limits and leaderboards in-process)',
    );
  }
  return redis;
}

const UNREACHABLE = new Set([
  'Command timed out',
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Connection is closed.',
]);

/**
 * True when an error means Redis could not be reached or did not answer in time, as opposed to
 * Redis refusing a command (a reply error, a bug to fix rather than an outage to wait out).
 */
export function isRedisUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  // ioredis rejects commands with these (socket errors themselves go to its 'error' event).
  return UNREACHABLE.has(error.message);
}

/** The 503 a request gets when what it needs lives in Redis and Redis is unreachable. */
export function redisUnavailable(what: string): AppError {
  return Errors.unavailable(
    `${what} cannot be answered: Redis cannot be reached right now; try again shortly`,
    { dependency: 'redis' },
  );
}

/** Runs a Redis read, turning an outage into `redisUnavailable(what)` (other errors pass through). */
export async function whileRedisAnswers<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isRedisUnreachable(error)) throw redisUnavailable(what);
    throw error;
  }
}
