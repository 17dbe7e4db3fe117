/**
 * Results of recent reads on the embedded database, kept until the next write. The embedded
 * database serves this one process, so every write passes through it: any statement that
 * may change data ends every kept result at once (one generation counter), which makes the
 * cache exact without knowing which tables a read or a write touched. A busy writer only
 * lowers the hit rate; it never lets a stale result through.
 *
 * Kept results are frozen (rows and their array), so no caller can change what the next one
 * reads; results are shared, never copied.
 */
export class ReadCache {
  private readonly entries = new Map<string, Kept>();
  private chars = 0;
  private generation = 0;

  constructor(
    /** Characters of keys and text values kept, in all (about 2 bytes each). */
    private readonly maxChars = 32 * 1024 * 1024,
    /** Results with more rows than this are not kept (exports, rebuilds: read once). */
    private readonly maxRows = 1_000,
  ) {}

  /** The key of a statement whose result may be kept, or undefined when it may not. */
  keyOf(sql: string, parameters: ReadonlyArray<unknown>): string | undefined {
    if (!isPlainSelect(sql) || LOCKING.test(sql) || VOLATILE.test(sql) || JOB_TABLES.test(sql))
      return undefined;
    let key = sql;
    for (const p of parameters) {
      const part = paramKey(p);
      if (part === undefined) return undefined;
      key += `\u0000${part}`;
    }
    return key;
  }

  get(key: string): KeptResult | undefined {
    const kept = this.entries.get(key);
    if (!kept) return undefined;
    this.entries.delete(key);
    this.entries.set(key, kept);
    return kept.result;
  }

  /** The generation a read starts in: its result is kept only if no write ended it meanwhile. */
  current(): number {
    return this.generation;
  }

  keep(key: string, generation: number, result: KeptResult): KeptResult {
    deepFreeze(result.rows);
    if (generation !== this.generation || result.rows.length > this.maxRows) return result;
    const size = key.length + textSize(result.rows);
    if (size > this.maxChars / 8) return result;
    this.entries.set(key, { result, size });
    this.chars += size;
    for (const [k, v] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(k);
      this.chars -= v.size;
    }
    return result;
  }

  /** A statement that may have changed data ran (or is about to): nothing kept is current. */
  invalidate(): void {
    this.generation++;
    if (this.entries.size) {
      this.entries.clear();
      this.chars = 0;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface KeptResult {
  command: string;
  rowCount: number;
  rows: unknown[];
}

interface Kept {
  result: KeptResult;
  size: number;
}

/** A SELECT (or a WITH leading to one) that writes nothing. */
function isPlainSelect(sql: string): boolean {
  return SELECT.test(sql) && !WRITES.test(sql);
}

const SELECT = /^\s*(select|with)\b/i;
const WRITES = /\b(insert|update|delete|merge)\b/i;
const LOCKING = /\bfor\s+(update|share|no\s+key|key\s+share)\b/i;
/** Statements that change no data by themselves: transaction control. */
const CONTROL =
  /^\s*(begin|start\s+transaction|commit|rollback|end|abort|savepoint|release|set\s+transaction)\b/i;

/** Whether a statement may change data: anything but transaction control and plain reads. */
export function mayWrite(sql: string): boolean {
  return !CONTROL.test(sql) && !isPlainSelect(sql);
}

/** The job queue's tables: pg-boss writes them on the connection directly, not through here. */
const JOB_TABLES = /pgboss/i;

/**
 * Functions whose value changes between calls with the same arguments, or that act: a read
 * calling one is never kept (its answer could differ a moment later).
 */
const VOLATILE =
  /\b(now|random|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday|current_(timestamp|date|time)|localtime|localtimestamp|nextval|setval|currval|lastval|gen_random_uuid|uuid_generate_v\d|pg_advisory\w*|pg_try_advisory\w*|set_config|pg_sleep\w*|txid_\w+|pg_current_\w+|pg_notify)\b/i;

function paramKey(p: unknown): string | undefined {
  if (p === null || p === undefined) return 'n';
  switch (typeof p) {
    case 'string':
      return `s${p}`;
    case 'number':
    case 'bigint':
      return `d${p}`;
    case 'boolean':
      return p ? 't' : 'f';
  }
  if (p instanceof Date) return `D${p.getTime()}`;
  if (Array.isArray(p)) {
    const parts = p.map(paramKey);
    return parts.includes(undefined) ? undefined : `[${parts.join('\u0001')}]`;
  }
  return undefined;
}

/** Freezes arrays and plain objects all the way down (JSON columns too); leaves dates and bytes. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/** Text held by the rows, roughly: their string values' lengths (numbers count as a few). */
function textSize(rows: unknown[]): number {
  let n = 0;
  for (const row of rows) {
    for (const v of Object.values(row as Record<string, unknown>)) {
      n += typeof v === 'string' ? v.length : 8;
    }
  }
  return n;
}
