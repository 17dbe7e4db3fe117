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
      const first = await pool.connect();
      let secondGot = false;
      const second = pool.connect().then((c) => {
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
      const c = await second;
      expect(secondGot).toBe(true);
      expect((await c.query('select 1 as one', [])).rows).toEqual([{ one: 1 }]);
      c.release();
    } finally {
      process.off('warning', onWarning);
    }
  });
});
