import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AthleteTotalsStore,
  BoardAthlete,
  BoardPlace,
  EffortRecord,
  SegmentBoardQuery,
  SegmentLeaderboardStore,
  TotalsQuery,
} from '../src/leaderboards/leaderboard-store.js';
import { RedisAthleteTotals } from '../src/leaderboards/stores/redis-athlete-totals.js';
import { RedisSegmentBoards } from '../src/leaderboards/stores/redis-segment-boards.js';
import { SqlAthleteTotals } from '../src/leaderboards/stores/sql-athlete-totals.js';
import { SqlSegmentBoards } from '../src/leaderboards/stores/sql-segment-boards.js';
import { openDatabase } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { DATABASES, REDIS_URL, redisNamespace } from './adapters.js';

/** Wednesday 20 May 2026, noon, in the viewer's local time (ISO week 2026-W21, Monday the 18th). */
const NOW = new Date('2026-05-20T12:00:00Z');
const clock = () => NOW.getTime();

interface Stores {
  segments: SegmentLeaderboardStore;
  totals: AthleteTotalsStore;
  /** A new athlete id. */
  athlete(): Promise<string>;
  close(): Promise<void>;
}

interface Target {
  name: string;
  open(): Promise<Stores>;
}

const sqlTargets: Target[] = DATABASES.map((database) => ({
  name: `SQL on ${database.name}`,
  async open() {
    const lease = await database.lease();
    const h = await openDatabase({ dataDir: '/nonexistent', ...lease.options });
    await migrateToLatest(h.db);
    return {
      segments: new SqlSegmentBoards(h.db, clock),
      totals: new SqlAthleteTotals(h.db, clock),
      athlete: async () => randomUUID(),
      async close() {
        await h.close();
        await lease.release();
      },
    };
  },
}));

const redisTargets: Target[] = REDIS_URL
  ? [
      {
        name: 'Redis',
        async open() {
          const ns = redisNamespace(REDIS_URL);
          const redis = new Redis(REDIS_URL, { lazyConnect: true });
          await redis.connect();
          return {
            segments: new RedisSegmentBoards(redis, ns.prefix, clock),
            totals: new RedisAthleteTotals(redis, ns.prefix, clock),
            athlete: async () => randomUUID(),
            async close() {
              await redis.quit();
              await ns.release();
            },
          };
        },
      },
    ]
  : [];

/** An effort starting at local wall-clock `local` in a zone `offsetH` hours ahead of UTC. */
function effort(elapsedS: number, local: string, offsetH = 2): EffortRecord {
  const startDateLocal = new Date(`${local}Z`);
  return {
    effortId: randomUUID(),
    activityId: randomUUID(),
    elapsedS,
    startDate: new Date(startDateLocal.getTime() - offsetH * 3_600_000),
    startDateLocal,
  };
}

const TODAY = '2026-05-20T08:00:00';
const MONDAY = '2026-05-18T18:00:00';
const LAST_WEEK = '2026-05-17T09:00:00';
const LAST_MONTH = '2026-04-28T09:00:00';
const LAST_YEAR = '2025-06-01T09:00:00';

