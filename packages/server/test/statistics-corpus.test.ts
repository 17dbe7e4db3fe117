/**
 * The headline numbers of real device files, as an upload computes them (formats reads,
 * activity-compute screens and core computes), against the totals the device wrote into the
 * file: distance, timer time and elevation gain (docs/statistics.md, "Device or computed").
 * Reads both manifests of the shared corpus; skipped on a fresh clone without it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ImportedActivity, importActivityFile } from '@stride/formats';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusPresent, readCorpusFile } from '../../formats/test/helpers/corpus.js';
import { computeActivity } from '../src/activities/activity-compute.js';

/**
 * Multisport and multi-session files: how their sessions are split and which records belong
 * to which session is the FIT reader's business, checked by its own corpus tests.
 */
const MULTISPORT = [
  'python-fitparse/sample_mulitple_header.fit',
  'python-fitparse/activity-large-fenxi2-multisport.fit',
  'muktihari-fit/triathlon_summary_last.fit',
  'muktihari-fit/triathlon_summary_first.fit',
  'sweatpy/6471559601_ACTIVITY.fit',
];

/**
 * Files whose device ascent the recorded altitude cannot reproduce within 10 %, and why
 * (see docs/statistics.md, "Why another app may show a different number").
 */
const GAIN_KNOWN: Record<string, string> = {
  'python-fitparse/garmin-edge-500-activity.fit':
    '46 auto-pauses: the device keeps counting through them, the hysteresis restarts (−13 %)',
  'python-fitparse/2015-10-13-08-43-15.fit':
    'GPS altitude every 10–20 s (smart recording): the device counted from 1 Hz altitude (−21 %)',
  'rust_fit_file/20210507_run_coros_pace_2.fit':
    'flat run whose altitude stays within 1–6 m: the device sums its 1 m steps (24 m), Stride 0',
  'fit/misc/0134902991.fit':
    'virtual ride: every rise of its noise-free 1 m altitude sums to 83 m, the app says 59 (and 0 m of descent) (+41 %)',
};

interface Row {
  file: string;
  a: ImportedActivity;
  stats: ReturnType<typeof computeActivity>['stats'];
  streamEnd: number;
}

function files(): string[] {
  const out: string[] = [];
  for (const name of ['MANIFEST.tsv', 'MANIFEST-incoming.tsv']) {
    const lines = readFileSync(join(CORPUS_DIR, name), 'utf8').split('\n').filter(Boolean);
    const heads = lines[0]!.split('\t');
    for (const line of lines.slice(1)) {
      const cells = line.split('\t');
      if (['FIT', 'TCX'].includes(cells[heads.indexOf('format')]!)) out.push(cells[0]!);
    }
  }
  return out;
}

function rows(): Row[] {
  const out: Row[] = [];
  for (const file of files()) {
    if (MULTISPORT.includes(file)) continue;
    let activities: ImportedActivity[];
    try {
      activities = importActivityFile(readCorpusFile(file)).activities;
    } catch {
      continue; // refused files are the formats corpus test's business
    }
    for (const a of activities) {
      if (a.track.length < 2) continue;
      const { stats, streams } = computeActivity(a.track, {
        ...a,
        sport: a.sport ?? 'Workout',
        elevationSource: 'auto',
      });
      const d = streams.distance;
      out.push({ file, a, stats, streamEnd: d.length ? d[d.length - 1]! : 0 });
    }
  }
  return out;
}

const pct = (ours: number, device: number) => (Math.abs(ours - device) / device) * 100;

describe.skipIf(!corpusPresent)('statistics of real device files against their own totals', () => {
  const all = corpusPresent ? rows() : [];
  // Totals of a truncated file describe records that are not in it: not comparable.
  const complete = all.filter((r) => {
    const d = r.a.deviceTotals;
    const t = r.a.track.time;
    return d?.timerS && d.timerS >= 60 && t[t.length - 1]! - t[0]! >= 0.9 * d.timerS;
  });

  it('reads enough files to mean something', () => {
    expect(complete.length).toBeGreaterThan(20);
  });

  it('ends every distance stream at the headline distance', () => {
    for (const r of all) expect(r.streamEnd, r.file).toBe(r.stats.distance);
  });

  it('matches the device distance within 0.5 % (2 % from GPS alone)', () => {
    for (const r of complete) {
      const device = r.a.deviceTotals!.distanceM;
      if (!device) continue;
      const limit = r.stats.distance_source === 'gps' ? 2 : 0.5;
      expect(
        pct(r.stats.distance, device),
        `${r.file}: ${r.stats.distance} vs ${device}`,
      ).toBeLessThanOrEqual(limit);
    }
  });

  it('matches the device timer within 1 %', () => {
    for (const r of complete) {
      const device = r.a.deviceTotals!.timerS!;
      expect(
        pct(r.stats.timer_time, device),
        `${r.file}: ${r.stats.timer_time} vs ${device}`,
      ).toBeLessThanOrEqual(1);
      expect(r.stats.moving_time).toBeLessThanOrEqual(r.stats.timer_time);
    }
  });

  it('matches the device ascent within 10 % where it is over 20 m, but for the known cases', () => {
    const checked = complete.filter((r) => (r.a.deviceTotals!.ascentM ?? 0) >= 20);
    expect(checked.length).toBeGreaterThan(8);
    for (const r of checked) {
      const device = r.a.deviceTotals!.ascentM!;
      const error = pct(r.stats.total_elevation_gain, device);
      if (r.file in GAIN_KNOWN) continue;
      expect(error, `${r.file}: ${r.stats.total_elevation_gain} vs ${device}`).toBeLessThanOrEqual(
        10,
      );
    }
  });

  it('gives the 25 m pool swim its 1 100 m and a swim pace', () => {
    const swim = all.find((r) => r.file === 'rust_fit_file/20210709_pool_swim.fit');
    expect(swim).toBeDefined();
    const s = swim!.stats;
    expect(s.distance).toBeCloseTo(1100, 6);
    expect(s.moving_time).toBeGreaterThan(1700);
    expect(s.moving_time).toBeLessThanOrEqual(s.timer_time);
    expect(s.average_speed).toBeLessThan(1);
    expect(s.average_pace_100m).toBeGreaterThan(120);
  });

  it('filters the altitude spike of the fenix 2 run (device 64 m)', () => {
    const r = all.find((x) => x.file === 'python-fitparse/activity-small-fenix2-run.fit')!;
    expect(pct(r.stats.total_elevation_gain, 64)).toBeLessThanOrEqual(10);
    expect(r.stats.cleaning.elevationSpikes).toBeGreaterThan(0);
  });
});
