import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { BlobStore } from './blobs/blob-store.js';
import { FsBlobStore } from './blobs/fs-blob-store.js';
import { S3BlobStore } from './blobs/s3-blob-store.js';
import { checkSharedBlobStore, probeBlobStore } from './blobs/shared-store.js';
import { type DatabaseHandle, type DatabaseOptions, openDatabase } from './db/dialect.js';
import { isMigrated, migrateToLatest } from './db/migrate.js';
import type { Database } from './db/schema.js';
import { SettingsRepository } from './db/settings.repository.js';
import { EventHub } from './events/event-hub.js';
import {
  createJobs,
  type JobLog,
  type JobPayloads,
  type JobQueue,
  type Jobs,
  type JobTiming,
  type JobWorker,
} from './jobs/index.js';
import { moveLegacyJobs } from './jobs/legacy-jobs.js';
import { LocalPubSub } from './pubsub/local-pubsub.js';
import type { PubSub } from './pubsub/pubsub.js';
import { RedisPubSub } from './pubsub/redis-pubsub.js';
import { connectRedis, redisLabel } from './redis.js';

export type Log = JobLog;

/** What /ready reports: each dependency this process uses, and what is wrong with those down. */
export interface Readiness {
  ready: boolean;
  checks: { database: 'ok' | 'down'; redis?: 'ok' | 'down'; blobs: 'ok' | 'down' };
  problems: string[];
}

/** How long /ready waits for each dependency before calling it down. */
const READY_TIMEOUT_MS = 2000;

/** What every feature module stands on: opened once per process from config. */
export interface Platform {
  config: Readonly<Config>;
  database: DatabaseHandle;
  db: Kysely<Database>;
  /** Present when REDIS_URL is set. */
  redis: Redis | undefined;
  blobs: BlobStore;
  events: EventHub;
  /** News for every process (in-process when embedded, Redis pub/sub with REDIS_URL). */
  pubsub: PubSub;
  /**
   * Where producers enqueue background jobs (pg-boss), type-checked against the registry: pass
   * the transaction that writes the data a job is about, so both commit or neither does.
   */
  jobs: JobQueue<JobPayloads>;
  /** Runs this process's share of the jobs once handlers are registered and it is started. */
  worker: JobWorker<JobPayloads>;
  /** Starts a job at once when this process runs a worker (else NOTIFY or the next poll does). */
  wakeWorker(): void;
  settings: SettingsRepository;
  /** The access-token secret: configured, or generated once and shared through the database. */
  jwtSecret: string;
  log: Log | undefined;
  /** The database reachable and migrated, Redis answering, the blob store usable and shared. */
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** Overrides for how the database is opened (tests: in-memory PGlite, own PostgreSQL database). */
  database?: Partial<DatabaseOptions>;
  /** Blob store to use instead of the configured one. */
  blobs?: BlobStore;
  log?: Log;
  /** Job timings (tests shorten them). */
  jobTiming?: Partial<JobTiming>;
}

/** Opens the database (migrated), Redis and the blob store. */
export async function openPlatform(
  config: Readonly<Config>,
  options: PlatformOptions = {},
): Promise<Platform> {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    ...options.database,
  });
  let redis: Redis | undefined;
  /** Stopped again if a later step of opening fails. */
  let started: Jobs<JobPayloads> | undefined;
  let blobs: BlobStore | undefined;
  try {
    await migrateToLatest(database.db);
    const settings = new SettingsRepository(database.db);
    // Without a configured secret, the first process generates one and every process (and
    // every restart) reads the same value from the database.
    const jwtSecret =
      config.jwtSecret ??
      (await settings.getOrInit('jwt_secret', randomBytes(48).toString('base64url')));
    const cache = config.redisUrl ? await connectRedis(config.redisUrl, options.log) : undefined;
    redis = cache;
    const files =
      options.blobs ??
      (config.s3 ? new S3BlobStore(config.s3) : new FsBlobStore(join(config.dataDir, 'blobs')));
    blobs = files;
    const blobLabel = config.s3
      ? `S3_BUCKET=${config.s3.bucket}${config.s3.prefix ? ` S3_PREFIX=${config.s3.prefix}` : ''}`
      : `${join(config.dataDir, 'blobs')}, from STRIDE_DATA_DIR`;
    const storeId = await checkSharedBlobStore(settings, files, blobLabel);
    const processId = randomUUID();
    const jobs = await createJobs({
      database,
      concurrency: config.workerConcurrency,
      ...(options.log ? { log: options.log } : {}),
      ...(options.jobTiming ? { timing: options.jobTiming } : {}),
    });
    started = jobs;
    const moved = await moveLegacyJobs(database.db, jobs.queue);
    if (moved) options.log?.info({ moved }, 'queued jobs moved from the old job table');
    let migrated = false;
    const pubsub: PubSub = cache
      ? new RedisPubSub(cache, config.redisKeyPrefix, options.log)
      : new LocalPubSub();
    const platform: Platform = {
      config,
      database,
      db: database.db,
      redis: cache,
      blobs: files,
      events: new EventHub(),
      pubsub,
      jobs: jobs.queue,
      worker: jobs.worker,
      wakeWorker: () => jobs.worker.wake(),
      settings,
      jwtSecret,
      log: options.log,
      async readiness() {
        const [db, redisProblem, blobsProblem] = await Promise.all([
          within(async () => {
            await database.ping();
            migrated ||= await isMigrated(database.db);
            return migrated ? undefined : 'the database is not migrated yet';
          }, 'the database'),
          cache
            ? within(
                async () => {
                  await cache.ping();
                  return undefined;
                },
                `Redis (${redisLabel(config.redisUrl!)})`,
              )
            : undefined,
          within(() => probeBlobStore(files, storeId, processId, blobLabel), 'the blob store'),
        ]);
        const problems = [db, redisProblem, blobsProblem].filter(
          (p): p is string => p !== undefined,
        );
        return {
          ready: problems.length === 0,
          checks: {
            database: db ? 'down' : 'ok',
            ...(cache ? { redis: redisProblem ? 'down' : 'ok' } : {}),
            blobs: blobsProblem ? 'down' : 'ok',
          },
          problems,
        } satisfies Readiness;
      },
      async close() {
        await jobs.close();
        await files.close();
        await pubsub.close();
        if (cache) await cache.quit().catch(() => cache.disconnect());
        await database.close();
      },
    };
    return platform;
  } catch (error) {
    await started?.close().catch(() => {});
    redis?.disconnect();
    if (!options.blobs) await blobs?.close();
    await database.close();
    throw error;
  }
}

/** Runs a readiness check, calling the dependency down when it throws or takes too long. */
async function within(
  check: () => Promise<string | undefined>,
  what: string,
): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(
      () => resolve(`${what} did not answer within ${READY_TIMEOUT_MS / 1000} s`),
      READY_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      check().catch((error: Error) => `${what} cannot be reached (${error.message})`),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
