import type { Kysely, Transaction } from 'kysely';
import type { CommentRow, Database } from '../platform/db/schema.js';
import type { CursorKey } from '../platform/http/pagination.js';

/** The only SQL over `comments` (their count is KudosRepository.bump's). */
export class CommentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  insert(
    tx: Transaction<Database>,
    comment: Pick<CommentRow, 'id' | 'activity_id' | 'athlete_id' | 'text'>,
  ): Promise<CommentRow> {
    return tx.insertInto('comments').values(comment).returningAll().executeTakeFirstOrThrow();
  }

  find(activityId: string, id: string): Promise<CommentRow | undefined> {
    return this.db
      .selectFrom('comments')
      .selectAll()
      .where('id', '=', id)
      .where('activity_id', '=', activityId)
      .executeTakeFirst();
  }

  /** Deletes the comment; whether it was there (a second delete at once finds none). */
  async delete(tx: Transaction<Database>, activityId: string, id: string): Promise<boolean> {
    const row = await tx
      .deleteFrom('comments')
      .where('id', '=', id)
      .where('activity_id', '=', activityId)
      .returning('id')
      .executeTakeFirst();
    return !!row;
  }

  /** The activity's comments, oldest first, after the cursor's position. */
  list(activityId: string, limit: number, after?: CursorKey): Promise<CommentRow[]> {
    let q = this.db.selectFrom('comments').selectAll().where('activity_id', '=', activityId);
    if (after)
      q = q.where((eb) =>
        eb.or([
          eb('created_at', '>', after.at),
          eb.and([eb('created_at', '=', after.at), eb('id', '>', after.id)]),
        ]),
      );
    return q.orderBy('created_at').orderBy('id').limit(limit).execute();
  }

  /** Every comment the athlete wrote, oldest first (their data export). */
  allBy(athleteId: string): Promise<CommentRow[]> {
    return this.db
      .selectFrom('comments')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .orderBy('created_at')
      .execute();
  }
}
