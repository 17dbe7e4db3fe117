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
  /** Where the connection was taken, to name the culprit when others wait too long. */
  /** (An Error, not its text: V8 formats a stack only when read, which is rare here.) */
  private holder: { since: number; at: Error } | undefined;

  /**
   * `stallMs`: a caller that waits this long for the connection gets a process warning naming
   * where the holder took it. On one session, code that awaits the pool while its own
   * transaction holds the connection waits forever; the warning makes that visible.
   */
  constructor(
    readonly db: PGlite,
    private readonly stallMs = 15_000,
  ) {}

  async connect(): Promise<PostgresPoolClient> {
    if (this.ended) throw new Error('the embedded database pool has been closed');
    if (this.held) await this.waitTurn();
    else this.held = true;
    this.holder = { since: Date.now(), at: new Error('taken here') };
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
        this.holder = undefined;
        const next = this.waiters.shift();
        if (next) next();
        else this.held = false;
      },
    };
    return client as unknown as PostgresPoolClient;
  }

  private waitTurn(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        const h = this.holder;
        process.emitWarning(
          `waited ${this.stallMs} ms for the embedded database; it has been held for ` +
            `${h ? Date.now() - h.since : '?'} ms, taken at:\n${h?.at.stack ?? '(unknown)'}`,
          { code: 'STRIDE_DB_STALL' },
        );
      }, this.stallMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.db.close();
  }
}
