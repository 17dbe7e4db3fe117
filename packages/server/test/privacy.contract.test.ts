import { randomUUID } from 'node:crypto';
import { decodePolyline, destination, seededRandom } from '@stride/core';
import { importActivityFile } from '@stride/formats';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { uuidFromName } from '../src/platform/ids.js';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, saveRun, signUp } from './helpers.js';

const DEG = Math.PI / 180;
/** The point `m` metres from (lat, lng) along `bearing` radians. */
const offset = (lat: number, lng: number, m: number, bearing: number) =>
  destination(lat, lng, m, (bearing * 180) / Math.PI);
const metres = (a: number, b: number, c: number, d: number) =>
  Math.hypot((d - b) * Math.cos(((a + c) / 2) * DEG) * 111_195, (c - a) * 111_195);

/** A wandering track of `n` points from (lat, lng) along `bearing`, one point per second, ~4 m apart. */
function track(
  lat: number,
  lng: number,
  bearing: number,
  n: number,
  rnd: () => number,
  t0: number,
) {
  const pts: Array<{ t: number; lat: number; lng: number }> = [];
  let cur: [number, number] = [lat, lng];
  let b = bearing;
  for (let i = 0; i < n; i++) {
    pts.push({ t: t0 + i, lat: cur[0], lng: cur[1] });
    b += (rnd() - 0.5) * 0.2;
    cur = offset(cur[0], cur[1], 4, b);
  }
  return pts;
}

/** Every coordinate a viewer receives for one activity, from every read endpoint. */
async function everythingSeen(
  t: TestApp,
  viewer: SignedIn,
  id: string,
  ownerHandle: string,
): Promise<Array<[number, number]>> {
  const seen: Array<[number, number]> = [];
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: viewer.headers });
  const detail = (await get(`/api/v1/activities/${id}`)).json();
  if (detail.start_latlng) seen.push(detail.start_latlng);
  if (detail.end_latlng) seen.push(detail.end_latlng);
  if (detail.map.summary_polyline) {
    const p = decodePolyline(detail.map.summary_polyline);
    for (let i = 0; i < p.lat.length; i++) seen.push([p.lat[i]!, p.lon[i]!]);
  }
  const streams = (await get(`/api/v1/activities/${id}/streams?keys=latlng`)).json();
  for (const ll of streams.latlng?.data ?? []) if (ll) seen.push(ll);
  for (const format of ['gpx', 'tcx']) {
    const file = await get(`/api/v1/activities/${id}/export.${format}`);
    if (file.statusCode === 404) continue; // nothing visible to export
    expect(file.statusCode).toBe(200);
    const tr = importActivityFile(new Uint8Array(file.rawPayload)).activities[0]?.track;
    if (tr)
      for (let i = 0; i < tr.length; i++)
        if (!Number.isNaN(tr.lat[i]!)) seen.push([tr.lat[i]!, tr.lon[i]!]);
  }
  for (const url of [
    `/api/v1/activities?athlete=${ownerHandle}&limit=200`,
    '/api/v1/activities?mode=FRIENDS&limit=200',
  ]) {
    for (const item of (await get(url)).json().items) {
      if (item.id !== id) continue;
      if (item.start_latlng) seen.push(item.start_latlng);
      if (item.end_latlng) seen.push(item.end_latlng);
      if (item.map.summary_polyline) {
        const p = decodePolyline(item.map.summary_polyline);
        for (let i = 0; i < p.lat.length; i++) seen.push([p.lat[i]!, p.lon[i]!]);
      }
    }
  }
  return seen;
}

