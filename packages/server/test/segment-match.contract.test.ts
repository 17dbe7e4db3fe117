import { matchSegment, seededRandom } from '@stride/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routeLine } from '../src/demo/route-activity.js';
import type { SyntheticSample } from '../src/demo/synthetic-activity.js';
import { derivedStreams } from '../src/services/activity-compute.js';
import { prepareStored } from '../src/services/segment-catalog.js';
import { DATABASES, useTestApp } from './adapters.js';
import { signUp } from './helpers.js';
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

describe.each(DATABASES)('segment matching jobs on $name', (database) => {
  const t = useTestApp(database);
  const api = segmentApi(
    () => t.app,
    () => t.container.runner.drain(),
  );
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The activity's stored efforts, by segment and start (without their row's creation time). */
  const storedEfforts = async (activityId: string) =>
    (
      await t.container.database.db
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
    const row = await t.container.database.db
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', run)
      .executeTakeFirstOrThrow();
    const track = (await t.container.activityReads.loadTrack(row))!;
    const { moving, distance } = derivedStreams(track, row.sport_type);
    const segments = await t.container.database.db
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
    const match = vi.spyOn(t.container.segmentCatalog, 'match');
    expect(await t.container.segmentMatches.matchActivity(run)).toBe('success');
    expect(match).toHaveBeenCalledTimes(1);
    expect(await storedEfforts(run)).toEqual(stored);
  });
});
