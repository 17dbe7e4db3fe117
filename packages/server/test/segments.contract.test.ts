import { randomUUID } from 'node:crypto';
import { decodePolyline, rulerDistance } from '@stride/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pointAt, routeLine } from '../src/demo/route-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import { ROUTE, segmentApi } from './segment-helpers.js';

const HOUR = 3600;

describe.each(DATABASES)('segments on $name', (database) => {
  const t = useTestApp(database);
  const api = segmentApi(
    () => t.app,
    () => t.stride.worker.drain(),
  );
  let ann: SignedIn;
  let ben: SignedIn;
  let drawn: string;
  let annRun: string;
  beforeAll(async () => {
    ann = await signUp(t.app, 'ann');
    ben = await signUp(t.app, 'ben');
    annRun = await api.upload(ann, {
      seed: 1,
      speedMps: 3,
      startTime: Math.floor(Date.now() / 1000) - 5 * HOUR,
    });
  });

  it('creates a segment from a drawn line, with unknown elevation, readable by anyone', async () => {
    const res = await api.createSegment(ann, {
      name: 'Quai climb',
      sport_type: 'Run',
      points: routeLine(ROUTE, 600, 2200),
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    drawn = s.id;
    expect(s).toMatchObject({
      name: 'Quai climb',
      sport_type: 'Run',
      activity_type: 'Run',
      average_grade: null,
      total_elevation_gain: null,
      starred: false,
      star_count: 0,
      created_by_viewer: true,
    });
    expect(s.distance).toBeGreaterThan(1550);
    expect(s.distance).toBeLessThan(1650);
    const [lat, lng] = pointAt(ROUTE, 600);
    expect(rulerDistance(s.start_latlng[0], s.start_latlng[1], lat, lng)).toBeLessThan(2);
    expect(decodePolyline(s.map.polyline).lat.length).toBeGreaterThanOrEqual(2);

    const anonymous = await api.segment(drawn);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toMatchObject({
      id: drawn,
      starred: false,
      athlete_segment_stats: null,
    });
    expect(anonymous.json().created_by_viewer).toBe(false);
  });

  it('refuses a degenerate line with 422 and the reason, and malformed bodies with 400', async () => {
    const tiny = await api.createSegment(ann, {
      name: 'Nowhere',
      sport_type: 'Run',
      points: [
        [45.76, 4.83],
        [45.76002, 4.83002],
      ],
    });
    expect(tiny.statusCode).toBe(422);
    expect(tiny.json().error.code).toBe('UNPROCESSABLE');
    expect(tiny.json().error.message.length).toBeGreaterThan(10);

    const both = await api.createSegment(ann, {
      name: 'Both',
      sport_type: 'Run',
      activity_id: annRun,
      start_index: 0,
      end_index: 10,
      points: routeLine(ROUTE, 0, 500),
    });
    expect(both.statusCode).toBe(400);
    const noSport = await api.createSegment(ann, { name: 'x', points: routeLine(ROUTE, 0, 500) });
    expect(noSport.statusCode).toBe(400);
    expect(noSport.json().error.details.fields[0].field).toBe('body.sport_type');
    const badSport = await api.createSegment(ann, {
      name: 'x',
      sport_type: 'Swim',
      points: routeLine(ROUTE, 0, 500),
    });
    expect(badSport.statusCode).toBe(400);
  });

  it('cuts a segment from part of one of my activities, with elevation and grade', async () => {
    const streams = (
      await api.inject({
        method: 'GET',
        url: `/api/v1/activities/${annRun}/streams?keys=distance`,
        headers: ann.headers,
      })
    ).json();
    const distance: number[] = streams.distance.data;
    const start = distance.findIndex((d) => d >= 1000);
    const end = distance.findIndex((d) => d >= 2000);
    const res = await api.createSegment(ann, {
      name: 'Middle kilometre',
      activity_id: annRun,
      start_index: start,
      end_index: end,
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s.sport_type).toBe('Run');
    expect(s.distance).toBeGreaterThan(950);
    expect(s.distance).toBeLessThan(1050);
    expect(s.average_grade).toBeGreaterThan(1);
    expect(s.average_grade).toBeLessThan(3);
    expect(s.elevation_high).toBeGreaterThan(s.elevation_low);

    const tooFar = await api.createSegment(ann, {
      name: 'x',
      activity_id: annRun,
      start_index: 0,
      end_index: distance.length,
    });
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.json().error.details.fields[0].field).toBe('body.end_index');
    const backwards = await api.createSegment(ann, {
      name: 'x',
      activity_id: annRun,
      start_index: end,
      end_index: start,
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('lets nobody cut a segment from someone else’s activity', async () => {
    const visible = await api.createSegment(ben, {
      name: 'Theirs',
      activity_id: annRun,
      start_index: 10,
      end_index: 400,
    });
    expect(visible.statusCode).toBe(403);
    await api.patch(ann, `/api/v1/activities/${annRun}`, { visibility: 'only_me' });
    const hidden = await api.createSegment(ben, {
      name: 'Theirs',
      activity_id: annRun,
      start_index: 10,
      end_index: 400,
    });
    expect(hidden.statusCode).toBe(404);
    await api.patch(ann, `/api/v1/activities/${annRun}`, { visibility: 'everyone' });
  });

  it('explores the segments of a map area, most popular first, and names a bad bbox', async () => {
    const explore = async (query: string) =>
      api.inject({ method: 'GET', url: `/api/v1/segments?${query}` });
    const here = await explore('bbox=45.75,4.82,45.79,4.87');
    expect(here.statusCode).toBe(200);
    const ids = here.json().items.map((s: { id: string }) => s.id);
    expect(ids).toContain(drawn);
    expect(ids).toHaveLength(2);
    // The cut segment's source activity matched it: one athlete, so it comes first.
    expect(here.json().items[0].athlete_count).toBeGreaterThanOrEqual(
      here.json().items[1].athlete_count,
    );
    expect((await explore('bbox=48.8,2.3,48.9,2.4')).json().items).toEqual([]);
    expect((await explore('bbox=45.75,4.82,45.79,4.87&sport_type=Ride')).json().items).toEqual([]);
    for (const bad of ['bbox=45.75,4.82,45.79', 'bbox=a,b,c,d', 'bbox=45.79,4.82,45.75,4.87']) {
      const res = await explore(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.details.fields[0].field).toBe('querystring.bbox');
    }
    expect((await explore('')).statusCode).toBe(400);
  });

  it('stars and unstars, and lists my starred segments', async () => {
    const star = await api.inject({
      method: 'PUT',
      url: `/api/v1/segments/${drawn}/star`,
      headers: ben.headers,
    });
    expect(star.statusCode).toBe(200);
    expect(star.json()).toMatchObject({ starred: true, star_count: 1 });
    // Starring twice is one star.
    await api.inject({
      method: 'PUT',
      url: `/api/v1/segments/${drawn}/star`,
      headers: ben.headers,
    });
    expect((await api.segment(drawn, ben)).json()).toMatchObject({ starred: true, star_count: 1 });
    expect((await api.segment(drawn, ann)).json().starred).toBe(false);
    const starred = await api.inject({
      method: 'GET',
      url: '/api/v1/me/segments/starred',
      headers: ben.headers,
    });
    expect(starred.json().items.map((s: { id: string }) => s.id)).toEqual([drawn]);
    const unstar = await api.inject({
      method: 'DELETE',
      url: `/api/v1/segments/${drawn}/star`,
      headers: ben.headers,
    });
    expect(unstar.json()).toMatchObject({ starred: false, star_count: 0 });
    const none = await api.inject({
      method: 'GET',
      url: '/api/v1/me/segments/starred',
      headers: ben.headers,
    });
    expect(none.json().items).toEqual([]);
  });

  it('answers 404 for unknown segments and 401 for writes without a token', async () => {
    const unknown = randomUUID();
    for (const url of [`/api/v1/segments/${unknown}`, `/api/v1/segments/${unknown}/leaderboard`]) {
      expect((await api.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    expect(
      (
        await api.inject({
          method: 'PUT',
          url: `/api/v1/segments/${unknown}/star`,
          headers: ann.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await api.inject({
          method: 'POST',
          url: '/api/v1/segments',
          payload: { name: 'x', sport_type: 'Run', points: routeLine(ROUTE, 0, 500) },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await api.inject({ method: 'GET', url: `/api/v1/segments/${drawn}/efforts` })).statusCode,
    ).toBe(401);
  });

  it('deletes a segment for its creator only; its efforts go with it', async () => {
    const byOther = await api.inject({
      method: 'DELETE',
      url: `/api/v1/segments/${drawn}`,
      headers: ben.headers,
    });
    expect(byOther.statusCode).toBe(403);
    expect((await api.efforts(annRun, ann)).map((e) => e.segment.id)).toContain(drawn);
    const del = await api.inject({
      method: 'DELETE',
      url: `/api/v1/segments/${drawn}`,
      headers: ann.headers,
    });
    expect(del.statusCode).toBe(204);
    await t.stride.worker.drain();
    expect((await api.segment(drawn)).statusCode).toBe(404);
    expect((await api.efforts(annRun, ann)).map((e) => e.segment.id)).not.toContain(drawn);
  });
});
