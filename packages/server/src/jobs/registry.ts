import type { JobHandler } from './runner.js';

/**
 * Every job name, with its payload type. Payloads carry ids only: handlers reload what they
 * need, so a job is safe to run twice and queues never hold copies of user data.
 */
export interface JobPayloads {
  /** Parse an uploaded file and create its activity (or record why not). */
  'upload.process': { uploadId: string };
  /** Compute a recorded activity's statistics and streams once it is complete. */
  'activity.finalize': { activityId: string };
  /** Recount one athlete's totals of one sport on one local day ('YYYY-MM-DD') into the boards. */
  'leaderboards.athlete-day': { athleteId: string; sport: string; day: string };
  /** Clear every leaderboard and refill it from the database. */
  'leaderboards.rebuild': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const JOB_NAMES: readonly JobName[] = [
  'upload.process',
  'activity.finalize',
  'leaderboards.athlete-day',
  'leaderboards.rebuild',
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
