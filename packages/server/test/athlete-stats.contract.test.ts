import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticActivity } from '../src/demo/synthetic-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';

/** "Now" for the window checks: recent is after 18 May 2026, the year after 1 January 2026. */
const NOW = new Date('2026-06-15T12:00:00Z');
const ACTIVITIES = [
  { sport: 'Run', at: '2026-06-10T07:00:00Z', visibility: 'everyone' },
  { sport: 'Ride', at: '2026-03-01T09:00:00Z', visibility: 'followers' },
  { sport: 'Run', at: '2025-08-01T18:00:00Z', visibility: 'only_me' },
  { sport: 'Walk', at: '2026-06-12T10:00:00Z', visibility: 'everyone' },
] as const;

describe.each(DATABASES)('athlete totals on $name', (database) => {
  const t = useTestApp(database);
  const who: Record<string, SignedIn> = {};
  const distance: number[] = [];
  const moving: number[] = [];

  beforeAll(async () => {
    for (const h of ['owner', 'follower', 'stranger']) who[h] = await signUp(t.app, h);
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/athletes/owner/follow',
      headers: who.follower!.headers,
    });
    for (const [k, a] of ACTIVITIES.entries()) {
      const start = new Date(a.at).getTime() / 1000;
      const points = syntheticActivity({
        seed: 20 + k,
        sport: a.sport,
        startLat: 45.76,
        startLng: 4.83,
        startTime: start,
        distanceM: 1000 + 500 * k,
      }).map((p) => ({ t: p.t, lat: p.lat, lng: p.lng }));
      const r = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/activities/${randomUUID()}/recording`,
        headers: who.owner!.headers,
        payload: {
          sport_type: a.sport,
          visibility: a.visibility,
          events: [
            { kind: 'START', at: new Date(start * 1000).toISOString() },
            { kind: 'STOP', at: new Date(points.at(-1)!.t * 1000).toISOString() },
          ],
          points,
        },
      });
      expect(r.statusCode).toBe(200);
      distance.push(r.json().distance);
      moving.push(r.json().moving_time);
    }
  });

  const stats = (viewer: string) =>
    t.stride.activities.stats.stats(who[viewer]!.id, who.owner!.id, NOW);

  it('sums the owner’s runs and rides per window: last 4 weeks, this year, all time', async () => {
    const s = await stats('owner');
    expect(s.recent_run_totals).toMatchObject({ count: 1, distance: distance[0] });
    expect(s.ytd_run_totals.count).toBe(1);
    expect(s.all_run_totals).toMatchObject({
      count: 2,
      moving_time: moving[0]! + moving[2]!,
    });
    expect(s.all_run_totals.distance).toBeCloseTo(distance[0]! + distance[2]!, 6);
    expect(s.recent_ride_totals.count).toBe(0);
    expect(s.ytd_ride_totals).toMatchObject({ count: 1, distance: distance[1] });
    // Walks are not run totals (Strava's API totals runs, rides and swims).
    expect(s.all_swim_totals.count).toBe(0);
  });

  it('counts only what the viewer may see: followers see followers-only, strangers neither', async () => {
    const f = await stats('follower');
    expect(f.all_run_totals.count).toBe(1);
    expect(f.all_ride_totals.count).toBe(1);
    const s = await stats('stranger');
    expect(s.all_run_totals).toMatchObject({ count: 1, distance: distance[0] });
    expect(s.all_ride_totals.count).toBe(0);
  });

  it('answers over HTTP for a handle, 404 for an unknown athlete and 401 without a token', async () => {
    const res = await t.app.inject({
      url: '/api/v1/athletes/owner/stats',
      headers: who.stranger!.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().all_run_totals.count).toBe(1);
    expect(Object.keys(res.json())).toHaveLength(9);
    const missing = await t.app.inject({
      url: '/api/v1/athletes/nobody/stats',
      headers: who.stranger!.headers,
    });
    expect(missing.statusCode).toBe(404);
    expect((await t.app.inject('/api/v1/athletes/owner/stats')).statusCode).toBe(401);
  });
});
