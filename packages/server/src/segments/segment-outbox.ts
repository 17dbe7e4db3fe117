import type { Transaction } from 'kysely';
import type { ActivityRow, Database } from '../platform/db/schema.js';
import type { EventListener } from '../platform/events/event-hub.js';
import type { JobQueue } from '../platform/jobs/index.js';
import type { SegmentEffortRepository } from './segment-effort.repository.js';
import { segmentSportOf } from './segment-sport.js';

/** The track or what it is matched against may differ: its efforts must be matched again. */
function needsMatch(before: ActivityRow | undefined, after: ActivityRow): boolean {
  if (after.state !== 'complete' || !after.streams_key) return false;
  return (
    before?.state !== 'complete' ||
    before.streams_key !== after.streams_key ||
    before.algorithm_version !== after.algorithm_version ||
    before.point_count !== after.point_count ||
    before.started_at?.getTime() !== after.started_at?.getTime() ||
    segmentSportOf(before.sport_type) !== segmentSportOf(after.sport_type)
  );
}

/**
 * Where segments hear that an activity or an athlete changed. Activity changes arrive inside
 * the transaction that makes them (an `activity.changed` listener), and the segment job is
 * written in it (the outbox), so the change and its work commit together: computed or sport
 * changed → match it; visibility changed → refresh the boards its efforts are on; deleted
 * (the athlete's account too: each of their activities) → take it off those boards before its
 * efforts cascade away.
 */
export class SegmentOutbox {
  constructor(
    private readonly jobs: JobQueue,
    private readonly efforts: SegmentEffortRepository,
    private readonly wakeWorker: () => void,
  ) {}

  readonly onActivityChange: EventListener<'activity.changed'> = async (tx, before, after) => {
    if (after && needsMatch(before, after)) {
      // A match still queued absorbs this one; one already running is queued again.
      await this.jobs.enqueue('segments.match-activity', { activityId: after.id }, tx);
    } else if (!after || (before && before.visibility !== after.visibility)) {
      const row = (after ?? before)!;
      const segmentIds = await this.efforts.segmentIdsOfActivity(row.id, tx);
      if (!segmentIds.length) return;
      await this.jobs.enqueue(
        'segments.refresh-boards',
        { athleteId: row.athlete_id, segmentIds, ...(after ? { activityId: after.id } : {}) },
        tx,
      );
    } else return;
    this.wakeWorker(); // a hint: the worker polls again shortly if this ran before the commit
  };

  /**
   * The athlete's privacy zones, hidden start/end, sex or birth year changed: which efforts
   * others may see and which boards count them follow.
   */
  async athleteChanged(athleteId: string, tx?: Transaction<Database>): Promise<void> {
    await this.jobs.enqueue('segments.refresh-athlete', { athleteId }, tx);
    this.wakeWorker();
  }
}
