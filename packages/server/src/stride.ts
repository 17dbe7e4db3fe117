import type { Agent } from 'node:https';
import { type AccountsModule, createAccountsModule } from './accounts/index.js';
import { type ActivitiesModule, createActivitiesModule, trackLoader } from './activities/index.js';
import { type AthletesModule, createAthletesModule } from './athletes/index.js';
import { ComputePool } from './compute/compute-pool.js';
import type { Config } from './config.js';
import { createFeedModule, type FeedModule } from './feed/index.js';
import { createLeaderboardsModule, type LeaderboardsModule } from './leaderboards/index.js';
import { createLiveModule, type LiveModule } from './live/index.js';
import {
  createNotificationsModule,
  loadVapidKeys,
  type NotificationsModule,
} from './notifications/index.js';
import { createPhotosModule, type PhotosModule } from './photos/index.js';
import type { JobHandlers, JobPayloads, JobWorker } from './platform/jobs/index.js';
import type { FeatureModule } from './platform/module.js';
import {
  openPlatform,
  type Platform,
  type PlatformOptions,
  type Readiness,
} from './platform/platform.js';
import { createPrivacyModule, type PrivacyModule } from './privacy/index.js';
import { createSegmentsModule, type SegmentsModule } from './segments/index.js';
import { createSocialModule, NO_SOCIAL, type SocialModule } from './social/index.js';
import { createTrainingModule, NO_TRAINING, type TrainingModule } from './training/index.js';
import { createUploadsModule, type UploadsModule } from './uploads/index.js';

export interface StrideOptions extends PlatformOptions {
  /** The agent Web Push requests go through (tests: one trusting a local push service). */
  pushAgent?: Agent;
  /** Heart-beat period of notification and live streams, ms (tests shorten it). */
  streamHeartbeatMs?: number;
  /** Silence after which a live session ends, ms (tests shorten it; default 30 minutes). */
  liveTtlMs?: number;
}

/**
 * One Stride process: the platform and every feature module, wired once from config. Modules
 * get exactly the services of other modules they use; `app.ts` mounts their routes, the worker
 * runs their job handlers.
 */
export interface Stride {
  platform: Platform;
  /** The worker threads that run CPU-heavy work. */
  compute: ComputePool;
  athletes: AthletesModule;
  privacy: PrivacyModule;
  activities: ActivitiesModule;
  uploads: UploadsModule;
  leaderboards: LeaderboardsModule;
  segments: SegmentsModule;
  photos: PhotosModule;
  feed: FeedModule;
  social: SocialModule;
  training: TrainingModule;
  accounts: AccountsModule;
  notifications: NotificationsModule;
  live: LiveModule;
  /** In mounting order. */
  modules: FeatureModule[];
  /** The background worker; started by `startWorker()` in the worker and all-in-one roles. */
  worker: JobWorker<JobPayloads>;
  startWorker(): Promise<void>;
  /** Whether the database, Redis and the blob store are usable (see Platform.readiness). */
  readiness(): Promise<Readiness>;
  /**
   * Stops the worker (letting running jobs finish), then closes Redis, the database and the
   * compute threads.
   */
  close(): Promise<void>;
}

