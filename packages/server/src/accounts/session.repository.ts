import type { Kysely } from 'kysely';
import type { Database, RefreshTokenRow } from '../platform/db/schema.js';

export interface NewRefreshToken {
  id: string;
  family_id: string;
  athlete_id: string;
  token_hash: string;
  expires_at: Date;
}

/** Sessions and their rotating refresh tokens (a session is one refresh-token family). */
export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Opens a session with its first refresh token. */
  async open(token: NewRefreshToken): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('sessions')
        .values({ id: token.family_id, athlete_id: token.athlete_id })
        .execute();
      await tx.insertInto('refresh_tokens').values(token).execute();
    });
  }

  /** The session's athlete and whether it was revoked; undefined once deleted (or never made). */
  async findSession(
    id: string,
  ): Promise<{ athlete_id: string; revoked_at: Date | null } | undefined> {
    return this.db
      .selectFrom('sessions')
      .select(['athlete_id', 'revoked_at'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async findToken(id: string): Promise<RefreshTokenRow | undefined> {
    return this.db.selectFrom('refresh_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Marks `id` as replaced by `next` and stores `next`, atomically, only if `id` is still
   * current. Returns false when another request rotated it first (a replay).
   */
  async rotate(id: string, next: NewRefreshToken): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable('refresh_tokens')
        .set({ replaced_by: next.id })
        .where('id', '=', id)
        .where('replaced_by', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (updated.numUpdatedRows !== 1n) return false;
      await tx.insertInto('refresh_tokens').values(next).execute();
      return true;
    });
  }

  /** Revokes the session and every refresh token of it. */
  async revoke(sessionId: string): Promise<void> {
    const now = new Date();
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('id', '=', sessionId)
        .where('revoked_at', 'is', null)
        .execute();
      await tx
        .updateTable('refresh_tokens')
        .set({ revoked_at: now })
        .where('family_id', '=', sessionId)
        .where('revoked_at', 'is', null)
        .execute();
    });
  }

  async deleteExpired(before: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('refresh_tokens')
      .where('expires_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
