import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticActivity } from '../src/demo/synthetic-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';

const T0 = 1_780_000_000;
const run = syntheticActivity({
  seed: 3,
  sport: 'Run',
  startLat: 45.76,
  startLng: 4.83,
  startTime: T0,
  distanceM: 3000,
});
const points = run.map((p) => ({ t: p.t, lat: p.lat, lng: p.lng, alt: p.ele, hr: p.hr }));
const iso = (t: number) => new Date(t * 1000).toISOString();

describe.each(DATABASES)('recording activities on $name', (database) => {
  let ann: SignedIn;
  let ben: SignedIn;
  const t = useTestApp(database);
  beforeAll(async () => {
    ann = await signUp(t.app, 'ann');
    ben = await signUp(t.app, 'ben');
  });

  const call = (
    who: SignedIn | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `/api/v1/activities${url}`,
      headers: who?.headers ?? {},
      ...(payload ? { payload } : {}),
    });

  it('records through the state log: create, start, points, pause, resume, complete', async () => {
    const id = randomUUID();
    const created = await call(ann, 'POST', '/', { id, sport_type: 'Run' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id,
      state: 'created',
      name: expect.stringContaining('Run'),
    });
    // Creating again with the same id is a harmless retry.
    expect((await call(ann, 'POST', '/', { id, sport_type: 'Run' })).statusCode).toBe(200);
    // Someone else cannot take the id, and is told no more than reading it would.
    expect((await call(ben, 'POST', '/', { id, sport_type: 'Run' })).statusCode).toBe(404);

    const pauseFirst = await call(ann, 'PATCH', `/${id}`, { state: 'PAUSED', at: iso(T0) });
    expect(pauseFirst.statusCode).toBe(409);
    expect(pauseFirst.json().error.message).toMatch(/cannot PAUSE/);

    expect(
      (await call(ann, 'PATCH', `/${id}`, { state: 'STARTED', at: iso(T0) })).json().state,
    ).toBe('started');
    // Batches of 50 points, sent out of order, one of them twice.
    const batches = [];
    for (let i = 0; i * 50 < 600; i++)
      batches.push({ seq: i, points: points.slice(i * 50, i * 50 + 50) });
    const order = [1, 0, 3, 2, 5, 4, 5, 6, 7, 9, 8, 10, 11];
    let last: { duplicate: boolean; totals: { distance: number } } | undefined;
    for (const k of order) {
      const r = await call(ann, 'POST', `/${id}/points`, batches[k]);
      expect(r.statusCode).toBe(200);
      last = r.json();
    }
    expect(last!.totals.distance).toBeGreaterThan(1000);
    const resent = (await call(ann, 'POST', `/${id}/points`, batches[5])).json();
    expect(resent.duplicate).toBe(true);

    expect(
      (await call(ann, 'PATCH', `/${id}`, { state: 'PAUSED', at: iso(T0 + 600) })).json().state,
    ).toBe('paused');
    // A retried PATCH is a no-op, not an error.
    expect(
      (await call(ann, 'PATCH', `/${id}`, { state: 'PAUSED', at: iso(T0 + 600) })).statusCode,
    ).toBe(200);
    expect(
      (await call(ann, 'PATCH', `/${id}`, { state: 'RESUMED', at: iso(T0 + 720) })).json().state,
    ).toBe('started');
    const rest = points.slice(600).map((p) => ({ ...p, t: p.t + 120 }));
    let live: { distance: number; moving_time: number; total_elevation_gain: number } | undefined;
    for (let i = 0; i * 100 < rest.length; i++) {
      const r = await call(ann, 'POST', `/${id}/points`, {
        seq: 100 + i,
        points: rest.slice(i * 100, i * 100 + 100),
      });
      live = r.json().totals;
    }
    const endAt = rest.at(-1)!.t + 1;
    const done = await call(ann, 'PATCH', `/${id}`, { state: 'COMPLETE', at: iso(endAt) });
    expect(done.statusCode).toBe(200);
    const a = done.json();
    expect(a.state).toBe('complete');
    expect(a.elapsed_time).toBe(endAt - T0);
    // Timer time excludes the two-minute pause; moving time cannot exceed it.
    expect(a.analysis.timer_time).toBeCloseTo(endAt - T0 - 120, 0);
    expect(a.moving_time).toBeLessThanOrEqual(a.analysis.timer_time);
    // The saved numbers are the live numbers the phone showed after the last point.
    expect(a.distance).toBe(live!.distance);
    expect(a.moving_time).toBe(live!.moving_time);
    expect(a.total_elevation_gain).toBe(live!.total_elevation_gain);
    expect(a.total_elevation_gain).toBeGreaterThan(0);
    expect(a.distance).toBeGreaterThan(2800);
    expect(a.distance).toBeLessThan(3300);
    expect(a.events.map((e: { kind: string }) => e.kind)).toEqual([
      'START',
      'PAUSE',
      'RESUME',
      'STOP',
    ]);

    const after = await call(ann, 'POST', `/${id}/points`, {
      seq: 999,
      points: [{ t: endAt + 5, lat: 45, lng: 4 }],
    });
    expect(after.statusCode).toBe(409);
    expect(
      (
        await call(ben, 'POST', `/${id}/points`, {
          seq: 1000,
          points: [{ t: endAt, lat: 45, lng: 4 }],
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await call(ann, 'PATCH', `/${id}`, { state: 'RESUMED', at: iso(endAt + 10) })).statusCode,
    ).toBe(409);
  });

  it('saves a whole offline recording once, however often it is sent, in parts', async () => {
    const id = randomUUID();
    const body = {
      sport_type: 'Run',
      name: 'Offline run',
      events: [
        { kind: 'START', at: iso(T0) },
        { kind: 'STOP', at: iso(points.at(-1)!.t + 1) },
      ],
    };
    const half = Math.floor(points.length / 2);
    const p1 = await call(ann, 'PUT', `/${id}/recording`, {
      ...body,
      points: points.slice(0, half),
      part: 1,
      parts: 2,
    });
    expect(p1.statusCode).toBe(202);
    const p2 = await call(ann, 'PUT', `/${id}/recording`, {
      ...body,
      points: points.slice(half),
      part: 2,
      parts: 2,
    });
    expect(p2.statusCode).toBe(200);
    const again = await call(ann, 'PUT', `/${id}/recording`, {
      ...body,
      points: points.slice(half),
      part: 2,
      parts: 2,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().distance).toBe(p2.json().distance);
    const streams = (await call(ann, 'GET', `/${id}/streams?keys=time`)).json();
    expect(streams.time.data.length).toBeGreaterThan(points.length * 0.95);
    const list = (await call(ann, 'GET', '/?limit=50')).json();
    expect(list.items.filter((i: { id: string }) => i.id === id)).toHaveLength(1);
  });

  it('refuses a recording whose events do not end with STOP', async () => {
    const id = randomUUID();
    const r = await call(ann, 'PUT', `/${id}/recording`, {
      sport_type: 'Run',
      events: [
        { kind: 'START', at: iso(T0) },
        { kind: 'PAUSE', at: iso(T0 + 5) },
      ],
      points: points.slice(0, 10),
    });
    expect(r.statusCode).toBe(422);
  });

  it('edits and deletes only one’s own activities', async () => {
    const id = randomUUID();
    await call(ann, 'PUT', `/${id}/recording`, {
      sport_type: 'Run',
      events: [
        { kind: 'START', at: iso(T0) },
        { kind: 'STOP', at: iso(T0 + 100) },
      ],
      points: points.slice(0, 100),
    });
    expect((await call(ben, 'PATCH', `/${id}`, { name: 'Mine now' })).statusCode).toBe(404);
    const renamed = await call(ann, 'PATCH', `/${id}`, {
      name: 'Evening shakeout',
      visibility: 'only_me',
    });
    expect(renamed.json()).toMatchObject({ name: 'Evening shakeout', visibility: 'only_me' });
    expect((await call(ben, 'DELETE', `/${id}`)).statusCode).toBe(404);
    expect((await call(ann, 'DELETE', `/${id}`)).statusCode).toBe(204);
    expect((await call(ann, 'GET', `/${id}`)).statusCode).toBe(404);
    expect(await t.stride.platform.blobs.get(`activities/${id}/streams`)).toBeUndefined();
  });
});
