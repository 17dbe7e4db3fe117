import type { Kysely } from 'kysely';
import type { Database, RefreshTokenRow } from '../platform/db/schema.js';

export class RefreshTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(token: {
    id: string;
    family_id: string;
    athlete_id: string;
    token_hash: string;
    expires_at: Date;
  }): Promise<void> {
    await this.db.insertInto('refresh_tokens').values(token).execute();
  }

  async findById(id: string): Promise<RefreshTokenRow | undefined> {
    return this.db.selectFrom('refresh_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Marks `id` as replaced by `next` and stores `next`, atomically, only if `id` is still
   * current. Returns false when another request rotated it first (a replay).
   */
  async rotate(
    id: string,
    next: {
      id: string;
      family_id: string;
      athlete_id: string;
      token_hash: string;
      expires_at: Date;
    },
  ): Promise<boolean> {
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

  async revokeFamily(familyId: string): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: new Date() })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async deleteExpired(before: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('refresh_tokens')
      .where('expires_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
