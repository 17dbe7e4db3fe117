import { matchSegment, seededRandom } from '@stride/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { derivedStreams } from '../src/activities/activity-compute.js';
import { type Route, routeFrom, routeLine } from '../src/demo/route-activity.js';
import type { SyntheticSample } from '../src/demo/synthetic-activity.js';
import type { ActivityRow } from '../src/platform/db/schema.js';
import { SegmentRepository } from '../src/segments/segment.repository.js';
import { prepareStored, SegmentCatalog } from '../src/segments/segment-catalog.js';
import { SegmentEffortRepository } from '../src/segments/segment-effort.repository.js';
import { effortRow, SegmentMatchService } from '../src/segments/segment-match.service.js';
import { DATABASES, REDIS_URL, redisNamespace, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import { ROUTE, segmentApi } from './segment-helpers.js';

const DAY = 86_400;
const now = () => Math.floor(Date.now() / 1000);

/** Stands still for `seconds` after sample `k`, with half a metre of GPS jitter. */
const stopAfter = (k: number, seconds: number) => (samples: SyntheticSample[]) => {
  const at = samples[k]!;
  const rnd = seededRandom(`stop:${k}`);
  const still = Array.from({ length: seconds }, (_v, i) => ({
    ...at,
    t: at.t + i + 1,
    lat: at.lat + (rnd() - 0.5) * 1e-5,
    lng: at.lng + (rnd() - 0.5) * 1e-5,
  }));
  const later = samples.slice(k + 1).map((s) => ({ ...s, t: s.t + seconds }));
  return [...samples.slice(0, k + 1), ...still, ...later];
};

describe.each(DATABASES)('matching an activity on $name', (database) => {
  const t = useTestApp(database);
  const api = segmentApi(
    () => t.app,
    () => t.stride.worker.drain(),
  );
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The activity's stored efforts, by segment and start (without their row's creation time). */
  const storedEfforts = async (activityId: string) =>
    (
      await t.stride.platform.db
        .selectFrom('segment_efforts')
        .selectAll()
        .where('activity_id', '=', activityId)
        .orderBy('segment_id')
        .orderBy('start_index')
        .execute()
    ).map(({ created_at: _, ...e }) => e);

  it('times efforts with the activity’s own streams in one pass over the index', async () => {
    const ann = await signUp(t.app, 'ann');
    const ids: string[] = [];
    for (const [name, from, to] of [
      ['Climb', 600, 2200],
      ['Top', 2300, 2900],
    ] as const) {
      const res = await api.createSegment(ann, {
        name,
        sport_type: 'Run',
        points: routeLine(ROUTE, from, to),
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    // A minute's stop about 950 m along: inside the climb, so its moving time leaves it out.
    const run = await api.upload(ann, {
      seed: 41,
      speedMps: 3,
      startTime: now() - DAY,
      edit: stopAfter(333, 60),
    });
    const stored = await storedEfforts(run);
    expect(stored.map((e) => e.segment_id).sort()).toEqual([...ids].sort());

    // What matching with the streams computed up front gives, segment by segment.
    const row = await t.stride.platform.db
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', run)
      .executeTakeFirstOrThrow();
    const track = (await t.stride.activities.reads.loadTrack(row))!;
    const { moving, distance } = derivedStreams(track, row.sport_type);
    const segments = await t.stride.platform.db
      .selectFrom('segments')
      .select(['id', 'polyline'])
      .where('id', 'in', ids)
      .execute();
    for (const s of segments) {
      const prepared = prepareStored(s);
      const [want, ...more] = matchSegment(track, prepared, { sport: 'Run', moving, distance });
      expect(more).toEqual([]);
      const got = stored.find((e) => e.segment_id === s.id)!;
      expect(got).toMatchObject({
        start_index: want!.startIndex,
        end_index: want!.endIndex,
        elapsed_time: want!.elapsedS,
        moving_time: want!.movingS,
        distance: want!.distanceM,
      });
      // Not what the track alone gives: the activity's streams timed it.
      const [plain] = matchSegment(track, prepared, { sport: 'Run' });
      expect(got.distance).not.toBe(plain!.distanceM);
    }
    const climb = stored.find((e) => e.segment_id === ids[0])!;
    expect(climb.elapsed_time - climb.moving_time).toBeGreaterThan(55);

    // Matching again passes over the index once and writes the same efforts.
    const match = vi.spyOn(t.stride.segments.catalog, 'match');
    expect(await t.stride.segments.matches.matchActivity(run)).toBe('success');
    expect(match).toHaveBeenCalledTimes(1);
    expect(await storedEfforts(run)).toEqual(stored);
  });
});

// The race ends in board writes, so it runs with each board store (as the efforts suite does).
const targets = [
  ...DATABASES.map((database) => ({ name: `SQL boards on ${database.name}`, database })),
  ...(REDIS_URL ? [{ name: 'Redis boards', redis: true, database: DATABASES[0]! }] : []),
];

describe.each(targets)('a new segment’s backfill racing an activity’s match ($name)', (target) => {
  const ns = 'redis' in target ? redisNamespace(REDIS_URL!) : undefined;
  const t = useTestApp(target.database, ns ? { REDIS_URL, STRIDE_REDIS_PREFIX: ns.prefix } : {});
  afterAll(async () => {
    await ns?.release();
  });
  const api = segmentApi(
    () => t.app,
    () => t.stride.worker.drain(),
  );
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const db = () => t.stride.platform.db;
  let place = 0;
  let ann: SignedIn;
  let ben: SignedIn;
  beforeAll(async () => {
    ann = await signUp(t.app, 'ann-laps');
    ben = await signUp(t.app, 'ben-laps');
  });

  /** Two laps of a 2.4 km square, each case in its own part of town. */
  const lapsRoute = (): Route => {
    const side = (b: number) => [b, 600] as const;
    const lap = [side(90), side(0), side(270), side(180)];
    return routeFrom([45.7 + 0.02 * ++place, 4.8], [...lap, ...lap], (d) => 170 + 0.01 * d);
  };

  /** What core finds for this activity on this segment: the efforts that must be stored. */
  async function trueEfforts(activityId: string, segmentId: string) {
    const row = await db()
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', activityId)
      .executeTakeFirstOrThrow();
    const track = (await t.stride.activities.reads.loadTrack(row))!;
    const segment = await db()
      .selectFrom('segments')
      .select(['id', 'polyline'])
      .where('id', '=', segmentId)
      .executeTakeFirstOrThrow();
    const { moving, distance } = derivedStreams(track, row.sport_type);
    const options = { sport: row.sport_type, moving, distance };
    return matchSegment(track, prepareStored(segment), options).map((m) => effortRow(row, m, null));
  }

  /**
   * A worker process of its own (repositories, index) sharing the database, ranking and
   * boards. Its first write of `activityId`'s efforts opens `wrote`; it loads that
   * activity's track only once `loadGate` resolves, so a test can choose whose write lands
   * first while everything else runs concurrently.
   */
  function worker(activityId: string, loadGate: () => Promise<unknown>) {
    const efforts = new SegmentEffortRepository(db());
    const segments = new SegmentRepository(db());
    const catalog = new SegmentCatalog(segments);
    let openWrote!: () => void;
    const wrote = new Promise<void>((resolve) => {
      openWrote = resolve;
    });
    let writing = false;
    const lock = efforts.lockActivity.bind(efforts);
    efforts.lockActivity = async (tx, id) => {
      writing ||= id === activityId;
      return lock(tx, id);
    };
    const transaction = efforts.transaction.bind(efforts);
    efforts.transaction = (async (fn: Parameters<typeof transaction>[0]) => {
      const out = await transaction(fn);
      if (writing) openWrote(); // committed
      writing = false;
      return out;
    }) as typeof efforts.transaction;
    const loadTrack = async (row: ActivityRow) => {
      if (row.id === activityId) await loadGate();
      return t.stride.activities.reads.loadTrack(row);
    };
    const service = new SegmentMatchService(
      t.stride.activities.activities,
      efforts,
      segments,
      catalog,
      t.stride.segments.ranking,
      t.stride.privacy.privacy,
      loadTrack,
    );
    return { service, catalog, wrote };
  }

  /**
   * Ben's older, faster run and Ann's run, two laps each of a fresh route (so two efforts each
   * on a segment over its first corner), and that segment's line.
   */
  async function twoRuns() {
    const route = lapsRoute();
    const start = now() - (2 + place) * DAY;
    const benRun = await api.upload(ben, { seed: 51, speedMps: 3.6, startTime: start }, route);
    const annRun = await api.upload(
      ann,
      { seed: 52, speedMps: 3, startTime: start + 3 * 3600 },
      route,
    );
    return { benRun, annRun, line: routeLine(route, 100, 1100) };
  }

  /** Creates the segment without running its queued backfill. */
  async function createSegment(line: Array<[number, number]>): Promise<string> {
    const res = await api.inject({
      method: 'POST',
      url: '/api/v1/segments',
      headers: ann.headers,
      payload: { name: 'Corner', sport_type: 'Run', points: line },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  /**
   * The segment holds exactly core's efforts of both runs, once each, with PR ranks by the
   * athlete's earlier faster laps, a KOM rank on each athlete's best, and those bests on the
   * board and in the counters.
   */
  async function expectSettled(seg: string, runs: readonly string[]) {
    const want = (await Promise.all(runs.map((run) => trueEfforts(run, seg)))).flat();
    expect(want).toHaveLength(4); // a lap each time round
    const stored = await db()
      .selectFrom('segment_efforts')
      .selectAll()
      .where('segment_id', '=', seg)
      .execute();
    const fields = (e: (typeof want)[number]) => ({
      id: e.id,
      activity_id: e.activity_id,
      athlete_id: e.athlete_id,
      start_index: e.start_index,
      end_index: e.end_index,
      elapsed_time: e.elapsed_time,
      moving_time: e.moving_time,
      distance: e.distance,
      hidden: e.hidden,
    });
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(stored.map(fields).sort(byId)).toEqual(want.map(fields).sort(byId));

    const best = new Map<string, (typeof want)[number]>();
    for (const e of want) {
      const b = best.get(e.athlete_id);
      if (!b || e.elapsed_time < b.elapsed_time) best.set(e.athlete_id, e);
    }
    const ranked = [...best.values()].sort((a, b) => a.elapsed_time - b.elapsed_time);
    expect(ranked.map((e) => e.athlete_id)).toEqual([ben.id, ann.id]);
    for (const e of want) {
      const earlierFaster = want.filter(
        (o) =>
          o.athlete_id === e.athlete_id &&
          o.start_date! < e.start_date! &&
          o.elapsed_time < e.elapsed_time,
      ).length;
      const row = stored.find((r) => r.id === e.id)!;
      const kom = best.get(e.athlete_id) === e ? ranked.indexOf(e) + 1 : null;
      expect({ pr: row.pr_rank, kom: row.kom_rank }, e.id).toEqual({
        pr: 1 + earlierFaster,
        kom,
      });
    }

    const board = await api.board(seg);
    expect(board.entry_count).toBe(2);
    const handle = (athleteId: string) => (athleteId === ben.id ? ben.handle : ann.handle);
    expect(
      board.entries.map((e) => [e.rank, e.athlete.handle, e.effort_id, e.elapsed_time]),
    ).toEqual(ranked.map((e, i) => [i + 1, handle(e.athlete_id), e.id, e.elapsed_time]));
    expect((await api.segment(seg)).json()).toMatchObject({ effort_count: 4, athlete_count: 2 });
  }

  const cases = (['match', 'backfill'] as const).flatMap((first) =>
    (['match', 'backfill'] as const).flatMap((started) =>
      [true, false].map((indexKnowsSegment) => ({ first, started, indexKnowsSegment })),
    ),
  );
  it.each(cases)(
    'stores each effort once and boards them right ($first writes first, $started started first, index knows the segment: $indexKnowsSegment)',
    async ({ first, started, indexKnowsSegment }) => {
      const { benRun, annRun, line } = await twoRuns();
      // One worker matches Ann's run while another back-fills the new segment; the one that
      // writes second loads her track only once the other committed her efforts.
      const second = first === 'match' ? 'backfill' : 'match';
      const leader = worker(annRun, async () => {});
      const workers = { [first]: leader, [second]: worker(annRun, () => leader.wrote) } as Record<
        'match' | 'backfill',
        ReturnType<typeof worker>
      >;
      const matcher = workers.match.catalog;
      await matcher.sync();
      if (!indexKnowsSegment) {
        // The matching worker's index read the log just before the segment was committed.
        vi.spyOn(matcher, 'sync').mockImplementation(() => Promise.resolve(matcher.version));
      }
      const seg = await createSegment(line);
      const jobs = {
        match: () => workers.match.service.matchActivity(annRun),
        backfill: () => workers.backfill.service.backfill(seg),
      };
      const other = started === 'match' ? 'backfill' : 'match';
      expect(await Promise.all([jobs[started](), jobs[other]()])).toEqual(['success', 'success']);
      vi.restoreAllMocks();
      await expectSettled(seg, [benRun, annRun]);
      // The backfill job queued with the segment, and anything else queued, change nothing.
      await t.stride.worker.drain();
      await expectSettled(seg, [benRun, annRun]);
    },
  );

  it('settles refreshes of one athlete on one segment that run at the same time', async () => {
    const { benRun, annRun, line } = await twoRuns();
    const seg = await createSegment(line);
    await t.stride.worker.drain();
    await expectSettled(seg, [benRun, annRun]);
    // Four at once (a match, a backfill and visibility changes, say), assessing her laps for
    // KOM ranks as a match does: every one finishes, and the state is the same.
    const assess = new Set((await trueEfforts(annRun, seg)).map((e) => e.id));
    const ranking = t.stride.segments.ranking;
    for (let round = 0; round < 10; round++) {
      await Promise.all([0, 1, 2, 3].map(() => ranking.refresh(seg, ann.id, assess)));
    }
    await expectSettled(seg, [benRun, annRun]);
  });
});
