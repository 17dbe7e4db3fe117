import type { Track } from '@stride/core';
import type { ActivityService } from '../activities/activity.service.js';
import type { ServedView } from '../activities/index.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { FindSegmentNeighbours } from '../athletes/athlete-search.js';
import type { FollowService } from '../athletes/follow.service.js';
import type { LeaderboardRebuild, SegmentLeaderboardStore } from '../leaderboards/index.js';
import type { ActivityRow } from '../platform/db/schema.js';
import { type FeatureModule, routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import type { PrivacyService } from '../privacy/privacy.service.js';
import { presentActivityEffort } from './segment.presenter.js';
import { SegmentRepository } from './segment.repository.js';
import { SegmentService } from './segment.service.js';
import { SegmentCatalog } from './segment-catalog.js';
import { SegmentEffortRepository } from './segment-effort.repository.js';
import { SegmentMatchService } from './segment-match.service.js';
import { SegmentNeighbourRepository } from './segment-neighbour.repository.js';
import { SegmentOutbox } from './segment-outbox.js';
import { SegmentRankingService } from './segment-ranking.service.js';
import { SegmentReadService } from './segment-read.service.js';
import { mySegmentRoutes, segmentRoutes } from './segments.routes.js';

/** Profile fields that decide on which boards (by sex and age) efforts count. */
const BOARD_INPUTS = new Set(['sex', 'birth_year']);

/**
 * Segments: create, explore, star; every activity matched in the background (and every new
 * segment over past activities); efforts, PR/KOM ranks and the segment leaderboards.
 */
export function createSegmentsModule(
  platform: Platform,
  deps: {
    athletes: AthleteService;
    follows: FollowService;
    activities: ActivityService;
    privacy: PrivacyService;
    loadTrack: (row: ActivityRow) => Promise<Track | null>;
    boards: SegmentLeaderboardStore;
    rebuild: LeaderboardRebuild;
  },
) {
  const { db, jobs, events, wakeWorker } = platform;
  const repository = new SegmentRepository(db);
  const efforts = new SegmentEffortRepository(db);
  const outbox = new SegmentOutbox(jobs, efforts, wakeWorker);
  const catalog = new SegmentCatalog(repository);
  const ranking = new SegmentRankingService(
    efforts,
    repository,
    deps.athletes,
    deps.boards,
    events,
  );
  const matches = new SegmentMatchService(
    deps.activities,
    efforts,
    repository,
    catalog,
    ranking,
    deps.privacy,
    deps.loadTrack,
  );
  const segments = new SegmentService(
    repository,
    efforts,
    deps.activities,
    jobs,
    deps.loadTrack,
    wakeWorker,
  );
  const reads = new SegmentReadService(segments, efforts, deps.athletes, deps.follows, deps.boards);
  deps.rebuild.add(ranking.rebuildStep());

  events.on('activity.changed', outbox.onActivityChange);
  events.on('athlete.changed', async (tx, athleteId, fields) => {
    if (fields.some((f) => BOARD_INPUTS.has(f))) await outbox.athleteChanged(athleteId, tx);
  });
  // Which efforts others may see follows the privacy rules.
  events.on('privacy.changed', (tx, athleteId) => outbox.athleteChanged(athleteId, tx));

  const neighbourRows = new SegmentNeighbourRepository(db);
  /** Who else goes over an athlete's segments, for "who to follow" (athletes). */
  const neighbours: FindSegmentNeighbours = async (athleteId, exclude, limit) =>
    (await neighbourRows.neighbours(athleteId, exclude, limit)).map((r) => ({
      athleteId: r.athlete_id,
      shared: r.shared,
      segment: { id: r.segment_id, name: r.segment_name, sport_type: r.sport_type },
    }));

  /** The efforts on one activity as its viewer may see them, in the API's shape. */
  const effortsOn = async (view: ServedView) =>
    (await reads.forActivity(view)).map(presentActivityEffort);

  return {
    segments,
    reads,
    matches,
    ranking,
    catalog,
    outbox,
    effortsOn,
    neighbours,
    routes: [
      routes('/api/v1/segments', segmentRoutes, { segments, segmentReads: reads }),
      routes('/api/v1/me/segments', mySegmentRoutes, { segments }),
    ],
    jobs: {
      'segments.match-activity': (payload) => matches.matchActivity(payload.activityId),
      'segments.backfill': (payload, ctx) => matches.backfill(payload.segmentId, ctx.signal),
      'segments.refresh-boards': (payload) => matches.refreshBoards(payload),
      'segments.refresh-athlete': (payload, ctx) =>
        matches.refreshAthlete(payload.athleteId, ctx.signal),
      'segments.drop-boards': async (payload) => {
        await deps.boards.deleteSegment(payload.segmentId);
        return 'success' as const;
      },
    },
  } satisfies FeatureModule & Record<string, unknown>;
}

export type SegmentsModule = ReturnType<typeof createSegmentsModule>;
