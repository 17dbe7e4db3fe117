import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { type EdgeCursor, edgePage } from './follow.repository.js';

const BLOCKED = { table: 'blocks', self: 'blocker_id', other: 'blocked_id' } as const;

/** Blocks between athletes (the only SQL over `blocks`). */
export class BlockRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Blocks `blockedId` (idempotent) and, in the caller's transaction, ends every follow and
   * pending request between the two athletes, both ways.
   */
  async block(tx: Transaction<Database>, blockerId: string, blockedId: string): Promise<void> {
    await tx
      .insertInto('blocks')
      .values({ blocker_id: blockerId, blocked_id: blockedId })
      .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
      .execute();
    for (const table of ['follows', 'follow_requests'] as const) {
      await tx
        .deleteFrom(table)
        .where((eb) =>
          eb.or([
            eb.and([eb('follower_id', '=', blockerId), eb('followee_id', '=', blockedId)]),
            eb.and([eb('follower_id', '=', blockedId), eb('followee_id', '=', blockerId)]),
          ]),
        )
        .execute();
    }
  }

  async unblock(blockerId: string, blockedId: string): Promise<void> {
    await this.db
      .deleteFrom('blocks')
      .where('blocker_id', '=', blockerId)
      .where('blocked_id', '=', blockedId)
      .execute();
  }

  /** Whether either athlete blocks the other (in the caller's transaction, when given). */
  async between(
    a: string,
    b: string,
    executor: Kysely<Database> | Transaction<Database> = this.db,
  ) {
    const row = await executor
      .selectFrom('blocks')
      .select('blocker_id')
      .where((eb) =>
        eb.or([
          eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]),
          eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)]),
        ]),
      )
      .executeTakeFirst();
    return !!row;
  }

  /** Whether `blockerId` blocks `blockedId`. */
  async isBlocked(blockerId: string, blockedId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('blocks')
      .select('blocker_id')
      .where('blocker_id', '=', blockerId)
      .where('blocked_id', '=', blockedId)
      .executeTakeFirst();
    return !!row;
  }

  /** Ids of every athlete who blocks `blockedId`. */
  async blockerIds(blockedId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('blocks')
      .select('blocker_id')
      .where('blocked_id', '=', blockedId)
      .execute();
    return rows.map((r) => r.blocker_id);
  }

  /** One newest-first page of the athletes `blockerId` blocks. */
  list(blockerId: string, limit: number, after?: EdgeCursor) {
    return edgePage(this.db, BLOCKED, blockerId, limit, after);
  }
}
