import { api, errorMessage, unwrap } from '../../api/client.js';
import type { StoredEvent, StoredPoint } from '../../offline/db.js';
import { pointsFrom } from '../../offline/db.js';
import { batchesFor, type LiveBatch, lastClosedWindow, windowStart } from './live-batches.js';

/** The server takes live batches (`POST /activities/:id/live`): sharing live is on offer. */
export const LIVE_SHARING_AVAILABLE = true;

/** How often the sharer looks for windows that are over (each is sent once, LIVE_BATCH_S long). */
const TICK_MS = 1000;

export interface LiveShareStatus {
  /** Batches over and not yet accepted by the server (waiting for a connection, or failing). */
  pending: number;
  /** Epoch ms of the last batch the server accepted. */
  sentAt: number | null;
  /** Why the last attempt failed, as the athlete should read it. */
  error: string | null;
}

/** What the sharer needs from the recorder: the recording's id, sport and event log. */
export interface LiveSource {
  id: string;
  sport: string;
  events(): readonly StoredEvent[];
}

const cursorKey = (id: string) => `stride.live.${id}`;

/** Forgets how far a recording was shared (saved, discarded, or sharing turned off). */
export function forgetLiveCursor(id: string): void {
  localStorage.removeItem(cursorKey(id));
}

/**
 * Sends a recording live while sharing is on: once a second it builds the batches of the
 * windows that are over (from the points the recorder stored in IndexedDB) and posts them in
 * order, one at a time; a failure stops the round and the same batch (same seq) goes again on
 * the next one. Offline, nothing is tried and batches wait. How far the server has them is kept
 * in localStorage, so a reload goes on from there (and a batch sent twice changes nothing).
 * The activity is created on the server first (with the recording's own id), since live points
 * belong to an activity; the finished recording is then saved into it as usual.
 */
export class LiveSharer {
  private next: number;
  private created = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running = false;
  private status: LiveShareStatus = { pending: 0, sentAt: null, error: null };

  constructor(
    private readonly source: LiveSource,
    private readonly onStatus: (s: LiveShareStatus) => void,
  ) {
    this.next = Number(localStorage.getItem(cursorKey(source.id)) ?? 0) || 0;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), TICK_MS);
    void this.flush();
  }

  /** Stops sending (the recording was saved, or sharing ends: see `stopSharing`). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sends every window that is over now (also called at Pause and Finish). */
  async flush(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.round();
    } finally {
      this.running = false;
    }
  }

  private async round(): Promise<void> {
    const events = this.source.events();
    const last = lastClosedWindow(events, Date.now() / 1000);
    if (last < this.next) return this.report({ pending: 0 });
    const points = await pointsFrom(this.source.id, windowStart(events, this.next));
    const batches = batchesFor(events, points, this.next, last);
    this.report({ pending: batches.length });
    if (!navigator.onLine) return this.report({ error: 'No connection: live points wait here.' });
    try {
      await this.ensureActivity();
      for (const [i, batch] of batches.entries()) {
        await this.send(batch);
        this.advance(batch.seq + 1);
        this.report({ pending: batches.length - i - 1, sentAt: Date.now(), error: null });
      }
      this.advance(last + 1);
    } catch (e) {
      this.report({ error: `Live points wait to be sent: ${errorMessage(e)}` });
    }
  }

  private async ensureActivity(): Promise<void> {
    if (this.created) return;
    await ensureServerActivity(this.source.id, this.source.sport);
    this.created = true;
  }

  private send(batch: LiveBatch) {
    return unwrap(
      api.POST('/api/v1/activities/{id}/live', {
        params: { path: { id: this.source.id } },
        body: {
          seq: batch.seq,
          points: batch.points.map(livePoint),
          state: batch.state,
          followers: true,
        },
      }),
    );
  }

  private advance(next: number): void {
    if (next <= this.next) return;
    this.next = next;
    localStorage.setItem(cursorKey(this.source.id), String(next));
  }

  private report(patch: Partial<LiveShareStatus>): void {
    this.status = { ...this.status, ...patch };
    this.onStatus(this.status);
  }
}

/** A stored fix in the live API's point shape (accuracy is the device's business). */
function livePoint(p: StoredPoint) {
  return { t: p.t, lat: p.lat, lng: p.lng, ...(p.alt !== undefined ? { alt: p.alt } : {}) };
}

/** Stops sharing on the server: viewers see "Ended". */
export async function stopSharing(activityId: string): Promise<void> {
  forgetLiveCursor(activityId);
  await unwrap(
    api.DELETE('/api/v1/activities/{id}/live', { params: { path: { id: activityId } } }),
  );
}

/**
 * A discarded recording that was shared live: its activity on the server (created for the live
 * points, never saved) is deleted, which ends the live session too.
 */
export async function deleteSharedActivity(activityId: string): Promise<void> {
  forgetLiveCursor(activityId);
  await unwrap(api.DELETE('/api/v1/activities/{id}', { params: { path: { id: activityId } } }));
}

/** Creates the recording's activity on the server under its own id (a retry changes nothing). */
export async function ensureServerActivity(id: string, sport: string): Promise<void> {
  await unwrap(api.POST('/api/v1/activities', { body: { id, sport_type: sport } }));
}
