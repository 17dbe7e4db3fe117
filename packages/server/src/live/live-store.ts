/**
 * The live-state port: what is known of each live session while it lasts, shared by every API
 * process. In-process by default (`LocalLiveStore`), Redis with REDIS_URL (`RedisLiveStore`).
 * A session is written only under its own lock (one writer at a time across processes), and
 * everything of it expires `ttlMs` after its last write: 30 minutes of silence end it.
 */
export type LiveState = 'recording' | 'paused' | 'ended' | 'saved';

/** One live sample as the recorder sends it (epoch seconds, degrees, metres, bpm). */
export interface LivePoint {
  t: number;
  lat: number;
  lng: number;
  alt?: number;
  hr?: number;
}

/** Running totals, in the API's units (metres, seconds, m/s, bpm). */
export interface LiveTotals {
  distance: number;
  moving_time: number;
  elapsed_time: number;
  current_speed: number;
  average_speed: number;
  total_elevation_gain: number;
  current_heartrate: number | null;
  average_heartrate: number | null;
  point_count: number;
}

export interface LiveMeta {
  activity_id: string;
  athlete_id: string;
  sport_type: string;
  state: LiveState;
  /** Shared with the owner's approved followers (as the activity's visibility allows). */
  followers: boolean;
  last_seen_ms: number;
  saved_activity_id: string | null;
  /** Pauses and resumes, on the recorder's clock (epoch seconds). */
  transitions: Array<{ kind: 'PAUSE' | 'RESUME'; at: number }>;
  totals: LiveTotals;
  /** The totals of what others may see (computed from the visible points alone). */
  others_totals: LiveTotals;
  /** The id of the session's latest event ('0-0' before the first). */
  last_event_id: string;
}

export interface LiveSession {
  meta: LiveMeta;
  /** The batches received, by seq. */
  batches: Map<number, LivePoint[]>;
}

/** One event of a session as stored: the owner's and others' payloads (JSON), with its id. */
export interface LiveRecord {
  id: string;
  owner: string;
  /** null when the event carries nothing others may see. */
  others: string | null;
}

/** What one update of a session writes. */
export interface LiveWrite {
  meta: LiveMeta;
  /** A new batch to keep. */
  batch?: { seq: number; points: LivePoint[] };
  /** Drop every batch (the session ended: its points are no longer served). */
  clearPoints?: boolean;
  events: LiveRecord[];
}

/** Events after an id, and whether they are all of them (none was trimmed away). */
export interface LiveReplay {
  records: LiveRecord[];
  complete: boolean;
}

export interface LiveStore {
  /**
   * Runs `work` on the session with no other writer of it meanwhile (in any process), then
   * stores what it returns and renews the session's time to live.
   */
  update<T>(
    activityId: string,
    work: (session: LiveSession | undefined) => { write?: LiveWrite; result: T },
  ): Promise<T>;
  session(activityId: string): Promise<LiveSession | undefined>;
  /** The sessions (meta only) of these athletes that have not expired. */
  sessionsOf(athleteIds: readonly string[]): Promise<LiveMeta[]>;
  /** The events after `lastId`, oldest first. */
  after(activityId: string, lastId: string): Promise<LiveReplay>;
  close(): Promise<void>;
}

/** Events kept per session for replay (a batch every few seconds: well over an hour). */
export const EVENTS_KEPT = 2000;
/** Silence after which a session ends. */
export const LIVE_TTL_MS = 30 * 60_000;

/** Stream ids as Redis writes them, `<ms>-<n>`, compared in order. */
export function compareIds(a: string, b: string): number {
  const [am, an] = splitId(a);
  const [bm, bn] = splitId(b);
  return am === bm ? an - bn : am - bm;
}

/** Whether `id` has the form of an event id. */
export function isEventId(id: string): boolean {
  return /^\d{1,15}-\d{1,9}$/.test(id);
}

/** The next event id after `last`, at `nowMs` (never going back, even if the clock does). */
export function nextId(last: string, nowMs: number): string {
  const [ms, n] = splitId(last);
  return nowMs > ms ? `${nowMs}-0` : `${ms}-${n + 1}`;
}

function splitId(id: string): [number, number] {
  const dash = id.indexOf('-');
  return [Number(id.slice(0, dash)), Number(id.slice(dash + 1))];
}
