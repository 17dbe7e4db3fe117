import { randomUUID } from 'node:crypto';
import { rulerDistance } from '@stride/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeLine } from '../src/demo/route-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import { ROUTE, segmentApi } from './segment-helpers.js';

interface Streams {
  latlng?: { data: [number, number][] };
  distance?: { data: number[] };
  altitude?: { data: (number | null)[] };
}

describe.each(DATABASES)('segment streams on $name', (database) => {
  const t = useTestApp(database);
  const api = segmentApi(
    () => t.app,
    () => t.stride.worker.drain(),
  );
  let ann: SignedIn;
  let annRun: string;
  let distance: number[];
  beforeAll(async () => {
    ann = await signUp(t.app, 'ann');
    annRun = await api.upload(ann, {
      seed: 3,
      speedMps: 3,
      startTime: Math.floor(Date.now() / 1000) - 7200,
    });
    distance = (
      await api.inject({
        method: 'GET',
        url: `/api/v1/activities/${annRun}/streams?keys=distance`,
        headers: ann.headers,
      })
    ).json().distance.data;
  });

  const streams = async (id: string, keys?: string) => {
    const res = await api.inject({
      method: 'GET',
      url: `/api/v1/segments/${id}/streams${keys ? `?keys=${keys}` : ''}`,
    });
    return { status: res.statusCode, body: res.json() as Streams & { error?: unknown } };
  };

  it('gives a cut segment its smoothed elevation profile, aligned with positions and distance', async () => {
    const start = distance.findIndex((d) => d >= 500);
    const end = distance.findIndex((d) => d >= 2500);
    const created = await api.inject({
      method: 'POST',
      url: '/api/v1/segments',
      headers: ann.headers,
      payload: { name: 'Long drag', activity_id: annRun, start_index: start, end_index: end },
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    // Its backfill is queued with it: the page can say past activities are being matched.
    expect(s.matching).toBe(true);
    expect((await api.segment(s.id)).json().matching).toBe(true);
    await t.stride.worker.drain();
    expect((await api.segment(s.id)).json().matching).toBe(false);

    // Anyone may read them, as the segment itself.
    const { status, body } = await streams(s.id, 'latlng,distance,altitude');
    expect(status).toBe(200);
    const latlng = body.latlng!.data;
    const along = body.distance!.data;
    const altitude = body.altitude!.data;
    // Two kilometres at 1 Hz and 3 m/s is ~670 samples: spread over at most 500.
    expect(along.length).toBe(500);
    expect(latlng).toHaveLength(along.length);
    expect(altitude).toHaveLength(along.length);
    expect(along[0]).toBe(0);
    expect(along.every((d, i) => i === 0 || d >= along[i - 1]!)).toBe(true);
    expect(Math.abs(along.at(-1)! - s.distance)).toBeLessThan(0.1);
    const near = (a: [number, number], b: [number, number]) =>
      rulerDistance(a[0], a[1], b[0], b[1]);
    expect(near(latlng[0]!, s.start_latlng)).toBeLessThan(0.5);
    expect(near(latlng.at(-1)!, s.end_latlng)).toBeLessThan(0.5);
    // The profile is the one the figures come from, and follows the route's climb (2 % with
    // a 2 m wave): the segment's last sample is ~2 km on, ~40 m higher.
    const values = altitude.map((a) => a!);
    expect(Math.max(...values)).toBeLessThanOrEqual(s.elevation_high + 0.05);
    expect(Math.max(...values)).toBeGreaterThan(s.elevation_high - 0.5);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(s.elevation_low - 0.05);
    const rise = values.at(-1)! - values[0]!;
    const expected = ROUTE.elevation(distance[end]!) - ROUTE.elevation(distance[start]!);
    expect(Math.abs(rise - expected)).toBeLessThan(1.5);

    const one = await streams(s.id, 'distance');
    expect(Object.keys(one.body)).toEqual(['distance']);
  });

  it('gives a drawn line its vertices and distance, with no altitude', async () => {
    const created = await api.createSegment(ann, {
      name: 'Drawn',
      sport_type: 'Run',
      points: routeLine(ROUTE, 200, 1400),
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    const { status, body } = await streams(s.id);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['distance', 'latlng']);
    expect(body.latlng!.data).toHaveLength(body.distance!.data.length);
    expect(Math.abs(body.distance!.data.at(-1)! - s.distance) / s.distance).toBeLessThan(0.005);
  });

  it('names unknown keys with a 400, and answers 404 for a segment that is not there', async () => {
    const bad = await streams(randomUUID(), 'latlng,watts');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('watts');
    expect((await streams(randomUUID())).status).toBe(404);

    const created = await api.createSegment(ann, {
      name: 'Short-lived',
      activity_id: annRun,
      start_index: 10,
      end_index: 200,
    });
    const id = created.json().id;
    expect((await streams(id)).status).toBe(200);
    const del = await api.inject({
      method: 'DELETE',
      url: `/api/v1/segments/${id}`,
      headers: ann.headers,
    });
    expect(del.statusCode).toBe(204);
    expect((await streams(id)).status).toBe(404);
  });
});
