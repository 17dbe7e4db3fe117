import type { ResponseBody } from '@stride/client';

/**
 * What a live page knows of a live activity, built from the API's snapshot and events: points
 * merged by time (a late batch brings earlier ones), totals and state from the newest event.
 * Pure, so the page, the stream and the polling fallback share it and it is tested alone.
 */

export type LivePoll = ResponseBody<'/api/v1/live/{token}', 'get'>;
export type LiveSnapshot = NonNullable<LivePoll['snapshot']>;
export type LiveEvent = LivePoll['events'][number];
export type LivePoint = LiveSnapshot['points'][number];
export type LiveTotals = LiveSnapshot['totals'];
export type LiveStateName = LiveSnapshot['state'];

export interface LiveTrack {
  activityId: string;
  sport: string;
  state: LiveStateName;
  totals: LiveTotals;
  points: LivePoint[];
  /** The saved activity, once the recording was saved. */
  savedId: string | null;
  /** Epoch ms of the last news from the recorder (server's last_seen_at, or an event's arrival). */
  seenAt: number;
  lastEventId: string;
}

export function fromSnapshot(s: LiveSnapshot): LiveTrack {
  return {
    activityId: s.activity_id,
    sport: s.sport_type,
    state: s.state,
    totals: s.totals,
    points: [...s.points].sort((a, b) => a.t - b.t),
    savedId: s.saved_activity_id,
    seenAt: Date.parse(s.last_seen_at),
    lastEventId: s.last_event_id,
  };
}

/** Merges `added` into `points` (both in time order), one point per `t`: the newer one wins. */
export function mergePoints(
  points: readonly LivePoint[],
  added: readonly LivePoint[],
): LivePoint[] {
  if (!added.length) return points as LivePoint[];
  const last = points.at(-1);
  const sorted = [...added].sort((a, b) => a.t - b.t);
  // The usual case: every new point comes after the last one.
  if (!last || sorted[0]!.t > last.t) return [...points, ...dedupe(sorted)];
  const byT = new Map<number, LivePoint>();
  for (const p of points) byT.set(p.t, p);
  for (const p of sorted) byT.set(p.t, p);
  return [...byT.values()].sort((a, b) => a.t - b.t);
}

function dedupe(sorted: LivePoint[]): LivePoint[] {
  return sorted.filter((p, i) => i === 0 || p.t !== sorted[i - 1]!.t);
}

/** The track after one event (`nowMs`: when it arrived). */
export function applyEvent(track: LiveTrack, e: LiveEvent, nowMs: number): LiveTrack {
  const next: LiveTrack = {
    ...track,
    // The stream's closing `ended` (viewer no longer allowed, session expired) has no totals.
    totals: e.totals ?? track.totals,
    lastEventId: e.id || track.lastEventId,
    seenAt: Math.max(track.seenAt, nowMs),
  };
  if (e.type === 'points' && e.points) next.points = mergePoints(track.points, e.points);
  if (e.type === 'state' && e.state) {
    next.state = e.state;
    if (e.state === 'saved') next.savedId = e.activity_id ?? track.activityId;
  }
  return next;
}

/** Without news for this long, a recording athlete reads "Last seen … ago" (paused: longer). */
export const STALE_RECORDING_MS = 20_000;
export const STALE_PAUSED_MS = 90_000;

/** What the page says of the athlete now. */
export type LiveStatus = 'live' | 'paused' | 'stale' | 'ended' | 'saved';

export function statusOf(track: LiveTrack, nowMs: number): LiveStatus {
  if (track.state === 'saved' || track.state === 'ended') return track.state;
  const quiet = nowMs - track.seenAt;
  if (quiet > (track.state === 'paused' ? STALE_PAUSED_MS : STALE_RECORDING_MS)) return 'stale';
  return track.state === 'paused' ? 'paused' : 'live';
}

/** "Last seen 40 s ago", "Last seen 2 min ago", "Last seen 3 h ago". */
export function lastSeenText(seenAt: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - seenAt) / 1000));
  if (s < 60) return `Last seen ${s} s ago`;
  if (s < 3600) return `Last seen ${Math.floor(s / 60)} min ago`;
  return `Last seen ${Math.floor(s / 3600)} h ago`;
}
