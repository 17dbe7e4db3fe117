/**
 * Which adapters this machine can run, and how to give each test run its own isolated copy.
 * Contract suites loop over these: PGlite always; PostgreSQL when DATABASE_URL is set; Redis
 * when REDIS_URL is set. Each run gets a fresh database (or an in-memory PGlite) and its own
 * Redis key prefix, and removes them afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import {
  type DatabaseHandle,
  type DatabaseOptions,
  openDatabase,
} from '../src/platform/db/dialect.js';
import { createStride, type Stride, type StrideOptions } from '../src/stride.js';

export interface DatabaseLease {
  /** Passed to createStride/buildApp as `database` options. */
  options: Partial<DatabaseOptions>;
  /** The connection string for this run's database (PostgreSQL only). */
  url?: string;
  release(): Promise<void>;
}

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  lease(): Promise<DatabaseLease>;
}

const suffix = () => `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

const pglite: TestDatabase = {
  name: 'pglite',
  async lease() {
    return { options: { url: undefined, inMemory: true }, release: async () => {} };
  },
};

function postgres(adminUrl: string): TestDatabase {
  return {
    name: 'postgres',
    async lease() {
      const name = `stride_test_${suffix()}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`create database "${name}"`);
      } finally {
        await admin.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        options: { url: url.toString(), poolSize: 4 },
        url: url.toString(),
        async release() {
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          try {
            await c.query(`drop database if exists "${name}" with (force)`);
          } finally {
            await c.end();
          }
        },
      };
    },
  };
}

export const DATABASES: TestDatabase[] = [
  pglite,
  ...(process.env.DATABASE_URL ? [postgres(process.env.DATABASE_URL)] : []),
];

export const REDIS_URL = process.env.REDIS_URL || undefined;

/** A fresh Redis key prefix and a function that deletes every key under it. */
export function redisNamespace(url: string) {
  const prefix = `stride:test:${suffix()}:`;
  return {
    prefix,
    async release() {
      const redis = new Redis(url, { lazyConnect: true });
      await redis.connect();
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          cursor = next;
          if (keys.length) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        await redis.quit();
      }
    },
  };
}

/** Config for tests: quiet logs, a throwaway data dir, generous auth rate limit unless given. */
export function testConfig(env: Record<string, string | undefined> = {}): Readonly<Config> {
  return loadConfig({
    LOG_LEVEL: 'silent',
    STRIDE_DATA_DIR: mkdtempSync(join(tmpdir(), 'stride-test-')),
    STRIDE_AUTH_RATE_LIMIT: '1000',
    ...env,
  });
}

export interface TestApp {
  app: FastifyInstance;
  config: Readonly<Config>;
  stride: Stride;
  close(): Promise<void>;
}

/** Builds an app on a leased database (and Redis namespace when `redisUrl` is given). */
export async function startTestApp(
  lease: DatabaseLease,
  env: Record<string, string | undefined> = {},
  options: Omit<StrideOptions, 'database'> = {},
): Promise<TestApp> {
  const config = testConfig(env);
  const stride = await createStride(config, { ...options, database: lease.options });
  const app = await buildApp(config, { stride });
  return {
    app,
    config,
    stride,
    async close() {
      await app.close();
      await stride.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers beforeAll/afterAll that open a fresh lease of `database` directly (no app, not
 * migrated) and release it; returns a getter for the open handle.
 */
export function useDatabaseHandle(database: TestDatabase): () => DatabaseHandle {
  let lease: DatabaseLease | undefined;
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    lease = await database.lease();
    handle = await openDatabase({ dataDir: '/nonexistent', ...lease.options });
  });
  afterAll(async () => {
    await handle?.close();
    await lease?.release();
  });
  return () => {
    if (!handle) throw new Error('the database is used before beforeAll ran');
    return handle;
  };
}

/**
 * Registers beforeAll/afterAll that start an app on a fresh lease of `database` and tear both
 * down; returns the running app (read it inside tests and hooks, not at collection time).
 */
export function useTestApp(
  database: TestDatabase,
  env: Record<string, string | undefined> = {},
): TestApp {
  let lease: DatabaseLease | undefined;
  let current: TestApp | undefined;
  beforeAll(async () => {
    lease = await database.lease();
    current = await startTestApp(lease, env);
  });
  afterAll(async () => {
    await current?.close();
    await lease?.release();
  });
  const get = (): TestApp => {
    if (!current) throw new Error('the test app is used before beforeAll ran');
    return current;
  };
  return {
    get app() {
      return get().app;
    },
    get config() {
      return get().config;
    },
    get stride() {
      return get().stride;
    },
    close: () => get().close(),
  };
}

/** Where leaderboards are stored: SQL boards on every database, and Redis boards with REDIS_URL. */
export interface BoardTarget {
  name: string;
  redis: boolean;
  database: TestDatabase;
}
export const BOARD_TARGETS: BoardTarget[] = [
  ...DATABASES.map((database) => ({
    name: `SQL boards on ${database.name}`,
    redis: false,
    database,
  })),
  ...(REDIS_URL ? [{ name: 'Redis boards', redis: true, database: DATABASES[0]! }] : []),
];

/** useTestApp with this target's boards; Redis boards get their own key prefix, deleted after. */
export function useBoardTestApp(target: BoardTarget): TestApp {
  const ns = target.redis ? redisNamespace(REDIS_URL!) : undefined;
  afterAll(async () => {
    await ns?.release();
  });
  return useTestApp(target.database, ns ? { REDIS_URL, STRIDE_REDIS_PREFIX: ns.prefix } : {});
}

/**
 * Registers beforeAll/afterAll that start two processes of one installation on a fresh lease of
 * `database` and one Redis namespace (sharing their JWT secret and data folder), and tear them
 * down; the second one listens on a port. Read the processes inside tests and hooks.
 */
export function useTwoProcesses(
  database: TestDatabase,
  options: Omit<StrideOptions, 'database'> = {},
): { readonly one: TestApp; readonly two: TestApp } {
  let lease: DatabaseLease | undefined;
  let ns: ReturnType<typeof redisNamespace> | undefined;
  const apps: TestApp[] = [];
  beforeAll(async () => {
    lease = await database.lease();
    ns = redisNamespace(REDIS_URL!);
    const env = {
      REDIS_URL: REDIS_URL!,
      STRIDE_REDIS_PREFIX: ns.prefix,
      STRIDE_JWT_SECRET: 'a-secret-both-processes-share-0123456789',
      STRIDE_DATA_DIR: mkdtempSync(join(tmpdir(), 'stride-two-processes-')),
    };
    apps.push(await startTestApp(lease, env, options));
    apps.push(await startTestApp(lease, env, options));
    await apps[1]!.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await ns?.release();
    await lease?.release();
  });
  return {
    get one() {
      return apps[0]!;
    },
    get two() {
      return apps[1]!;
    },
  };
}
