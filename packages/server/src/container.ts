import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { BlobStore } from './platform/blobs/blob-store.js';
import { FsBlobStore } from './platform/blobs/fs-blob-store.js';
import { S3BlobStore } from './platform/blobs/s3-blob-store.js';
import { createLeaderboardStores } from './leaderboards/stores/create-stores.js';
import type {
  AthleteTotalsStore,
  SegmentLeaderboardStore,
} from './leaderboards/leaderboard-store.js';
import type { Config } from './config.js';
import { type DatabaseHandle, type DatabaseOptions, openDatabase } from './platform/db/dialect.js';
import { isMigrated, migrateToLatest } from './platform/db/migrate.js';
import type { ActivityRow } from './platform/db/schema.js';
import { createJobHandlers } from './platform/jobs/handlers.js';
import { JobRunner, type JobRunnerOptions } from './platform/jobs/runner.js';
import { ActivityRepository } from './activities/activity.repository.js';
import { AthleteRepository } from './athletes/athlete.repository.js';
import { FollowRepository } from './athletes/follow.repository.js';
import { JobRepository } from './platform/jobs/job.repository.js';
import { LeaderboardRepository } from './leaderboards/leaderboard.repository.js';
import { PrivacyZoneRepository } from './privacy/privacy-zone.repository.js';
import { RefreshTokenRepository } from './accounts/refresh-token.repository.js';
import { SegmentRepository } from './segments/segment.repository.js';
import { SegmentEffortRepository } from './segments/segment-effort.repository.js';
import { SettingsRepository } from './platform/db/settings.repository.js';
import { UploadRepository } from './uploads/upload.repository.js';
import { AccountService } from './accounts/account.service.js';
import { ActivityService } from './activities/activity.service.js';
import { ActivityChanges } from './activities/activity-changes.js';
import { ActivityImportService } from './uploads/activity-import.service.js';
import { ActivityReadService } from './activities/activity-read.service.js';
import { ActivityRecomputeService } from './activities/activity-recompute.service.js';
import { ArchiveImportService } from './uploads/archive-import.service.js';
import { AthleteStatsService } from './athletes/athlete-stats.service.js';
import { AuthService } from './accounts/auth.service.js';
import { FollowService } from './athletes/follow.service.js';
import { LeaderboardService } from './leaderboards/leaderboard.service.js';
import { LeaderboardRebuild } from './leaderboards/leaderboard-rebuild.js';
import { PrivacyService } from './privacy/privacy.service.js';
import { SegmentService } from './segments/segment.service.js';
import { SegmentCatalog } from './segments/segment-catalog.js';
import { SegmentMatchService } from './segments/segment-match.service.js';
import { SegmentOutbox } from './segments/segment-outbox.js';
import { SegmentRankingService } from './segments/segment-ranking.service.js';
import { SegmentReadService } from './segments/segment-read.service.js';
import { UploadService } from './uploads/upload.service.js';

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
  recompute: ActivityRecomputeService;
  /** Derived data (leaderboards, segment efforts) subscribes here to activity changes. */
  activityChanges: ActivityChanges;
  /** Leaderboard stores: Redis sorted sets when REDIS_URL is set, SQL tables otherwise. */
  segmentBoards: SegmentLeaderboardStore;
  athleteTotals: AthleteTotalsStore;
  leaderboards: LeaderboardService;
  /** The `leaderboards.rebuild` job's steps; add one per kind of board. */
  leaderboardRebuild: LeaderboardRebuild;
  segments: SegmentService;
  segmentReads: SegmentReadService;
  segmentMatches: SegmentMatchService;
  segmentRanking: SegmentRankingService;
  /** This process's in-memory segment index. */
  segmentCatalog: SegmentCatalog;
  /** Where activity and account changes enqueue segment work. */
  segmentOutbox: SegmentOutbox;
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
    const activityChanges = new ActivityChanges();
    const { segmentBoards, athleteTotals } = createLeaderboardStores(
      database.db,
      redis,
      config.redisKeyPrefix,
    );
    const leaderboards = new LeaderboardService(
      new LeaderboardRepository(database.db),
      athletes,
      followRepository,
      jobs,
      athleteTotals,
    );
    activityChanges.on(leaderboards.onActivityChange);
    const leaderboardRebuild = new LeaderboardRebuild([leaderboards.totalsRebuild()], options.log);
    const segmentRepository = new SegmentRepository(database.db);
    const effortRepository = new SegmentEffortRepository(database.db);
    const segmentOutbox = new SegmentOutbox(jobs, effortRepository, wakeWorker);
    const activities = new ActivityService(
      activityRepository,
      athletes,
      followRepository,
      jobs,
      blobs,
      wakeWorker,
      activityChanges,
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
      activityChanges,
    );
    const imports = new ActivityImportService(
      database.db,
      uploadRepository,
      activityRepository,
      athletes,
      activities,
      blobs,
    );
    const loadTrack = (row: ActivityRow) => reads!.loadTrack(row);
    const segmentCatalog = new SegmentCatalog(segmentRepository);
    const segmentRanking = new SegmentRankingService(
      effortRepository,
      segmentRepository,
      athletes,
      segmentBoards,
    );
    const segmentMatches = new SegmentMatchService(
      activityRepository,
      effortRepository,
      segmentRepository,
      segmentCatalog,
      segmentRanking,
      privacy,
      loadTrack,
    );
    const segments = new SegmentService(
      segmentRepository,
      effortRepository,
      activities,
      jobs,
      loadTrack,
      wakeWorker,
    );
    const segmentReads = new SegmentReadService(
      segments,
      effortRepository,
      athletes,
      followRepository,
      segmentBoards,
    );
    activityChanges.on(segmentOutbox.onActivityChange);
    leaderboardRebuild.add(segmentRanking.rebuildStep());
    const recompute = new ActivityRecomputeService(
      activityRepository,
      activities,
      imports,
      jobs,
      wakeWorker,
    );
    const archives = new ArchiveImportService(uploadRepository, uploads, blobs, wakeWorker);
    const handlers = createJobHandlers({
      imports,
      archives,
      activities,
      recompute,
      leaderboards,
      rebuild: leaderboardRebuild,
      segmentMatches,
      dropSegmentBoards: (id) => segmentBoards.deleteSegment(id),
    });
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
      recompute,
      athleteStats: new AthleteStatsService(activityRepository, followRepository),
      privacy,
      account: new AccountService(
        {
          athletes,
          activities: activityRepository,
          follows: followRepository,
          privacyZones,
          uploads: uploadRepository,
        },
        blobs,
        reads,
        activityChanges,
      ),
      activityChanges,
      segmentBoards,
      athleteTotals,
      leaderboards,
      leaderboardRebuild,
      segments,
      segmentReads,
      segmentMatches,
      segmentRanking,
      segmentCatalog,
      segmentOutbox,
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
