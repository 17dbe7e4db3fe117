import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { JobQueue } from './queue.js';
import { JOB_NAMES, type JobName } from './registry.js';

/**
 * Moves the work still waiting in the job table of earlier versions (before jobs ran on
 * pg-boss) into the queue, then drops that table: an upgrade loses no upload or recompute that
 * was queued when the old version stopped. One transaction under a table lock, so processes
 * starting together move each job once; after the first, the table is gone and this is a no-op.
 */
export async function moveLegacyJobs(db: Kysely<Database>, queue: JobQueue): Promise<number> {
  const exists = await sql<{
    t: string | null;
  }>`select to_regclass('public.jobs')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return 0;
  return db.transaction().execute(async (tx) => {
    const again = await sql<{
      t: string | null;
    }>`select to_regclass('public.jobs')::text as t`.execute(tx);
    if (!again.rows[0]?.t) return 0;
    await sql`lock table jobs in access exclusive mode`.execute(tx);
    const rows = await sql<{ name: string; payload: unknown }>`
      select name, payload from jobs where status in ('queued', 'running') order by id`.execute(tx);
    let moved = 0;
    for (const row of rows.rows) {
      if (!(JOB_NAMES as readonly string[]).includes(row.name)) continue;
      const name = row.name as JobName;
      await queue.enqueue(name, row.payload as never, tx);
      moved++;
    }
    await sql`drop table jobs`.execute(tx);
    return moved;
  });
}
