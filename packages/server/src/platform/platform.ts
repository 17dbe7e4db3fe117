import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { BlobStore } from './blobs/blob-store.js';
import { FsBlobStore } from './blobs/fs-blob-store.js';
import { S3BlobStore } from './blobs/s3-blob-store.js';
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
  type JobTiming,
  type JobWorker,
} from './jobs/index.js';
import { moveLegacyJobs } from './jobs/legacy-jobs.js';

export type Log = JobLog;

/** What every feature module stands on: opened once per process from config. */
export interface Platform {
  config: Readonly<Config>;
  database: DatabaseHandle;
  db: Kysely<Database>;
  /** Present when REDIS_URL is set. */
  redis: Redis | undefined;
  blobs: BlobStore;
  events: EventHub;
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
  /** Database reachable and every migration applied. */
  isReady(): Promise<boolean>;
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
  try {
    await migrateToLatest(database.db);
    const settings = new SettingsRepository(database.db);
    // Without a configured secret, the first process generates one and every process (and
    // every restart) reads the same value from the database.
    const jwtSecret =
      config.jwtSecret ??
      (await settings.getOrInit('jwt_secret', randomBytes(48).toString('base64url')));
    if (config.redisUrl) {
      redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
      await redis.connect();
    }
    const blobs =
      options.blobs ??
      (config.s3 ? new S3BlobStore(config.s3) : new FsBlobStore(join(config.dataDir, 'blobs')));
    const jobs = await createJobs({
      database,
      concurrency: config.workerConcurrency,
      ...(options.log ? { log: options.log } : {}),
      ...(options.jobTiming ? { timing: options.jobTiming } : {}),
    });
    const moved = await moveLegacyJobs(database.db, jobs.queue);
    if (moved) options.log?.info({ moved }, 'queued jobs moved from the old job table');
    let migrated = false;
    const platform: Platform = {
      config,
      database,
      db: database.db,
      redis,
      blobs,
      events: new EventHub(),
      jobs: jobs.queue,
      worker: jobs.worker,
      wakeWorker: () => jobs.worker.wake(),
      settings,
      jwtSecret,
      log: options.log,
      async isReady() {
        try {
          await database.ping();
          migrated ||= await isMigrated(database.db);
          return migrated;
        } catch {
          return false;
        }
      },
      async close() {
        await jobs.close();
        await blobs.close();
        await redis?.quit().catch(() => redis?.disconnect());
        await database.close();
      },
    };
    return platform;
  } catch (error) {
    redis?.disconnect();
    await database.close();
    throw error;
  }
}
