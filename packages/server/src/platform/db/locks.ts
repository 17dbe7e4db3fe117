import { sql } from 'kysely';

/**
 * A transaction-scoped advisory lock on a text key: held until the transaction ends, so writers
 * of the same thing (one athlete's roll-ups, one segment's efforts) take turns.
 */
export const lockOn = (key: string) =>
  sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
