/**
 * Every real file of the shared corpus (both manifests) through the upload path's own import
 * (`importFile`: formats, then core, as the server runs it), compared with what the device
 * wrote into the file (the manifests' embedded session totals) and with values other projects
 * assert (expected*.json): one row per file, activity and field. `corpus-table.test.ts` prints
 * it and holds the bars; `npm run accuracy` writes it to docs/accuracy.md.
 */

import { type SportType, sportThresholds, type Track } from '@stride/core';
import { importActivityFile } from '@stride/formats';
import {
  corpusPresent,
  type ManifestEntry,
  readCorpusFile,
  readExpected,
  readManifests,
} from '../packages/formats/test/helpers/corpus.js';
import { importFile } from '../packages/server/src/uploads/file-import.js';

export interface TableRow {
  file: string;
  device: string;
  /** Which activity of the file (1-based) and which number. */
  field: string;
  deviceValue: string;
  strideValue: string;
  /** Relative error, or what happened. */
  error: string;
  /** The bar this row is held to ('' when shown for information). */
  bar: string;
  ok: boolean;
}

/** Sessions shorter than this are transitions or tests: shown, held only to a few seconds. */
const SHORT_S = 60;

const pct = (ours: number, device: number) =>
  device === 0 ? (ours === 0 ? 0 : Number.POSITIVE_INFINITY) : ((ours - device) / device) * 100;
const signed = (p: number) => (Number.isFinite(p) ? `${p >= 0 ? '+' : ''}${p.toFixed(2)} %` : '∞');

/**
 * Files that hold no recorded activity, as their manifest describes them (routes, courses,
 * workouts, files with no activity data): refused with a message, by design.
 */
function notAnActivity(entry: ManifestEntry): boolean {
  return /planned route|course export|route builder|workout export|no activity data/i.test(
    `${entry.device} ${entry.notes}`,
  );
}

export function corpusTable(): TableRow[] {
  if (!corpusPresent) return [];
  const expected = readExpected();
  const rows: TableRow[] = [];
  for (const entry of readManifests()) {
    const base = { file: entry.file, device: entry.device.slice(0, 60) };
    const result = importFile({
      bytes: readCorpusFile(entry.file),
      sport: undefined,
      athlete: null,
    });
    if (!result.ok) {
      const refusedOk =
        notAnActivity(entry) || /damaged|truncated|invalid|cannot|no /i.test(result.error);
      rows.push({
        ...base,
        field: 'outcome',
        deviceValue: notAnActivity(entry)
          ? 'not an activity'
          : `${entry.sessions.length} session(s)`,
        strideValue: `refused: ${result.error}`,
        error: refusedOk ? 'refused with a message' : 'refused an activity',
        bar: 'an activity is imported; anything else refused with a message',
        ok: notAnActivity(entry),
      });
      continue;
    }
    // The manifest's session totals (read by other tools); else, for TCX, the file's own lap
    // totals as the reader finds them (the device's numbers all the same).
    const sessions = entry.sessions.length ? entry.sessions : fileTotals(entry);
    const made = result.activities.filter((a) => a.computed);
    if (entry.sessions.length) {
      // A manifest may list fewer sessions than the file holds (one written after the part its
      // source described): a session message with the device's own totals counts too.
      const inFile = sessionsInFile(entry);
      const ok = made.length === sessions.length || made.length === inFile;
      rows.push({
        ...base,
        field: 'activities',
        deviceValue:
          inFile > sessions.length
            ? `${sessions.length} listed, ${inFile} session messages in the file`
            : String(sessions.length),
        strideValue: String(made.length),
        error: ok ? '' : `${made.length - sessions.length}`,
        bar: 'one per session',
        ok,
      });
    }
    for (const [i, activity] of result.activities.entries()) {
      const leg = result.activities.length > 1 ? ` ${i + 1}` : '';
      if (!activity.computed) {
        rows.push({
          ...base,
          field: `activity${leg}`,
          deviceValue: sessions[i]?.sport ?? '',
          strideValue: `refused: ${activity.refused}`,
          error: 'refused with a message',
          bar: '',
          ok: true,
        });
        continue;
      }
      const c = activity.computed;
      const s = sessions[i];
      const time = c.track.time;
      const span = time.length ? time[time.length - 1]! - time[0]! : 0;
      const timerDevice = s?.timerS;
      // A device closes a truncated file's session over records the file no longer holds.
      const complete = timerDevice === undefined || span >= 0.9 * timerDevice - 5;
      const short = (timerDevice ?? c.stats.timer_time) < SHORT_S;
      const field = (name: string) => `${name}${leg}`;
      const add = (
        name: string,
        device: number | undefined,
        ours: number,
        unit: string,
        bar: { pct: number; abs: number; label: string } | null,
      ) => {
        if (device === undefined || Number.isNaN(device)) return;
        const error = pct(ours, device);
        const held = bar !== null && complete;
        const ok = !held || Math.abs(ours - device) <= bar.abs || Math.abs(error) <= bar.pct;
        rows.push({
          ...base,
          field: field(name),
          deviceValue: `${round(device)} ${unit}`,
          strideValue: `${round(ours)} ${unit}`,
          error: complete ? signed(error) : 'file truncated: totals cover records it lacks',
          bar: held ? bar.label : '',
          ok,
        });
      };
      rows.push({
        ...base,
        field: field('sport'),
        deviceValue: s?.sport ?? '',
        strideValue: activity.sport,
        error: '',
        bar: '',
        ok: true,
      });
      const fromDevice = c.stats.distance_source === 'device';
      add('distance', s?.distanceM, c.stats.distance, 'm', {
        pct: fromDevice ? 0.5 : 2,
        abs: short ? 20 : 10,
        label: fromDevice ? '0.5 %' : '2 % (GPS)',
      });
      // A leg of a multisport file starts at the record nearest the device's session start:
      // with a record every few seconds, a leg's edges land a few seconds off.
      add('timer', timerDevice, c.stats.timer_time, 's', {
        pct: 1,
        abs: leg ? 5 : short ? 3 : 2,
        label: '1 %',
      });
      add('elapsed', s?.elapsedS, c.stats.elapsed_time, 's', null);
      const ascent = s?.ascentM;
      // The headline follows the device's ascent where it covers the session; the bar holds
      // what Stride computes from the altitude, which is what files without one get.
      const ours = c.stats.computed_elevation_gain;
      const step = ascent !== undefined ? startStep(c.track, activity.sport as SportType) : 0;
      // The device counted an altitude artefact at the session's start (a step faster than the
      // sport can climb, which Stride leaves out): its ascent, over Stride's by more than the
      // bar allows and by no more than that step, is not a number to hold.
      const excess = ascent !== undefined ? ascent - ours : 0;
      const artefact =
        (ascent ?? 0) >= 20 &&
        step > 0 &&
        excess > Math.max(3, 0.1 * ascent!) &&
        excess <= step * 1.1;
      if (c.stats.elevation_gain_source === 'device')
        add('shown elevation gain', ascent, c.stats.total_elevation_gain, 'm', {
          pct: 0,
          abs: 0.5,
          label: 'the device’s',
        });
      add(
        'elevation gain',
        ascent,
        ours,
        'm',
        (ascent ?? 0) >= 20 && !artefact ? { pct: 10, abs: 3, label: '10 %' } : null,
      );
      if (artefact) {
        const row = rows[rows.length - 1]!;
        row.error += ` (not held: a ${round(step)} m altitude step at the start, faster than the sport climbs, which the device counted)`;
      }
    }
    // What other projects' parsers report for the same file, where it is a number we show.
    const theirs = expected[entry.file]?.values ?? {};
    const first = made[0]?.computed;
    const info = (name: string, key: string, ours: number | undefined, unit: string) => {
      const v = theirs[key]?.value;
      if (typeof v !== 'number' || ours === undefined) return;
      rows.push({
        ...base,
        field: `${name} (other parsers)`,
        deviceValue: `${round(v)} ${unit}`,
        strideValue: `${round(ours)} ${unit}`,
        error: signed(pct(ours, v)),
        bar: '',
        ok: true,
      });
    };
    if (first && made.length === 1) {
      info('distance', 'distance_m', first.stats.distance, 'm');
      info('duration', 'duration_s', first.stats.elapsed_time, 's');
      info('calories', 'calories', first.stats.calories ?? undefined, 'kcal');
      info('moving time', 'moving_time_s', first.stats.moving_time, 's');
      info('uphill', 'uphill_m', first.stats.total_elevation_gain, 'm');
    }
  }
  return rows;
}

