import { backoffMs } from './backoff.js';
import { type OutboxRow, pointsOf } from './db.js';
import { listOutbox, removeFromOutbox, updateOutbox } from './outbox.js';
import { classifyFailure, type RecordingPart, recordingParts } from './upload.js';

export interface SyncDeps {
  /** Sends one part; resolves true when the server answers that the activity is complete. */
  send(id: string, part: RecordingPart): Promise<boolean>;
  /** The athlete whose session is signed in, or null. */
  athleteId(): string | null;
  online(): boolean;
  now(): number;
  random(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** Runs `fn` alone across the app's tabs (Web Locks), so one upload is never sent twice at once. */
  exclusive(fn: () => Promise<void>): Promise<void>;
}

/** While offline (or when the next attempt is far off), look again at least this often. */
const IDLE_CHECK_MS = 60_000;

/**
 * Uploads the outbox: every due entry in turn, its parts in order, remembering which parts the
 * server has acknowledged. Success deletes the local copy; a transient failure schedules the
 * next attempt with exponential backoff; a permanent refusal keeps the entry with the server's
 * message; a 401 waits for the athlete to sign in again. Triggered by `kick()` (start, save,
 * 'online', sign-in) and by its own timer.
 */
export class SyncWorker {
  private running: Promise<void> | null = null;
  private again = false;
  private force = false;
  private timer: unknown = null;

  constructor(private readonly deps: SyncDeps) {}

  /** Runs a pass now; `force` ignores the backoff schedule (the connection just came back). */
  kick(force = false): Promise<void> {
    this.force ||= force;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const forced = this.force;
        this.force = false;
        await this.deps.exclusive(() => this.pass(forced));
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The athlete asked to try a failed upload again. */
  async retry(id: string): Promise<void> {
    await updateOutbox(id, {
      status: 'waiting',
      attempts: 0,
      nextAttemptAt: this.deps.now(),
      error: null,
    });
    await this.kick();
  }

  stop(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  private async pass(forced: boolean): Promise<void> {
    const me = this.deps.athleteId();
    for (const row of await listOutbox()) {
      if (row.status === 'failed') continue;
      if (!me || (row.athleteId !== null && row.athleteId !== me)) {
        if (row.status !== 'signed-out') await updateOutbox(row.id, { status: 'signed-out' });
        continue;
      }
      // 'uploading' left by a page that died mid-upload: under the lock, nobody else is.
      if (!forced && row.nextAttemptAt > this.deps.now() && row.status !== 'signed-out') continue;
      if (!this.deps.online()) {
        if (row.status !== 'waiting') await updateOutbox(row.id, { status: 'waiting' });
        continue;
      }
      await this.upload(row);
    }
    await this.schedule();
  }

  private async upload(row: OutboxRow): Promise<void> {
    await updateOutbox(row.id, { status: 'uploading' });
    const parts = recordingParts(row, await pointsOf(row.id));
    let sent = row.partsSent < parts.length ? row.partsSent : 0;
    try {
      for (; sent < parts.length; sent++) {
        if (await this.deps.send(row.id, parts[sent]!)) {
          await removeFromOutbox(row.id);
          return;
        }
        await updateOutbox(row.id, { partsSent: sent + 1 });
      }
      // Every part acknowledged, yet not complete: the server lost one. Send them all again.
      await this.later(row, 0, 'The server did not receive every part; sending again.');
    } catch (error) {
      const outcome = classifyFailure(error);
      if (outcome.kind === 'retry') await this.later(row, sent, outcome.message);
      else
        await updateOutbox(row.id, {
          status: outcome.kind,
          error: outcome.kind === 'failed' ? outcome.message : null,
          partsSent: sent,
        });
    }
  }

  /** A transient failure: the next attempt after the backoff for one more failure in a row. */
  private later(row: OutboxRow, partsSent: number, message: string): Promise<void> {
    const attempts = row.attempts + 1;
    return updateOutbox(row.id, {
      status: 'waiting',
      attempts,
      nextAttemptAt: this.deps.now() + backoffMs(attempts, this.deps.random),
      error: message,
      partsSent,
    });
  }

  /** Arms the timer for the earliest due entry (or the idle check). */
  private async schedule(): Promise<void> {
    this.stop();
    const waiting = (await listOutbox()).filter((r) => r.status === 'waiting');
    if (!waiting.length) return;
    const due = Math.min(...waiting.map((r) => r.nextAttemptAt)) - this.deps.now();
    this.timer = this.deps.setTimer(
      () => {
        this.timer = null;
        void this.kick();
      },
      Math.min(IDLE_CHECK_MS, Math.max(0, due)),
    );
  }
}
