/**
 * The activities' read model: views are rendered once, when an activity or its owner's
 * privacy changes, and reads answer from them — never from the track — and never serve a
 * view rendered before the latest change.
 */
import { randomUUID } from 'node:crypto';
import { destination, seededRandom } from '@stride/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';

const T0 = 1_780_000_000;

/** ~4 km of running from (lat, lng), one point a second. */
function run(lat: number, lng: number, seed: string) {
  const rnd = seededRandom(seed);
  const pts: Array<{ t: number; lat: number; lng: number }> = [];
  let cur: [number, number] = [lat, lng];
  let bearing = rnd() * 360;
  for (let i = 0; i < 1000; i++) {
    pts.push({ t: T0 + i, lat: cur[0], lng: cur[1] });
    bearing += (rnd() - 0.5) * 10;
    cur = destination(cur[0], cur[1], 4, bearing);
  }
  return pts;
}

describe.each(DATABASES)('the activities read model on $name', (database) => {
  const t = useTestApp(database);
  let owner: SignedIn;
  let friend: SignedIn;
  let id: string;
  const pts = run(45.75, 4.85, 'read-model');

  const get = (who: SignedIn, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { ...who.headers, ...headers } });
  const views = () =>
    t.stride.platform.db
      .selectFrom('activity_views')
      .innerJoin('activities', 'activities.id', 'activity_views.activity_id')
      .select(['audience', 'activity_views.revision as view', 'activities.revision as current'])
      .where('activity_id', '=', id)
      .orderBy('audience')
      .execute();

  beforeAll(async () => {
    owner = await signUp(t.app, 'viewowner');
    friend = await signUp(t.app, 'viewfriend');
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/athletes/${owner.handle}/follow`,
      headers: friend.headers,
    });
    id = randomUUID();
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/activities/${id}/recording`,
      headers: owner.headers,
      payload: {
        sport_type: 'Run',
        visibility: 'followers',
        events: [
          { kind: 'START', at: new Date(T0 * 1000).toISOString() },
          { kind: 'STOP', at: new Date((T0 + 1000) * 1000).toISOString() },
        ],
        points: pts,
      },
    });
    expect(saved.statusCode).toBe(200);
    await t.stride.worker.drain();
  });

  it('renders the owner’s and the others’ view of a saved activity in the background', async () => {
    const rows = await views();
    expect(rows.map((r) => r.audience)).toEqual(['others', 'owner']);
    for (const r of rows) expect(r.view).toBe(r.current);
  });

  it('answers the detail, the feed and the streams without reading the track', async () => {
    const track = `activities/${id}/streams`;
    const bytes = await t.stride.platform.blobs.get(track);
    expect(bytes).toBeDefined();
    await t.stride.platform.blobs.delete(track);
    try {
      for (const who of [owner, friend]) {
        const detail = await get(who, `/api/v1/activities/${id}`);
        expect(detail.statusCode).toBe(200);
        expect(detail.json().athlete.handle).toBe(owner.handle);
        expect(detail.json().distance).toBeGreaterThan(3000);
        const feed = (await get(who, '/api/v1/activities?mode=FRIENDS')).json();
        expect(feed.items.map((i: { id: string }) => i.id)).toContain(id);
        const streams = (
          await get(who, `/api/v1/activities/${id}/streams?keys=latlng,time`)
        ).json();
        expect(streams.latlng.data.length).toBeGreaterThan(100);
        expect(streams.time.data.length).toBe(streams.latlng.data.length);
      }
    } finally {
      await t.stride.platform.blobs.put(track, bytes!);
    }
  });

  it('never serves a view older than the latest privacy change, even before its render job runs', async () => {
    const before = (await get(friend, `/api/v1/activities/${id}`)).json();
    expect(before.start_latlng[0]).toBeCloseTo(pts[0]!.lat, 4);
    const zone = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/privacy-zones',
      headers: owner.headers,
      payload: { lat: pts[0]!.lat, lng: pts[0]!.lng, radius: 400 },
    });
    expect(zone.statusCode).toBe(201);
    // The render job has not run: the stored views are a revision behind.
    expect((await views()).every((r) => r.view < r.current)).toBe(true);
    const after = (await get(friend, `/api/v1/activities/${id}`)).json();
    expect(after.start_latlng).not.toEqual(before.start_latlng);
    const feedItem = (await get(friend, '/api/v1/activities?mode=FRIENDS'))
      .json()
      .items.find((i: { id: string }) => i.id === id);
    expect(feedItem.start_latlng).toEqual(after.start_latlng);
    // The owner still sees where they started.
    const mine = (await get(owner, `/api/v1/activities/${id}`)).json();
    expect(mine.start_latlng[0]).toBeCloseTo(pts[0]!.lat, 4);
    await t.stride.worker.drain();
    for (const r of await views()) expect(r.view).toBe(r.current);
  });

  it('answers 304 to a matching If-None-Match and a new ETag after an edit', async () => {
    const first = await get(friend, `/api/v1/activities/${id}`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await get(friend, `/api/v1/activities/${id}`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/activities/${id}`,
      headers: owner.headers,
      payload: { name: 'Renamed run' },
    });
    expect(renamed.statusCode).toBe(200);
    const changed = await get(friend, `/api/v1/activities/${id}`, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().name).toBe('Renamed run');
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('keeps a private activity out of reach of the stored views', async () => {
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/activities/${id}`,
      headers: owner.headers,
      payload: { visibility: 'only_me' },
    });
    await t.stride.worker.drain();
    expect((await get(friend, `/api/v1/activities/${id}`)).statusCode).toBe(404);
    expect((await get(friend, `/api/v1/activities/${id}/streams?keys=latlng`)).statusCode).toBe(
      404,
    );
    const feed = (await get(friend, '/api/v1/activities?mode=FRIENDS')).json();
    expect(feed.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });
});
