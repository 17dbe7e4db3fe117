import { defineJobs } from './definitions.js';
import type { HandlersOf } from './handler.js';

/**
 * Every job name, with its payload type. Payloads carry ids only: handlers reload what they
 * need, so a job is safe to run twice and queues never hold copies of user data.
 */
export interface JobPayloads {
  /** Parse an uploaded file and create its activity (or record why not). */
  'upload.process': { uploadId: string };
  /** Read again an uploaded file that ended in error (after an upgrade; see retryRefused). */
  'upload.reprocess': { uploadId: string };
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
  /**
   * Fan an activity that became visible out to its athlete's followers' feed inboxes: plans
   * batches of followers (`feed.fanout-batch`), or marks the athlete as read at feed time when
   * they have more followers than the fan-out threshold.
   */
  'feed.fanout': { activityId: string };
  /**
   * Write an activity into the inboxes of its athlete's followers whose ids fall in
   * (`after`, `through`] (null: unbounded), if it is still visible to followers.
   */
  'feed.fanout-batch': { activityId: string; after: string | null; through: string | null };
  /** Put a new followee's recent activities in a follower's inbox (if the follow still holds). */
  'feed.backfill': { followerId: string; followeeId: string };
  /**
   * Record the kudos an activity received that its owner's notifications do not name yet (after
   * the kudos' commits, off their hot rows; one job for a burst).
   */
  'notifications.kudos': { activityId: string; ownerId: string };
  /**
   * Tell the athlete's followers (those after `after`, by id, a page at a time) that an activity
   * of theirs is live.
   */
  'notifications.live-started': { activityId: string; athleteId: string; after?: string };
  /** Tell the athlete's open streams (every process) of a new or grown notification. */
  'notifications.deliver': { notificationId: string };
  /** Send a notification to the athlete's browsers by Web Push. */
  'notifications.push': { notificationId: string };
  /**
   * Compute an activity's training load, relative effort, personal records and achievements,
   * then roll its day up again (`training.athlete-day`).
   */
  'training.activity': { activityId: string };
  /** Roll one athlete's local day ('YYYY-MM-DD') up again, then check their goals. */
  'training.athlete-day': { athleteId: string; day: string };
  /** Compute every activity of an athlete again and roll all their days up (thresholds changed). */
  'training.athlete': { athleteId: string };
}

export type JobName = keyof JobPayloads;

/**
 * The registry, declared once: each name's dedup policy and key (computed from the payload, so
 * producers never spell keys), and its retry policy where it differs from the default (5 runs,
 * backoff from 5 s to 15 min).
 */
export const JOB_DEFINITIONS = defineJobs<JobPayloads>({
  'upload.process': { dedup: 'unique', key: (p) => p.uploadId },
  'upload.reprocess': { dedup: 'coalesce', key: (p) => p.uploadId },
  'upload.expand': { dedup: 'unique', key: (p) => p.uploadId },
  'activity.finalize': { dedup: 'unique', key: (p) => p.activityId },
  'activities.recompute': { dedup: 'coalesce', key: (p) => p.activityId },
  'activities.recompute-athlete': { dedup: 'coalesce', key: (p) => p.athleteId },
  // One key: at most one fan-out waits and one runs, so one worker slot is all it needs.
  'activities.recompute-all': { dedup: 'coalesce', key: () => 'all', concurrency: 1 },
  'activities.render-views': { dedup: 'coalesce', key: (p) => p.activityId },
  'leaderboards.athlete-day': {
    dedup: 'coalesce',
    key: (p) => `${p.athleteId}:${p.sport}:${p.day}`,
  },
  'leaderboards.rebuild': {
    dedup: 'coalesce',
    key: () => 'all',
    retry: { attempts: 3 },
    concurrency: 1,
  },
  'segments.match-activity': { dedup: 'coalesce', key: (p) => p.activityId },
  'segments.backfill': { dedup: 'unique', key: (p) => p.segmentId },
  'segments.refresh-boards': { dedup: 'none' },
  'segments.refresh-athlete': { dedup: 'coalesce', key: (p) => p.athleteId },
  'segments.drop-boards': { dedup: 'unique', key: (p) => p.segmentId },
  'feed.fanout': { dedup: 'coalesce', key: (p) => p.activityId },
  'feed.fanout-batch': { dedup: 'none' },
  'feed.backfill': { dedup: 'coalesce', key: (p) => `${p.followerId}:${p.followeeId}` },
  'notifications.kudos': { dedup: 'coalesce', key: (p) => p.activityId },
  'training.activity': { dedup: 'coalesce', key: (p) => p.activityId },
  'training.athlete-day': { dedup: 'coalesce', key: (p) => `${p.athleteId}:${p.day}` },
  'training.athlete': { dedup: 'coalesce', key: (p) => p.athleteId },
  'notifications.live-started': {
    dedup: 'coalesce',
    key: (p) => `${p.activityId}:${p.after ?? ''}`,
  },
  // News for open tabs, worth little once late: one retry soon, then the next load shows it.
  // Coalesced: several kudos joining one item while its delivery waits make one message.
  'notifications.deliver': {
    dedup: 'coalesce',
    key: (p) => p.notificationId,
    retry: { attempts: 2, backoff: { delayS: 1, maxS: 5 } },
  },
  'notifications.push': { dedup: 'coalesce', key: (p) => p.notificationId },
});

export const JOB_NAMES = Object.keys(JOB_DEFINITIONS) as readonly JobName[];

/** Exactly one handler per job name: the compiler checks the shape, `checkRegistry` the values. */
export type JobHandlers = HandlersOf<JobPayloads>;

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
