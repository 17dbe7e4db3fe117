import { describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { DATABASES, useTestApp } from './adapters.js';

describe('demo data', () => {
  const t = useTestApp(DATABASES[0]!);

  it('creates athletes who follow each other and weeks of activities through the upload path, once', async () => {
    const first = await seedDemo(t.stride, Date.UTC(2026, 10, 20));
    await t.stride.worker.drain();
    expect(first.athletes).toBe(4);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'camille', password: 'stride-demo' },
    });
    const headers = { authorization: `Bearer ${login.json().access_token}` };
    const feed = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/activities?mode=FRIENDS&limit=200',
        headers,
      })
    ).json();
    expect(feed.items.length).toBe(first.uploads);
    expect(
      new Set(feed.items.map((i: { athlete: { handle: string } }) => i.athlete.handle)),
    ).toEqual(new Set(['camille', 'hugo', 'lea', 'malik']));
    for (const item of feed.items) {
      expect(item.distance).toBeGreaterThan(3000);
      expect(item.timezone).toBe('Europe/Paris');
      expect(item.map.summary_polyline).toBeTruthy();
    }
    // Segments on the athletes' regular routes, with leaderboards.
    expect(first.segments).toBe(4);
    const segments = (
      await t.app.inject({ method: 'GET', url: '/api/v1/segments?bbox=45.70,4.75,45.90,4.95' })
    ).json().items as Array<{ id: string; name: string; athlete_count: number }>;
    expect(segments).toHaveLength(4);
    for (const s of segments) {
      expect(s.athlete_count, s.name).toBeGreaterThanOrEqual(2);
      const board = (
        await t.app.inject({ method: 'GET', url: `/api/v1/segments/${s.id}/leaderboard`, headers })
      ).json();
      expect(board.entries.length, s.name).toBe(s.athlete_count);
      expect(board.entries[0].rank).toBe(1);
    }
    // Running it again adds nothing: the same files are recognised.
    const second = await seedDemo(t.stride, Date.UTC(2026, 10, 20));
    await t.stride.worker.drain();
    expect(second.segments).toBe(0);
    const again = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/activities?mode=FRIENDS&limit=200',
        headers,
      })
    ).json();
    expect(again.items.length).toBe(first.uploads);
  }, 120_000);
});
