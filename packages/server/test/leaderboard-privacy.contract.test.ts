import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticActivity, toGpx } from '../src/demo/synthetic-activity.js';
import { BOARD_TARGETS, useBoardTestApp } from './adapters.js';
import { multipart, type SignedIn, signUp } from './helpers.js';

// Started two hours ago, so it falls in the current week whatever day the suite runs.
const startTime = Math.floor(Date.now() / 1000) - 2 * 3600;
const HOME = { lat: 45.76, lng: 4.83 };

describe.each(BOARD_TARGETS)('distance boards count only the visible part ($name)', (target) => {
  const t = useBoardTestApp(target);
  let follower: SignedIn;

  const api = async (
    who: SignedIn,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) => {
    const res = await t.app.inject({
      method,
      url,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  /** Uploads a run from home; returns its id and the local day it counts on. */
  const runFromHome = async (who: SignedIn, seed: number) => {
    const run = syntheticActivity({
      seed,
      sport: 'Run',
      startLat: HOME.lat,
      startLng: HOME.lng,
      startTime,
      distanceM: 8000,
    });
    const { payload, headers } = multipart({
      name: 'run.gpx',
      bytes: new TextEncoder().encode(toGpx('Run', 'Run', run)),
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      payload,
      headers: { ...headers, ...who.headers },
    });
    expect(res.statusCode, res.body).toBe(202);
    await t.stride.worker.drain();
    const id = (await api(who, 'GET', `/api/v1/uploads/${res.json().id}`)).activity_id as string;
    const own = await api(who, 'GET', `/api/v1/activities/${id}`);
    return { id, day: (own.start_date_local as string).slice(0, 10) };
  };
  /** The distance of `who` on this week's running board, as the follower reads it. */
  const boardDistance = async (who: SignedIn, day: string) => {
    const board = await api(follower, 'GET', `/api/v1/leaderboards/athletes?sport=Run&date=${day}`);
    const entry = (board.entries as Array<{ athlete: { id: string }; distance: number }>).find(
      (e) => e.athlete.id === who.id,
    );
    expect(entry, JSON.stringify(board)).toBeDefined();
    return entry!.distance;
  };
  /** The distance the owner sees of the activity, and the distance everyone else is shown. */
  const distances = async (owner: SignedIn, id: string) => ({
    real: (await api(owner, 'GET', `/api/v1/activities/${id}`)).distance as number,
    shown: (await api(follower, 'GET', `/api/v1/activities/${id}`)).distance as number,
  });
  const followed = async (handle: string) => {
    const who = await signUp(t.app, handle);
    await api(follower, 'PUT', `/api/v1/athletes/${handle}/follow`);
    return who;
  };

  beforeAll(async () => {
    follower = await signUp(t.app, 'neighbour');
  });

  it('counts the distance others see of a run from home inside a privacy zone, not its real one', async () => {
    const ines = await followed('ines');
    await api(ines, 'POST', '/api/v1/me/privacy-zones', { ...HOME, radius: 600 });
    const run = await runFromHome(ines, 11);
    const { real, shown } = await distances(ines, run.id);
    expect(shown).toBeLessThan(real);
    expect(await boardDistance(ines, run.day)).toBeCloseTo(shown, 1);
  });

  it('recounts the board when hidden start and end are turned on after the run', async () => {
    const jules = await followed('jules');
    const run = await runFromHome(jules, 12);
    const before = await distances(jules, run.id);
    expect(await boardDistance(jules, run.day)).toBeCloseTo(before.real, 1);
    await api(jules, 'PATCH', '/api/v1/me', { hide_start: 500, hide_end: 300 });
    await t.stride.worker.drain();
    const { real, shown } = await distances(jules, run.id);
    expect(shown).toBeLessThan(real);
    expect(await boardDistance(jules, run.day)).toBeCloseTo(shown, 1);
  });

  it('renders a missing others’ view before counting, on a recount and on a rebuild', async () => {
    const kim = await followed('kim');
    await api(kim, 'PATCH', '/api/v1/me', { hide_start: 800 });
    const run = await runFromHome(kim, 13);
    const db = t.stride.platform.db;
    // A change whose render job has not run yet: the stored views are of an older revision.
    const outdateViews = () =>
      db
        .updateTable('activities')
        .set((eb) => ({ revision: eb('revision', '+', 1) }))
        .where('id', '=', run.id)
        .execute();
    const currentOthersViews = async () =>
      (
        await db
          .selectFrom('activity_views as v')
          .innerJoin('activities as a', (j) =>
            j.onRef('a.id', '=', 'v.activity_id').onRef('a.revision', '=', 'v.revision'),
          )
          .select('v.audience')
          .where('v.activity_id', '=', run.id)
          .where('v.audience', '=', 'others')
          .execute()
      ).length;

    await outdateViews();
    expect(await currentOthersViews()).toBe(0);
    await t.stride.leaderboards.leaderboards.refreshDay({
      athleteId: kim.id,
      sport: 'Run',
      day: run.day,
    });
    expect(await currentOthersViews()).toBe(1);
    const { real, shown } = await distances(kim, run.id);
    expect(shown).toBeLessThan(real);
    expect(await boardDistance(kim, run.day)).toBeCloseTo(shown, 1);

    await outdateViews();
    expect(await currentOthersViews()).toBe(0);
    await t.stride.leaderboards.leaderboards.requestRebuild();
    await t.stride.worker.drain();
    expect(await currentOthersViews()).toBe(1);
    expect(await boardDistance(kim, run.day)).toBeCloseTo(shown, 1);
  });
});
