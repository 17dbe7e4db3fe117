import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * A pg-compatible pool over one embedded PGlite instance, so Kysely's PostgreSQL dialect (and
 * any code written for `pg`) runs unchanged on the embedded database.
 *
 * PGlite is a single session: a transaction begun by one caller would otherwise see statements
 * from another interleave. The pool therefore hands out its one connection exclusively; callers
 * queue in FIFO order until the holder releases it.
 */
export class PGlitePool implements PostgresPool {
  private held = false;
  private readonly waiters: Array<() => void> = [];
  private ended = false;

  constructor(readonly db: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    if (this.ended) throw new Error('the embedded database pool has been closed');
    if (this.held) await new Promise<void>((resolve) => this.waiters.push(resolve));
    else this.held = true;
    let released = false;
    const client = {
      query: async <R>(sql: string, parameters: ReadonlyArray<unknown>) => {
        const result = await this.db.query<R>(sql, parameters as unknown[]);
        return {
          command: (result.command ?? 'SELECT') as PostgresQueryResult<R>['command'],
          rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      },
      release: () => {
        if (released) return;
        released = true;
        const next = this.waiters.shift();
        if (next) next();
        else this.held = false;
      },
    };
    return client as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.db.close();
  }
}
