/**
 * Statistics athletes trust, checked on real device files: our distance, timer time and
 * elevation gain (packages/core) against the totals the device itself wrote into the file
 * (FIT session, TCX laps), read by packages/formats. Prints the comparison table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeActivity } from '@stride/core';
import { importActivityFile } from '@stride/formats';
import { describe, expect, it } from 'vitest';
import {
  CORPUS_DIR,
  corpusPresent,
  readManifest,
} from '../packages/formats/test/helpers/corpus.js';

interface Row {
  file: string;
  /** The records cover the device's timer time (a truncated file keeps the totals of the whole). */
  complete: boolean;
  sport: string;
  source: string;
  distance: [number, number];
  timer: [number, number];
  gain: [number, number | undefined];
}

if (!corpusPresent) {
  console.warn(
    `\n[e2e] shared corpus not found at ${CORPUS_DIR}: accuracy suite not run (it measures that corpus; fresh clone).\n`,
  );
}

const pct = (ours: number, device: number) =>
  device === 0 ? (ours === 0 ? 0 : Number.POSITIVE_INFINITY) : ((ours - device) / device) * 100;

describe.runIf(corpusPresent)('accuracy on real device files (../shared/data)', () => {
  const rows: Row[] = [];
  // Vitest collects a skipped suite too: read the manifest only when the corpus is there.
  for (const entry of corpusPresent ? readManifest() : []) {
    if (!['FIT', 'TCX'].includes(entry.format)) continue;
    let result: ReturnType<typeof importActivityFile>;
    try {
      result = importActivityFile(new Uint8Array(readFileSync(join(CORPUS_DIR, entry.file))));
    } catch {
      continue; // refused files are the formats corpus test's business
    }
    for (const a of result.activities) {
      const d = a.deviceTotals;
      if (!d?.distanceM || !d.timerS || d.timerS < 60) continue;
      const { stats } = computeActivity(a.track, {
        sport: a.sport ?? 'Workout',
        laps: a.laps,
        pauses: a.pauses,
        ...(d.calories !== undefined ? { deviceTotals: { calories: d.calories } } : {}),
        elevationSource: 'barometric',
      });
      const t = a.track.time;
      const span = t.length ? t[t.length - 1]! - t[0]! : 0;
      rows.push({
        file: entry.file,
        complete: span >= 0.9 * d.timerS,
        sport: a.sport ?? '?',
        source: stats.distance_source,
        distance: [stats.distance, d.distanceM],
        timer: [stats.timer_time, d.timerS],
        gain: [stats.total_elevation_gain, d.ascentM],
      });
    }
  }

  it('prints ours vs the device for every activity with device totals', () => {
    console.log(
      '\n| file | sport | distance from | distance ours / device (Δ%) | timer ours / device (Δ%) | gain ours / device (Δ%) |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const r of rows) {
      if (!r.complete) {
        console.log(
          `| ${r.file} | ${r.sport} | ${r.source} | truncated: records cover ${r.timer[0].toFixed(0)} of ${r.timer[1].toFixed(0)} s; totals not comparable | | |`,
        );
        continue;
      }
      const g =
        r.gain[1] !== undefined
          ? `${r.gain[0].toFixed(0)} / ${r.gain[1]} m (${pct(r.gain[0], r.gain[1]).toFixed(1)})`
          : '— (no device value)';
      console.log(
        `| ${r.file} | ${r.sport} | ${r.source} | ${(r.distance[0] / 1000).toFixed(3)} / ${(r.distance[1] / 1000).toFixed(3)} km (${pct(...r.distance).toFixed(2)}) | ${r.timer[0].toFixed(0)} / ${r.timer[1].toFixed(0)} s (${pct(...r.timer).toFixed(2)}) | ${g} |`,
      );
    }
    expect(rows.length).toBeGreaterThan(8);
  });

  // A device closes its session a second or two after its last record, so very short
  // activities also get a 10 m allowance.
  it('matches the device distance within 0.5 % when the file has a distance stream, 2 % from GPS', () => {
    for (const r of rows.filter((x) => x.complete)) {
      const limit = r.source === 'device' ? 0.5 : 2;
      const [ours, device] = r.distance;
      expect(
        Math.abs(ours - device) <= 10 || Math.abs(pct(ours, device)) <= limit,
        `${r.file}: ${ours} vs ${device}`,
      ).toBe(true);
    }
  });

  // Smart recording (a record every few seconds) puts a multisport leg's boundary on a record a
  // few seconds off the device's session start: short legs (transitions) get a 5 s allowance.
  it('matches the device timer time within 1 % (5 s on short activities)', () => {
    for (const r of rows.filter((x) => x.complete))
      expect(
        Math.abs(r.timer[0] - r.timer[1]) <= 5 || Math.abs(pct(...r.timer)) <= 1,
        `${r.file}: ${r.timer[0]} vs ${r.timer[1]} s`,
      ).toBe(true);
  });

  it('matches the device (barometric) elevation gain within 10 % on most files, 15 % on all', () => {
    const withGain = rows.filter((r) => r.complete && r.gain[1] !== undefined && r.gain[1] >= 20);
    const errors = withGain.map((r) => Math.abs(pct(r.gain[0], r.gain[1]!)));
    expect(withGain.length).toBeGreaterThan(5);
    expect(errors.filter((e) => e <= 10).length / errors.length).toBeGreaterThanOrEqual(0.7);
    for (const e of errors) expect(e).toBeLessThanOrEqual(15);
  });
});
