import type { ActivityService } from '../services/activity.service.js';
import type { ActivityImportService } from '../services/activity-import.service.js';
import { checkRegistry, JOB_NAMES, type JobHandlers } from './registry.js';

/** One handler per job name; start-up fails if the registry and the handlers disagree. */
export function createJobHandlers(deps: {
  imports: ActivityImportService;
  activities: ActivityService;
}): JobHandlers {
  const handlers: JobHandlers = {
    'upload.process': (payload, ctx) => deps.imports.process(payload.uploadId, ctx.lastAttempt),
    'activity.finalize': (payload) => deps.activities.finalize(payload.activityId),
  };
  checkRegistry(JOB_NAMES, handlers);
  return handlers;
}
