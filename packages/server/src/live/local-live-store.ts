import {
  compareIds,
  EVENTS_KEPT,
  type LiveMeta,
  type LiveRecord,
  type LiveReplay,
  type LiveSession,
  type LiveStore,
  type LiveWrite,
} from './live-store.js';

interface Entry {
  session: LiveSession;
  records: LiveRecord[];
  /** Whether older records were dropped to keep EVENTS_KEPT. */
  trimmed: boolean;
  expiresAt: number;
}

/**
 * Live state in this process: the embedded default, where one process is all there is. Writes
 * of one session run one after another; expired sessions are dropped when next read and by a
 * sweep every minute.
 */
export class LocalLiveStore implements LiveStore {
  private readonly entries = new Map<string, Entry>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweep = setInterval(
      () => {
        for (const id of [...this.entries.keys()]) this.entry(id);
      },
      Math.min(60_000, ttlMs),
    );
    this.sweep.unref();
  }

  async update<T>(
    activityId: string,
    work: (session: LiveSession | undefined) => { write?: LiveWrite; result: T },
  ): Promise<T> {
    const previous = this.queues.get(activityId) ?? Promise.resolve();
    const run = previous.then(() => {
      const { write, result } = work(this.entry(activityId)?.session);
      if (write) this.store(activityId, write);
      return result;
    });
    const settled = run.catch(() => {});
    this.queues.set(activityId, settled);
    void settled.then(() => {
      if (this.queues.get(activityId) === settled) this.queues.delete(activityId);
    });
    return run;
  }

  async session(activityId: string): Promise<LiveSession | undefined> {
    const session = this.entry(activityId)?.session;
    return session && { meta: session.meta, batches: new Map(session.batches) };
  }

  async sessionsOf(athleteIds: readonly string[]): Promise<LiveMeta[]> {
    const wanted = new Set(athleteIds);
    const out: LiveMeta[] = [];
    for (const id of [...this.entries.keys()]) {
      const meta = this.entry(id)?.session.meta;
      if (meta && wanted.has(meta.athlete_id)) out.push(meta);
    }
    return out;
  }

  async after(activityId: string, lastId: string): Promise<LiveReplay> {
    const entry = this.entry(activityId);
    if (!entry) return { records: [], complete: false };
    const records = entry.records.filter((r) => compareIds(r.id, lastId) > 0);
    const oldest = entry.records[0];
    const complete = !entry.trimmed || (!!oldest && compareIds(lastId, oldest.id) >= 0);
    return { records, complete };
  }

  async close(): Promise<void> {
    clearInterval(this.sweep);
    this.entries.clear();
  }

  private entry(activityId: string): Entry | undefined {
    const entry = this.entries.get(activityId);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(activityId);
      return undefined;
    }
    return entry;
  }

  private store(activityId: string, write: LiveWrite): void {
    const entry: Entry = this.entry(activityId) ?? {
      session: { meta: write.meta, batches: new Map() },
      records: [],
      trimmed: false,
      expiresAt: 0,
    };
    const batches = write.clearPoints ? new Map() : new Map(entry.session.batches);
    if (write.batch) batches.set(write.batch.seq, write.batch.points);
    entry.session = { meta: write.meta, batches };
    entry.records.push(...write.events);
    if (entry.records.length > EVENTS_KEPT) {
      entry.records.splice(0, entry.records.length - EVENTS_KEPT);
      entry.trimmed = true;
    }
    entry.expiresAt = this.now() + this.ttlMs;
    this.entries.set(activityId, entry);
  }
}
