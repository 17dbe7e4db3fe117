import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { BlobStore } from './adapters/blobs/blob-store.js';
import { FsBlobStore } from './adapters/blobs/fs-blob-store.js';
import { S3BlobStore } from './adapters/blobs/s3-blob-store.js';
import type { Config } from './config.js';
import { type DatabaseHandle, type DatabaseOptions, openDatabase } from './db/dialect.js';
import { isMigrated, migrateToLatest } from './db/migrate.js';
import { createJobHandlers } from './jobs/handlers.js';
import { JobRunner, type JobRunnerOptions } from './jobs/runner.js';
import { ActivityRepository } from './repositories/activity.repository.js';
import { AthleteRepository } from './repositories/athlete.repository.js';
import { FollowRepository } from './repositories/follow.repository.js';
import { JobRepository } from './repositories/job.repository.js';
import { PrivacyZoneRepository } from './repositories/privacy-zone.repository.js';
import { RefreshTokenRepository } from './repositories/refresh-token.repository.js';
import { SettingsRepository } from './repositories/settings.repository.js';
import { UploadRepository } from './repositories/upload.repository.js';
import { AccountService } from './services/account.service.js';
import { ActivityService } from './services/activity.service.js';
import { ActivityImportService } from './services/activity-import.service.js';
import { ActivityReadService } from './services/activity-read.service.js';
import { AthleteStatsService } from './services/athlete-stats.service.js';
import { AuthService } from './services/auth.service.js';
import { FollowService } from './services/follow.service.js';
import { PrivacyService } from './services/privacy.service.js';
import { UploadService } from './services/upload.service.js';

type Log = NonNullable<JobRunnerOptions['log']>;

/** Everything the HTTP layer and jobs use, wired once from config. */
export interface Container {
  config: Readonly<Config>;
  database: DatabaseHandle;
  /** Present when REDIS_URL is set. */
  redis: Redis | undefined;
  blobs: BlobStore;
  jobs: JobRepository;
  /** The background worker; started by `startWorker()` in the worker and all-in-one roles. */
  runner: JobRunner;
  athletes: AthleteRepository;
  auth: AuthService;
  follows: FollowService;
  privacyZones: PrivacyZoneRepository;
  uploads: UploadService;
  activities: ActivityService;
  activityReads: ActivityReadService;
  athleteStats: AthleteStatsService;
  privacy: PrivacyService;
  account: AccountService;
  startWorker(): void;
  /** Database reachable and every migration applied. */
  isReady(): Promise<boolean>;
  /** Stops the worker (letting running jobs finish), then closes Redis and the database. */
  close(): Promise<void>;
}

export interface ContainerOptions {
  /** Overrides for how the database is opened (tests: in-memory PGlite, own PostgreSQL database). */
  database?: Partial<DatabaseOptions>;
  /** Overrides for the job runner (tests: fast polling). */
  runner?: Partial<JobRunnerOptions>;
  /** Blob store to use instead of the configured one. */
  blobs?: BlobStore;
  log?: Log;
}

export async function createContainer(
  config: Readonly<Config>,
  options: ContainerOptions = {},
): Promise<Container> {
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
    const athletes = new AthleteRepository(database.db);
    const jobs = new JobRepository(database.db);
    const auth = new AuthService(athletes, new RefreshTokenRepository(database.db), {
      jwtSecret,
      accessTokenTtlS: config.accessTokenTtlS,
      refreshTokenTtlS: config.refreshTokenTtlS,
    });
    const followRepository = new FollowRepository(database.db);
    const follows = new FollowService(athletes, followRepository);
    const privacyZones = new PrivacyZoneRepository(database.db);
    const uploadRepository = new UploadRepository(database.db);
    let runnerRef: JobRunner | undefined;
    const wakeWorker = () => runnerRef?.wake();
    const uploads = new UploadService(database.db, uploadRepository, jobs, blobs, wakeWorker);
    const activityRepository = new ActivityRepository(database.db);
    const activities = new ActivityService(
      activityRepository,
      athletes,
      followRepository,
      jobs,
      blobs,
      wakeWorker,
    );
    let reads: ActivityReadService | undefined;
    const privacy = new PrivacyService(athletes, privacyZones, (row) => reads!.loadTrack(row));
    reads = new ActivityReadService(
      activityRepository,
      athletes,
      followRepository,
      activities,
      privacy,
      blobs,
    );
    const imports = new ActivityImportService(
      database.db,
      uploadRepository,
      activityRepository,
      athletes,
      activities,
      blobs,
    );
    const handlers = createJobHandlers({ imports, activities });
    const runner = new JobRunner(jobs, handlers, {
      concurrency: config.workerConcurrency,
      ...(options.log ? { log: options.log } : {}),
      ...options.runner,
    });
    runnerRef = runner;

    let migrated = false;
    let workerStarted = false;
    return {
      config,
      database,
      redis,
      blobs,
      jobs,
      runner,
      athletes,
      auth,
      follows,
      privacyZones,
      uploads,
      activities,
      activityReads: reads,
      athleteStats: new AthleteStatsService(activityRepository, followRepository),
      privacy,
      account: new AccountService(database.db, blobs, reads),
      startWorker() {
        if (workerStarted) return;
        workerStarted = true;
        runner.start();
      },
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
        await runner.stop();
        await blobs.close();
        await redis?.quit().catch(() => redis?.disconnect());
        await database.close();
      },
    };
  } catch (error) {
    redis?.disconnect();
    await database.close();
    throw error;
  }
}
