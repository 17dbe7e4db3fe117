import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointAt, routeActivity, routeFrom, routeLine } from '../src/demo/route-activity.js';
import { DATABASES, REDIS_URL, redisNamespace, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import { ROUTE, segmentApi } from './segment-helpers.js';

const DAY = 86_400;
const now = () => Math.floor(Date.now() / 1000);
/** The segment runs 600 m → 2,200 m along the route. */
const SEGMENT_M = 1600;

/** The local calendar day in Lyon (the segment's time zone) of an epoch second. */
const lyonDay = (epochS: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(epochS * 1000));

const targets = [
  ...DATABASES.map((database) => ({
    name: `SQL boards on ${database.name}`,
    redis: false,
    database,
  })),
  ...(REDIS_URL ? [{ name: 'Redis boards', redis: true, database: DATABASES[0]! }] : []),
];

describe.each(targets)('segment efforts and leaderboards ($name)', (target) => {
  const ns = target.redis ? redisNamespace(REDIS_URL!) : undefined;
  const t = useTestApp(target.database, ns ? { REDIS_URL, STRIDE_REDIS_PREFIX: ns.prefix } : {});
  afterAll(async () => {
    await ns?.release();
  });
  const api = segmentApi(
    () => t.app,
    () => t.stride.worker.drain(),
  );
  const who: Record<string, SignedIn> = {};
  const runs: Record<string, string> = {};
  let seg: string;
  let annStart: number;

  beforeAll(async () => {
    const profiles = { ann: ['F', 1990], ben: ['M', 1985], cleo: ['F', 2001], dan: [null, null] };
    for (const [handle, [sex, birth_year]] of Object.entries(profiles)) {
      who[handle] = await signUp(t.app, handle);
      await api.patch(who[handle]!, '/api/v1/me', { sex, birth_year });
    }
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/athletes/ben/follow',
      headers: who.ann.headers,
    });
    // Ben's run exists before the segment: the backfill must find it.
    runs.benEarly = await api.upload(who.ben, {
      seed: 20,
      speedMps: 2.9,
      startTime: now() - 3 * DAY,
    });
    const res = await api.createSegment(who.ann, {
      name: 'Quai climb',
      sport_type: 'Run',
      points: routeLine(ROUTE, 600, 2200),
    });
    expect(res.statusCode, res.body).toBe(201);
    seg = res.json().id;
  });

  it('back-fills a new segment over the activities that already exist', async () => {
    const efforts = await api.efforts(runs.benEarly!, who.ben);
    expect(efforts.map((e) => e.segment.id)).toEqual([seg]);
    expect(efforts[0]).toMatchObject({ pr_rank: 1, kom_rank: 1 });
    expect(api.handles(await api.board(seg))).toEqual(['ben']);
  });

  it('matches an upload against the segment: the effort is timed, with PR 1 and KOM 1', async () => {
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/activities/${runs.benEarly}`,
      headers: who.ben.headers,
    });
    await t.stride.worker.drain();
    annStart = now() - 2 * 3600;
    runs.ann = await api.upload(who.ann, { seed: 1, speedMps: 3, startTime: annStart });
    const [effort, ...more] = await api.efforts(runs.ann!, who.ann);
    expect(more).toEqual([]);
    expect(effort).toMatchObject({
      segment: { id: seg, name: 'Quai climb' },
      pr_rank: 1,
      kom_rank: 1,
    });
    // About 1.6 km at 3 m/s (a little slower uphill).
    expect(effort!.elapsed_time).toBeGreaterThan((SEGMENT_M / 3) * 0.9);
    expect(effort!.elapsed_time).toBeLessThan((SEGMENT_M / 3) * 1.2);
    expect(effort!.end_index - effort!.start_index).toBeGreaterThan(400);
    // Measured with the activity's own streams: it never stopped, and covered the segment.
    expect(effort!.moving_time).toBeCloseTo(effort!.elapsed_time, -1);
    expect(Math.abs(effort!.distance - SEGMENT_M)).toBeLessThan(SEGMENT_M * 0.03);
    const b = await api.board(seg, who.ann);
    expect(b.entries.map((e) => [e.rank, e.athlete.handle])).toEqual([[1, 'ann']]);
    expect(b.entries[0]!.effort_id).toBe(effort!.id);
    expect(b.viewer?.best.rank).toBe(1);
    const s = (await api.segment(seg, who.ann)).json();
    expect(s).toMatchObject({ effort_count: 1, athlete_count: 1 });
    expect(s.athlete_segment_stats.effort_count).toBe(1);
    expect(s.athlete_segment_stats.pr_elapsed_time).toBeCloseTo(effort!.elapsed_time, 3);
  });

  it('ranks a slower second effort PR 2 and keeps the athlete’s best on the board', async () => {
    runs.annSlow = await api.upload(who.ann, {
      seed: 2,
      speedMps: 2.6,
      startTime: annStart + 3600,
    });
    const [slow] = await api.efforts(runs.annSlow!, who.ann);
    expect(slow).toMatchObject({ pr_rank: 2, kom_rank: null });
    const b = await api.board(seg);
    expect(b.entries).toHaveLength(1);
    expect(b.entries[0]!.activity_id).toBe(runs.ann);
    expect((await api.segment(seg)).json()).toMatchObject({ effort_count: 2, athlete_count: 1 });
    const mine = await api.inject({
      method: 'GET',
      url: `/api/v1/segments/${seg}/efforts?athlete=me`,
      headers: who.ann.headers,
    });
    expect(mine.json().items.map((e: { pr_rank: number }) => e.pr_rank)).toEqual([2, 1]);
    const page = async (cursor?: string) =>
      (
        await api.inject({
          method: 'GET',
          url: `/api/v1/segments/${seg}/efforts?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          headers: who.ann.headers,
        })
      ).json();
    const first = await page();
    const second = await page(first.next_cursor);
    expect([first.items[0].activity_id, second.items[0].activity_id]).toEqual([
      runs.annSlow,
      runs.ann,
    ]);
  });

  it('gives the KOM to a second athlete’s faster effort', async () => {
    runs.ben = await api.upload(who.ben, { seed: 3, speedMps: 3.6, startTime: annStart - 3600 });
    const [fast] = await api.efforts(runs.ben!, who.ben);
    expect(fast).toMatchObject({ pr_rank: 1, kom_rank: 1 });
    const b = await api.board(seg, who.ann);
    expect(b.entries.map((e) => [e.rank, e.athlete.handle])).toEqual([
      [1, 'ben'],
      [2, 'ann'],
    ]);
    expect(b.viewer?.best.rank).toBe(2);
    expect(b.viewer?.neighbours).toHaveLength(2);
  });

  it('crowns the fastest past effort when a new segment is back-filled, not the oldest', async () => {
    // Elsewhere in Lyon, so nothing here touches the other boards.
    const river: typeof ROUTE = routeFrom(
      [45.74, 4.86],
      [
        [0, 700],
        [90, 700],
      ],
      (s) => 165 + 0.01 * s,
    );
    const eve = await signUp(t.app, 'eve');
    const finn = await signUp(t.app, 'finn');
    const slowOld = await api.upload(
      eve,
      { seed: 30, speedMps: 2.5, startTime: now() - 20 * DAY },
      river,
    );
    const fastNew = await api.upload(
      finn,
      { seed: 31, speedMps: 3.4, startTime: now() - DAY },
      river,
    );
    const res = await api.createSegment(finn, {
      name: 'River bend',
      sport_type: 'Run',
      points: routeLine(river, 300, 1100),
    });
    expect(res.statusCode, res.body).toBe(201);
    const river2 = res.json().id as string;
    const [slow] = await api.efforts(slowOld, eve);
    const [fast] = await api.efforts(fastNew, finn);
    expect(slow).toMatchObject({ segment: { id: river2 }, pr_rank: 1, kom_rank: 2 });
    expect(fast).toMatchObject({ segment: { id: river2 }, pr_rank: 1, kom_rank: 1 });
    expect(api.handles(await api.board(river2))).toEqual(['finn', 'eve']);
  });
  it('filters boards by following, sex, age group and period', async () => {
    runs.cleo = await api.upload(who.cleo, { seed: 4, speedMps: 4, startTime: now() - 3600 });
    runs.danOld = await api.upload(who.dan, {
      seed: 5,
      speedMps: 3.3,
      startTime: now() - 400 * DAY,
    });
    expect(api.handles(await api.board(seg))).toEqual(['cleo', 'ben', 'dan', 'ann']);
    expect(api.handles(await api.board(seg, who.ann, '&following=true'))).toEqual(['ben', 'ann']);
    const anonymousFollowing = await api.inject({
      method: 'GET',
      url: `/api/v1/segments/${seg}/leaderboard?following=true`,
    });
    expect(anonymousFollowing.statusCode).toBe(401);
    expect(api.handles(await api.board(seg, undefined, '&sex=F'))).toEqual(['cleo', 'ann']);
    expect(api.handles(await api.board(seg, undefined, '&sex=M'))).toEqual(['ben']);
    // Born 2001: 25–34 until 2035; the others are older.
    expect(api.handles(await api.board(seg, undefined, '&age_group=25_34'))).toEqual(['cleo']);
    // Dan's run was 400 days ago: all time only.
    for (const period of ['year', 'month', 'week', 'today']) {
      expect(
        api.handles(await api.board(seg, undefined, `&period=${period}`)),
        period,
      ).not.toContain('dan');
    }
    // Today is the segment's local day when the board is read, and Cleo's effort counts on the
    // day it started, a few minutes into her run: within an hour after midnight in Lyon the run
    // may start on one day and the effort on the next. Read both; read again if midnight
    // passed while the board was read.
    const cleo = (await api.board(seg)).entries.find((e) => e.athlete.handle === 'cleo')!;
    let day: string;
    let today: string[];
    do {
      day = lyonDay(now());
      today = api.handles(await api.board(seg, undefined, '&period=today'));
    } while (lyonDay(now()) !== day);
    expect(today.includes('cleo')).toBe(cleo.start_date_local.slice(0, 10) === day);
    const bad = await api.inject({
      method: 'GET',
      url: `/api/v1/segments/${seg}/leaderboard?period=decade`,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps followers-only efforts off the boards and strangers away from them', async () => {
    runs.benPrivate = await api.upload(who.ben, {
      seed: 6,
      speedMps: 4.5,
      startTime: now() - 1800,
      visibility: 'followers',
    });
    const own = await api.efforts(runs.benPrivate!, who.ben);
    expect(own[0]).toMatchObject({ pr_rank: 1, kom_rank: null });
    // Ann follows Ben: she sees the activity and its effort, but not on a board.
    expect(await api.efforts(runs.benPrivate!, who.ann)).toHaveLength(1);
    expect((await api.activity(runs.benPrivate!, who.dan)).statusCode).toBe(404);
    expect((await api.activity(runs.benPrivate!)).statusCode).toBe(404);
    for (const viewer of [who.ann, who.dan, undefined]) {
      const b = await api.board(seg, viewer);
      expect(b.entries.map((e) => e.activity_id)).not.toContain(runs.benPrivate);
    }
    // His public PR is unchanged by a faster effort only followers may see.
    expect((await api.efforts(runs.ben!, who.ben))[0]!.pr_rank).toBe(1);
  });

  it('takes an activity off every board when it becomes only_me, and back when public', async () => {
    const before = (await api.segment(seg)).json();
    await api.patch(who.cleo, `/api/v1/activities/${runs.cleo}`, { visibility: 'only_me' });
    expect(api.handles(await api.board(seg))).toEqual(['ben', 'dan', 'ann']);
    const hidden = (await api.segment(seg)).json();
    expect(hidden.athlete_count).toBe(before.athlete_count - 1);
    expect(hidden.effort_count).toBe(before.effort_count - 1);
    expect((await api.efforts(runs.cleo!, who.cleo))[0]!.kom_rank).toBeNull();
    await api.patch(who.cleo, `/api/v1/activities/${runs.cleo}`, { visibility: 'everyone' });
    expect(api.handles(await api.board(seg))).toEqual(['cleo', 'ben', 'dan', 'ann']);
    expect((await api.efforts(runs.cleo!, who.cleo))[0]!.kom_rank).toBe(1);
  });

  it('hides an effort inside the athlete’s privacy zone from everyone else', async () => {
    const [lat, lng] = pointAt(ROUTE, 600);
    const zone = await api.inject({
      method: 'POST',
      url: '/api/v1/me/privacy-zones',
      headers: who.dan.headers,
      payload: { lat, lng, radius: 200 },
    });
    expect(zone.statusCode).toBe(201);
    await t.stride.worker.drain();
    expect(api.handles(await api.board(seg))).not.toContain('dan');
    expect(await api.efforts(runs.danOld!, who.ann)).toEqual([]);
    expect(await api.efforts(runs.danOld!, who.dan)).toHaveLength(1);
  });

  it('removes a deleted activity’s efforts from the leaderboard', async () => {
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/activities/${runs.cleo}`,
      headers: who.cleo.headers,
    });
    expect(del.statusCode).toBe(204);
    await t.stride.worker.drain();
    expect(api.handles(await api.board(seg))).toEqual(['ben', 'ann']);
    expect((await api.segment(seg)).json()).toMatchObject({ athlete_count: 2, effort_count: 3 });
  });

  it('matches an activity recorded on the phone when it is saved', async () => {
    const id = randomUUID();
    const start = now() - 5 * 3600;
    const samples = routeActivity(ROUTE, {
      seed: 7,
      sport: 'Run',
      startTime: start,
      speedMps: 3.2,
    });
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/activities/${id}/recording`,
      headers: who.dan.headers,
      payload: {
        sport_type: 'Run',
        events: [
          { kind: 'START', at: new Date(start * 1000).toISOString() },
          { kind: 'STOP', at: new Date(samples.at(-1)!.t * 1000).toISOString() },
        ],
        points: samples.map((p) => ({ t: p.t, lat: p.lat, lng: p.lng, alt: p.ele, hr: p.hr })),
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    await t.stride.worker.drain();
    const [effort] = await api.efforts(id, who.dan);
    expect(effort).toMatchObject({ segment: { id: seg } });
    // Dan's start is in his privacy zone: nobody else sees this effort either.
    expect(await api.efforts(id, who.ann)).toEqual([]);
  });

  it('matches again when the sport changes: a ride has no place on a run segment', async () => {
    await api.patch(who.ben, `/api/v1/activities/${runs.ben}`, { sport_type: 'Ride' });
    expect(await api.efforts(runs.ben!, who.ben)).toEqual([]);
    expect(api.handles(await api.board(seg))).toEqual(['ann']);
    await api.patch(who.ben, `/api/v1/activities/${runs.ben}`, { sport_type: 'TrailRun' });
    expect(api.handles(await api.board(seg))).toEqual(['ben', 'ann']);
  });

  it('takes a deleted account off every board', async () => {
    const fay = await signUp(t.app, 'fay');
    await api.upload(fay, { seed: 8, speedMps: 5, startTime: now() - 600 });
    expect(api.handles(await api.board(seg))[0]).toBe('fay');
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: fay.headers,
      payload: { password: 'password123' },
    });
    expect(del.statusCode).toBe(204);
    await t.stride.worker.drain();
    expect(api.handles(await api.board(seg))).toEqual(['ben', 'ann']);
    expect((await api.segment(seg)).json().athlete_count).toBe(2);
  });

  it('rebuilds the boards from the database', async () => {
    const before = await api.board(seg, who.ann);
    await t.stride.leaderboards.segmentBoards.clear();
    expect((await api.board(seg)).entries).toEqual([]);
    await t.stride.platform.jobs.enqueue('leaderboards.rebuild', {});
    await t.stride.worker.drain();
    expect(await api.board(seg, who.ann)).toEqual(before);
  });
});
