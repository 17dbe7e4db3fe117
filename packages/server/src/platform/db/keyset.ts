import { type RawBuilder, sql } from 'kysely';

/**
 * A timestamp column truncated to milliseconds, for keyset pages. PostgreSQL keeps
 * microseconds but a JavaScript Date only milliseconds, so a cursor read back from a row is
 * earlier than the row itself: comparing the raw column would return that row again (or skip
 * its neighbours in the same millisecond). Order and compare on this instead.
 */
export function msPrecision(column: string): RawBuilder<Date> {
  return sql<Date>`date_trunc('milliseconds', ${sql.ref(column)})`;
}
