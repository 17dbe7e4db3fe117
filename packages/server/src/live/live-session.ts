import { LiveStats } from '@stride/core';
import { Errors } from '../platform/errors.js';
import {
  type LiveMeta,
  type LivePoint,
  type LiveRecord,
  type LiveSession,
  type LiveState,
  type LiveTotals,
  type LiveWrite,
  nextId,
} from './live-store.js';

/** Which points others may not see (1 = hidden), or null when they see all (the privacy rules). */
export type HiddenMask = (lat: Float64Array, lon: Float64Array) => Uint8Array | null;

/** Points one live session may hold (over 13 hours at one a second). */
export const MAX_SESSION_POINTS = 50_000;

/** One batch from the recorder, checked by the route's schema. */
export interface LiveBatch {
  seq: number;
  points: LivePoint[];
  state?: 'recording' | 'paused' | undefined;
  followers?: boolean | undefined;
}

export interface BatchOutcome {
  duplicate: boolean;
  state: LiveState;
  totals: LiveTotals;
  last_event_id: string;
}

/**
 * The session's track: every batch's points in time order, one per time (of two points at the
 * same second, the one of the lower seq stays, so a re-sent or overlapping batch adds nothing).
 */
export function trackOf(batches: ReadonlyMap<number, readonly LivePoint[]>): LivePoint[] {
  const byTime = new Map<number, LivePoint>();
  for (const seq of [...batches.keys()].sort((a, b) => a - b))
    for (const p of batches.get(seq)!) if (!byTime.has(p.t)) byTime.set(p.t, p);
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

/** The points others may see, by the privacy rules applied to the whole track so far. */
export function visibleOf(track: readonly LivePoint[], hidden: HiddenMask): LivePoint[] {
  const mask = hidden(
    Float64Array.from(track, (p) => p.lat),
    Float64Array.from(track, (p) => p.lng),
  );
  return mask ? track.filter((_, i) => mask[i] === 0) : [...track];
}

/**
 * Running totals by the engine the phone runs (core's LiveStats): START at the first point,
 * then the pauses and resumes in time order with the points.
 */
export function totalsOf(
  sport: string,
  track: readonly LivePoint[],
  transitions: LiveMeta['transitions'],
): LiveTotals {
  const live = new LiveStats({ sport, elevationSource: 'gps' });
  const first = track[0];
  if (first) {
    live.event('START', first.t);
    const pending = transitions.filter((e) => e.at >= first.t);
    let next = 0;
    for (const p of track) {
      // A pause logged at a point's time comes after it; a resume before the next one.
      while (next < pending.length && pending[next]!.at < p.t) apply(live, pending[next++]!);
      live.push({ time: p.t, lat: p.lat, lon: p.lng, elevation: p.alt, heartRate: p.hr });
    }
    while (next < pending.length) apply(live, pending[next++]!);
  }
  const t = live.totals();
  return {
    distance: t.distance,
    moving_time: t.moving_time,
    elapsed_time: t.elapsed_time,
    current_speed: t.current_speed,
    average_speed: t.average_speed,
    total_elevation_gain: t.total_elevation_gain,
    current_heartrate: t.current_heartrate,
    average_heartrate: t.average_heartrate,
    point_count: track.length,
  };
}

function apply(live: LiveStats, e: { kind: 'PAUSE' | 'RESUME'; at: number }): void {
  try {
    live.event(e.kind, e.at);
  } catch {
    // A pause while paused (or a resume while recording) after a late batch: nothing to do.
  }
}

/**
 * Merges one batch into the session and says what happened: the owner's event carries the new
 * points; others' event only the points that became visible with it (the privacy rules are
 * applied to the whole track, before and after the batch), with totals of the visible part.
 */
export function applyBatch(
  session: LiveSession | undefined,
  batch: LiveBatch,
  activity: { id: string; athlete_id: string; sport_type: string },
  hidden: HiddenMask,
  nowMs: number,
): { write?: LiveWrite; result: BatchOutcome } {
  const meta = session?.meta;
  if (meta?.state === 'saved')
    throw Errors.conflict('this activity is saved: its live session is over');
  if (session?.batches.has(batch.seq)) {
    return {
      result: {
        duplicate: true,
        state: meta!.state,
        totals: meta!.totals,
        last_event_id: meta!.last_event_id,
      },
    };
  }
  const batches = new Map(session?.batches ?? []);
  const before = trackOf(batches);
  batches.set(batch.seq, batch.points);
  const after = trackOf(batches);
  if (after.length > MAX_SESSION_POINTS)
    throw Errors.unprocessable(`a live session holds at most ${MAX_SESSION_POINTS} points`);

  const known = new Set(before.map((p) => p.t));
  const added = after.filter((p) => !known.has(p.t));
  const was: LiveState = meta && meta.state !== 'ended' ? meta.state : 'recording';
  const state: LiveState = batch.state ?? was;
  const transitions = [...(meta?.transitions ?? [])];
  const at = Math.max(after.at(-1)?.t ?? 0, transitions.at(-1)?.at ?? 0);
  if (state !== was) transitions.push({ kind: state === 'paused' ? 'PAUSE' : 'RESUME', at });

  const visibleBefore = new Set(visibleOf(before, hidden).map((p) => p.t));
  const visible = visibleOf(after, hidden);
  const revealed = visible.filter((p) => !visibleBefore.has(p.t));
  const totals = totalsOf(activity.sport_type, after, transitions);
  const othersTotals = totalsOf(activity.sport_type, visible, transitions);

  const events: Array<{ owner: object; others: object | null }> = [];
  if (!meta || meta.state === 'ended' || state !== was)
    events.push({
      owner: { type: 'state', state, at, totals },
      others: { type: 'state', state, totals: othersTotals },
    });
  if (added.length)
    events.push({
      owner: { type: 'points', points: added, totals },
      others: revealed.length ? { type: 'points', points: revealed, totals: othersTotals } : null,
    });
  const next: LiveMeta = {
    activity_id: activity.id,
    athlete_id: activity.athlete_id,
    sport_type: activity.sport_type,
    state,
    followers: batch.followers ?? meta?.followers ?? true,
    last_seen_ms: nowMs,
    saved_activity_id: null,
    transitions,
    totals,
    others_totals: othersTotals,
    last_event_id: meta?.last_event_id ?? '0-0',
  };
  const records = stamp(next, events, nowMs);
  return {
    write: { meta: next, batch: { seq: batch.seq, points: batch.points }, events: records },
    result: { duplicate: false, state, totals, last_event_id: next.last_event_id },
  };
}

/**
 * Ends the session: `saved` when its activity was saved (viewers get the saved activity's id),
 * `ended` when it was discarded or sharing stopped. Its points are no longer served.
 */
export function endSession(
  session: LiveSession | undefined,
  state: 'ended' | 'saved',
  nowMs: number,
): { write?: LiveWrite; result: boolean } {
  const meta = session?.meta;
  if (!meta || meta.state === 'saved' || meta.state === state) return { result: false };
  const next: LiveMeta = {
    ...meta,
    state,
    last_seen_ms: nowMs,
    saved_activity_id: state === 'saved' ? meta.activity_id : null,
  };
  const payload = (totals: LiveTotals) => ({
    type: 'state',
    state,
    totals,
    ...(state === 'saved' ? { activity_id: meta.activity_id } : {}),
  });
  const events = stamp(
    next,
    [{ owner: payload(meta.totals), others: payload(meta.others_totals) }],
    nowMs,
  );
  return { write: { meta: next, clearPoints: true, events }, result: true };
}

/** Gives each event the next id, recording the last one in `meta`. */
function stamp(
  meta: LiveMeta,
  events: ReadonlyArray<{ owner: object; others: object | null }>,
  nowMs: number,
): LiveRecord[] {
  return events.map((e) => {
    const id = nextId(meta.last_event_id, nowMs);
    meta.last_event_id = id;
    return {
      id,
      owner: JSON.stringify(e.owner),
      others: e.others ? JSON.stringify(e.others) : null,
    };
  });
}
