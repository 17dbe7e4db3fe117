import { randomUUID } from 'node:crypto';
import { hrZoneBounds } from '@stride/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeActivity } from '../../formats/test/helpers/fit-fixtures.js';
import { syntheticActivity, toGpx } from '../src/demo/synthetic-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import { multipart, type SignedIn, signUp } from './helpers.js';

type Zone = { min: number; max: number; time: number };

describe.each(DATABASES)('recomputing activities on $name', (database) => {
  const t = useTestApp(database);
  let ann: SignedIn;
  let uploaded: string;
  const recorded = randomUUID();
  const drain = () => t.stride.worker.drain();
  /** Recompute jobs of Ann's activities still waiting to run. */
  const waitingRecomputes = async () => {
    const jobs = t.stride.platform.jobs;
    const all = [
      ...(await jobs.findAll('activities.recompute-athlete', { athleteId: ann.id })),
      ...(await jobs.findAll('activities.recompute', { activityId: uploaded })),
      ...(await jobs.findAll('activities.recompute', { activityId: recorded })),
    ];
    return all.filter((j) => j.state === 'created' || j.state === 'retry');
  };
  const get = async (id: string) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/v1/activities/${id}`, headers: ann.headers })
    ).json();
  const patchMe = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: ann.headers, payload });

  beforeAll(async () => {
    ann = await signUp(t.app, 'ann');
    const samples = syntheticActivity({
      seed: 4,
      sport: 'Ride',
      startLat: 45.2,
      startLng: 5.7,
      startTime: 1_780_000_000,
      distanceM: 8000,
    });
    const { payload, headers } = multipart({
      name: 'ride.gpx',
      bytes: new TextEncoder().encode(toGpx('Ride', 'Ride', samples)),
    });
    const up = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/uploads',
        payload,
        headers: { ...headers, ...ann.headers },
      })
    ).json();
    await drain();
    uploaded = (
      await t.app.inject({ method: 'GET', url: `/api/v1/uploads/${up.id}`, headers: ann.headers })
    ).json().activity_id;
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/activities/${recorded}/recording`,
      headers: ann.headers,
      payload: {
        sport_type: 'Run',
        events: [
          { kind: 'START', at: '2026-06-01T06:00:00Z' },
          { kind: 'STOP', at: '2026-06-01T06:05:00Z' },
        ],
        points: Array.from({ length: 300 }, (_, i) => ({
          t: 1_780_293_600 + i,
          lat: 46 + i * 3e-5,
          lng: 5,
          hr: 120 + (i % 60),
        })),
      },
    });
    expect(res.statusCode).toBeLessThan(300);
    await drain();
  });

  it('times zones on past activities once the athlete sets a maximum heart rate', async () => {
    const ride = await get(uploaded);
    const run = await get(recorded);
    expect(ride.analysis.hr_zones).toBeNull();
    expect(run.analysis.hr_zones).toBeNull();

    expect((await patchMe({ max_heartrate: 178 })).statusCode).toBe(200);
    await drain();
    for (const [before, id] of [
      [ride, uploaded],
      [run, recorded],
    ] as const) {
      const after = await get(id);
      const zones: Zone[] = after.analysis.hr_zones;
      expect(zones.map((z) => z.min)).toEqual([0, ...hrZoneBounds(178)]);
      expect(zones.reduce((s, z) => s + z.time, 0)).toBeGreaterThan(0);
      // Everything not depending on the profile is as it was.
      for (const k of ['distance', 'moving_time', 'elapsed_time', 'total_elevation_gain', 'name'])
        expect(after[k], k).toEqual(before[k]);
      expect(after.laps).toEqual(before.laps);
    }
  });

  it('estimates calories of past activities once the weight is known, and again when it changes', async () => {
    // The run has no power: its calories come from heart rate, which needs the weight.
    expect((await get(recorded)).calories).toBeNull();
    expect((await patchMe({ weight: 60 })).statusCode).toBe(200);
    await drain();
    const light = (await get(recorded)).calories;
    expect(light).toBeGreaterThan(0);
    expect((await patchMe({ weight: 95 })).statusCode).toBe(200);
    await drain();
    expect((await get(recorded)).calories).toBeGreaterThan(light);
    // Saving the same values again queues nothing.
    expect((await patchMe({ weight: 95, max_heartrate: 178 })).statusCode).toBe(200);
    expect(await waitingRecomputes()).toEqual([]);
  });

  it('recomputes every activity on request, giving the same numbers, and survives a lost original', async () => {
    const before = await get(uploaded);
    const upload = await t.stride.platform.db
      .selectFrom('uploads')
      .select('blob_key')
      .where('athlete_id', '=', ann.id)
      .executeTakeFirstOrThrow();
    await t.stride.platform.blobs.delete(upload.blob_key);
    await t.stride.activities.recompute.requestAll();
    await drain();
    const jobs = t.stride.platform.jobs;
    const runs = [
      ...(await jobs.findAll('activities.recompute-all', {})),
      ...(await jobs.findAll('activities.recompute', { activityId: uploaded })),
      ...(await jobs.findAll('activities.recompute', { activityId: recorded })),
    ];
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.filter((j) => j.state !== 'completed')).toEqual([]);
    const after = await get(uploaded);
    expect(after.distance).toBe(before.distance);
    expect(after.analysis.hr_zones).toEqual(before.analysis.hr_zones);
    expect((await get(recorded)).analysis.hr_zones).not.toBeNull();
  });

  it('reads again on request the files an earlier version refused, and adds the legs it left out', async () => {
    const db = t.stride.platform.db;
    const send = async (name: string, bytes: Uint8Array) => {
      const { payload, headers } = multipart({ name, bytes });
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/uploads',
        payload,
        headers: { ...headers, ...ann.headers },
      });
      await drain();
      return (
        await t.app.inject({ url: `/api/v1/uploads/${res.json().id}`, headers: ann.headers })
      ).json();
    };
    const legsOf = (uploadId: string) =>
      db
        .selectFrom('activities')
        .select(['id', 'group_id'])
        .where('upload_id', '=', uploadId)
        .orderBy('file_index')
        .execute();

    // As an earlier version left them: a file it could not read (an error, no activity)…
    const refused = await send(
      'refused.gpx',
      new TextEncoder().encode(
        toGpx(
          'Refused once',
          'Run',
          syntheticActivity({
            seed: 9,
            sport: 'Run',
            startLat: 45.3,
            startLng: 5.8,
            startTime: 1_781_000_000,
            distanceM: 3_000,
          }),
        ),
      ),
    );
    await db.deleteFrom('activities').where('upload_id', '=', refused.id).execute();
    await db
      .updateTable('uploads')
      .set({ status: 'error', error: 'not readable', activity_id: null, activity_ids: '[]' })
      .where('id', '=', refused.id)
      .execute();
    // …and a multisport file of which it kept only the first session, listing none.
    const triathlon = await send(
      'triathlon.fit',
      encodeActivity({
        segments: [
          { sport: 'swimming', seconds: 60 },
          { sport: 'transition', seconds: 20 },
          { sport: 'cycling', seconds: 120 },
          { sport: 'running', seconds: 90 },
        ],
      }),
    );
    const made = triathlon.activity_ids.length;
    expect(made).toBeGreaterThan(1);
    await db.deleteFrom('activities').where('id', 'in', triathlon.activity_ids.slice(1)).execute();
    await db
      .updateTable('activities')
      .set({ file_index: null, group_id: null, group_size: null })
      .where('id', '=', triathlon.activity_ids[0])
      .execute();
    await db
      .updateTable('uploads')
      .set({ activity_ids: '[]' })
      .where('id', '=', triathlon.id)
      .execute();

    await t.stride.activities.recompute.requestAll();
    await drain();

    const again = (
      await t.app.inject({ url: `/api/v1/uploads/${refused.id}`, headers: ann.headers })
    ).json();
    expect(again.status).toBe('ready');
    expect((await get(again.activity_id)).name).toBe('Refused once');
    const legs = await legsOf(triathlon.id);
    expect(legs.map((l) => l.id)).toEqual(triathlon.activity_ids);
    expect(new Set(legs.map((l) => l.group_id)).size).toBe(1);
    const listed = (
      await t.app.inject({ url: `/api/v1/uploads/${triathlon.id}`, headers: ann.headers })
    ).json();
    expect(listed.activity_ids).toEqual(triathlon.activity_ids);

    // A leg the athlete deleted since stays deleted by the next recompute.
    const gone = triathlon.activity_ids[1];
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/activities/${gone}`,
          headers: ann.headers,
        })
      ).statusCode,
    ).toBe(204);
    await t.stride.activities.recompute.requestAll();
    await drain();
    expect((await legsOf(triathlon.id)).map((l) => l.id)).not.toContain(gone);
    expect(await legsOf(triathlon.id)).toHaveLength(made - 1);
  });
});
