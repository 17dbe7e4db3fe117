import { describe, expect, it } from 'vitest';
import { SessionCheck } from './session-check.js';

/** A sessions table in memory that counts its reads, and a clock the test moves. */
function setup(ttlMs = 1000, max = 100) {
  const rows = new Map<string, { athlete_id: string; revoked_at: Date | null }>();
  const clock = { now: 0 };
  let reads = 0;
  const check = new SessionCheck(
    async (id) => {
      reads++;
      return rows.get(id);
    },
    { ttlMs, max, now: () => clock.now },
  );
  return { rows, clock, check, reads: () => reads };
}

describe('SessionCheck', () => {
  it('answers from memory within the TTL and asks again after it', async () => {
    const { rows, clock, check, reads } = setup();
    rows.set('s1', { athlete_id: 'a', revoked_at: null });
    expect(await check.isActive('s1', 'a')).toBe(true);
    expect(await check.isActive('s1', 'a')).toBe(true);
    expect(reads()).toBe(1);
    // Revoked by another process: believed active until the TTL runs out, then refused.
    rows.set('s1', { athlete_id: 'a', revoked_at: new Date() });
    clock.now = 999;
    expect(await check.isActive('s1', 'a')).toBe(true);
    clock.now = 1000;
    expect(await check.isActive('s1', 'a')).toBe(false);
    expect(reads()).toBe(2);
  });

  it('asks the database when a fresh answer is wanted', async () => {
    const { rows, check, reads } = setup();
    rows.set('s1', { athlete_id: 'a', revoked_at: null });
    expect(await check.isActive('s1', 'a')).toBe(true);
    rows.delete('s1');
    expect(await check.isActive('s1', 'a', { fresh: true })).toBe(false);
    expect(await check.isActive('s1', 'a')).toBe(false);
    expect(reads()).toBe(2);
  });

  it('refuses a session revoked in this process at once, and for good', async () => {
    const { rows, clock, check, reads } = setup();
    rows.set('s1', { athlete_id: 'a', revoked_at: null });
    expect(await check.isActive('s1', 'a')).toBe(true);
    check.revoked('s1');
    expect(await check.isActive('s1', 'a')).toBe(false);
    clock.now = 1e9;
    expect(await check.isActive('s1', 'a')).toBe(false);
    expect(reads()).toBe(1);
  });

  it('refuses every known session of a deleted account at once', async () => {
    const { rows, check } = setup();
    rows.set('s1', { athlete_id: 'a', revoked_at: null });
    rows.set('s2', { athlete_id: 'a', revoked_at: null });
    rows.set('s3', { athlete_id: 'b', revoked_at: null });
    for (const [id, who] of [
      ['s1', 'a'],
      ['s2', 'a'],
      ['s3', 'b'],
    ] as const)
      expect(await check.isActive(id, who)).toBe(true);
    check.revokedAllOf('a');
    expect(await check.isActive('s1', 'a')).toBe(false);
    expect(await check.isActive('s2', 'a')).toBe(false);
    expect(await check.isActive('s3', 'b')).toBe(true);
  });

  it('refuses a token whose athlete is not the session’s', async () => {
    const { rows, check } = setup();
    rows.set('s1', { athlete_id: 'a', revoked_at: null });
    expect(await check.isActive('s1', 'b')).toBe(false);
    expect(await check.isActive('s1', 'a')).toBe(true);
  });

  it('reads a session once however many requests ask together', async () => {
    const { rows, check, reads } = setup();
    rows.set('s1', { athlete_id: 'a', revoked_at: null });
    const answers = await Promise.all(Array.from({ length: 20 }, () => check.isActive('s1', 'a')));
    expect(answers.every(Boolean)).toBe(true);
    expect(reads()).toBe(1);
  });

  it('keeps a revocation heard while a read was in flight', async () => {
    const { rows, check } = setup();
    rows.set('s1', { athlete_id: 'a', revoked_at: null });
    const pending = check.isActive('s1', 'a');
    check.revoked('s1');
    expect(await pending).toBe(false);
    expect(await check.isActive('s1', 'a')).toBe(false);
  });

  it('forgets the least recently used session beyond its size', async () => {
    const { rows, check, reads } = setup(1000, 2);
    for (const id of ['s1', 's2', 's3']) rows.set(id, { athlete_id: 'a', revoked_at: null });
    await check.isActive('s1', 'a');
    await check.isActive('s2', 'a');
    await check.isActive('s1', 'a'); // s1 used last: s2 goes first
    await check.isActive('s3', 'a');
    expect(reads()).toBe(3);
    await check.isActive('s1', 'a');
    expect(reads()).toBe(3);
    await check.isActive('s2', 'a');
    expect(reads()).toBe(4);
  });
});
