import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccountService } from '../src/accounts/account.service.js';
import { syntheticActivity, toGpx } from '../src/demo/synthetic-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import { multipart, type SignedIn, signUp } from './helpers.js';

describe.each(DATABASES)('data rights on $name', (database) => {
  let ann: SignedIn;
  let ben: SignedIn;
  let uploadedActivity: string;
  let recorded: string;
  const gpx = new TextEncoder().encode(
    toGpx(
      'Export me',
      'Run',
      syntheticActivity({
        seed: 9,
        sport: 'Run',
        startLat: 45.7,
        startLng: 4.8,
        startTime: 1_780_000_000,
        distanceM: 2000,
      }),
    ),
  );

  const t = useTestApp(database);
  beforeAll(async () => {
    ann = await signUp(t.app, 'ann');
    ben = await signUp(t.app, 'ben');
    await t.app.inject({ method: 'PUT', url: '/api/v1/athletes/ben/follow', headers: ann.headers });
    await t.app.inject({ method: 'PUT', url: '/api/v1/athletes/ann/follow', headers: ben.headers });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/privacy-zones',
      headers: ann.headers,
      payload: { lat: 45.7, lng: 4.8, radius: 300 },
    });
    const { payload, headers } = multipart({ name: 'morning.gpx', bytes: gpx });
    const up = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/uploads',
        payload,
        headers: { ...headers, ...ann.headers },
      })
    ).json();
    await t.stride.worker.drain();
    uploadedActivity = (
      await t.app.inject({ method: 'GET', url: `/api/v1/uploads/${up.id}`, headers: ann.headers })
    ).json().activity_id;
    recorded = randomUUID();
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/activities/${recorded}/recording`,
      headers: ann.headers,
      payload: {
        sport_type: 'Ride',
        events: [
          { kind: 'START', at: '2026-06-01T06:00:00Z' },
          { kind: 'STOP', at: '2026-06-01T06:01:40Z' },
        ],
        points: Array.from({ length: 100 }, (_, i) => ({
          t: 1_780_293_600 + i,
          lat: 46 + i * 1e-4,
          lng: 5,
        })),
      },
    });
  });

  it('exports everything about me as a zip: profile, activities, tracks, original files and notifications', async () => {
    const followed = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/athletes/ann/follow',
      headers: ben.headers,
    });
    expect(followed.statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/export',
      headers: ann.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const names = Object.keys(files).sort();
    expect(names).toContain('profile.json');
    expect(names).toContain(`activities/${uploadedActivity}.gpx`);
    expect(names).toContain(`activities/${recorded}.gpx`);
    const original = names.find((n) => n.startsWith('originals/'))!;
    expect(files[original]).toEqual(gpx);
    const profile = JSON.parse(new TextDecoder().decode(files['profile.json']));
    expect(profile.athlete.handle).toBe('ann');
    expect(profile.athlete).not.toHaveProperty('password_hash');
    expect(profile.athlete).not.toHaveProperty('privacy_secret');
    expect(profile.privacy_zones).toHaveLength(1);
    expect(profile.privacy_zones[0]).not.toHaveProperty('secret');
    expect(profile.following.map((f: { handle: string }) => f.handle)).toEqual(['ben']);
    const activities = JSON.parse(new TextDecoder().decode(files['activities.json']));
    expect(activities).toHaveLength(2);
    const notifications = JSON.parse(new TextDecoder().decode(files['notifications.json']));
    expect(notifications.settings.kudos).toBeDefined();
    expect(notifications.items).toEqual([
      expect.objectContaining({ kind: 'follower', text: 'ben started following you' }),
    ]);
  });

  it('reads activities a page at a time and writes the zip as it goes', async () => {
    const s = t.stride;
    // One activity per page: the export must walk the keyset to the end, not stop at a page.
    const paged = new AccountService({
      athletes: s.athletes.athletes,
      follows: s.athletes.follows,
      activities: s.activities.activities,
      reads: s.activities.reads,
      privacy: s.privacy.privacy,
      uploads: s.uploads.uploads,
      photos: s.photos.photos,
      social: s.social.social,
      blobs: s.platform.blobs,
      events: s.platform.events,
      pageSize: 1,
    });
    const chunks: Uint8Array[] = [];
    for await (const chunk of await paged.export(ann.id)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    const files = unzipSync(Buffer.concat(chunks));
    const activities = JSON.parse(new TextDecoder().decode(files['activities.json']));
    expect(activities.map((a: { id: string }) => a.id).sort()).toEqual(
      [uploadedActivity, recorded].sort(),
    );
    expect(Object.keys(files).filter((n) => n.startsWith('activities/'))).toHaveLength(2);
  });

  it('deletes the account with every row and file, only with the right password', async () => {
    const wrong = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: ann.headers,
      payload: { password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: ann.headers,
      payload: { password: 'password123' },
    });
    expect(ok.statusCode).toBe(204);

    const db = t.stride.platform.db;
    const count = async (
      table:
        | 'activities'
        | 'uploads'
        | 'follows'
        | 'privacy_zones'
        | 'refresh_tokens'
        | 'activity_events'
        | 'activity_point_batches',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('activities')).toBe(0);
    expect(await count('activity_events')).toBe(0);
    expect(await count('activity_point_batches')).toBe(0);
    expect(await count('uploads')).toBe(0);
    expect(await count('follows')).toBe(0);
    expect(await count('privacy_zones')).toBe(0);
    const tokens = await db.selectFrom('refresh_tokens').select('athlete_id').execute();
    expect(tokens.every((r) => r.athlete_id === ben.id)).toBe(true);
    expect(await t.stride.platform.blobs.get(`activities/${recorded}/streams`)).toBeUndefined();
    expect(
      await t.stride.platform.blobs.get(`activities/${uploadedActivity}/streams`),
    ).toBeUndefined();
    // The athlete is gone for everyone; the old token no longer works.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/athletes/ann', headers: ben.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: ann.headers })).statusCode,
    ).toBe(401);
  });
});
