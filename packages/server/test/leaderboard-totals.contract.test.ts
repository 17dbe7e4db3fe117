import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticActivity, toGpx } from '../src/demo/synthetic-activity.js';
import { BOARD_TARGETS, useBoardTestApp } from './adapters.js';
import { multipart, type SignedIn, signUp } from './helpers.js';

// Started two hours ago in Lyon, so it falls in the current week whatever day the suite runs.
const startTime = Math.floor(Date.now() / 1000) - 2 * 3600;
const lyonRun = (seed: number, distanceM: number) =>
  syntheticActivity({ seed, sport: 'Run', startLat: 45.76, startLng: 4.83, startTime, distanceM });

describe.each(BOARD_TARGETS)('athlete totals follow activities ($name)', (target) => {
  const t = useBoardTestApp(target);
  let camille: SignedIn;
  let hugo: SignedIn;
  let lea: SignedIn;
  let date: string;
  let camilleRun: string;

  const drain = () => t.stride.worker.drain();
  const board = async (who: SignedIn, query = '') => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/leaderboards/athletes?sport=Run&date=${date}${query}`,
      headers: who.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      entries: Array<{ rank: number; athlete: { handle: string }; distance: number }>;
      viewer: { rank: number; distance: number; activities: number } | null;
    };
  };
  const handles = (b: { entries: Array<{ athlete: { handle: string } }> }) =>
    b.entries.map((e) => e.athlete.handle);
  const upload = async (who: SignedIn, distanceM: number, seed: number) => {
    const gpx = new TextEncoder().encode(toGpx('Run', 'Run', lyonRun(seed, distanceM)));
    const { payload, headers } = multipart({ name: 'run.gpx', bytes: gpx });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      payload,
      headers: { ...headers, ...who.headers },
    });
    await drain();
    const status = await t.app.inject({
      method: 'GET',
      url: `/api/v1/uploads/${res.json().id}`,
      headers: who.headers,
    });
    return status.json().activity_id as string;
  };
  const patch = async (who: SignedIn, id: string, body: Record<string, unknown>) => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/activities/${id}`,
      headers: who.headers,
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    await drain();
  };

  beforeAll(async () => {
    camille = await signUp(t.app, 'camille');
    hugo = await signUp(t.app, 'hugo');
    lea = await signUp(t.app, 'lea');
    for (const [who, city] of [
      [camille, 'Lyon'],
      [hugo, 'Lyon'],
      [lea, 'Paris'],
    ] as const) {
      await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: who.headers,
        payload: { country: 'France', city },
      });
    }
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/athletes/hugo/follow',
      headers: camille.headers,
    });
    camilleRun = await upload(camille, 8000, 1);
    const activity = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${camilleRun}`,
      headers: camille.headers,
    });
    // The viewer's local date: the day the run counts on.
    date = activity.json().start_date_local.slice(0, 10);
  });

  it('puts an uploaded activity on the boards of its week, month and year', async () => {
    const week = await board(camille);
    expect(handles(week)).toEqual(['camille']);
    expect(week.entries[0]!.distance).toBeGreaterThan(7500);
    expect(week.viewer).toMatchObject({ rank: 1, activities: 1 });
    for (const period of ['month', 'year']) {
      expect(handles(await board(hugo, `&period=${period}`))).toEqual(['camille']);
    }
    expect((await board(hugo)).viewer).toBeNull();
  });

  it('ranks athletes by distance, by city and among the people one follows', async () => {
    await upload(hugo, 12_000, 2);
    await upload(lea, 10_000, 3);
    expect(handles(await board(camille))).toEqual(['hugo', 'lea', 'camille']);
    expect((await board(camille)).viewer?.rank).toBe(3);
    expect(handles(await board(camille, '&country=France&city=lyon'))).toEqual(['hugo', 'camille']);
    expect(handles(await board(camille, '&following=true'))).toEqual(['hugo', 'camille']);
    expect(handles(await board(camille, '&limit=1'))).toEqual(['hugo']);
    expect(handles(await board(camille, `&period=custom&from=${date}&to=${date}`))).toEqual([
      'hugo',
      'lea',
      'camille',
    ]);
  });

  it('takes an activity off when it is made visible only to its athlete, and back', async () => {
    await patch(camille, camilleRun, { visibility: 'only_me' });
    expect(handles(await board(lea))).toEqual(['hugo', 'lea']);
    expect((await board(camille)).viewer).toBeNull();
    await patch(camille, camilleRun, { visibility: 'followers' });
    expect(handles(await board(lea))).toEqual(['hugo', 'lea', 'camille']);
  });

  it('moves an activity whose sport changes to the other sport’s board', async () => {
    await patch(camille, camilleRun, { sport_type: 'Hike' });
    expect(handles(await board(lea))).toEqual(['hugo', 'lea']);
    const hike = await t.app.inject({
      method: 'GET',
      url: `/api/v1/leaderboards/athletes?sport=Hike&date=${date}`,
      headers: lea.headers,
    });
    expect(
      hike.json().entries.map((e: { athlete: { handle: string } }) => e.athlete.handle),
    ).toEqual(['camille']);
    await patch(camille, camilleRun, { sport_type: 'Run', name: 'Back to running' });
  });

  it('counts a recorded activity once it is finalized', async () => {
    const id = randomUUID();
    const points = lyonRun(4, 3000).map((p) => ({ t: p.t, lat: p.lat, lng: p.lng }));
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/activities/${id}/recording`,
      headers: camille.headers,
      payload: {
        sport_type: 'Run',
        events: [
          { kind: 'START', at: new Date(points[0]!.t * 1000).toISOString() },
          { kind: 'STOP', at: new Date(points.at(-1)!.t * 1000).toISOString() },
        ],
        points,
      },
    });
    expect(res.statusCode).toBe(200);
    await drain();
    const mine = (await board(camille)).viewer!;
    expect(mine.activities).toBe(2);
    expect(mine.distance).toBeGreaterThan(10_500);
  });

  it('takes a deleted activity off the boards', async () => {
    const before = (await board(camille)).viewer!;
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/activities/${camilleRun}`,
      headers: camille.headers,
    });
    expect(res.statusCode).toBe(204);
    await drain();
    const after = (await board(camille)).viewer!;
    expect(after.activities).toBe(1);
    expect(after.distance).toBeLessThan(before.distance - 7500);
  });

  it('refills the boards from the activities on a rebuild', async () => {
    const before = await board(lea);
    await t.stride.leaderboards.athleteTotals.clear();
    expect((await board(lea)).entries).toEqual([]);
    await t.stride.leaderboards.leaderboards.requestRebuild();
    await drain();
    expect(await board(lea)).toEqual(before);
  });

  it('removes a deleted account from the boards', async () => {
    const res = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: hugo.headers,
      payload: { password: 'password123' },
    });
    expect(res.statusCode).toBe(204);
    await drain();
    expect(handles(await board(lea))).toEqual(['lea', 'camille']);
    // Nothing of the account is left in the store either (it answers ids, not names).
    const raw = await t.stride.leaderboards.athleteTotals.query({
      sport: 'Run',
      period: 'week',
      now: new Date(`${date}T00:00:00Z`),
      limit: 10,
    });
    expect(raw.total).toBe(2);
  });

  it('answers 400 naming the field for bad input, and 401 without a token', async () => {
    const bad = async (query: string, field: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/leaderboards/athletes?${query}`,
        headers: lea.headers,
      });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details.fields[0].field, query).toBe(`querystring.${field}`);
    };
    await bad('period=week', 'sport');
    await bad('sport=Run&period=fortnight', 'period');
    await bad('sport=Run&period=custom', 'from');
    await bad(`sport=Run&period=custom&from=${date}`, 'to');
    await bad(`sport=Run&from=${date}`, 'from');
    await bad('sport=Run&period=custom&from=2026-05-02&to=2026-05-01', 'to');
    await bad('sport=Run&period=custom&from=2001-01-01&to=2001-01-02', 'from');
    await bad('sport=Run&period=custom&from=2026-02-30&to=2026-03-01', 'from');
    await bad('sport=Run&date=2001-01-01', 'date');
    await bad('sport=Run&region=Bretagne', 'region');
    await bad('sport=Run&country=France&region=Bretagne&city=Rennes', 'city');
    await bad('sport=Run&limit=0', 'limit');
    await bad('sport=Run&following=maybe', 'following');
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/api/v1/leaderboards/athletes?sport=Run',
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('documents the route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const op = doc.paths['/api/v1/leaderboards/athletes'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['sport', 'period', 'from', 'to', 'country', 'city', 'following']),
    );
  });
});
