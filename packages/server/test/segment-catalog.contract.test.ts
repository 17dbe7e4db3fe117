import { encodePolyline, type Track, trackFromColumns } from '@stride/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeActivity, routeLine } from '../src/demo/route-activity.js';
import { SegmentRepository } from '../src/segments/segment.repository.js';
import { SegmentCatalog } from '../src/segments/segment-catalog.js';
import { DATABASES, useTestApp } from './adapters.js';
import { ROUTE } from './segment-helpers.js';

/** Slice k of the route: 250 m starting 300·k m along it. */
function slice(k: number) {
  const points = routeLine(ROUTE, 300 * k, 300 * k + 250);
  const lat = points.map((p) => p[0]);
  const lng = points.map((p) => p[1]);
  return {
    name: `slice ${k}`,
    sport_type: 'Run' as const,
    polyline: encodePolyline(lat, lng),
    point_count: points.length,
    distance_m: 250,
    start_lat: lat[0]!,
    start_lng: lng[0]!,
    end_lat: lat.at(-1)!,
    end_lng: lng.at(-1)!,
    min_lat: Math.min(...lat),
    min_lng: Math.min(...lng),
    max_lat: Math.max(...lat),
    max_lng: Math.max(...lng),
  };
}

/** One run along the whole route: it covers every slice. */
function runAlongRoute(): Track {
  const samples = routeActivity(ROUTE, { seed: 9, sport: 'Run', startTime: 1.7e9, speedMps: 3 });
  return trackFromColumns({
    time: Float64Array.from(samples, (s) => s.t),
    lat: Float64Array.from(samples, (s) => s.lat),
    lon: Float64Array.from(samples, (s) => s.lng),
  });
}

describe.each(DATABASES)('the segment change log and each process’s index on $name', (database) => {
  const t = useTestApp(database);
  const track = runAlongRoute();
  /** A log that keeps its last 3 changes, as if many had been written. */
  let segments: SegmentRepository;
  const ids = new Map<number, string>();

  const add = async (k: number) => {
    const row = await segments.transaction((tx) => segments.create(tx, slice(k)));
    ids.set(k, row.id);
  };
  const remove = (k: number) => segments.transaction((tx) => segments.delete(tx, ids.get(k)!));
  const log = () =>
    t.stride.platform.db
      .selectFrom('segment_changes')
      .select(['version', 'op'])
      .orderBy('version')
      .execute();
  /** The slices a catalog's index matches the run on. */
  const matched = (catalog: SegmentCatalog) => {
    const names = new Map([...ids].map(([k, id]) => [id, k]));
    const found = catalog.match(track, 'Run').matches.map((m) => names.get(m.segmentId));
    return [...new Set(found)].sort();
  };

  beforeAll(() => {
    segments = new SegmentRepository(t.stride.platform.db, { changesKept: 3 });
  });

  it('keeps only the last changes, gapless, and counts versions on from the latest', async () => {
    for (const k of [0, 1, 2, 3]) await add(k);
    expect(await log()).toEqual([
      { version: 2, op: 'add' },
      { version: 3, op: 'add' },
      { version: 4, op: 'add' },
    ]);
    await remove(0);
    expect(await log()).toEqual([
      { version: 3, op: 'add' },
      { version: 4, op: 'add' },
      { version: 5, op: 'remove' },
    ]);
    expect(await segments.indexVersion()).toBe(5);
    // The segments themselves stay: pruning forgets how they came, not that they exist.
    expect((await segments.findById(ids.get(1)!))?.index_version).toBe(2);
    expect(() => new SegmentRepository(t.stride.platform.db, { changesKept: 0 })).toThrow(
      RangeError,
    );
  });

  it('applies the changes a process missed while the log still has them all', async () => {
    const catalog = new SegmentCatalog(segments);
    expect(await catalog.sync()).toBe(5);
    expect(matched(catalog)).toEqual([1, 2, 3]);
    await add(4);
    await remove(1);
    await add(5);
    expect(await catalog.sync()).toBe(8);
    expect(matched(catalog)).toEqual([2, 3, 4, 5]);
    expect(catalog.stats()).toMatchObject({ segments: 4, loads: 1 });
  });

  it('reloads the whole index when changes it missed were pruned, instead of applying the rest', async () => {
    const behind = new SegmentCatalog(segments);
    const current = new SegmentCatalog(segments);
    expect(await behind.sync()).toBe(8);
    expect(await current.sync()).toBe(8);
    await remove(2); // 9: pruned below, so a partial log would keep slice 2…
    await add(6); // 10: …and never learn of slice 6
    expect(await current.sync()).toBe(10);
    await add(7);
    await remove(3);
    await add(8); // the log now holds 11–13
    expect((await log()).map((c) => c.version)).toEqual([11, 12, 13]);

    expect(await behind.sync()).toBe(13);
    expect(matched(behind)).toEqual([4, 5, 6, 7, 8]);
    expect(behind.stats()).toMatchObject({ segments: 5, loads: 2 });
    // Three versions behind: exactly what the log keeps, so no reload.
    expect(await current.sync()).toBe(13);
    expect(matched(current)).toEqual([4, 5, 6, 7, 8]);
    expect(current.stats()).toMatchObject({ segments: 5, loads: 1 });
    expect(behind.version).toBe(13);
  });

  it('catches changes pruned between reading the latest version and reading the log', async () => {
    // Other processes write three changes between this one's two reads.
    let race = false;
    const racing = Object.create(segments) as SegmentRepository;
    racing.changesBetween = async (after, upTo) => {
      if (race) for (const k of [9, 0, 1]) await add(k);
      race = false;
      return segments.changesBetween(after, upTo);
    };
    const catalog = new SegmentCatalog(racing);
    expect(await catalog.sync()).toBe(13);
    await remove(4); // 14: the one change it needs, pruned by the racing writes
    race = true;
    expect(await catalog.sync()).toBe(14);
    expect(matched(catalog)).toEqual([5, 6, 7, 8]);
    expect(catalog.stats().loads).toBe(2);
    expect(await catalog.sync()).toBe(17);
    expect(matched(catalog)).toEqual([0, 1, 5, 6, 7, 8, 9]);
    expect(catalog.stats().loads).toBe(2);
  });
});
