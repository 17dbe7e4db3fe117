import type { ActivityService } from '../../activities/activity.service.js';
import type { ActivityImportService } from '../../uploads/activity-import.service.js';
import type { ActivityRecomputeService } from '../../activities/activity-recompute.service.js';
import type { ArchiveImportService } from '../../uploads/archive-import.service.js';
import type { LeaderboardService } from '../../leaderboards/leaderboard.service.js';
import type { LeaderboardRebuild } from '../../leaderboards/leaderboard-rebuild.js';
import type { SegmentMatchService } from '../../segments/segment-match.service.js';
import { checkRegistry, JOB_NAMES, type JobHandlers } from './registry.js';

/** One handler per job name; start-up fails if the registry and the handlers disagree. */
export function createJobHandlers(deps: {
  imports: ActivityImportService;
  archives: ArchiveImportService;
  activities: ActivityService;
  recompute: ActivityRecomputeService;
  leaderboards: LeaderboardService;
  rebuild: LeaderboardRebuild;
  segmentMatches: SegmentMatchService;
  dropSegmentBoards: (segmentId: string) => Promise<void>;
}): JobHandlers {
  const matches = deps.segmentMatches;
  const handlers: JobHandlers = {
    'upload.process': (payload, ctx) => deps.imports.process(payload.uploadId, ctx.lastAttempt),
    'upload.expand': (payload, ctx) => deps.archives.expand(payload.uploadId, ctx.lastAttempt),
    'activity.finalize': (payload) => deps.activities.finalize(payload.activityId),
    'activities.recompute': (payload) => deps.recompute.recompute(payload.activityId),
    'activities.recompute-athlete': (payload, ctx) =>
      deps.recompute.fanOut(payload.athleteId, ctx.signal),
    'activities.recompute-all': (_payload, ctx) => deps.recompute.fanOut(undefined, ctx.signal),
    'leaderboards.athlete-day': (payload) => deps.leaderboards.refreshDay(payload),
    'leaderboards.rebuild': (_payload, ctx) => deps.rebuild.run(ctx.signal),
    'segments.match-activity': (payload) => matches.matchActivity(payload.activityId),
    'segments.backfill': (payload, ctx) => matches.backfill(payload.segmentId, ctx.signal),
    'segments.refresh-boards': (payload) => matches.refreshBoards(payload),
    'segments.refresh-athlete': (payload, ctx) =>
      matches.refreshAthlete(payload.athleteId, ctx.signal),
    'segments.drop-boards': async (payload) => {
      await deps.dropSegmentBoards(payload.segmentId);
      return 'success';
    },
  };
  checkRegistry(JOB_NAMES, handlers);
  return handlers;
}
