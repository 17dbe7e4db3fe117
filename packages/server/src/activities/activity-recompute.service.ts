import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { JobQueue } from '../platform/jobs/index.js';
import type { ActivityRepository } from './activity.repository.js';
import type { ActivityService } from './activity.service.js';
import type { UploadReimport } from './index.js';

const PAGE = 200;

/**
 * Computes stored activities again, in the background: an athlete's, when their profile
 * changes what the statistics depend on (maximum heart rate and birth year for zones, weight
 * and sex for calories), or everyone's after an upgrade (`--recompute-activities`). Uploads
 * are computed from their original file, recordings from their points and state log, with the
 * same code as the first time; each activity is its own keyed job, so a change made while one
 * runs is computed again and a crash loses nothing.
 */
export class ActivityRecomputeService {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly lifecycle: ActivityService,
    private readonly imports: UploadReimport,
    private readonly jobs: JobQueue,
    private readonly wakeWorker: () => void,
  ) {}

  /** Queues the recompute of every activity of the athlete. */
  async requestForAthlete(athleteId: string, tx?: Transaction<Database>): Promise<void> {
    await this.jobs.enqueue('activities.recompute-athlete', { athleteId }, tx);
    this.wakeWorker();
  }

  /** Queues the recompute of every activity on the server. */
  async requestAll(): Promise<void> {
    await this.jobs.enqueue('activities.recompute-all', {});
    this.wakeWorker();
  }

  /** Queues one job per activity of the athlete (or of everyone), a page at a time. */
  async fanOut(athleteId: string | undefined, signal?: AbortSignal): Promise<'success'> {
    // After an upgrade, files the earlier code refused are read again too.
    if (athleteId === undefined) await this.imports.retryRefused();
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      signal?.throwIfAborted();
      const page = athleteId
        ? await this.activities.pageOwnedBy(athleteId, PAGE, after)
        : await this.activities.pageAll(PAGE, after);
      for (const row of page) {
        if (row.state !== 'complete') continue;
        await this.jobs.enqueue('activities.recompute', { activityId: row.id });
      }
      this.wakeWorker();
      if (page.length < PAGE) return 'success';
      const last = page[page.length - 1]!;
      after = { createdAt: last.created_at, id: last.id };
    }
  }

  /** Computes one complete activity again and stores the result (listeners hear of it). */
  async recompute(activityId: string): Promise<'success' | 'skipped'> {
    const row = await this.activities.findById(activityId);
    if (row?.state !== 'complete') return 'skipped';
    if (row.source === 'upload') return this.imports.recompute(row);
    await this.lifecycle.storeComputed(row, await this.lifecycle.computeRecorded(row));
    return 'success';
  }
}
