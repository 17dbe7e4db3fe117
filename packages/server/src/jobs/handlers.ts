import type { ActivityService } from '../services/activity.service.js';
import type { ActivityImportService } from '../services/activity-import.service.js';
import type { LeaderboardService } from '../services/leaderboard.service.js';
import type { LeaderboardRebuild } from '../services/leaderboard-rebuild.js';
import { checkRegistry, JOB_NAMES, type JobHandlers } from './registry.js';

/** One handler per job name; start-up fails if the registry and the handlers disagree. */
export function createJobHandlers(deps: {
  imports: ActivityImportService;
  activities: ActivityService;
  leaderboards: LeaderboardService;
  rebuild: LeaderboardRebuild;
}): JobHandlers {
  const handlers: JobHandlers = {
    'upload.process': (payload, ctx) => deps.imports.process(payload.uploadId, ctx.lastAttempt),
    'activity.finalize': (payload) => deps.activities.finalize(payload.activityId),
    'leaderboards.athlete-day': (payload) => deps.leaderboards.refreshDay(payload),
    'leaderboards.rebuild': (_payload, ctx) => deps.rebuild.run(ctx.signal),
  };
  checkRegistry(JOB_NAMES, handlers);
  return handlers;
}
