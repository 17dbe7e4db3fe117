import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticActivity } from '../src/demo/synthetic-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';

const T0 = 1_780_000_000;
const points = syntheticActivity({
  seed: 11,
  sport: 'Run',
  startLat: 45.76,
  startLng: 4.83,
  startTime: T0,
  distanceM: 1500,
}).map((p) => ({
  t: p.t,
  lat: p.lat,
  lng: p.lng,
  hr: p.hr,
}));

type Viewer = 'owner' | 'follower' | 'requester' | 'blocked' | 'stranger' | 'anonymous';
const VIEWERS: Viewer[] = ['owner', 'follower', 'requester', 'blocked', 'stranger', 'anonymous'];
const VISIBILITIES = ['everyone', 'followers', 'only_me'] as const;

/**
 * The documented rule: who sees an activity of each visibility. "follower" is an accepted
 * follower, "requester" asked to follow an owner who approves followers and is still waiting,
 * "blocked" is an athlete the owner blocks.
 */
const SEES: Record<(typeof VISIBILITIES)[number], Viewer[]> = {
  everyone: ['owner', 'follower', 'requester', 'stranger', 'anonymous'],
  followers: ['owner', 'follower'],
  only_me: ['owner'],
};

describe.each(DATABASES)('visibility on every read endpoint on $name', (database) => {
  const t = useTestApp(database);
  const who: Partial<Record<Viewer, SignedIn>> = {};
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    who.owner = await signUp(t.app, 'owner');
    who.follower = await signUp(t.app, 'follower');
    who.stranger = await signUp(t.app, 'stranger');
    who.requester = await signUp(t.app, 'requester');
    who.blocked = await signUp(t.app, 'blocked');
    const as = (viewer: Viewer, method: 'PUT' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: who[viewer]!.headers, ...(payload ? { payload } : {}) });
    await as('follower', 'PUT', '/api/v1/athletes/owner/follow');
    await as('blocked', 'PUT', '/api/v1/athletes/owner/follow');
    await as('owner', 'PATCH', '/api/v1/me', { approve_followers: true });
    await as('requester', 'PUT', '/api/v1/athletes/owner/follow');
    await as('owner', 'PUT', '/api/v1/me/blocks/blocked');
    for (const [k, visibility] of VISIBILITIES.entries()) {
      const id = randomUUID();
      ids[visibility] = id;
      const r = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/activities/${id}/recording`,
        headers: who.owner.headers,
        payload: {
          sport_type: 'Run',
          visibility,
          events: [
            { kind: 'START', at: new Date((T0 + k * 86400) * 1000).toISOString() },
            { kind: 'STOP', at: new Date((T0 + k * 86400 + 600) * 1000).toISOString() },
          ],
          points: points.map((p) => ({ ...p, t: p.t + k * 86400 })),
        },
      });
      expect(r.statusCode).toBe(200);
    }
  });

  const get = (viewer: Viewer, url: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: viewer === 'anonymous' ? {} : who[viewer]!.headers,
    });

  for (const visibility of VISIBILITIES) {
    for (const viewer of VIEWERS) {
      const allowed = SEES[visibility].includes(viewer);
      it(`${visibility} activity, ${viewer}: ${allowed ? 'visible' : '404'} on detail, streams and export`, async () => {
        const id = ids[visibility]!;
        for (const path of [
          `/api/v1/activities/${id}`,
          `/api/v1/activities/${id}/streams?keys=time`,
          `/api/v1/activities/${id}/export.gpx`,
        ]) {
          expect((await get(viewer, path)).statusCode, path).toBe(allowed ? 200 : 404);
        }
        if (viewer !== 'anonymous') {
          const list = await get(viewer, '/api/v1/activities?athlete=owner&limit=10');
          // The owner's list answers the athlete they block as if the owner did not exist.
          expect(list.statusCode).toBe(viewer === 'blocked' ? 404 : 200);
          if (viewer !== 'blocked')
            expect(list.json().items.some((i: { id: string }) => i.id === id)).toBe(allowed);
          await t.stride.worker.drain();
          const feed = (await get(viewer, '/api/v1/activities?mode=FRIENDS&limit=10')).json();
          expect(feed.items.some((i: { id: string }) => i.id === id)).toBe(
            allowed && (viewer === 'owner' || viewer === 'follower'),
          );
        }
      });
    }
  }

  it('lists need a token; an activity being recorded is the owner’s alone', async () => {
    expect((await get('anonymous', '/api/v1/activities')).statusCode).toBe(401);
    const id = randomUUID();
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: who.owner!.headers,
      payload: { id, sport_type: 'Run', visibility: 'everyone' },
    });
    expect((await get('follower', `/api/v1/activities/${id}`)).statusCode).toBe(404);
    expect((await get('owner', `/api/v1/activities/${id}`)).statusCode).toBe(200);
  });
});