/** Seconds from an activity's first altitude within which a step counts as at its start. */
const START_S = 60;

/**
 * Metres of altitude rise, in the first minute of altitudes, in steps faster than the sport's
 * vertical limit (plus the 1 m of a barometer's own noise): the artefact of an altimeter that
 * settles after a start (a watch taken out of the water at a triathlon's T1), which the core's
 * spike filter leaves out and a device may count.
 */
function startStep(track: Track, sport: SportType): number {
  const e = track.elevation;
  if (!e) return 0;
  const limit = sportThresholds(sport).maxVerticalMps;
  let rise = 0;
  let t0 = Number.NaN;
  let prev = -1;
  for (let i = 0; i < track.length; i++) {
    if (Number.isNaN(e[i]!)) continue;
    const t = track.time[i]!;
    if (Number.isNaN(t0)) t0 = t;
    if (t - t0 > START_S) break;
    if (prev >= 0) {
      const up = e[i]! - e[prev]!;
      if (up > limit * Math.max(1, t - track.time[prev]!) + 1) rise += up;
    }
    prev = i;
  }
  return rise;
}

/** Sessions of a FIT file as its reader finds them, each with the device's timer total. */
function sessionsInFile(entry: ManifestEntry): number {
  if (entry.format !== 'FIT') return 0;
  return importActivityFile(readCorpusFile(entry.file)).activities.filter(
    (a) => a.deviceTotals?.timerS !== undefined,
  ).length;
}

function fileTotals(entry: ManifestEntry): ManifestEntry['sessions'] {
  if (entry.format !== 'TCX') return [];
  return importActivityFile(readCorpusFile(entry.file)).activities.map((a) => ({
    sport: a.sourceSport ?? a.sport ?? '',
    distanceM: a.deviceTotals?.distanceM ?? Number.NaN,
    ...(a.deviceTotals?.timerS !== undefined ? { timerS: a.deviceTotals.timerS } : {}),
    ...(a.deviceTotals?.elapsedS !== undefined ? { elapsedS: a.deviceTotals.elapsedS } : {}),
    ...(a.deviceTotals?.ascentM !== undefined ? { ascentM: a.deviceTotals.ascentM } : {}),
  }));
}

const round = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));

/** The table as Markdown. */
export function markdownTable(rows: readonly TableRow[]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  return [
    '| file | device | field | device value | Stride value | error | bar | |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${cell(r.file)} | ${cell(r.device)} | ${r.field} | ${r.deviceValue} | ${cell(r.strideValue)} | ${r.error} | ${r.bar} | ${r.bar ? (r.ok ? 'ok' : '**over**') : ''} |`,
    ),
  ].join('\n');
}
