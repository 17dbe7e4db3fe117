import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/**
 * The only place that reads `process.env`. Parsed once at start, validated, frozen; a bad value
 * fails fast with a message naming the variable. Every variable is listed in the README table.
 */
export interface Config {
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder for the embedded database, blobs and the process lock. */
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Redis connection string; when absent rate limits and caches stay in-process. */
  redisUrl: string | undefined;
  /** Prefix for every Redis key this instance writes (lets deployments and tests share a Redis). */
  redisKeyPrefix: string;
  /** HMAC secret for access tokens; when absent one is generated once and kept in the database. */
  jwtSecret: string | undefined;
  accessTokenTtlS: number;
  refreshTokenTtlS: number;
  /**
   * How long a process believes "this session is signed in" without asking the database
   * (sign-outs elsewhere reach it at once over pub/sub; this bounds it should that fail).
   */
  sessionCacheS: number;
  authRateLimit: { max: number; windowS: number };
  /** Comments one athlete may post per minute and per hour. */
  commentRateLimit: { perMinute: number; perHour: number };
  trustProxy: boolean;
  shutdownTimeoutS: number;
  /** Largest JSON request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Largest activity file accepted by upload, in bytes (compressed size for .gz). */
  maxUploadBytes: number;
  /** What this process runs: the HTTP API, the background job worker, or both. */
  role: Role;
  /** Background jobs one process runs at once. */
  workerConcurrency: number;
  /**
   * Athletes with more followers than this are not fanned out to their followers' feed inboxes
   * on write; their activities are merged into feeds when read (the hybrid feed).
   */
  feedFanoutMaxFollowers: number;
  /**
   * Worker threads for CPU-heavy work (parsing and computing files, rendering views, exports),
   * off the event loop; 0 runs it on the main thread.
   */
  computeThreads: number;
  /** S3-compatible blob storage; when absent blobs are files under `<dataDir>/blobs`. */
  s3: S3Config | undefined;
  /**
   * MapLibre style the web app draws maps with: OpenFreeMap's street map unless the operator
   * sets STRIDE_MAP_STYLE_URL; undefined when set to `none`, and the app then draws on its
   * built-in world map (land and borders, nothing fetched).
   */
  mapStyleUrl: string | undefined;
  /**
   * Origins the web app's map may load from (its style, tiles, glyphs, sprites), allowed by the
   * Content-Security-Policy: the style URL's origin (OpenFreeMap's by default, which serves
   * all of its style from there) and those in STRIDE_MAP_ORIGINS.
   */
  mapOrigins: string[];
  /**
   * Who runs this installation, for push services (the VAPID `sub` claim): a mailto: address
   * or an https: URL they may contact about its pushes.
   */
  pushSubject: string;
  /**
   * Hosts of the push services this server sends Web Push to (a subscription's endpoint must be
   * on one of them, or under one); '*' allows any https: host.
   */
  pushHosts: string[];
}

/** Browsers' push services: Chrome (FCM), Firefox (Mozilla), Safari (Apple) and Edge (WNS). */
/** OpenFreeMap's street style: free, no key; its tiles, glyphs and sprites share its origin. */
export const DEFAULT_MAP_STYLE_URL = 'https://tiles.openfreemap.org/styles/liberty';
export const DEFAULT_MAP_ORIGINS: readonly string[] = ['https://tiles.openfreemap.org'];

/** STRIDE_MAP_STYLE_URL: unset means OpenFreeMap, `none` means no external map at all. */
function mapStyle(env: Env): { styleUrl: string | undefined; origins: readonly string[] } {
  const raw = env.STRIDE_MAP_STYLE_URL?.trim();
  if (raw === undefined || raw === '')
    return { styleUrl: DEFAULT_MAP_STYLE_URL, origins: DEFAULT_MAP_ORIGINS };
  if (raw.toLowerCase() === 'none') return { styleUrl: undefined, origins: [] };
  const styleUrl = url({ STRIDE_MAP_STYLE_URL: raw }, 'STRIDE_MAP_STYLE_URL', ['http:', 'https:'])!;
  return { styleUrl, origins: [new URL(styleUrl).origin] };
}

export const DEFAULT_PUSH_HOSTS = [
  'fcm.googleapis.com',
  'push.services.mozilla.com',
  'push.apple.com',
  'notify.windows.com',
];

export type Role = 'api' | 'worker' | 'all';

