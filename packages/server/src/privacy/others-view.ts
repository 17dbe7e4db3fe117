import { type ClockRun, clockOf, type LapInput, type Track, viewerTrack } from '@stride/core';
import {
  computeActivity,
  type ExportFormat,
  elevationSourceOf,
  exportActivity,
  type Geometry,
  geometryOf,
  STREAM_KEYS,
  streamsFor,
} from '../activities/activity-compute.js';
import type { ActivityRow, AthleteRow } from '../platform/db/schema.js';

interface TimedEvent {
  kind: string;
  at: Date;
}

/** What the others' view is computed from: the stored activity and which samples are hidden. */
export interface OthersViewInput {
  row: ActivityRow;
  /** The owner's stored track. */
  track: Track;
  /** 1 = hidden from others (the privacy mask of `track`). */
  hidden: Uint8Array;
  athlete: AthleteRow | undefined;
}

/**
 * An activity as people other than its owner see it once something of it is hidden. Plain
 * data (it is computed in a worker thread): the clock is given by its runs.
 */
export interface OthersView {
  /** The row with the visible part's start, totals, splits, laps and best efforts. */
  row: ActivityRow;
  geometry: Geometry;
  /** [owner sample index, seconds the viewer's clock runs behind from there] (viewerTrack). */
  shifts: Array<[number, number]>;
  /** The viewer's clock (viewerTrack's runs); empty when nothing is visible. */
  runs: ClockRun[];
  /** First and last visible moments on the viewer's clock; null when nothing is visible. */
  span: [number, number] | null;
  /** Every stream (STREAM_KEYS) as others see it, as JSON; null when nothing may be shown. */
  streamsJson: string | null;
}

/**
 * Everything others see is computed from the visible samples alone, as if the activity had
 * started at the first of them: a total, a start time or a stream index that still counted
 * the hidden part would tell how far and how long it was, and walking that far back along
 * the first visible metres finds the home (docs/privacy.md, "Totals, times and streams").
 */
export function othersView(input: OthersViewInput): OthersView {
  const seen = visiblePart(input);
  if (!seen) return nothingVisible(input.row);
  const { row, track: t, viewer, computed } = seen;
  const start = t.time[0]!;
  return {
    row,
    geometry: geometryOf(t),
    shifts: viewer.shifts,
    runs: viewer.runs,
    span: [start, start + (row.elapsed_s ?? 0)],
    streamsJson: JSON.stringify(streamsFor(t, STREAM_KEYS, row, null, computed.streams)),
  };
}

/** The file others may download: the visible part alone, on the viewer's clock. */
export function othersExport(input: OthersViewInput & { format: ExportFormat }) {
  const seen = visiblePart(input);
  return seen ? exportActivity(seen.row, seen.track, input.format) : null;
}

/** The state log on the viewer's clock: only what happened while visible. */
export function othersEvents<E extends TimedEvent>(
  view: Pick<OthersView, 'runs' | 'span'>,
  events: readonly E[],
): E[] {
  // Even the log's start and stop would time an activity of which nothing is visible.
  if (!view.span) return [];
  const [start, end] = view.span;
  const clock = clockOf(view.runs);
  const out: E[] = [];
  for (const e of events) {
    if (e.kind === 'START') out.push({ ...e, at: new Date(start * 1000) });
    else if (e.kind === 'STOP') out.push({ ...e, at: new Date(end * 1000) });
    else {
      const at = clock(e.at.getTime() / 1000);
      if (at !== null) out.push({ ...e, at: new Date(at * 1000) });
    }
  }
  return balanced(out);
}

/** The visible samples on the viewer's clock, with the numbers computed from them alone. */
function visiblePart({ row, track, hidden, athlete }: OthersViewInput) {
  const viewer = viewerTrack(track, hidden, row.sport_type);
  const t = viewer.track;
  if (!t.length) return null;
  const computed = computeActivity(t, {
    sport: row.sport_type,
    athlete,
    pauses: viewer.gaps,
    laps: fileLaps(row, viewer.clock, t.time[0]!),
    elevationSource: elevationSourceOf(row),
    // The visible part of an accepted activity: one visible sample is a view, not a refusal.
    partial: true,
  });
  // The stored track is already clean, so cleaning keeps every sample: indices stay aligned.
  if (computed.track.length !== t.length)
    throw new Error(`others' view of ${row.id} lost samples to cleaning`);
  const { timezone: _tz, utc_offset_s: _offset, details, ...columns } = computed.columns;
  const seenRow: ActivityRow = {
    ...row,
    ...columns,
    ...toTheHour(row),
    details: JSON.parse(details),
  };
  return { row: seenRow, track: t, viewer, computed };
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
function nothingVisible(row: ActivityRow): OthersView {
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
    geometry: { polyline: null, start: null, end: null, bbox: null },
    shifts: [],
    runs: [],
    span: null,
    streamsJson: null,
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
