import type { Kysely } from 'kysely';
import type { Database, TwoFactorRow } from '../platform/db/schema.js';

/** The outcome of asking to check a code: allowed, or locked until a time. */
export type AttemptReservation = { allowed: true } | { allowed: false; lockedUntil: Date };

/** TOTP secrets, accepted time steps, failed attempts and recovery codes. */
export class TwoFactorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  find(athleteId: string): Promise<TwoFactorRow | undefined> {
    return this.db
      .selectFrom('two_factor')
      .selectAll()
      .where('athlete_id', '=', athleteId)
      .executeTakeFirst();
  }

  /** Starts (or restarts) a set-up with a new secret, unless two-factor is already on. */
  async begin(athleteId: string, secret: string): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('two_factor')
        .select('enabled_at')
        .where('athlete_id', '=', athleteId)
        .forUpdate()
        .executeTakeFirst();
      if (row?.enabled_at) return false;
      await tx.deleteFrom('two_factor').where('athlete_id', '=', athleteId).execute();
      await tx.insertInto('two_factor').values({ athlete_id: athleteId, secret }).execute();
      return true;
    });
  }

  /** Turns a pending set-up on with its recovery codes; false if it is not pending any more. */
  async enable(athleteId: string, secret: string, codeHashes: string[]): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable('two_factor')
        .set({ enabled_at: new Date() })
        .where('athlete_id', '=', athleteId)
        .where('secret', '=', secret)
        .where('enabled_at', 'is', null)
        .executeTakeFirst();
      if (updated.numUpdatedRows !== 1n) return false;
      await tx
        .insertInto('two_factor_recovery_codes')
        .values(codeHashes.map((code_hash) => ({ athlete_id: athleteId, code_hash })))
        .execute();
      return true;
    });
  }

  async remove(athleteId: string): Promise<void> {
    await this.db.deleteFrom('two_factor').where('athlete_id', '=', athleteId).execute();
  }

  /**
   * Counts an attempt before the code is checked, so that attempts sent all at once are
   * counted too: the `max`-th consecutive one locks further attempts for `lockMs` (a success
   * clears the count). Once a lock has run out, counting starts again from zero.
   */
  async reserveAttempt(
    athleteId: string,
    now: Date,
    max: number,
    lockMs: number,
  ): Promise<AttemptReservation> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('two_factor')
        .select(['failures', 'locked_until'])
        .where('athlete_id', '=', athleteId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return { allowed: true };
      if (row.locked_until && row.locked_until > now)
        return { allowed: false, lockedUntil: row.locked_until };
      const failures = (row.locked_until ? 0 : row.failures) + 1;
      await tx
        .updateTable('two_factor')
        .set({
          failures,
          locked_until: failures >= max ? new Date(now.getTime() + lockMs) : null,
        })
        .where('athlete_id', '=', athleteId)
        .execute();
      return { allowed: true };
    });
  }

  /** A code was right: the count of failures starts again. */
  async clearFailures(athleteId: string): Promise<void> {
    await this.db
      .updateTable('two_factor')
      .set({ failures: 0, locked_until: null })
      .where('athlete_id', '=', athleteId)
      .execute();
  }

  /** Records the time step a code was accepted for; false if it (or a later one) already was. */
  async acceptStep(athleteId: string, step: number): Promise<boolean> {
    const updated = await this.db
      .updateTable('two_factor')
      .set({ last_step: step })
      .where('athlete_id', '=', athleteId)
      .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
      .executeTakeFirst();
    return updated.numUpdatedRows === 1n;
  }

  /** Uses up a recovery code; false if there is no such unused code. */
  async useRecoveryCode(athleteId: string, codeHash: string): Promise<boolean> {
    const updated = await this.db
      .updateTable('two_factor_recovery_codes')
      .set({ used_at: new Date() })
      .where('athlete_id', '=', athleteId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return updated.numUpdatedRows === 1n;
  }

  async recoveryCodesLeft(athleteId: string): Promise<number> {
    const row = await this.db
      .selectFrom('two_factor_recovery_codes')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('athlete_id', '=', athleteId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