export interface S3Config {
  bucket: string;
  endpoint: string | undefined;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
  prefix: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${env[name]}")`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

const ROLES: readonly Role[] = ['api', 'worker', 'all'];

function s3(env: Env): S3Config | undefined {
  const bucket = env.S3_BUCKET;
  if (!bucket) return undefined;
  const endpoint = url(env, 'S3_ENDPOINT', ['http:', 'https:']);
  return {
    bucket,
    endpoint,
    region: env.S3_REGION || 'us-east-1',
    accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    // Self-hosted S3-compatible stores (the usual reason to set an endpoint) want path style.
    forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', endpoint !== undefined),
    prefix: env.S3_PREFIX || '',
  };
}

/** STRIDE_MAP_ORIGINS: comma- or space-separated http(s) origins, each without a path. */
function origins(env: Env, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => {
      let parsed: URL | undefined;
      try {
        parsed = new URL(item);
      } catch {
        parsed = undefined;
      }
      if (
        !parsed ||
        !['http:', 'https:'].includes(parsed.protocol) ||
        parsed.pathname !== '/' ||
        parsed.search ||
        parsed.hash
      ) {
        throw new ConfigError(
          `${name} must list origins such as https://tiles.example.com, separated by commas (got "${item}")`,
        );
      }
      return parsed.origin;
    });
}

/** One thread per core but one (the API's), at least one, and no more than four. */
function defaultComputeThreads(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

/** STRIDE_PUSH_HOSTS: comma- or space-separated host names, or '*'. */
function hosts(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => {
      const host = item.toLowerCase();
      if (
        host !== '*' &&
        !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host)
      )
        throw new ConfigError(
          `${name} must list host names such as fcm.googleapis.com, separated by commas, or * (got "${item}")`,
        );
      return host;
    });
}

function pushSubject(env: Env): string {
  const raw = env.STRIDE_PUSH_SUBJECT;
  if (raw === undefined || raw === '') return 'mailto:stride@localhost';
  let parsed: URL | undefined;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['mailto:', 'https:'].includes(parsed.protocol))
    throw new ConfigError(
      `STRIDE_PUSH_SUBJECT must be a mailto: address or an https: URL (got "${raw}")`,
    );
  return raw;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env): Readonly<Config> {
  const role = (env.STRIDE_ROLE || 'all') as Role;
  if (!ROLES.includes(role)) {
    throw new ConfigError(
      `STRIDE_ROLE must be one of ${ROLES.join(', ')} (got "${env.STRIDE_ROLE}")`,
    );
  }
  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const jwtSecret = env.STRIDE_JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('STRIDE_JWT_SECRET must be at least 32 characters long');
  }
  const map = mapStyle(env);
  const config: Config = {
    host: env.HOST || '0.0.0.0',
    port: int(env, 'PORT', 3000, 0, 65535),
    logLevel: logLevel as Config['logLevel'],
    dataDir: resolve(env.STRIDE_DATA_DIR || './data'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisKeyPrefix: env.STRIDE_REDIS_PREFIX || 'stride:',
    jwtSecret,
    accessTokenTtlS: int(env, 'STRIDE_ACCESS_TOKEN_TTL', 15 * 60, 30, 24 * 3600),
    refreshTokenTtlS: int(env, 'STRIDE_REFRESH_TOKEN_TTL', 30 * 24 * 3600, 60, 365 * 24 * 3600),
    sessionCacheS: int(env, 'STRIDE_SESSION_CACHE_S', 5, 0, 300),
    authRateLimit: {
      max: int(env, 'STRIDE_AUTH_RATE_LIMIT', 10, 1, 1_000_000),
      windowS: int(env, 'STRIDE_AUTH_RATE_WINDOW', 60, 1, 86_400),
    },
    commentRateLimit: {
      perMinute: int(env, 'STRIDE_COMMENT_RATE_LIMIT', 10, 1, 1_000_000),
      perHour: int(env, 'STRIDE_COMMENT_RATE_LIMIT_HOUR', 60, 1, 1_000_000),
    },
    trustProxy: bool(env, 'STRIDE_TRUST_PROXY', false),
    shutdownTimeoutS: int(env, 'STRIDE_SHUTDOWN_TIMEOUT', 10, 1, 600),
    bodyLimitBytes: int(env, 'STRIDE_BODY_LIMIT', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    maxUploadBytes: int(env, 'STRIDE_MAX_UPLOAD_BYTES', 64 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    role,
    workerConcurrency: int(env, 'STRIDE_WORKER_CONCURRENCY', 2, 1, 256),
    feedFanoutMaxFollowers: int(env, 'STRIDE_FEED_FANOUT_MAX_FOLLOWERS', 10_000, 0, 10_000_000),
    computeThreads: int(env, 'STRIDE_COMPUTE_THREADS', defaultComputeThreads(), 0, 64),
    s3: s3(env),
    mapStyleUrl: map.styleUrl,
    mapOrigins: [...new Set([...map.origins, ...origins(env, 'STRIDE_MAP_ORIGINS')])],
    pushSubject: pushSubject(env),
    pushHosts: hosts(env, 'STRIDE_PUSH_HOSTS', DEFAULT_PUSH_HOSTS),
  };
  return Object.freeze(config);
}
