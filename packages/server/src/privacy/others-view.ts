import { type LapInput, type Track, viewerTrack } from '@stride/core';
import {
  computeActivity,
  elevationSourceOf,
  type Geometry,
  geometryOf,
  streamsFor,
} from '../activities/activity-compute.js';
import type { ActivityRow, AthleteRow } from '../platform/db/schema.js';

type Streams = ReturnType<typeof streamsFor>;
interface TimedEvent {
  kind: string;
  at: Date;
}

/** An activity as people other than its owner see it once something of it is hidden. */
export interface OthersActivity {
  /** The row with the visible part's start, totals, splits, laps and best efforts. */
  row: ActivityRow;
  /** The visible samples on the viewer's clock (see `viewerTrack`). */
  track: Track;
  geometry: Geometry;
  /** Null when nothing of the track may be shown. */
  streams(keys: readonly string[]): Streams | null;
  /** [owner sample index, seconds the viewer's clock runs behind from there] (viewerTrack). */
  shifts: Array<[number, number]>;
  /** The state log on the viewer's clock: only what happened while visible. */
  events<E extends TimedEvent>(events: readonly E[]): E[];
}

/**
 * Everything others see is computed from the visible samples alone, as if the activity had
 * started at the first of them: a total, a start time or a stream index that still counted
 * the hidden part would tell how far and how long it was, and walking that far back along
 * the first visible metres finds the home (docs/privacy.md, "Totals, times and streams").
 */
export function othersActivity(
  row: ActivityRow,
  track: Track,
  hidden: Uint8Array,
  athlete: AthleteRow | undefined,
): OthersActivity {
  const viewer = viewerTrack(track, hidden, row.sport_type);
  const t = viewer.track;
  if (!t.length) return nothingVisible(row, t);
  const computed = computeActivity(t, {
    sport: row.sport_type,
    athlete,
    pauses: viewer.gaps,
    laps: fileLaps(row, viewer.clock, t.time[0]!),
    elevationSource: elevationSourceOf(row),
  });
  // The stored track is already clean, so cleaning keeps every sample: indices stay aligned.
  if (computed.track.length !== t.length)
    throw new Error(`others' view of ${row.id} lost samples to cleaning`);
  const { timezone: _tz, utc_offset_s: _offset, details, ...columns } = computed.columns;
  const start = t.time[0]!;
  const end = start + (columns.elapsed_s ?? 0);
  return {
    row: { ...row, ...columns, ...toTheHour(row), details: JSON.parse(details) },
    track: t,
    geometry: geometryOf(t),
    shifts: viewer.shifts,
    streams: (keys) => streamsFor(t, keys, row, null, computed.streams),
    events: (events) => {
      const out: (typeof events)[number][] = [];
      for (const e of events) {
        if (e.kind === 'START') out.push({ ...e, at: new Date(start * 1000) });
        else if (e.kind === 'STOP') out.push({ ...e, at: new Date(end * 1000) });
        else {
          const at = viewer.clock(e.at.getTime() / 1000);
          if (at !== null) out.push({ ...e, at: new Date(at * 1000) });
        }
      }
      return balanced(out);
    },
  };
}

/**
 * The file's laps on the viewer's clock: laps that start while hidden merge into the one
 * before, and the first visible sample starts a lap. Auto laps (no file laps) are recomputed.
 */
function fileLaps(
  row: ActivityRow,
  clock: (t: number) => number | null,
  first: number,
): LapInput[] | undefined {
  const laps = (row.details as { laps?: Array<{ start_date: number; source: string }> } | null)
    ?.laps;
  if (!laps?.some((l) => l.source === 'file')) return undefined;
  const starts = laps
    .map((l) => clock(l.start_date))
    .filter((s): s is number => s !== null && s > first);
  return [first, ...starts].map((startTime) => ({ startTime }));
}

/** Drops a PAUSE whose RESUME was hidden and a RESUME whose PAUSE was (the log stays valid). */
function balanced<E extends TimedEvent>(events: E[]): E[] {
  const out: E[] = [];
  let paused = false;
  for (const e of events) {
    if (e.kind === 'PAUSE' || e.kind === 'RESUME') {
      if ((e.kind === 'PAUSE') === paused) continue;
      paused = e.kind === 'PAUSE';
    }
    out.push(e);
  }
  return out;
}

/**
 * A phone saves an activity moments after it stops, so the exact `created_at` less the visible
 * end would time the hidden end; to the hour it tells nothing useful (and an edit still shows).
 */
function toTheHour(row: ActivityRow): Pick<ActivityRow, 'created_at' | 'updated_at'> {
  const floor = (d: Date) => new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);
  return { created_at: floor(row.created_at), updated_at: floor(row.updated_at) };
}

/** No sample may be shown: no totals either (the start date stays, to place it in lists). */
function nothingVisible(row: ActivityRow, t: Track): OthersActivity {
  const empty = { splits_metric: [], splits_standard: [], laps: [], best_efforts: [] };
  return {
    row: {
      ...row,
      ...toTheHour(row),
      ...Object.fromEntries(TOTALS.map((k) => [k, null])),
      distance_m: 0,
      moving_s: 0,
      elapsed_s: 0,
      elev_gain_m: 0,
      elev_loss_m: 0,
      details: empty,
    },
    track: t,
    geometry: { polyline: null, start: null, end: null, bbox: null },
    shifts: [],
    streams: () => null,
    // Even the log's start and stop would time the hidden activity.
    events: () => [],
  };
}

/** Columns that describe the samples: none of them is shown when no sample is. */
const TOTALS = [
  'elev_high_m',
  'elev_low_m',
  'avg_speed_mps',
  'max_speed_mps',
  'avg_hr',
  'max_hr',
  'avg_cadence',
  'avg_watts',
  'weighted_avg_watts',
  'max_watts',
  'kilojoules',
  'calories',
] as const;
