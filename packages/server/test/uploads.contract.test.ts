import { gzipSync } from 'node:zlib';
import { hrZoneBounds } from '@stride/core';
import { importActivityFile } from '@stride/formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticActivity, toGpx } from '../src/demo/synthetic-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import { multipart, type SignedIn, signUp } from './helpers.js';

const samples = syntheticActivity({
  seed: 7,
  sport: 'Run',
  startLat: 45.76,
  startLng: 4.83,
  startTime: 1_780_000_000,
  distanceM: 5000,
});
const gpx = new TextEncoder().encode(toGpx('Quais du Rhône', 'Run', samples));

describe.each(DATABASES)('uploads on $name', (database) => {
  const t = useTestApp(database, { STRIDE_MAX_UPLOAD_BYTES: String(2 * 1024 * 1024) });
  let ann: SignedIn;
  let ben: SignedIn;
  beforeAll(async () => {
    ann = await signUp(t.app, 'ann', { display_name: 'Ann' });
    ben = await signUp(t.app, 'ben');
  });

  const upload = (
    who: SignedIn,
    file: Parameters<typeof multipart>[0],
    fields?: Record<string, string>,
  ) => {
    const { payload, headers } = multipart(file, fields);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      payload,
      headers: { ...headers, ...who.headers },
    });
  };
  const status = (who: SignedIn, id: string) =>
    t.app
      .inject({ method: 'GET', url: `/api/v1/uploads/${id}`, headers: who.headers })
      .then((r) => r.json());
  const drain = () => t.stride.worker.drain();

  it("times heart-rate zones at the athlete's own maximum heart rate", async () => {
    const cai = await signUp(t.app, 'cai');
    const run = (seed: number) =>
      new TextEncoder().encode(
        toGpx(
          'Zones',
          'Run',
          syntheticActivity({
            seed,
            sport: 'Run',
            startLat: 45.2,
            startLng: 5.7,
            startTime: 1_780_000_000 + seed * 86_400,
            distanceM: 3000,
          }),
        ),
      );
    const analysisOf = async (seed: number) => {
      const accepted = (await upload(cai, { name: `z${seed}.gpx`, bytes: run(seed) })).json();
      await drain();
      const { activity_id } = await status(cai, accepted.id);
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/activities/${activity_id}`,
        headers: cai.headers,
      });
      return res.json().analysis;
    };
    // Neither a maximum nor an age: no zones rather than made-up ones.
    expect((await analysisOf(1)).hr_zones).toBeNull();

    const refused = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: cai.headers,
      payload: { max_heartrate: 300 },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('max_heartrate');
    const set = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: cai.headers,
      payload: { max_heartrate: 172 },
    });
    expect(set.json().max_heartrate).toBe(172);

    const zones: { min: number; max: number; time: number }[] = (await analysisOf(2)).hr_zones;
    expect(zones.map((z) => z.min)).toEqual([0, ...hrZoneBounds(172)]);
    expect(zones.reduce((sum, z) => sum + z.time, 0)).toBeGreaterThan(0);
  });

  it('accepts a GPX with 202, processes it in the background, and serves the activity', async () => {
    const res = await upload(
      ann,
      { name: 'run.gpx', bytes: gpx },
      { name: 'Quais du Rhône', visibility: 'followers' },
    );
    expect(res.statusCode).toBe(202);
    const accepted = res.json();
    expect(accepted.status).toBe('queued');
    await drain();
    const done = await status(ann, accepted.id);
    expect(done).toMatchObject({ status: 'ready', error: null });

    const activity = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${done.activity_id}`,
      headers: ann.headers,
    });
    expect(activity.statusCode).toBe(200);
    const a = activity.json();
    expect(a).toMatchObject({
      name: 'Quais du Rhône',
      sport_type: 'Run',
      visibility: 'followers',
      source: 'upload',
      timezone: 'Europe/Paris',
    });
    expect(a.distance).toBeGreaterThan(4700);
    expect(a.distance).toBeLessThan(5300);
    expect(a.moving_time).toBeGreaterThan(0);
    expect(a.elapsed_time).toBeCloseTo(samples.at(-1)!.t - samples[0]!.t, 0);
    expect(a.average_heartrate).toBeGreaterThan(100);
    expect(a.map.summary_polyline.length).toBeGreaterThan(10);
    expect(a.splits_metric.length).toBeGreaterThanOrEqual(4);
    expect(a.start_latlng[0]).toBeCloseTo(45.76, 2);

    const streams = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${done.activity_id}/streams?keys=time,latlng,heartrate,distance`,
      headers: ann.headers,
    });
    const s = streams.json();
    expect(s.latlng.data.length).toBe(s.time.data.length);
    expect(s.heartrate.data.length).toBe(s.time.data.length);
    expect(s.distance.data.at(-1)).toBeCloseTo(a.distance, 0);

    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${done.activity_id}/export.gpx`,
      headers: ann.headers,
    });
    expect(exported.headers['content-type']).toContain('gpx');
    const reimported = importActivityFile(new Uint8Array(exported.rawPayload));
    expect(reimported.activities[0]!.track.length).toBe(s.time.data.length);
  });

  it('answers an identical file as a duplicate of the existing activity', async () => {
    const first = (await upload(ann, { name: 'again.gpx', bytes: gpx })).json();
    expect(first.status).toBe('duplicate');
    expect(first.activity_id).toBeTypeOf('string');
  });

  it('detects the same recording in a different file (start within a minute, similar distance)', async () => {
    const res = (
      await upload(ann, { name: 'again.gpx.gz', bytes: new Uint8Array(gzipSync(gpx)) })
    ).json();
    await drain();
    const s = await status(ann, res.id);
    expect(s.status).toBe('duplicate');
  });

  it('reports a file it cannot read as an error with the importer’s message', async () => {
    const broken = new TextEncoder().encode(
      '<?xml version="1.0"?><gpx version="1.1"><trk><trkseg><trkpt lat="1" lon="2"><time>not a time',
    );
    const res = (await upload(ben, { name: 'broken.gpx', bytes: broken })).json();
    await drain();
    const s = await status(ben, res.id);
    expect(s.status).toBe('error');
    expect(s.error.length).toBeGreaterThan(10);
  });

  it('refuses an unknown format with 415 and an oversized file with 413, storing nothing', async () => {
    const notActivity = await upload(ben, {
      name: 'photo.gpx',
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    });
    expect(notActivity.statusCode).toBe(415);
    expect(notActivity.json().error.message).toContain('not a GPX, TCX or FIT');
    const huge = await upload(ben, {
      name: 'huge.gpx',
      bytes: new Uint8Array(3 * 1024 * 1024).fill(32),
    });
    expect(huge.statusCode).toBe(413);
    const missing = await upload(ben, null, { name: 'x' });
    expect(missing.statusCode).toBe(400);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      payload: { file: 'x' },
      headers: ben.headers,
    });
    expect(json.statusCode).toBe(415);
  });

  it('shows an upload whose processing cannot succeed as an error, with the reason', async () => {
    const other = new TextEncoder().encode(
      toGpx(
        'Lost',
        'Run',
        samples.map((p) => ({ ...p, t: p.t + 86_400 })),
      ),
    );
    const res = (await upload(ben, { name: 'lost.gpx', bytes: other })).json();
    // The stored original disappears (storage failure): retrying cannot help.
    await t.stride.platform.blobs.deletePrefix(`uploads/${res.id}/`);
    await drain();
    const s = await status(ben, res.id);
    expect(s.status).toBe('error');
    expect(s.error).toContain('missing from storage');
    const job = await t.stride.platform.jobs.find('upload.process', { uploadId: res.id });
    expect(job).toMatchObject({
      state: 'failed',
      error: 'the uploaded file is missing from storage',
    });
  });

  it('imports a file again once its activity was deleted, instead of calling it a duplicate', async () => {
    const file = new TextEncoder().encode(
      toGpx(
        'Again',
        'Run',
        syntheticActivity({
          seed: 9,
          sport: 'Run',
          startLat: 45.7,
          startLng: 4.8,
          startTime: 1_781_000_000,
          distanceM: 3000,
        }),
      ),
    );
    const first = (await upload(ben, { name: 'again.gpx', bytes: file })).json();
    await drain();
    const done = await status(ben, first.id);
    expect(done.status).toBe('ready');
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/activities/${done.activity_id}`,
      headers: ben.headers,
    });
    expect(del.statusCode).toBe(204);
    const second = (await upload(ben, { name: 'again.gpx', bytes: file })).json();
    await drain();
    const again = await status(ben, second.id);
    expect(again.status).toBe('ready');
    expect(again.activity_id).not.toBe(done.activity_id);
    const read = await t.app.inject({
      url: `/api/v1/activities/${again.activity_id}`,
      headers: ben.headers,
    });
    expect(read.statusCode).toBe(200);
  });

  it('keeps uploads private to their athlete', async () => {
    const mine = (await upload(ann, { name: 'x.gpx', bytes: gpx })).json();
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/uploads/${mine.id}`,
          headers: ben.headers,
        })
      ).statusCode,
    ).toBe(404);
  });
});
