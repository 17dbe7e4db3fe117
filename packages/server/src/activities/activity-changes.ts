import type { Transaction } from 'kysely';
import type { ActivityRow, Database } from '../platform/db/schema.js';

/**
 * Told about every change to an activity's summary (computed, edited, deleted) inside the
 * transaction that makes it, so the jobs a listener enqueues commit with the change or not at
 * all (the outbox). `before` is undefined for a new summary, `after` for a deletion.
 */
export type ActivityChangeListener = (
  tx: Transaction<Database>,
  before: ActivityRow | undefined,
  after: ActivityRow | undefined,
) => Promise<void>;

/** Where derived data (leaderboards, segment efforts…) subscribes to activity changes. */
export class ActivityChanges {
  private readonly listeners: ActivityChangeListener[] = [];

  on(listener: ActivityChangeListener): void {
    this.listeners.push(listener);
  }

  async emit(
    tx: Transaction<Database>,
    before: ActivityRow | undefined,
    after: ActivityRow | undefined,
  ): Promise<void> {
    for (const listener of this.listeners) await listener(tx, before, after);
  }
}
