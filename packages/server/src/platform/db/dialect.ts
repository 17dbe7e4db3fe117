import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { PGlitePool } from './pglite-pool.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Kysely<Database>;
  /**
   * The embedded database's pool (PGlite only), for a library that must share its one session
   * (the job queue): it takes the session in turn like every other caller.
   */
  pglite?: PGlitePool;
  /** The PostgreSQL connection string (PostgreSQL only), for a library that opens its own pool. */
  url?: string;
  /** Resolves when a trivial query round-trips. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; absent means the embedded PGlite database. */
  url?: string | undefined;
  /** Folder for the embedded database (under `pg/`) and its lock file. */
  dataDir: string;
  /** Embedded database in memory only (tests). */
  inMemory?: boolean;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

// The same JavaScript types from both engines: bigint counts and numerics as numbers
// (every value Stride stores fits a double), timestamps as Date, and calendar days as their
// 'YYYY-MM-DD' text (a day is not an instant: parsing it in the process's zone would shift it).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (value: string) => Number(value);
const asText = (value: string) => value;

/**
 * One SQL dialect everywhere: Kysely's PostgreSQL dialect, over `pg` when DATABASE_URL is set
 * or over embedded PGlite (PostgreSQL compiled to WASM) through a pg-compatible pool.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8 || oid === NUMERIC
            ? toNumber
            : oid === DATE
              ? asText
              : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client whose connection dies (server restart, admin kill) is dropped by the
    // pool and replaced on next use; without a listener the 'error' event would crash the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { ...handle('postgres', db), url: options.url };
  }

  const lock = options.inMemory ? undefined : lockDataDir(options.dataDir);
  try {
    const pglite = await PGlite.create(options.inMemory ? undefined : join(options.dataDir, 'pg'), {
      parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asText },
      // Contrib extensions the migrations create (athlete search); PostgreSQL ships them too.
      extensions: { pg_trgm, unaccent },
    });
    const pool = new PGlitePool(pglite);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const h = handle('pglite', db);
    return {
      ...h,
      pglite: pool,
      async close() {
        try {
          await h.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function handle(kind: DatabaseKind, db: Kysely<Database>): DatabaseHandle {
  let closed = false;
  return {
    kind,
    db,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
