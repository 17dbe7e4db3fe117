import type { ConstructorOptions, Db } from 'pg-boss';
import type { DatabaseHandle } from '../db/dialect.js';
import type { PGlitePool } from '../db/pglite-pool.js';

/**
 * pg-boss over the embedded database. PGlite is one session: a statement pg-boss sent straight to
 * it would land inside whatever transaction the application has open there (and a failed one of
 * pg-boss's would roll the application's back). So every pg-boss statement, and its LISTEN, takes
 * the application's pool in turn, exactly like a query of the application's own.
 */
export function pgliteBossDatabase(pool: PGlitePool): Db {
  const pglite = pool.db;
  const exclusive = async <T>(run: () => Promise<T>): Promise<T> => {
    const session = await pool.acquire();
    try {
      return await run();
    } finally {
      session.release();
    }
  };
  return {
    executeSql: (text, values) =>
      exclusive(async () => {
        try {
          if (values?.length) return await pglite.query(text, values as unknown[]);
          // Without parameters pg-boss may send several statements (its locked BEGIN … COMMIT
          // blocks, its migrations): only the simple protocol runs those, one result each.
          const results = await pglite.exec(text);
          return { rows: results.flatMap((r) => r.rows) };
        } catch (error) {
          // A block that failed halfway leaves the one session inside an aborted transaction.
          if (pglite.isInTransaction()) await pglite.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }),
    // The same instance delivers its own NOTIFYs in-process, so there is no connection to lose
    // and nothing to reconnect; onReconnect runs once, as after a first connect.
    async listen(channel, onNotification, onReconnect) {
      const unlisten = await exclusive(() => pglite.listen(channel, onNotification));
      onReconnect();
      return { close: () => exclusive(() => unlisten()) };
    },
  };
}

/** How pg-boss reaches the database the application opened. */
export function bossConnection(
  database: DatabaseHandle,
  poolSize: number,
): Pick<ConstructorOptions, 'db' | 'backend' | 'connectionString' | 'max'> {
  if (database.pglite) return { db: pgliteBossDatabase(database.pglite), backend: 'pglite' };
  if (database.url) return { connectionString: database.url, max: poolSize, backend: 'postgres' };
  throw new Error('the job queue needs the database handle’s PGlite pool or PostgreSQL URL');
}
