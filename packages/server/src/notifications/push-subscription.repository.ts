import type { Kysely, Transaction } from 'kysely';
import type { Database, PushSubscriptionRow } from '../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A browser's PushSubscription, as the Push API gives it. */
export interface BrowserSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
  expiresAt: Date | null;
}

/** Browsers that receive an athlete's notifications by Web Push (the only SQL over them). */
export class PushSubscriptionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores the browser's subscription for this athlete. An endpoint is one browser: when it
   * was another account's, it moves to this one (the browser now signs in as this athlete).
   */
  async save(athleteId: string, s: BrowserSubscription): Promise<void> {
    await this.db
      .insertInto('push_subscriptions')
      .values({
        athlete_id: athleteId,
        endpoint: s.endpoint,
        p256dh: s.p256dh,
        auth: s.auth,
        expires_at: s.expiresAt,
      })
      .onConflict((oc) =>
        oc.column('endpoint').doUpdateSet({
          athlete_id: athleteId,
          p256dh: s.p256dh,
          auth: s.auth,
          expires_at: s.expiresAt,
        }),
      )
      .execute();
  }

  /** Removes the athlete's subscription at this endpoint (another athlete's stays). */
  async remove(athleteId: string, endpoint: string): Promise<void> {
    await this.db
      .deleteFrom('push_subscriptions')
      .where('athlete_id', '=', athleteId)
      .where('endpoint', '=', endpoint)
      .execute();
  }

  /** Removes one subscription the push service no longer knows. */
  async drop(id: string): Promise<void> {
    await this.db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
  }

  async forAthlete(athleteId: string): Promise<PushSubscriptionRow[]> {
    return this.db
      .selectFrom('push_subscriptions')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .execute();
  }

  /** Whether the athlete has any browser to push to. */
  async any(athleteId: string, executor: Executor = this.db): Promise<boolean> {
    const row = await executor
      .selectFrom('push_subscriptions')
      .select('id')
      .where('athlete_id', '=', athleteId)
      .limit(1)
      .executeTakeFirst();
    return !!row;
  }
}
