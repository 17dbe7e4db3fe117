import type { ActivityService } from '../services/activity.service.js';
import type { ActivityImportService } from '../services/activity-import.service.js';
import type { LeaderboardService } from '../services/leaderboard.service.js';
import type { LeaderboardRebuild } from '../services/leaderboard-rebuild.js';
import type { SegmentMatchService } from '../services/segment-match.service.js';
import { checkRegistry, JOB_NAMES, type JobHandlers } from './registry.js';

/** One handler per job name; start-up fails if the registry and the handlers disagree. */
export function createJobHandlers(deps: {
  imports: ActivityImportService;
  activities: ActivityService;
  leaderboards: LeaderboardService;
  rebuild: LeaderboardRebuild;
  segmentMatches: SegmentMatchService;
  dropSegmentBoards: (segmentId: string) => Promise<void>;
}): JobHandlers {
  const matches = deps.segmentMatches;
  const handlers: JobHandlers = {
    'upload.process': (payload, ctx) => deps.imports.process(payload.uploadId, ctx.lastAttempt),
    'activity.finalize': (payload) => deps.activities.finalize(payload.activityId),
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
