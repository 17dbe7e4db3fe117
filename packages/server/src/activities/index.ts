import type { Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import type { ComputePool } from '../compute/compute-pool.js';
import type { ActivityRow, Database } from '../platform/db/schema.js';
import { type FeatureModule, routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import type { PrivacyService } from '../privacy/privacy.service.js';
import { activityRoutes } from './activities.routes.js';
import { ActivityRepository } from './activity.repository.js';
import type { ActivityDetail } from './activity.schemas.js';
import { ActivityService } from './activity.service.js';
import {
  ActivityReadService,
  type FeedPageOf,
  type ReadTimeFieldsOf,
} from './activity-read.service.js';
import { ActivityRecomputeService } from './activity-recompute.service.js';
import { ActivityViewRepository } from './activity-view.repository.js';
import { ActivityViews, type ServedView } from './activity-views.js';
import { athleteStatsRoutes } from './athlete-stats.routes.js';
import { AthleteStatsService } from './athlete-stats.service.js';

export type { ActivityService } from './activity.service.js';
export type { ActivityReadService, ReadTimeFieldsOf } from './activity-read.service.js';
export type { ServedView } from './activity-views.js';
export { trackLoader } from './tracks.js';

/** The segment efforts shown on an activity's page, as this viewer may see them. */
export type SegmentEffortsOf = (
  view: ServedView,
) => Promise<Static<typeof ActivityDetail>['segment_efforts']>;

/** Computes uploaded activities again from their original files (the uploads feature does). */
export interface UploadReimport {
  recompute(row: ActivityRow): Promise<'success' | 'skipped'>;
  /** Queues every file upload that ended in error to be read again (after an upgrade). */
  retryRefused(): Promise<number>;
}

/** Profile fields the computed statistics depend on (zones, calories). */
const STATS_INPUTS = new Set(['max_hr', 'birth_year', 'weight_kg', 'sex']);

/**
 * Activities: recording (create, state log, points, whole recordings), reading through the
 * privacy filter, editing, deleting, exports, recomputing, and athletes' totals.
 */
export function createActivitiesModule(
  platform: Platform,
  deps: {
    compute: ComputePool;
    athletes: AthleteService;
    follows: FollowService;
    privacy: PrivacyService;
    /** Late-bound: the uploads feature is built after this one. */
    reimport: () => UploadReimport;
    /** Late-bound: the segments feature is built after this one. */
    segmentEfforts: () => SegmentEffortsOf;
    /** Late-bound: the photos and social features are built after this one. */
    readTimeFields: () => ReadTimeFieldsOf;
    /** Late-bound: the feed feature is built after this one. */
    feedPage: () => FeedPageOf;
  },
) {
  const { db, blobs, events, jobs, wakeWorker } = platform;
  const repository = new ActivityRepository(db);
  const activities = new ActivityService(
    repository,
    deps.athletes,
    deps.follows,
    jobs,
    blobs,
    wakeWorker,
    events,
    deps.compute,
  );
  const views = new ActivityViews(
    new ActivityViewRepository(db),
    deps.privacy,
    (id) => repository.findById(id),
    (id) => repository.events(id),
    blobs,
  );
  const reads = new ActivityReadService(
    repository,
    deps.athletes,
    deps.follows,
    activities,
    deps.privacy,
    blobs,
    events,
    views,
    (viewerId, ids) => deps.readTimeFields()(viewerId, ids),
    (viewerId, limit, after) => deps.feedPage()(viewerId, limit, after),
  );
  const recompute = new ActivityRecomputeService(
    repository,
    activities,
    {
      recompute: (row) => deps.reimport().recompute(row),
      retryRefused: () => deps.reimport().retryRefused(),
    },
    jobs,
    wakeWorker,
  );
  const stats = new AthleteStatsService(repository, deps.follows, (meta) =>
    views.current(meta, 'others'),
  );

  const renderViews = (activityId: string, tx: Transaction<Database>) =>
    jobs.enqueue('activities.render-views', { activityId }, tx);
  // The read model follows every change: the new revision's views are rendered by a job.
  events.on('activity.changed', async (tx, _before, after) => {
    if (after?.state === 'complete') await renderViews(after.id, tx);
  });
  events.on('privacy.changed', async (tx, athleteId) => {
    for (const id of await repository.bumpRevisionsOf(athleteId, tx)) await renderViews(id, tx);
  });
  events.on('athlete.changed', async (tx, athleteId, fields) => {
    if (fields.some((f) => STATS_INPUTS.has(f))) await recompute.requestForAthlete(athleteId, tx);
  });

  return {
    activities,
    reads,
    recompute,
    stats,
    /** Others' views the athlete's shared activities lack, rendered (the boards sum them). */
    renderMissingOthersViews: (athleteId: string, from?: Date, to?: Date) =>
      views.renderMissingOthers(athleteId, from, to),
    routes: [
      routes('/api/v1/activities', activityRoutes, {
        activities,
        activityReads: reads,
        athletes: deps.athletes,
        segmentEfforts: (view) => deps.segmentEfforts()(view),
      }),
      routes('/api/v1/athletes', athleteStatsRoutes, { athletes: deps.athletes, stats }),
    ],
    jobs: {
      'activity.finalize': (payload) => activities.finalize(payload.activityId),
      'activities.recompute': (payload) => recompute.recompute(payload.activityId),
      'activities.recompute-athlete': (payload, ctx) =>
        recompute.fanOut(payload.athleteId, ctx.signal),
      'activities.recompute-all': (_payload, ctx) => recompute.fanOut(undefined, ctx.signal),
      'activities.render-views': (payload) => reads.renderViews(payload.activityId),
    },
  } satisfies FeatureModule & Record<string, unknown>;
}

export type ActivitiesModule = ReturnType<typeof createActivitiesModule>;