describe.each(DATABASES)('privacy through the API on $name', (database) => {
  let follower: SignedIn;
  let n = 0;
  const t = useTestApp(database);
  beforeAll(async () => {
    follower = await signUp(t.app, 'watcher');
  });

  const record = async (
    owner: SignedIn,
    pts: Array<{ t: number; lat: number; lng: number }>,
    id = randomUUID(),
  ) => {
    await saveRun(t.app, owner, id, pts);
    return id;
  };

  const newOwner = async () => {
    const owner = await signUp(t.app, `owner${n++}`);
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/athletes/${owner.handle}/follow`,
      headers: follower.headers,
    });
    return owner;
  };

  it('never shows another person a coordinate inside a privacy zone, on any read endpoint', async () => {
    let seenTotal = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: -50, max: 60, noNaN: true }),
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.integer({ min: 200, max: 1600 }),
        fc.constantFrom('start', 'end', 'through'),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.integer({ min: 1, max: 1_000_000 }),
        async (lat, lng, radius, where, bearing, seed) => {
          const owner = await newOwner();
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/me/privacy-zones',
            headers: owner.headers,
            payload: { lat, lng, radius },
          });
          const rnd = seededRandom(String(seed));
          const n = 2000; // ~8 km
          const [sLat, sLng] =
            where === 'start'
              ? [lat, lng]
              : where === 'through'
                ? offset(lat, lng, 4000, bearing + Math.PI)
                : offset(lat, lng, 8000, bearing + Math.PI);
          const id = await record(owner, track(sLat, sLng, bearing, n, rnd, 1_780_000_000));
          const seen = await everythingSeen(t, follower, id, owner.handle);
          seenTotal += seen.length;
          for (const [a, b] of seen) expect(metres(a, b, lat, lng)).toBeGreaterThan(radius);
          // The owner sees everything, including the part inside the zone.
          const own = (
            await t.app.inject({
              method: 'GET',
              url: `/api/v1/activities/${id}/streams?keys=latlng`,
              headers: owner.headers,
            })
          ).json();
          expect(own.latlng.data.length).toBe(n);
        },
      ),
      { numRuns: 6, endOnFailure: true },
    );
    // The filter hides what it must, not everything: the viewers did see the rest of the tracks.
    expect(seenTotal).toBeGreaterThan(1000);
  }, 180_000);

  it('shows others the visible part as a whole activity: its own start, totals and indices', async () => {
    const owner = await newOwner();
    const pts = track(48.85, 2.35, 1, 1500, seededRandom('totals'), 1_780_000_000);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/privacy-zones',
      headers: owner.headers,
      payload: { lat: 48.85, lng: 2.35, radius: 200 },
    });
    const id = await record(owner, pts);
    const read = async (who: SignedIn, url = '') =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/activities/${id}${url}`,
          headers: who.headers,
        })
      ).json();
    const mine = await read(owner);
    const theirs = await read(follower);
    const streams = await read(follower, '/streams?keys=time,distance,latlng');
    const n = streams.time.data.length;
    expect(n).toBeGreaterThan(100);
    expect(n).toBeLessThan(pts.length);
    // Nothing counts the hidden start: streams begin at 0, totals end where the streams do.
    expect(streams.time.data[0]).toBe(0);
    expect(streams.distance.data[0]).toBe(0);
    expect(theirs.distance).toBeLessThan(mine.distance);
    expect(theirs.distance).toBeCloseTo(streams.distance.data[n - 1], 0);
    expect(theirs.elapsed_time).toBeCloseTo(streams.time.data[n - 1], 0);
    expect(Date.parse(theirs.start_date)).toBe(
      Date.parse(mine.start_date) + (pts.length - n) * 1000,
    );
    expect(theirs.events[0]).toEqual({ kind: 'START', at: theirs.start_date });
    // Saved moments after the stop: an exact creation time would time the hidden end.
    expect(Date.parse(theirs.created_at) % 3_600_000).toBe(0);
    expect(Date.parse(theirs.updated_at) % 3_600_000).toBe(0);
    for (const e of [...theirs.best_efforts, ...theirs.laps, ...theirs.splits_metric])
      expect(e.end_index ?? 0).toBeLessThan(n);
    expect(theirs.start_latlng).toEqual(streams.latlng.data[0]);
    expect(theirs.analysis.cleaning).toBeUndefined();
    // Their athlete totals add up what they are shown, not the real distances and times.
    const totals = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/athletes/${owner.handle}/stats`,
        headers: follower.headers,
      })
    ).json().all_run_totals;
    expect(totals).toMatchObject({ count: 1, distance: theirs.distance });
    expect(totals.elapsed_time).toBe(theirs.elapsed_time);
    // The owner's own view is untouched.
    expect(mine.distance).toBeGreaterThan(5000);
    expect((await read(owner, '/streams?keys=time')).time.data).toHaveLength(pts.length);
  });

  it('hides the chosen start and end distance, and applies zones to activities recorded before them', async () => {
    const owner = await newOwner();
    const pts = track(40.0, -3.7, 2, 1000, seededRandom('ends'), 1_780_000_000);
    const id = await record(owner, pts);
    const before = await everythingSeen(t, follower, id, owner.handle);
    expect(before.some(([a, b]) => metres(a, b, pts[0]!.lat, pts[0]!.lng) < 50)).toBe(true);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: owner.headers,
      payload: { hide_start: 500, hide_end: 300 },
    });
    const after = await everythingSeen(t, follower, id, owner.handle);
    for (const [a, b] of after) {
      expect(metres(a, b, pts[0]!.lat, pts[0]!.lng)).toBeGreaterThan(400);
    }
  });

  it('defeats triangulation: 50 runs from home do not give the home away', async () => {
    const owner = await newOwner();
    const home: [number, number] = [51.5072, -0.1276];
    const radius = 400;
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/privacy-zones',
      headers: owner.headers,
      payload: { lat: home[0], lng: home[1], radius },
    });
    // The outcome depends on the zone's random secret (the estimate lands beyond R/2 for
    // 98–99 % of secrets, see docs/privacy.md); fix it, and the activity ids, so the test is
    // deterministic.
    await t.stride.platform.db
      .updateTable('privacy_zones')
      .set({ secret: 'triangulation-test' })
      .where('athlete_id', '=', owner.id)
      .execute();
    const rnd = seededRandom('triangulate');
    const ends: Array<[number, number]> = [];
    for (let k = 0; k < 50; k++) {
      const pts = track(
        home[0],
        home[1],
        rnd() * 2 * Math.PI,
        2000,
        rnd,
        1_780_000_000 + k * 86_400,
      );
      const id = await record(owner, pts, uuidFromName(`triangulation-${k}`));
      const first = (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/activities/${id}`,
          headers: follower.headers,
        })
      ).json().start_latlng;
      if (first) ends.push(first); // a run hidden entirely gives nothing away
    }
    expect(ends.length).toBeGreaterThan(40);
    const centroid = [
      ends.reduce((s, p) => s + p[0], 0) / ends.length,
      ends.reduce((s, p) => s + p[1], 0) / ends.length,
    ];
    expect(metres(centroid[0]!, centroid[1]!, home[0], home[1])).toBeGreaterThan(radius / 2);
  }, 120_000);
});
