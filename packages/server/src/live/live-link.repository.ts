import type { Kysely } from 'kysely';
import type { Database, LiveLinkRow } from '../platform/db/schema.js';

/** The only SQL over `live_links`. */
export class LiveLinkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  create(link: {
    id: string;
    activity_id: string;
    athlete_id: string;
    token_hash: string;
    expires_at: Date;
  }): Promise<LiveLinkRow> {
    return this.db.insertInto('live_links').values(link).returningAll().executeTakeFirstOrThrow();
  }

  /** An activity's links, newest first. */
  ofActivity(activityId: string): Promise<LiveLinkRow[]> {
    return this.db
      .selectFrom('live_links')
      .selectAll()
      .where('activity_id', '=', activityId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** The link with this token hash while it is neither revoked nor expired. */
  findOpen(tokenHash: string, now: Date): Promise<LiveLinkRow | undefined> {
    return this.db
      .selectFrom('live_links')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }

  /** Revokes one of the activity's links; false when it has no such link. */
  async revoke(activityId: string, id: string, now: Date): Promise<boolean> {
    const r = await this.db
      .updateTable('live_links')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('activity_id', '=', activityId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (r.numUpdatedRows > 0n) return true;
    // Revoking twice is harmless; an unknown id is not.
    const row = await this.db
      .selectFrom('live_links')
      .select('id')
      .where('id', '=', id)
      .where('activity_id', '=', activityId)
      .executeTakeFirst();
    return !!row;
  }
}
