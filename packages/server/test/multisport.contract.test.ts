/**
 * A file of several activities keeps every one: a multisport FIT (swim, transition, bike,
 * transition, run) becomes one activity per session, grouped as legs; a GPX of two separate
 * tracks becomes two activities. Sending the same file again finds every one as a duplicate,
 * session by session; nothing is dropped as a "duplicate" of its own file's first activity.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeActivity } from '../../formats/test/helpers/fit-fixtures.js';
import { syntheticActivity, toGpx } from '../src/demo/synthetic-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import { multipart, type SignedIn, signUp } from './helpers.js';

const TRIATHLON = [
  { sport: 'swimming', subSport: 'openWater', seconds: 60 },
  { sport: 'transition', seconds: 20 },
  { sport: 'cycling', seconds: 120 },
  { sport: 'transition', seconds: 15 },
  { sport: 'running', seconds: 90 },
];

/** Two runs an hour apart in one GPX (two tracks): two activities, not legs of one. */
function twoRunsGpx(): string {
  const run = (seed: number, startTime: number) =>
    syntheticActivity({
      seed,
      sport: 'Run',
      startLat: 45.2,
      startLng: 5.7,
      startTime,
      distanceM: 2_000,
    });
  const one = toGpx('Morning', 'Run', run(1, 1_780_000_000));
  const two = toGpx('Evening', 'Run', run(2, 1_780_030_000));
  const tracks = (gpx: string) => gpx.slice(gpx.indexOf('<trk>'), gpx.lastIndexOf('</trk>') + 6);
  return one.replace(tracks(one), `${tracks(one)}${tracks(two)}`);
}

describe.each(DATABASES)('files of several activities on $name', (database) => {
  const t = useTestApp(database);
  let ann: SignedIn;
  let ben: SignedIn;
  beforeAll(async () => {
    ann = await signUp(t.app, 'ann');
    ben = await signUp(t.app, 'ben');
  });

  async function upload(name: string, bytes: Uint8Array, fields: Record<string, string> = {}) {
    const { payload, headers } = multipart({ name, bytes }, { visibility: 'everyone', ...fields });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      payload,
      headers: { ...headers, ...ann.headers },
    });
    expect(res.statusCode).toBe(202);
    await t.stride.worker.drain();
    return (
      await t.app.inject({ url: `/api/v1/uploads/${res.json().id}`, headers: ann.headers })
    ).json();
  }

  const get = (url: string, who: SignedIn = ann) =>
    t.app
      .inject({ url, headers: who.headers })
      .then((r) => ({ status: r.statusCode, body: r.json() }));

  it('makes one activity per session of a multisport file, shown as legs of one group', async () => {
    // The sport chosen at upload is the file's, not every leg's: it is not applied to them.
    const up = await upload('triathlon.fit', encodeActivity({ segments: TRIATHLON }), {
      sport_type: 'Run',
    });
    expect(up.status).toBe('ready');
    expect(up.activity_ids).toHaveLength(5);
    expect(new Set(up.activity_ids).size).toBe(5);
    expect(up.activity_id).toBe(up.activity_ids[0]);

    const legs = await Promise.all(
      up.activity_ids.map((id: string) => get(`/api/v1/activities/${id}`).then((r) => r.body)),
    );
    expect(legs.map((a) => a.sport_type)).toEqual(['Swim', 'Workout', 'Ride', 'Workout', 'Run']);
    expect(legs.map((a) => a.distance)).toEqual(
      TRIATHLON.map((s) => expect.closeTo(s.seconds * 5, -1)),
    );
    const group = legs[0].multisport.group_id;
    expect(legs.map((a) => a.multisport)).toEqual(
      legs.map((_, i) => ({ group_id: group, leg: i + 1, legs: 5 })),
    );

    // Any leg lists the whole group, in order; another athlete sees the legs shared with them.
    const listed = await get(`/api/v1/activities/${up.activity_ids[2]}/legs`, ben);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual(up.activity_ids);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/activities/${up.activity_ids[1]}`,
      payload: { visibility: 'only_me' },
      headers: ann.headers,
    });
    const shared = await get(`/api/v1/activities/${up.activity_ids[0]}/legs`, ben);
    expect(shared.body.items.map((a: { id: string }) => a.id)).toEqual(
      up.activity_ids.filter((_: string, i: number) => i !== 1),
    );
    const own = await get(`/api/v1/activities/${up.activity_ids[0]}/legs`);
    expect(own.body.items).toHaveLength(5);

    // The same file again: one duplicate upload naming every leg; nothing new is stored.
    const again = await upload('triathlon-again.fit', encodeActivity({ segments: TRIATHLON }));
    expect(again.status).toBe('duplicate');
    expect(again.activity_ids).toEqual(up.activity_ids);
    const mine = await get('/api/v1/activities?limit=50');
    expect(mine.body.items).toHaveLength(5);
  });

  it('keeps both tracks of a GPX holding two separate runs', async () => {
    const bytes = new TextEncoder().encode(twoRunsGpx());
    const up = await upload('two-runs.gpx', bytes);
    expect(up.status).toBe('ready');
    expect(up.activity_ids).toHaveLength(2);
    const [one, two] = await Promise.all(
      up.activity_ids.map((id: string) => get(`/api/v1/activities/${id}`).then((r) => r.body)),
    );
    expect(one.multisport).toBeNull();
    expect(two.multisport).toBeNull();
    expect(Date.parse(two.start_date) - Date.parse(one.start_date)).toBe(30_000_000);
    // Not legs of a group: each lists itself alone.
    const legs = await get(`/api/v1/activities/${one.id}/legs`);
    expect(legs.body.items.map((a: { id: string }) => a.id)).toEqual([one.id]);

    // A file holding those two runs again, sent by itself: both found, session by session.
    const copy = new TextEncoder().encode(`${twoRunsGpx()}\n`);
    const again = await upload('two-runs-copy.gpx', copy);
    expect(again.status).toBe('duplicate');
    expect(again.activity_ids).toEqual(up.activity_ids);
  });
});