describe.each([...sqlTargets, ...redisTargets])('leaderboards on $name', (target) => {
  let s: Stores;
  beforeAll(async () => {
    s = await target.open();
  });
  afterAll(async () => {
    await s?.close();
  });

  const who = async (sex: BoardAthlete['sex'] = null, birthYear: number | null = null) => ({
    athleteId: await s.athlete(),
    sex,
    birthYear,
  });
  const board = (segmentId: string, q: Partial<SegmentBoardQuery> = {}) =>
    s.segments.query({ segmentId, period: 'all_time', now: NOW, limit: 10, ...q });
  const ids = (b: { entries: Array<{ athleteId: string }> }) => b.entries.map((e) => e.athleteId);
  const ranks = (b: { entries: Array<{ rank: number }> }) => b.entries.map((e) => e.rank);

  describe('segment boards', () => {
    it('lists the fastest first; equal times share a rank and the earlier effort lists first', async () => {
      const seg = randomUUID();
      const [a, b, c, d] = [await who(), await who(), await who(), await who()];
      await s.segments.setAthleteEfforts(seg, a, [effort(300, TODAY)]);
      await s.segments.setAthleteEfforts(seg, b, [effort(290, TODAY)]);
      await s.segments.setAthleteEfforts(seg, c, [effort(300, MONDAY)]);
      await s.segments.setAthleteEfforts(seg, d, [effort(310, TODAY)]);
      const all = await board(seg);
      expect(ids(all)).toEqual([b.athleteId, c.athleteId, a.athleteId, d.athleteId]);
      expect(ranks(all)).toEqual([1, 2, 2, 4]);
      expect(all.total).toBe(4);
      expect(all.entries[0]).toMatchObject({ elapsedS: 290 });
      const top2 = await board(seg, { limit: 2 });
      expect(ids(top2)).toEqual([b.athleteId, c.athleteId]);
      expect(top2.total).toBe(4);
    });

    it('buckets by local start date: last month counts on all-time and year, not month', async () => {
      const seg = randomUUID();
      const [m, w, t, y, l] = [await who(), await who(), await who(), await who(), await who()];
      await s.segments.setAthleteEfforts(seg, m, [effort(300, LAST_MONTH)]);
      await s.segments.setAthleteEfforts(seg, w, [effort(301, MONDAY)]);
      // 00:30 local on the 20th is still the 19th in UTC: it counts for the local day.
      await s.segments.setAthleteEfforts(seg, t, [effort(302, '2026-05-20T00:30:00', 2)]);
      await s.segments.setAthleteEfforts(seg, y, [effort(303, LAST_YEAR)]);
      await s.segments.setAthleteEfforts(seg, l, [effort(304, LAST_WEEK)]);
      const on = async (period: SegmentBoardQuery['period']) => ids(await board(seg, { period }));
      expect(await on('all_time')).toEqual([m, w, t, y, l].map((x) => x.athleteId));
      expect(await on('year')).toEqual([m, w, t, l].map((x) => x.athleteId));
      expect(await on('month')).toEqual([w, t, l].map((x) => x.athleteId));
      expect(await on('week')).toEqual([w, t].map((x) => x.athleteId));
      expect(await on('today')).toEqual([t.athleteId]);
    });

    it('holds each athlete once per board with their best effort of that period', async () => {
      const seg = randomUUID();
      const a = await who();
      await s.segments.setAthleteEfforts(seg, a, [
        effort(320, TODAY),
        effort(280, LAST_YEAR),
        effort(300, MONDAY),
      ]);
      expect((await board(seg)).entries).toMatchObject([{ athleteId: a.athleteId, elapsedS: 280 }]);
      expect((await board(seg, { period: 'week' })).entries).toMatchObject([{ elapsedS: 300 }]);
      expect((await board(seg, { period: 'today' })).entries).toMatchObject([{ elapsedS: 320 }]);
    });

    it('filters by sex and by the age group reached in the effort’s year', async () => {
      const seg = randomUUID();
      const man = await who('M', 1990); // 36 in 2026
      const woman = await who('F', 2000); // 26 in 2026
      const unsaid = await who(null, null);
      // Born 1991: 34 in 2025 (25–34), 35 in 2026 (35–44).
      const turning = await who('F', 1991);
      await s.segments.setAthleteEfforts(seg, man, [effort(300, TODAY)]);
      await s.segments.setAthleteEfforts(seg, woman, [effort(310, TODAY)]);
      await s.segments.setAthleteEfforts(seg, unsaid, [effort(290, TODAY)]);
      await s.segments.setAthleteEfforts(seg, turning, [
        effort(280, LAST_YEAR),
        effort(305, TODAY),
      ]);
      expect(ids(await board(seg, { sex: 'M' }))).toEqual([man.athleteId]);
      expect(ids(await board(seg, { sex: 'F' }))).toEqual([turning.athleteId, woman.athleteId]);
      const young = await board(seg, { ageGroup: '25_34' });
      expect(young.entries).toMatchObject([
        { athleteId: turning.athleteId, elapsedS: 280 },
        { athleteId: woman.athleteId, elapsedS: 310 },
      ]);
      expect((await board(seg, { ageGroup: '35_44' })).entries).toMatchObject([
        { athleteId: man.athleteId, elapsedS: 300 },
        { athleteId: turning.athleteId, elapsedS: 305 },
      ]);
      expect(ids(await board(seg, { sex: 'F', ageGroup: '35_44' }))).toEqual([turning.athleteId]);
      expect(ids(await board(seg, { period: 'year', ageGroup: '25_34' }))).toEqual([
        woman.athleteId,
      ]);
      expect((await board(seg)).total).toBe(4);
    });

    it('ranks among a list of athletes (the people one follows)', async () => {
      const seg = randomUUID();
      const people = [];
      for (const t of [280, 290, 300, 300, 310]) {
        const a = await who();
        await s.segments.setAthleteEfforts(seg, a, [effort(t, TODAY)]);
        people.push(a.athleteId);
      }
      const following = [people[4]!, people[2]!, people[1]!, randomUUID()];
      const b = await board(seg, { athleteIds: following, viewerId: people[4], neighbours: 1 });
      expect(ids(b)).toEqual([people[1], people[2], people[4]]);
      expect(ranks(b)).toEqual([1, 2, 3]);
      expect(b.total).toBe(3);
      expect(b.viewer?.best).toMatchObject({ athleteId: people[4], rank: 3 });
      expect(b.viewer?.neighbours.map((e) => e.athleteId)).toEqual([people[2], people[4]]);
      expect((await board(seg, { athleteIds: [] })).entries).toEqual([]);
    });

    it('gives the viewer’s best and rank with neighbours either side', async () => {
      const seg = randomUUID();
      const people: string[] = [];
      // Times 300, 301, 302, 302, 304, 305, …: a tie right above the viewer at 304.
      for (const [i, t] of [300, 301, 302, 302, 304, 305, 306, 307].entries()) {
        const a = await who();
        await s.segments.setAthleteEfforts(seg, a, [effort(t, `2026-05-20T08:0${i}:00`)]);
        people.push(a.athleteId);
      }
      const viewer = people[4]!;
      const b = await board(seg, { limit: 3, viewerId: viewer, neighbours: 2 });
      expect(b.viewer?.best).toMatchObject({ athleteId: viewer, rank: 5, elapsedS: 304 });
      expect(b.viewer?.neighbours.map((e) => e.athleteId)).toEqual(people.slice(2, 7));
      expect(b.viewer?.neighbours.map((e) => e.rank)).toEqual([3, 3, 5, 6, 7]);
      const tied = await board(seg, { viewerId: people[3], neighbours: 1 });
      expect(tied.viewer?.best.rank).toBe(3);
      expect(tied.viewer?.neighbours.map((e) => e.rank)).toEqual([3, 3, 5]);
      const first = await board(seg, { viewerId: people[0], neighbours: 2 });
      expect(first.viewer?.neighbours.map((e) => e.rank)).toEqual([1, 2, 3]);
      const alone = await board(seg, { viewerId: people[1] });
      expect(alone.viewer?.neighbours.map((e) => e.athleteId)).toEqual([people[1]]);
      expect((await board(seg, { viewerId: randomUUID(), neighbours: 2 })).viewer).toBeNull();
    });

    it('replaces an athlete’s efforts: the better effort wins, an empty list takes them off', async () => {
      const seg = randomUUID();
      const [a, b] = [await who('M', 1980), await who()];
      await s.segments.setAthleteEfforts(seg, b, [effort(300, TODAY)]);
      await s.segments.setAthleteEfforts(seg, a, [effort(310, TODAY)]);
      expect(ids(await board(seg))).toEqual([b.athleteId, a.athleteId]);
      const faster = effort(295, MONDAY);
      await s.segments.setAthleteEfforts(seg, a, [effort(310, TODAY), faster]);
      expect((await board(seg)).entries[0]).toMatchObject({
        athleteId: a.athleteId,
        effortId: faster.effortId,
        activityId: faster.activityId,
        elapsedS: 295,
        startDate: faster.startDate,
        startDateLocal: faster.startDateLocal,
        rank: 1,
      });
      // The faster effort's activity was deleted: its effort is gone from the list.
      await s.segments.setAthleteEfforts(seg, a, [effort(310, TODAY)]);
      expect(ids(await board(seg))).toEqual([b.athleteId, a.athleteId]);
      await s.segments.setAthleteEfforts(seg, a, []);
      for (const q of [{}, { period: 'today' as const }, { sex: 'M' as const }]) {
        const after = await board(seg, q);
        expect(ids(after)).not.toContain(a.athleteId);
      }
      expect((await board(seg)).total).toBe(1);
      expect((await board(seg, { sex: 'M' })).total).toBe(0);
    });

    it('gives the same boards when the same write is applied twice', async () => {
      const seg = randomUUID();
      const [a, b] = [await who('F', 1985), await who('F', 1985)];
      const efforts = [effort(300, TODAY), effort(290, LAST_MONTH)];
      await s.segments.setAthleteEfforts(seg, a, efforts);
      await s.segments.setAthleteEfforts(seg, b, [effort(295, TODAY)]);
      const once = await Promise.all(
        (['all_time', 'month', 'today'] as const).map((period) => board(seg, { period, sex: 'F' })),
      );
      await s.segments.setAthleteEfforts(seg, a, efforts);
      const twice = await Promise.all(
        (['all_time', 'month', 'today'] as const).map((period) => board(seg, { period, sex: 'F' })),
      );
      expect(twice).toEqual(once);
      expect(twice[0]!.total).toBe(2);
    });

    it('ranks a time against other athletes’ all-time bests (KOM rank)', async () => {
      const seg = randomUUID();
      const people = [];
      for (const t of [290, 300, 300, 310]) {
        const a = await who();
        await s.segments.setAthleteEfforts(seg, a, [effort(t, LAST_YEAR)]);
        people.push(a.athleteId);
      }
      const me = people[1]!;
      expect(await s.segments.rankForTime(seg, 250, me)).toBe(1);
      expect(await s.segments.rankForTime(seg, 295, me)).toBe(2);
      expect(await s.segments.rankForTime(seg, 300, randomUUID())).toBe(2);
      // My own 300 does not count against me; the other 300 is still faster than 305.
      expect(await s.segments.rankForTime(seg, 305, me)).toBe(3);
      expect(await s.segments.rankForTime(seg, 320, randomUUID())).toBe(5);
      expect(await s.segments.rankForTime(randomUUID(), 320, me)).toBe(1);
    });

    it('deletes one segment’s boards, and clears them all', async () => {
      const [one, two] = [randomUUID(), randomUUID()];
      const a = await who('M', 1990);
      await s.segments.setAthleteEfforts(one, a, [effort(300, TODAY)]);
      await s.segments.setAthleteEfforts(two, a, [effort(300, TODAY)]);
      await s.segments.deleteSegment(one);
      expect(await board(one)).toEqual({ entries: [], total: 0, viewer: null });
      expect((await board(one, { period: 'today', sex: 'M' })).total).toBe(0);
      expect((await board(two)).total).toBe(1);
      await s.segments.clear();
      expect((await board(two)).total).toBe(0);
      await s.segments.setAthleteEfforts(two, a, [effort(300, TODAY)]);
      expect((await board(two, { period: 'week' })).total).toBe(1);
    });

    it('answers nothing for a period long over', async () => {
      const seg = randomUUID();
      await s.segments.setAthleteEfforts(seg, await who(), [effort(300, LAST_MONTH)]);
      expect((await board(seg, { period: 'month', now: new Date(LAST_MONTH) })).total).toBe(0);
      expect((await board(seg, { period: 'all_time', now: new Date(LAST_MONTH) })).total).toBe(1);
    });
  });

  describe('athlete totals', () => {
    const LYON: BoardPlace = { country: 'France', region: 'Auvergne-Rhône-Alpes', city: 'Lyon' };
    const PARIS: BoardPlace = { country: 'France', region: 'Île-de-France', city: 'Paris' };
    const MADRID: BoardPlace = { country: 'Spain', region: 'Madrid', city: 'Madrid' };
    const km = (k: number, n = 1) => ({
      distanceM: k * 1000,
      movingS: k * 300,
      elevGainM: k * 10,
      activities: n,
    });
    let sportNo = 0;
    const sport = () => `Run${'abcdefghijklmnopqrstuvwxyz'[sportNo++]}`;
    const totals = (sp: string, q: Partial<TotalsQuery> = {}) =>
      s.totals.query({ sport: sp, period: 'week', now: NOW, limit: 10, ...q });

    it('sums days into the week, month and year and ranks by distance', async () => {
      const sp = sport();
      const [a, b, c] = [await s.athlete(), await s.athlete(), await s.athlete()];
      await s.totals.setDay(a, sp, '2026-05-18', km(10), LYON);
      await s.totals.setDay(a, sp, '2026-05-20', km(5, 2), LYON);
      await s.totals.setDay(a, sp, '2026-05-02', km(20), LYON);
      await s.totals.setDay(b, sp, '2026-05-19', km(12), PARIS);
      await s.totals.setDay(c, sp, '2026-01-10', km(40), MADRID);
      const week = await totals(sp);
      expect(week.entries).toEqual([
        {
          athleteId: a,
          distanceM: 15_000,
          movingS: 4500,
          elevGainM: 150,
          activities: 3,
          rank: 1,
        },
        { athleteId: b, ...km(12), rank: 2 },
      ]);
      expect(week.total).toBe(2);
      expect(ids(await totals(sp, { period: 'month' }))).toEqual([a, b]);
      expect((await totals(sp, { period: 'month' })).entries[0]!.distanceM).toBe(35_000);
      const year = await totals(sp, { period: 'year' });
      expect(year.entries.map((e) => [e.athleteId, e.distanceM])).toEqual([
        [c, 40_000],
        [a, 35_000],
        [b, 12_000],
      ]);
      expect(await totals(sp, { sport: `${sp}x` })).toEqual({
        entries: [],
        total: 0,
        viewer: null,
      });
    });

    it('sums a custom range of days, both ends included', async () => {
      const sp = sport();
      const [a, b] = [await s.athlete(), await s.athlete()];
      await s.totals.setDay(a, sp, '2026-02-27', km(3), LYON);
      await s.totals.setDay(a, sp, '2026-03-15', km(4), LYON);
      await s.totals.setDay(a, sp, '2026-04-02', km(5), LYON);
      await s.totals.setDay(a, sp, '2026-04-03', km(100), LYON);
      await s.totals.setDay(b, sp, '2026-02-26', km(50), LYON);
      await s.totals.setDay(b, sp, '2026-03-31', km(6), LYON);
      const range = await totals(sp, {
        period: { from: '2026-02-27', to: '2026-04-02' },
        viewerId: b,
      });
      expect(range.entries.map((e) => [e.athleteId, e.distanceM, e.activities, e.rank])).toEqual([
        [a, 12_000, 3, 1],
        [b, 6_000, 1, 2],
      ]);
      expect(range.total).toBe(2);
      expect(range.viewer).toMatchObject({ athleteId: b, rank: 2, distanceM: 6000 });
      const oneDay = await totals(sp, { period: { from: '2026-02-26', to: '2026-02-26' } });
      expect(ids(oneDay)).toEqual([b]);
      const inParis = await totals(sp, {
        period: { from: '2026-01-01', to: '2026-05-20' },
        place: { country: 'France', city: 'Paris' },
      });
      expect(inParis.total).toBe(0);
    });

    it('refuses a custom range that is reversed, too long or too old', async () => {
      const sp = sport();
      for (const period of [
        { from: '2026-05-02', to: '2026-05-01' },
        { from: '2025-01-01', to: '2026-05-01' },
        { from: '2024-01-01', to: '2024-01-31' },
        { from: '2026-02-30', to: '2026-03-01' },
      ]) {
        await expect(totals(sp, { period })).rejects.toThrow(RangeError);
      }
    });

    it('ranks by country, region and city, as written on each day', async () => {
      const sp = sport();
      const [lyon, paris, madrid, nowhere] = [
        await s.athlete(),
        await s.athlete(),
        await s.athlete(),
        await s.athlete(),
      ];
      await s.totals.setDay(lyon, sp, '2026-05-19', km(10), LYON);
      await s.totals.setDay(paris, sp, '2026-05-19', km(20), PARIS);
      await s.totals.setDay(madrid, sp, '2026-05-19', km(30), MADRID);
      await s.totals.setDay(nowhere, sp, '2026-05-19', km(5), {
        country: null,
        region: null,
        city: null,
      });
      expect(ids(await totals(sp))).toEqual([madrid, paris, lyon, nowhere]);
      expect(ids(await totals(sp, { place: { country: 'France' } }))).toEqual([paris, lyon]);
      // Places compare without case or extra spaces.
      expect(ids(await totals(sp, { place: { country: ' france ', city: 'LYON' } }))).toEqual([
        lyon,
      ]);
      expect(
        ids(await totals(sp, { place: { country: 'France', region: 'Île-de-France' } })),
      ).toEqual([paris]);
      expect((await totals(sp, { place: { country: 'Spain', city: 'Lyon' } })).total).toBe(0);
      // Moving to Paris: the rewritten day counts there now, and no longer in Lyon.
      await s.totals.setDay(lyon, sp, '2026-05-19', km(10), PARIS);
      expect(ids(await totals(sp, { place: { country: 'France', city: 'Paris' } }))).toEqual([
        paris,
        lyon,
      ]);
      expect((await totals(sp, { place: { country: 'France', city: 'Lyon' } })).total).toBe(0);
      expect((await totals(sp, { place: { country: 'France' } })).total).toBe(2);
    });

    it('ranks among a list of athletes and gives the viewer’s rank; ties share a rank', async () => {
      const sp = sport();
      const people: string[] = [];
      for (const k of [10, 20, 20, 30, 5]) {
        const a = await s.athlete();
        await s.totals.setDay(a, sp, '2026-05-19', km(k), LYON);
        people.push(a);
      }
      const [p10, p20a, p20b, p30, p5] = people as [string, string, string, string, string];
      const [tiedFirst, tiedSecond] = [p20a, p20b].sort();
      const all = await totals(sp, { viewerId: p10, limit: 3 });
      expect(ids(all)).toEqual([p30, tiedFirst, tiedSecond]);
      expect(ranks(all)).toEqual([1, 2, 2]);
      expect(all.viewer).toMatchObject({ athleteId: p10, rank: 4, distanceM: 10_000 });
      expect(all.total).toBe(5);
      const friends = await totals(sp, { athleteIds: [p5, p10, p20b, randomUUID()], viewerId: p5 });
      expect(ids(friends)).toEqual([p20b, p10, p5]);
      expect(ranks(friends)).toEqual([1, 2, 3]);
      expect(friends.total).toBe(3);
      expect(friends.viewer).toMatchObject({ athleteId: p5, rank: 3 });
      expect((await totals(sp, { viewerId: randomUUID() })).viewer).toBeNull();
    });

    it('keeps the same totals when a day is written twice, and follows a rewrite', async () => {
      const sp = sport();
      const a = await s.athlete();
      await s.totals.setDay(a, sp, '2026-05-19', km(10), LYON);
      await s.totals.setDay(a, sp, '2026-05-19', km(10), LYON);
      expect((await totals(sp)).entries).toMatchObject([{ distanceM: 10_000, activities: 1 }]);
      await s.totals.setDay(a, sp, '2026-05-19', km(7.5), LYON);
      const week = await totals(sp, { place: { country: 'France', city: 'Lyon' } });
      expect(week.entries).toMatchObject([{ distanceM: 7500, movingS: 2250, activities: 1 }]);
    });

    it('takes an athlete off every board when a day is set to zero activities', async () => {
      const sp = sport();
      const [a, b] = [await s.athlete(), await s.athlete()];
      await s.totals.setDay(a, sp, '2026-05-19', km(10), LYON);
      await s.totals.setDay(a, sp, '2026-05-02', km(3), LYON);
      await s.totals.setDay(b, sp, '2026-05-19', km(4), LYON);
      await s.totals.setDay(a, sp, '2026-05-19', km(0, 0), LYON);
      expect(ids(await totals(sp))).toEqual([b]);
      expect((await totals(sp, { place: { country: 'France' } })).total).toBe(1);
      expect((await totals(sp, { period: 'month' })).entries).toMatchObject([
        { athleteId: b, distanceM: 4000 },
        { athleteId: a, distanceM: 3000 },
      ]);
      await s.totals.setDay(a, sp, '2026-05-02', km(0, 0), LYON);
      expect(ids(await totals(sp, { period: 'year' }))).toEqual([b]);
      const range = await totals(sp, { period: { from: '2026-05-01', to: '2026-05-20' } });
      expect(ids(range)).toEqual([b]);
    });

    it('clears every board', async () => {
      const sp = sport();
      const a = await s.athlete();
      await s.totals.setDay(a, sp, '2026-05-19', km(10), LYON);
      await s.totals.clear();
      expect((await totals(sp)).total).toBe(0);
      expect((await totals(sp, { period: { from: '2026-05-01', to: '2026-05-20' } })).total).toBe(
        0,
      );
      await s.totals.setDay(a, sp, '2026-05-19', km(2), LYON);
      expect((await totals(sp, { period: 'year' })).entries).toMatchObject([{ distanceM: 2000 }]);
    });
  });
});
