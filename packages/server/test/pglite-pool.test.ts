import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlitePool } from '../src/platform/db/pglite-pool.js';

describe('the embedded database pool', () => {
  const pglite = new PGlite();
  const pool = new PGlitePool(pglite, 50);
  afterAll(() => pool.end());

  it('hands its one connection out in turn, and names the holder when a caller waits too long', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const first = await pool.acquire();
      let secondGot = false;
      const second = pool.acquire().then((c) => {
        secondGot = true;
        return c;
      });
      await new Promise((r) => setTimeout(r, 120));
      expect(secondGot).toBe(false);
      const stall = warnings.find(
        (w) => (w as Error & { code?: string }).code === 'STRIDE_DB_STALL',
      );
      expect(stall?.message).toMatch(/waited 50 ms for the embedded database/);
      expect(stall?.message).toContain('pglite-pool.test.ts');
      first.release();
      (await second).release();
      expect(secondGot).toBe(true);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('runs a client’s statements only once it holds the connection', async () => {
    const holder = await pool.acquire();
    const client = await pool.connect();
    let answered = false;
    const read = client.query('select 1 as one', []).then((r) => {
      answered = true;
      return r;
    });
    await new Promise((r) => setImmediate(r));
    expect(answered).toBe(false);
    holder.release();
    expect((await read).rows).toEqual([{ one: 1 }]);
    client.release();
  });
});

describe('reads kept until the next write', () => {
  const pool = new PGlitePool(new PGlite());
  afterAll(() => pool.end());
  const query = async (sql: string, parameters: unknown[] = []) => {
    const client = await pool.connect();
    try {
      return (await client.query(sql, parameters)).rows as Array<Record<string, unknown>>;
    } finally {
      client.release();
    }
  };

  it('answers a repeated read from what it kept, and the next one after a write from the table', async () => {
    await query('create table t (id int primary key, name text)');
    await query('insert into t values (1, $1)', ['ann']);
    const first = await query('select name from t where id = $1', [1]);
    expect(first).toEqual([{ name: 'ann' }]);
    expect(await query('select name from t where id = $1', [1])).toBe(first);
    expect(await query('select name from t where id = $1', [2])).toEqual([]);

    await query('update t set name = $1 where id = $2', ['bea', 1]);
    expect(await query('select name from t where id = $1', [1])).toEqual([{ name: 'bea' }]);
  });

  it('keeps nothing a transaction reads, and nothing kept outlives its writes', async () => {
    await query('create table u (id int primary key, n int)');
    await query('insert into u values (1, 0)');
    expect(await query('select n from u where id = 1')).toEqual([{ n: 0 }]);

    const tx = await pool.connect();
    await tx.query('begin', []);
    await tx.query('update u set n = 5 where id = 1', []);
    expect((await tx.query('select n from u where id = 1', [])).rows).toEqual([{ n: 5 }]);
    // Another caller waits for the connection, then reads what was committed.
    const meanwhile = query('select n from u where id = 1');
    await tx.query('rollback', []);
    tx.release();
    expect(await meanwhile).toEqual([{ n: 0 }]);
    expect(await query('select n from u where id = 1')).toEqual([{ n: 0 }]);
  });

  it('never keeps a read whose answer changes by itself, and freezes what it keeps', async () => {
    const a = await query('select clock_timestamp() as at');
    const b = await query('select clock_timestamp() as at');
    expect(a).not.toBe(b);
    const kept = await query('select 1 as one, $1::jsonb as doc', [JSON.stringify({ x: [1] })]);
    expect(Object.isFrozen(kept)).toBe(true);
    expect(Object.isFrozen(kept[0])).toBe(true);
    expect(() => {
      (kept[0]!.doc as { x: number[] }).x.push(2);
    }).toThrow(TypeError);
  });
});
