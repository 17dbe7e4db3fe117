import { randomUUID } from 'node:crypto';
import { ATL_DAYS, CTL_DAYS, dayKey, dayNumber, periodStart } from '@stride/core';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticActivity } from '../src/demo/synthetic-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import { apiAs } from './social-helpers.js';

const DAY_S = 86_400;
/** Today, UTC, as the server's defaults take it. */
const today = () => dayKey(Math.floor(Date.now() / 86_400_000));
/** Noon UTC `n` days ago, epoch seconds. */
const noonDaysAgo = (n: number) => (dayNumber(today()) - n) * DAY_S + 12 * 3600;

interface Recorded {
  id: string;
  day: string;
  distance: number;
}

describe.each(DATABASES)('training on $name', (database) => {
  const t = useTestApp(database);
  const api = apiAs(t);
  const who: Record<'owner' | 'follower' | 'stranger', SignedIn> = {} as never;
  const drain = () => t.stride.worker.drain();

  /** Records a run (with heart rate and altitude) `daysAgo` days ago; its id, day and distance. */
  async function record(
    daysAgo: number,
    o: {
      visibility?: 'everyone' | 'followers' | 'only_me';
      distanceM?: number;
      seed?: number;
      athlete?: SignedIn;
      sport?: 'Run' | 'Ride';
    } = {},
  ): Promise<Recorded> {
    // Today's runs end well before now (a start in the future is refused).
    const start = daysAgo ? noonDaysAgo(daysAgo) : Math.floor(Date.now() / 1000) - 2400;
    const points = syntheticActivity({
      seed: o.seed ?? 100 + daysAgo,
      sport: o.sport ?? 'Run',
      startLat: 45.76,
      startLng: 4.83,
      startTime: start,
      distanceM: o.distanceM ?? 2000,
    }).map((p) => ({
      t: p.t,
      lat: p.lat,
      lng: p.lng,
      alt: p.ele,
      hr: p.hr,
      ...(p.power !== undefined ? { watts: p.power } : {}),
    }));
    const id = randomUUID();
    const r = await api(o.athlete ?? who.owner, 'PUT', `activities/${id}/recording`, {
      sport_type: o.sport ?? 'Run',
      visibility: o.visibility ?? 'everyone',
      events: [
        { kind: 'START', at: new Date(start * 1000).toISOString() },
        { kind: 'STOP', at: new Date((points.at(-1)!.t + 1) * 1000).toISOString() },
      ],
      points,
    });
    expect(r.statusCode, r.body).toBe(200);
    const saved = r.json();
    return { id, day: saved.start_date_local.slice(0, 10), distance: saved.distance };
  }

  const progress = async (viewer: SignedIn, query = '') => {
    await drain();
    const r = await api(viewer, 'GET', `athletes/owner/progress?to=${today()}${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const weekOf = (day: string) => dayKey(periodStart(dayNumber(day), 'week'));
  const bucket = (
    p: { buckets: Array<{ start: string; distance: number; count: number }> },
    day: string,
  ) => p.buckets.find((b) => b.start === weekOf(day)) ?? { distance: 0, count: 0 };

  const runs: Recorded[] = [];
  beforeAll(async () => {
    for (const h of ['owner', 'follower', 'stranger'] as const) who[h] = await signUp(t.app, h);
    expect((await api(who.follower, 'PUT', 'athletes/owner/follow')).statusCode).toBe(200);
    runs.push(await record(1, { visibility: 'everyone' }));
    runs.push(await record(3, { visibility: 'followers' }));
    runs.push(await record(9, { visibility: 'only_me' }));
    runs.push(await record(16, { visibility: 'everyone' }));
    await drain();
  });

  it('rolls days up per audience: each viewer’s weekly totals are those of what they may see', async () => {
    const visibility = ['everyone', 'followers', 'only_me', 'everyone'];
    const expected = (allowed: string[]) => {
      const out = new Map<string, number>();
      runs.forEach((r, i) => {
        if (!allowed.includes(visibility[i]!)) return;
        out.set(weekOf(r.day), (out.get(weekOf(r.day)) ?? 0) + r.distance);
      });
      return out;
    };
    const cases = [
      [who.owner, ['everyone', 'followers', 'only_me']],
      [who.follower, ['everyone', 'followers']],
      [who.stranger, ['everyone']],
    ] as const;
    for (const [viewer, allowed] of cases) {
      const p = await progress(viewer, '&period=week&sport=run');
      const want = expected([...allowed]);
      for (const r of runs)
        expect(bucket(p, r.day).distance).toBeCloseTo(want.get(weekOf(r.day)) ?? 0, 3);
      expect(p.current.start).toBe(weekOf(today()));
      expect(p.buckets.length).toBe(12);
    }
  });

  it('answers rolling 7- and 28-day distance from the daily roll-ups', async () => {
    const p = await progress(who.owner, '&sport=all');
    const last = p.rolling.at(-1);
    expect(last.day).toBe(today());
    const within = (days: number) =>
      runs
        .filter((r) => dayNumber(today()) - dayNumber(r.day) < days)
        .reduce((s, r) => s + r.distance, 0);
    expect(last.distance_7d).toBeCloseTo(within(7), 3);
    expect(last.distance_28d).toBeCloseTo(within(28), 3);
    // One row per day of the range, every day present.
    expect(dayNumber(p.rolling.at(-1).day) - dayNumber(p.rolling[0].day) + 1).toBe(
      p.rolling.length,
    );
  });

  it('follows an edit of the sport, a change to private, a move to another day and a deletion', async () => {
    const run = await record(2, { visibility: 'everyone', seed: 77 });
    const before = await progress(who.stranger, '&sport=run');
    const base = bucket(before, run.day).distance;

    expect(
      (await api(who.owner, 'PATCH', `activities/${run.id}`, { sport_type: 'Ride' })).statusCode,
    ).toBe(200);
    expect(bucket(await progress(who.stranger, '&sport=run'), run.day).distance).toBeCloseTo(
      base - run.distance,
      3,
    );
    expect(bucket(await progress(who.stranger, '&sport=ride'), run.day).distance).toBeCloseTo(
      run.distance,
      3,
    );

    expect(
      (await api(who.owner, 'PATCH', `activities/${run.id}`, { visibility: 'only_me' })).statusCode,
    ).toBe(200);
    expect(bucket(await progress(who.stranger, '&sport=ride'), run.day).distance).toBe(0);
    expect(bucket(await progress(who.owner, '&sport=ride'), run.day).distance).toBeCloseTo(
      run.distance,
      3,
    );

    // A new start date (a recompute may move it): the old day loses it, the new one gains it.
    const moved = dayKey(dayNumber(run.day) - 21);
    const db = t.stride.platform.db;
    await db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('activities')
        .selectAll()
        .where('id', '=', run.id)
        .executeTakeFirstOrThrow();
      const after = await tx
        .updateTable('activities')
        .set({
          started_at: new Date(before.started_at!.getTime() - 21 * DAY_S * 1000),
          revision: sql`revision + 1`,
        })
        .where('id', '=', run.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await t.stride.platform.events.emit('activity.changed', tx, before, after);
    });
    const afterMove = await progress(who.owner, '&sport=ride&period=month');
    const monthOf = (d: string) => dayKey(periodStart(dayNumber(d), 'month'));
    const month = (d: string) =>
      afterMove.buckets.find((b: { start: string }) => b.start === monthOf(d))?.distance ?? 0;
    if (monthOf(moved) !== monthOf(run.day)) expect(month(run.day)).toBe(0);
    expect(month(moved)).toBeCloseTo(run.distance, 3);

    expect((await api(who.owner, 'DELETE', `activities/${run.id}`)).statusCode).toBe(204);
    const gone = await progress(who.owner, '&sport=ride&period=month');
    expect(gone.buckets.every((b: { distance: number }) => b.distance === 0)).toBe(true);
  });

  it('computes a load per activity and fitness, fatigue and form by their recurrences', async () => {
    await drain();
    const r = await api(who.owner, 'GET', `athletes/owner/fitness?to=${today()}`);
    expect(r.statusCode, r.body).toBe(200);
    const f = r.json();
    expect(f.settings.max_hr_estimated).toBe(true); // highest recorded heart rate
    expect(f.settings.resting_hr).toBe(60);
    const loaded = f.days.filter((d: { load: number }) => d.load > 0);
    expect(loaded.map((d: { day: string }) => d.day).sort()).toEqual(runs.map((x) => x.day).sort());
    // Each day: fitness += (load − fitness)(1 − e^(−1/42)); fatigue with 7; form = yesterday's difference.
    const kc = 1 - Math.exp(-1 / CTL_DAYS);
    const ka = 1 - Math.exp(-1 / ATL_DAYS);
    for (let i = 1; i < f.days.length; i++) {
      const [p, d] = [f.days[i - 1], f.days[i]];
      expect(d.fitness).toBeCloseTo(p.fitness + (d.load - p.fitness) * kc, 0);
      expect(d.fatigue).toBeCloseTo(p.fatigue + (d.load - p.fatigue) * ka, 0);
      expect(d.form).toBeCloseTo(p.fitness - p.fatigue, 0);
    }
    // The owner's summaries carry the load and its source; others see no load.
    const mine = (await api(who.owner, 'GET', `activities/${runs[0]!.id}`)).json();
    expect(mine.training_load).toBeGreaterThan(0);
    expect(mine.training_load_source).toBe('heart_rate');
    expect(mine.relative_effort).toBeGreaterThan(0);
    // Grade-adjusted: a loop that climbs and descends runs a little "longer" on the flat.
    const flat = mine.analysis.grade_adjusted_distance;
    expect(flat).toBeGreaterThan(mine.distance * 0.98);
    expect(flat).toBeLessThan(mine.distance * 1.1);
    expect(flat).not.toBe(mine.distance);
    const theirs = (await api(who.stranger, 'GET', `activities/${runs[0]!.id}`)).json();
    expect(theirs.training_load).toBeNull();
  });

  it('keeps fitness private unless shared, and recomputes loads when thresholds change', async () => {
    expect((await api(who.stranger, 'GET', 'athletes/owner/fitness')).statusCode).toBe(403);
    const loadOf = async () =>
      (await api(who.owner, 'GET', `activities/${runs[0]!.id}`)).json().training_load;
    const before = await loadOf();
    const me = await api(who.owner, 'PATCH', 'me', {
      share_training: true,
      max_heartrate: 205,
      resting_hr: 50,
    });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().share_training).toBe(true);
    await drain();
    const shared = await api(who.stranger, 'GET', 'athletes/owner/fitness');
    expect(shared.statusCode).toBe(200);
    expect(shared.json().settings).toMatchObject({
      max_hr: 205,
      max_hr_estimated: false,
      resting_hr: 50,
    });
    // A higher maximum makes the same heart rate a smaller share of the reserve: less load.
    expect(await loadOf()).toBeLessThan(before);
    await api(who.owner, 'PATCH', 'me', { share_training: false });
  });

  it('ranks best efforts, keeps the PR history and announces a new record once', async () => {
    const first = await record(6, { distanceM: 5300, seed: 3, athlete: who.follower });
    await drain();
    const second = await record(5, { distanceM: 5300, seed: 11, athlete: who.follower });
    await drain();
    const time = async (id: string) =>
      (await api(who.follower, 'GET', `activities/${id}`))
        .json()
        .best_efforts.find((e: { name: string }) => e.name === '5k').elapsed_time;
    const [t1, t2] = [await time(first.id), await time(second.id)];
    const a = (await api(who.follower, 'GET', 'athletes/follower/achievements')).json();
    const fiveK = a.best_efforts.find((e: { name: string }) => e.name === '5k');
    expect(fiveK.records.map((r: { elapsed_time: number }) => r.elapsed_time)).toEqual([
      Math.min(t1, t2),
      Math.max(t1, t2),
    ]);
    expect(fiveK.history.map((r: { activity_id: string }) => r.activity_id)).toEqual(
      t2 < t1 ? [first.id, second.id] : [first.id],
    );
    const firstAchievements = (await api(who.follower, 'GET', `activities/${first.id}`)).json()
      .achievements;
    expect(firstAchievements).toContainEqual({ kind: 'first_distance', name: '5k', rank: null });
    const secondAchievements = (await api(who.follower, 'GET', `activities/${second.id}`)).json()
      .achievements;
    expect(secondAchievements).toContainEqual({ kind: 'pr', name: '5k', rank: t2 < t1 ? 1 : 2 });
    const notes = (await api(who.follower, 'GET', 'notifications'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'best_effort_pr');
    expect(notes.length).toBe(t2 < t1 ? 1 : 0);
    if (t2 < t1) expect(notes[0].text).toMatch(/^New 5k PR on /);
    expect(a.streak.current_weeks).toBeGreaterThanOrEqual(1);

    // A ride's best power and speed over 20 minutes rank too, and the power one gives an FTP.
    const ride = await record(4, {
      distanceM: 14_000,
      seed: 21,
      athlete: who.follower,
      sport: 'Ride',
    });
    await drain();
    const detail = (await api(who.follower, 'GET', `activities/${ride.id}`)).json();
    const best = (list: Array<{ duration: number; value: number }>) =>
      list.find((b) => b.duration === 1200)!.value;
    const after = (await api(who.follower, 'GET', 'athletes/follower/achievements')).json();
    const top = (list: Array<{ duration: number; records: Array<{ value: number }> }>) =>
      list.find((b) => b.duration === 1200)!.records[0]!.value;
    expect(top(after.power_bests)).toBeCloseTo(best(detail.analysis.best_power), 6);
    expect(top(after.speed_bests)).toBeCloseTo(best(detail.analysis.best_speed), 6);
    const fitness = (await api(who.follower, 'GET', 'athletes/follower/fitness')).json();
    expect(fitness.settings.ftp).toBe(Math.round(0.95 * best(detail.analysis.best_power)));
    expect(fitness.settings.ftp_estimated).toBe(true);
  });

  it('sets goals, shows progress with a pace line, and notifies once when an activity reaches one', async () => {
    const bad = await api(who.stranger, 'POST', 'me/goals', {
      sport: 'run',
      period: 'week',
      metric: 'distance',
      target: -5,
    });
    expect(bad.statusCode).toBe(400);
    // The first run of the test fixes "today" as the athlete's local day.
    const first = await record(0, { athlete: who.stranger, distanceM: 1600, seed: 5 });
    const day = first.day;
    await drain();
    const created = await api(who.stranger, 'POST', `me/goals?date=${day}`, {
      sport: 'run',
      period: 'week',
      metric: 'distance',
      target: 3000,
    });
    expect(created.statusCode, created.body).toBe(201);
    const goal = created.json();
    expect(goal.progress).toMatchObject({ reached: false, start: weekOf(day) });
    expect(goal.progress.value).toBeCloseTo(first.distance, 3);
    const gone = dayNumber(day) - dayNumber(weekOf(day)) + 1;
    expect(goal.progress.expected).toBeCloseTo((3000 * gone) / 7, 6);
    const again = await api(who.stranger, 'POST', 'me/goals', {
      sport: 'run',
      period: 'week',
      metric: 'distance',
      target: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/already/);
    // Someone else's goal is not theirs to change.
    expect((await api(who.owner, 'PATCH', `me/goals/${goal.id}`, { target: 1 })).statusCode).toBe(
      404,
    );

    const goalNotes = async () =>
      (await api(who.stranger, 'GET', 'notifications'))
        .json()
        .items.filter((n: { kind: string }) => n.kind === 'goal_reached');
    expect(await goalNotes()).toEqual([]);
    await record(0, { athlete: who.stranger, distanceM: 1600, seed: 6 });
    await drain();
    const notes = await goalNotes();
    expect(notes.length).toBe(1);
    expect(notes[0].text).toMatch(/^You reached your weekly run distance goal with /);
    const list = (await api(who.stranger, 'GET', `me/goals?date=${day}`)).json().items;
    expect(list[0].progress.reached).toBe(true);
    expect(list[0].progress.value).toBeGreaterThanOrEqual(3000);
    // Another run the same week announces nothing new.
    await record(0, { athlete: who.stranger, distanceM: 1200, seed: 8 });
    await drain();
    expect((await goalNotes()).length).toBe(1);
    // Others see the goals of athletes they may see.
    expect(
      (await api(who.owner, 'GET', `athletes/stranger/goals?date=${day}`)).json().items.length,
    ).toBe(1);
    expect((await api(who.stranger, 'DELETE', `me/goals/${goal.id}`)).statusCode).toBe(204);
    expect((await api(who.stranger, 'GET', 'me/goals')).json().items).toEqual([]);
  });

  it('lists the training log and the year in review for what the viewer may see', async () => {
    await drain();
    const mine = (await api(who.owner, 'GET', `athletes/owner/calendar?to=${today()}`)).json();
    const theirs = (await api(who.stranger, 'GET', `athletes/owner/calendar?to=${today()}`)).json();
    const ids = (c: { days: Array<{ activities: Array<{ id: string }> }> }) =>
      c.days.flatMap((d) => d.activities.map((a) => a.id)).sort();
    expect(ids(mine)).toEqual(runs.map((r) => r.id).sort());
    expect(ids(theirs)).toEqual([runs[0]!.id, runs[3]!.id].sort());
    expect(
      (await api(who.owner, 'GET', 'athletes/owner/calendar?from=2026-01-10&to=2026-01-01'))
        .statusCode,
    ).toBe(400);
    expect(
      (await api(who.owner, 'GET', 'athletes/owner/calendar?from=2020-01-01&to=2026-01-01'))
        .statusCode,
    ).toBe(400);

    const year = Number(runs[0]!.day.slice(0, 4));
    const review = (
      await api(who.owner, 'GET', `athletes/owner/year-in-review?year=${year}`)
    ).json();
    const inYear = runs.filter((r) => r.day.startsWith(String(year)));
    expect(review.totals.run.count).toBe(inYear.length);
    expect(review.totals.all.distance).toBeCloseTo(
      inYear.reduce((s, r) => s + r.distance, 0),
      3,
    );
    expect(review.longest.distance).toBeCloseTo(Math.max(...inYear.map((r) => r.distance)), 3);
  });

  it('answers 404 to an athlete the owner blocks, and 400 to a day that does not exist', async () => {
    expect((await api(who.owner, 'GET', 'athletes/owner/progress?to=2026-02-30')).statusCode).toBe(
      400,
    );
    expect((await api(who.owner, 'PUT', 'me/blocks/stranger')).statusCode).toBeLessThan(300);
    for (const path of ['progress', 'calendar', 'achievements', 'goals', 'year-in-review'])
      expect((await api(who.stranger, 'GET', `athletes/owner/${path}`)).statusCode).toBe(404);
  });
});
