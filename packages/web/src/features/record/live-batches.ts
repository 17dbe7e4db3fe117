import type { StoredEvent, StoredPoint } from '../../offline/db.js';

/**
 * How the recorder cuts what it stored into live batches. Batch `seq` k holds the points of
 * the k-th window of LIVE_BATCH_S seconds after START, and is sent only once that window is
 * over: its content is then a pure function of the points on the device, so a batch re-sent
 * after a failure, a lost answer or a reload is the same batch (the server ignores a seq it
 * has), and no point is ever left out of one or put in two.
 */

/** Seconds of points gathered into one live batch. */
export const LIVE_BATCH_S = 5;
/** A window is sent this long after it ends: a fix can reach the recorder a moment late. */
export const LIVE_GRACE_S = 1;
/** Windows with nothing in them are still sent this often (the server ends silent sessions). */
export const LIVE_HEARTBEAT_WINDOWS = 12;
/** The API's limits: seq 0–999,999 and 500 points a batch. */
export const MAX_SEQ = 999_999;
export const MAX_BATCH_POINTS = 500;

export type LiveState = 'recording' | 'paused';

export interface LiveBatch {
  seq: number;
  points: StoredPoint[];
  state: LiveState;
}

/** The window a time falls in (seconds since START / LIVE_BATCH_S). */
export function windowOf(t: number, startS: number): number {
  return Math.max(0, Math.floor((t - startS) / LIVE_BATCH_S));
}

/**
 * The last window that is over at `nowS`: every window when the recording is finished (no
 * point comes after STOP), else those ended a grace period ago. -1 when none.
 */
export function lastClosedWindow(events: readonly StoredEvent[], nowS: number): number {
  const startS = events[0]?.at;
  if (startS === undefined) return -1;
  const last = events.at(-1)!;
  if (last.kind === 'STOP') return Math.min(MAX_SEQ, windowOf(last.at, startS));
  return Math.min(MAX_SEQ, Math.floor((nowS - LIVE_GRACE_S - startS) / LIVE_BATCH_S) - 1);
}

/** The recorder's state at time `t`, as the live API names it (finished reads as paused). */
export function stateAt(events: readonly StoredEvent[], t: number): LiveState {
  let state: LiveState = 'recording';
  for (const e of events) {
    if (e.at > t) break;
    state = e.kind === 'START' || e.kind === 'RESUME' ? 'recording' : 'paused';
  }
  return state;
}

/**
 * The batches of windows `from`…`to` (inclusive), given every stored point from window `from`
 * on, in time order. A window is sent when it has points, when the recorder's state changed
 * in it (a pause or resume), and otherwise every LIVE_HEARTBEAT_WINDOWS windows.
 */
export function batchesFor(
  events: readonly StoredEvent[],
  points: readonly StoredPoint[],
  from: number,
  to: number,
): LiveBatch[] {
  const startS = events[0]?.at;
  if (startS === undefined || to < from) return [];
  const byWindow = new Map<number, StoredPoint[]>();
  for (const p of points) {
    const k = windowOf(p.t, startS);
    if (k < from || k > to) continue;
    const list = byWindow.get(k);
    if (list) list.push(p);
    else byWindow.set(k, [p]);
  }
  const out: LiveBatch[] = [];
  for (let k = from; k <= to; k++) {
    const end = startS + (k + 1) * LIVE_BATCH_S;
    const state = stateAt(events, end);
    const changed = state !== stateAt(events, end - LIVE_BATCH_S) || k === 0;
    const pts = byWindow.get(k) ?? [];
    if (!pts.length && !changed && k % LIVE_HEARTBEAT_WINDOWS !== 0) continue;
    // 500 points in 5 s would be a 100 Hz GPS: keep within the API's limit regardless.
    out.push({ seq: k, points: pts.slice(0, MAX_BATCH_POINTS), state });
  }
  return out;
}

/** The time at which window `k` starts (points from there on are needed to build it). */
export function windowStart(events: readonly StoredEvent[], k: number): number {
  return (events[0]?.at ?? 0) + k * LIVE_BATCH_S;
}