export async function createStride(
  config: Readonly<Config>,
  options: StrideOptions = {},
): Promise<Stride> {
  const platform = await openPlatform(config, options);
  const compute = new ComputePool(config.computeThreads);
  try {
    const loadTrack = trackLoader(platform.blobs);
    let segments: SegmentsModule | undefined;
    const athletes = createAthletesModule(platform, {
      segmentNeighbours: () => segments?.neighbours,
    });
    const people = { athletes: athletes.athletes, follows: athletes.follows };
    const privacy = createPrivacyModule(platform, {
      athletes: athletes.athletes,
      loadTrack,
      compute,
    });
    // Listeners of `activity.changed` run in the order they subscribe: boards, then segments.
    let activities: ActivitiesModule | undefined;
    const leaderboards = createLeaderboardsModule(platform, {
      ...people,
      renderMissingOthersViews: (athleteId, from, to) =>
        activities!.renderMissingOthersViews(athleteId, from, to),
    });
    let uploads: UploadsModule | undefined;
    let photos: PhotosModule | undefined;
    let feed: FeedModule | undefined;
    let social: SocialModule | undefined;
    let training: TrainingModule | undefined;
    activities = createActivitiesModule(platform, {
      ...people,
      compute,
      privacy: privacy.privacy,
      reimport: () => ({
        recompute: (row) => uploads!.imports.recompute(row),
        retryRefused: () => uploads!.uploads.retryRefused(),
      }),
      segmentEfforts: () => segments!.effortsOn,
      readTimeFields: () => async (viewerId, rows) => {
        const ids = rows.map((r) => r.id);
        const [pictures, talk, efforts] = await Promise.all([
          photos!.photos.summariesOf(ids),
          social!.social.summariesOf(viewerId, ids),
          training!.training.summariesOf(viewerId, rows),
        ]);
        return new Map(
          ids.map((id) => [
            id,
            {
              ...(pictures.get(id) ?? { photo_count: 0, first_photo: null }),
              ...(talk.get(id) ?? NO_SOCIAL),
              ...(efforts.get(id) ?? NO_TRAINING),
            },
          ]),
        );
      },
      feedPage: () => (viewerId, limit, after) => feed!.feed.page(viewerId, limit, after),
    });
    uploads = createUploadsModule(platform, {
      compute,
      athletes: athletes.athletes,
      activities: activities.activities,
    });
    segments = createSegmentsModule(platform, {
      ...people,
      activities: activities.activities,
      privacy: privacy.privacy,
      loadTrack,
      boards: leaderboards.segmentBoards,
      rebuild: leaderboards.rebuild,
    });
    photos = createPhotosModule(platform, { activities: activities.activities });
    feed = createFeedModule(platform);
    social = createSocialModule(platform, {
      activities: activities.activities,
      athletes: athletes.athletes,
    });
    training = createTrainingModule(platform, {
      ...people,
      renderMissingOthersViews: (athleteId, from, to) =>
        activities!.renderMissingOthersViews(athleteId, from, to),
    });
    const accounts = createAccountsModule(platform, {
      ...people,
      activities,
      privacy: privacy.privacy,
      uploads: uploads.uploads,
      photos: photos.photos,
      social: social.social,
      notificationsOf: () => (athleteId) => notifications.notifications.exportOf(athleteId),
    });
    const notifications = createNotificationsModule(platform, {
      ...people,
      activities: activities.activities,
      segments: segments.segments,
      auth: accounts.auth,
      vapid: await loadVapidKeys(platform.settings),
      pushAgent: options.pushAgent,
      heartbeatMs: options.streamHeartbeatMs,
    });
    const live = createLiveModule(platform, {
      ...people,
      activities: activities.activities,
      privacy: privacy.privacy,
      auth: accounts.auth,
      ttlMs: options.liveTtlMs,
      heartbeatMs: options.streamHeartbeatMs,
    });
    const modules: FeatureModule[] = [
      accounts,
      privacy,
      athletes,
      uploads,
      activities,
      photos,
      feed,
      social,
      training,
      leaderboards,
      segments,
      notifications,
      live,
    ];
    await accounts.auth.listenForRevocations(platform.pubsub);
    // Exactly one handler per job name: registering checks it, so start-up fails otherwise.
    platform.worker.register(Object.assign({}, ...modules.map((m) => m.jobs)) as JobHandlers);

    let workerStarted = false;
    return {
      platform,
      compute,
      athletes,
      privacy,
      activities,
      uploads,
      leaderboards,
      segments,
      photos,
      feed,
      social,
      training,
      accounts,
      notifications,
      live,
      modules,
      worker: platform.worker,
      async startWorker() {
        if (workerStarted) return;
        workerStarted = true;
        await platform.worker.start();
      },
      readiness: () => platform.readiness(),
      async close() {
        // The worker stops first, so no job still needs the threads.
        await platform.close();
        await live.store.close();
        await compute.close();
      },
    };
  } catch (error) {
    await platform.close();
    await compute.close();
    throw error;
  }
}
