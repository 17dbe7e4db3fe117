import type { JobHandler } from './runner.js';

/**
 * Every job name, with its payload type. Payloads carry ids only: handlers reload what they
 * need, so a job is safe to run twice and queues never hold copies of user data.
 */
export interface JobPayloads {
  /** Parse an uploaded file and create its activity (or record why not). */
  'upload.process': { uploadId: string };
  /** Read an uploaded ZIP archive and make an upload (with its own job) of each activity file. */
  'upload.expand': { uploadId: string };
  /** Compute a recorded activity's statistics and streams once it is complete. */
  'activity.finalize': { activityId: string };
  /** Compute a complete activity again (from its original file or its recorded points). */
  'activities.recompute': { activityId: string };
  /** Queue `activities.recompute` for every activity of an athlete (their profile changed). */
  'activities.recompute-athlete': { athleteId: string };
  /** Queue `activities.recompute` for every activity on the server (after an upgrade). */
  'activities.recompute-all': Record<string, never>;
  /** Render an activity's views (owner's and others') for the read model. */
  'activities.render-views': { activityId: string };
  /** Recount one athlete's totals of one sport on one local day ('YYYY-MM-DD') into the boards. */
  'leaderboards.athlete-day': { athleteId: string; sport: string; day: string };
  /** Clear every leaderboard and refill it from the database. */
  'leaderboards.rebuild': Record<string, never>;
  /** Match a computed activity against every segment of its sport; replace its efforts. */
  'segments.match-activity': { activityId: string };
  /** Match a new segment over the existing activities that could cover it. */
  'segments.backfill': { segmentId: string };
  /**
   * Recompute an athlete's ranks, counters and boards on these segments (an activity's
   * visibility changed, or it or the athlete was deleted; `activityId` names the changed one).
   */
  'segments.refresh-boards': { athleteId: string; segmentIds: string[]; activityId?: string };
  /** Re-match an athlete's activities with efforts (privacy zones, sex or birth year changed). */
  'segments.refresh-athlete': { athleteId: string };
  /** Remove a deleted segment's leaderboards. */
  'segments.drop-boards': { segmentId: string };
}

export type JobName = keyof JobPayloads;

export const JOB_NAMES: readonly JobName[] = [
  'upload.process',
  'upload.expand',
  'activity.finalize',
  'activities.recompute',
  'activities.recompute-athlete',
  'activities.recompute-all',
  'activities.render-views',
  'leaderboards.athlete-day',
  'leaderboards.rebuild',
  'segments.match-activity',
  'segments.backfill',
  'segments.refresh-boards',
  'segments.refresh-athlete',
  'segments.drop-boards',
];

/** Exactly one handler per job name: the compiler checks the shape, `checkRegistry` the values. */
export type JobHandlers = { [N in JobName]: JobHandler<JobPayloads[N]> };

/** Fails start-up when a known job has no handler or a handler has no known job. */
export function checkRegistry(names: readonly string[], handlers: Record<string, unknown>): void {
  const missing = names.filter((n) => typeof handlers[n] !== 'function');
  const unknown = Object.keys(handlers).filter((n) => !names.includes(n));
  if (missing.length || unknown.length) {
    throw new Error(
      `job registry mismatch: ${missing.length ? `no handler for ${missing.join(', ')}` : ''}` +
        `${missing.length && unknown.length ? '; ' : ''}` +
        `${unknown.length ? `handlers for unknown jobs ${unknown.join(', ')}` : ''}`,
    );
  }
}
