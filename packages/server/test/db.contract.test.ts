import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/dialect.js';
import { isMigrated, migrateToLatest } from '../src/platform/db/migrate.js';
import { migrations } from '../src/platform/db/migrations/index.js';
import { DATABASES, type DatabaseLease } from './adapters.js';

describe.each(DATABASES)('SQL storage port on $name', (database) => {
  let lease: DatabaseLease;
  let h: DatabaseHandle;
  beforeAll(async () => {
    lease = await database.lease();
    h = await openDatabase({ dataDir: '/nonexistent', ...lease.options });
  });
  afterAll(async () => {
    await h?.close();
    await lease?.release();
  });

  it('migrates to the latest schema exactly once, even when two migrators race', async () => {
    expect(await isMigrated(h.db)).toBe(false);
    const other =
      database.name === 'postgres'
        ? await openDatabase({ dataDir: '/nonexistent', ...lease.options })
        : h;
    try {
      const [a, b] = await Promise.all([migrateToLatest(h.db), migrateToLatest(other.db)]);
      expect([...a, ...b].sort()).toEqual(Object.keys(migrations).sort());
    } finally {
      if (other !== h) await other.close();
    }
    expect(await isMigrated(h.db)).toBe(true);
    expect(await migrateToLatest(h.db)).toEqual([]);
  });

  it('returns the same JavaScript types from both engines', async () => {
    const row = await sql<{ n: unknown; big: unknown; at: unknown; num: unknown }>`
      select count(*) as n, 9007199254740991::int8 as big, now() as at, 1.25::numeric as num`
      .execute(h.db)
      .then((r) => r.rows[0]!);
    expect(row.n).toBe(1);
    expect(row.big).toBe(Number.MAX_SAFE_INTEGER);
    expect(row.num).toBe(1.25);
    expect(row.at).toBeInstanceOf(Date);
  });

  it('keeps concurrent transactions isolated: rolled-back work vanishes, committed work stays', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.db
          .transaction()
          .execute(async (tx) => {
            await tx
              .insertInto('settings')
              .values({ key: `k${i}`, value: String(i) })
              .execute();
            const seen = await tx
              .selectFrom('settings')
              .select('key')
              .where('key', '=', `k${i}`)
              .execute();
            expect(seen).toHaveLength(1);
            if (i % 2) throw new Error('roll back');
          })
          .catch(() => undefined),
      ),
    );
    const keys = await h.db
      .selectFrom('settings')
      .select('key')
      .where('key', 'like', 'k%')
      .execute();
    expect(keys.map((k) => k.key).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `k${i * 2}`).sort(),
    );
  });
});
