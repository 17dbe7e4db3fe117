import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { type KeptResult, mayWrite, ReadCache } from './read-cache.js';

/** The one connection, held by one caller until released. */
export interface ExclusiveSession {
  release(): void;
}

/**
 * A pg-compatible pool over one embedded PGlite instance, so Kysely's PostgreSQL dialect (and
 * any code written for `pg`) runs unchanged on the embedded database.
 *
 * PGlite is a single session: a transaction begun by one caller would otherwise see statements
 * from another interleave. The pool therefore hands out its one connection exclusively; callers
 * queue in FIFO order until the holder releases it.
 *
 * This process sees every write, so reads are answered from a `ReadCache` until the next write.
 * A client from `connect()` takes the connection only when it needs the database: a read
 * answered from the cache never waits behind another caller's transaction (it sees the data as
 * it was before that transaction, which has not committed).
 */
export class PGlitePool implements PostgresPool {
  private held = false;
  private readonly waiters: Array<() => void> = [];
  private ended = false;
  /** Where the connection was taken, to name the culprit when others wait too long. */
  /** (An Error, not its text: V8 formats a stack only when read, which is rare here.) */
  private holder: { since: number; at: Error } | undefined;
  readonly reads: ReadCache | undefined;

  /**
   * `stallMs`: a caller that waits this long for the connection gets a process warning naming
   * where the holder took it. On one session, code that awaits the pool while its own
   * transaction holds the connection waits forever; the warning makes that visible.
   */
  constructor(
    readonly db: PGlite,
    private readonly stallMs = 15_000,
    options: { readCache?: boolean } = {},
  ) {
    this.reads = options.readCache === false ? undefined : new ReadCache();
  }

  async connect(): Promise<PostgresPoolClient> {
    if (this.ended) throw new Error('the embedded database pool has been closed');
    let session: ExclusiveSession | undefined;
    let inTransaction = false;
    let released = false;
    const client = {
      query: async <R>(sql: string, parameters: ReadonlyArray<unknown>) => {
        const reads = this.reads;
        const key = !inTransaction && reads ? reads.keyOf(sql, parameters) : undefined;
        if (key !== undefined) {
          const hit = reads!.get(key);
          if (hit) return hit as PostgresQueryResult<R>;
        }
        session ??= await this.acquire();
        if (TRANSACTION_START.test(sql)) inTransaction = true;
        const generation = reads?.current() ?? 0;
        // A statement that may write ends every kept read before it runs, so no read kept
        // from before it is served after it.
        if (reads && mayWrite(sql)) reads.invalidate();
        const result = await this.db.query<R>(sql, parameters as unknown[]);
        if (TRANSACTION_END.test(sql)) inTransaction = false;
        const answer: KeptResult = {
          command: result.command ?? 'SELECT',
          rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
        return (key !== undefined && reads
          ? reads.keep(key, generation, answer)
          : answer) as unknown as PostgresQueryResult<R>;
      },
      release: () => {
        if (released) return;
        released = true;
        session?.release();
      },
    };
    return client as unknown as PostgresPoolClient;
  }

  /**
   * The connection, exclusively, until released (for callers that run statements on the
   * PGlite instance directly: they may write, so kept reads end here).
   */
  async acquire(): Promise<ExclusiveSession> {
    if (this.ended) throw new Error('the embedded database pool has been closed');
    if (this.held) await this.waitTurn();
    else this.held = true;
    this.holder = { since: Date.now(), at: new Error('taken here') };
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.holder = undefined;
        const next = this.waiters.shift();
        if (next) next();
        else this.held = false;
      },
    };
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

const TRANSACTION_START = /^\s*(begin|start\s+transaction)\b/i;
const TRANSACTION_END = /^\s*(commit|rollback|end|abort)\b/i;
