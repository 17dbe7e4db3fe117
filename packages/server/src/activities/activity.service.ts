import { randomUUID } from 'node:crypto';
import {
  checkSessionTimes,
  type SessionEvent,
  type SessionEventKind,
  SessionLog,
  type Track,
  TrackBuilder,
} from '@stride/core';
import type { Transaction } from 'kysely';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import type { ComputePool } from '../compute/compute-pool.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type {
  ActivityRow,
  ActivityUpdate,
  AthleteRow,
  Database,
  NewActivity,
  Visibility,
} from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { EventHub } from '../platform/events/event-hub.js';
import type { JobQueue } from '../platform/jobs/index.js';
import { authorizeView, canView } from './access.js';
import type { ActivityMeta, ActivityRepository, StoredEvent } from './activity.repository.js';
import { type ComputedActivity, LiveRecording, type LiveTotals } from './activity-compute.js';

/** The lifecycle states a client reports, mapped onto the state log's events. */
export type ClientState = 'STARTED' | 'PAUSED' | 'RESUMED' | 'COMPLETE';
const EVENT_OF: Record<ClientState, SessionEventKind> = {
  STARTED: 'START',
  PAUSED: 'PAUSE',
  RESUMED: 'RESUME',
  COMPLETE: 'STOP',
};
const STATE_AFTER: Record<SessionEventKind, ActivityRow['state']> = {
  START: 'started',
  PAUSE: 'paused',
  RESUME: 'started',
  STOP: 'complete',
};

/**
 * One recorded sample as the phone sends it: epoch seconds, degrees, metres, bpm, rpm, watts;
 * `acc` is the horizontal accuracy in metres reported by the device.
 */
export interface RecordedPoint {
  t: number;
  lat?: number | undefined;
  lng?: number | undefined;
  alt?: number | undefined;
  hr?: number | undefined;
  cad?: number | undefined;
  watts?: number | undefined;
  acc?: number | undefined;
}

export interface CreateActivity {
  id?: string | undefined;
  sport_type: string;
  name?: string | undefined;
  description?: string | undefined;
  visibility?: Visibility | undefined;
}

const toEpoch = (d: Date) => d.getTime() / 1000;

/** Same athlete, start within this many seconds and distance within DUPLICATE_DISTANCE: a duplicate. */
const DUPLICATE_WINDOW_S = 60;
const DUPLICATE_DISTANCE = 0.05;

/**
 * Activities recorded on a device: created with a client-chosen id (retries are idempotent),
 * driven through START/PAUSE/RESUME/STOP events, fed point batches (idempotent per seq, any
 * order), and finalized on STOP into statistics and encoded streams.
 */
export class ActivityService {
  /** Live totals of recordings in progress in this process (a cache: the database is the truth). */
  private readonly live = new Map<string, { stamp: string; recording: LiveRecording }>();

  constructor(
    private readonly activities: ActivityRepository,
    private readonly athletes: AthleteService,
    private readonly follows: FollowService,
    private readonly jobs: JobQueue,
    private readonly blobs: BlobStore,
    private readonly wakeWorker: () => void,
    private readonly events: EventHub,
    private readonly compute: ComputePool,
  ) {}

  async create(
    athleteId: string,
    input: CreateActivity,
  ): Promise<{ row: ActivityRow; created: boolean }> {
    const athlete = await this.athlete(athleteId);
    const id = input.id ?? randomUUID();
    const result = await this.activities.createIfAbsent({
      id,
      athlete_id: athleteId,
      sport_type: input.sport_type,
      name: input.name?.trim() || defaultName(input.sport_type, new Date()),
      description: input.description ?? null,
      state: 'created',
      visibility: input.visibility ?? athlete.default_visibility,
      source: 'recorded',
    } satisfies NewActivity);
    // Another athlete's id is answered as GET answers an activity one may not see, whether
    // or not this one could: "taken" would tell that a private activity exists.
    if (result.row.athlete_id !== athleteId) throw Errors.notFound('no such activity');
    return result;
  }

  private remember(id: string, entry: { stamp: string; recording: LiveRecording }): void {
    this.live.delete(id);
    this.live.set(id, entry);
    if (this.live.size > 1000) this.live.delete(this.live.keys().next().value!);
  }

  /** The owner's activity, locked for the transaction; 404 for anyone else. */
  private async ownedForUpdate(
    tx: Transaction<Database>,
    athleteId: string,
    id: string,
  ): Promise<ActivityRow> {
    const row = await this.activities.findForUpdate(tx, id);
    if (!row || row.athlete_id !== athleteId) throw Errors.notFound('no such activity');
    return row;
  }

  /**
   * Appends a state event with the device's timestamp. Re-sending the last event (a retry) is
   * a no-op; an illegal transition is a 409 that names the states.
   */
  async changeState(
    athleteId: string,
    id: string,
    state: ClientState,
    at: Date,
  ): Promise<ActivityRow> {
    const kind = EVENT_OF[state];
    const { row, completed } = await this.activities.transaction(async (tx) => {
      const current = await this.ownedForUpdate(tx, athleteId, id);
      const events = await this.activities.events(id, tx);
      const last = events.at(-1);
      if (last && last.kind === kind && last.at.getTime() === at.getTime())
        return { row: current, completed: false };
      const log = new SessionLog(events.map(toSessionEvent));
      log.append(kind, toEpoch(at)); // throws IllegalTransitionError / EventOrderError → 409
      checkSessionTimes(log.events); // a clock years off → 422
      await this.activities.appendEvent(tx, id, { seq: events.length + 1, kind, at });
      const changes: ActivityUpdate = { state: STATE_AFTER[kind] };
      if (kind === 'START') changes.started_at = at;
      changes.elapsed_s = log.elapsedS();
      const updated = (await this.activities.update(id, changes, tx))!;
      if (kind === 'STOP') {
        await this.jobs.enqueue('activity.finalize', { activityId: id }, tx);
      }
      return { row: updated, completed: kind === 'STOP' };
    });
    if (completed) return this.finalizeNow(id);
    return row;
  }

  /**
   * Stores a batch of live points. A batch whose seq was already stored changes nothing, and
   * batches may arrive in any order: the track is assembled by sample time. Returns the running
   * totals computed by the same code the phone uses.
   */
  async addPoints(
    athleteId: string,
    id: string,
    seq: number,
    points: RecordedPoint[],
  ): Promise<{ duplicate: boolean; totals: LiveTotals }> {
    return this.activities.transaction(async (tx) => {
      const row = await this.ownedForUpdate(tx, athleteId, id);
      if (row.state === 'complete')
        throw Errors.conflict('this activity is complete: no more points can be added');
      const added = await this.activities.addPointBatch(tx, id, seq, points);
      if (added) await this.activities.addToPointCount(tx, id, points.length);
      // The cache is valid while nothing else changed the activity: same state log, and no
      // batch stored by another process (the stored point count is what this cache has seen).
      const stampOf = (count: number) => `${row.state}:${row.updated_at.getTime()}:${count}`;
      const after = row.point_count + (added ? points.length : 0);
      const cached = this.live.get(id);
      if (
        added &&
        cached?.stamp === stampOf(row.point_count) &&
        cached.recording.canAppend(points)
      ) {
        cached.recording.append(points);
        cached.stamp = stampOf(after);
        return { duplicate: false, totals: cached.recording.totals() };
      }
      const track = assemble(await this.activities.pointBatches(id, tx));
      const events = (await this.activities.events(id, tx)).map(toSessionEvent);
      const recording = new LiveRecording(row.sport_type, track, events);
      this.remember(id, { stamp: stampOf(after), recording });
      return { duplicate: !added, totals: recording.totals() };
    });
  }

  /**
   * The offline phone's path: the whole recording (events and points) in one request, or in
   * numbered parts for very long activities. Idempotent on the activity id: sending it again
   * returns the same activity.
   */
  async saveRecording(
    athleteId: string,
    input: CreateActivity & {
      id: string;
      events: Array<{ kind: SessionEventKind; at: Date }>;
      points: RecordedPoint[];
      part: number;
      parts: number;
    },
  ): Promise<{ row: ActivityRow; complete: boolean }> {
    const { row } = await this.create(athleteId, input);
    if (row.state === 'complete') return { row, complete: true };
    const ready = await this.activities.transaction(async (tx) => {
      await this.ownedForUpdate(tx, athleteId, row.id);
      // Parts are stored as point batches numbered from a high base, apart from live batches.
      await this.activities.addPointBatch(
        tx,
        row.id,
        RECORDING_SEQ_BASE + input.part,
        input.points,
      );
      const batches = await this.activities.pointBatches(row.id, tx);
      const received = batches.filter((b) => b.seq > RECORDING_SEQ_BASE).length;
      if (received < input.parts) return false;
      const log = new SessionLog(input.events.map((e) => ({ kind: e.kind, at: toEpoch(e.at) }))); // validates the log
      checkSessionTimes(log.events);
      if (log.state !== 'stopped')
        throw Errors.unprocessable('a saved recording must end with a STOP event');
      const events: StoredEvent[] = input.events.map((e, i) => ({
        seq: i + 1,
        kind: e.kind,
        at: e.at,
      }));
      await this.activities.replaceEvents(tx, row.id, events);
      await this.activities.update(
        row.id,
        { state: 'complete', started_at: events[0]!.at, elapsed_s: log.elapsedS() },
        tx,
      );
      await this.jobs.enqueue('activity.finalize', { activityId: row.id }, tx);
      return true;
    });
    if (!ready) return { row: (await this.activities.findById(row.id))!, complete: false };
    return { row: await this.finalizeNow(row.id), complete: true };
  }

  /**
   * Computes statistics and streams of a complete recorded activity. Runs right after STOP so
   * the phone gets its numbers back, and again from the durable job if that was interrupted;
   * doing it twice gives the same result.
   */
  async finalize(id: string): Promise<'success' | 'skipped'> {
    const row = await this.activities.findById(id);
    if (row?.state !== 'complete' || row.source !== 'recorded') return 'skipped';
    if (row.algorithm_version !== null && row.streams_key) return 'skipped';
    await this.storeComputed(row, await this.computeRecorded(row));
    return 'success';
  }

  /** Statistics and streams of a complete recorded activity, from its points and state log. */
  async computeRecorded(row: ActivityRow): Promise<ComputedActivity> {
    const athlete = await this.athletes.findById(row.athlete_id);
    const track = assemble(await this.activities.pointBatches(row.id));
    const events = (await this.activities.events(row.id)).map(toSessionEvent);
    // Recorded on a phone: GPS altitude, smoothed as the phone's live totals smooth it, so the
    // saved gain is the gain the athlete saw.
    return this.compute.run('computeActivity', {
      track,
      options: { sport: row.sport_type, athlete, events, elevationSource: 'gps' },
    });
  }

  private async finalizeNow(id: string): Promise<ActivityRow> {
    try {
      await this.finalize(id);
    } catch {
      this.wakeWorker(); // the durable job will retry
    }
    return (await this.activities.findById(id))!;
  }

  /**
   * Writes encoded streams to the blob store, then the summary row, telling the change
   * listeners in the same transaction.
   */
  async storeComputed(
    row: Pick<ActivityRow, 'id'>,
    computed: ComputedActivity,
    extra: ActivityUpdate = {},
  ): Promise<ActivityRow> {
    const streamsKey = `activities/${row.id}/streams`;
    await this.blobs.put(streamsKey, await this.compute.run('encodeStreams', computed.track));
    return this.activities.transaction(async (tx) => {
      const before = await this.activities.findForUpdate(tx, row.id);
      const after = (await this.activities.update(
        row.id,
        { ...computed.columns, ...extra, streams_key: streamsKey },
        tx,
      ))!;
      await this.events.emit('activity.changed', tx, before, after);
      return after;
    });
  }

  async athlete(id: string): Promise<AthleteRow> {
    const a = await this.athletes.findById(id);
    if (!a) throw Errors.invalidToken('this account no longer exists');
    return a;
  }

  /** The activity if `viewerId` may see it, else 404 (never 403: ids reveal nothing). */
  async viewable(viewerId: string | undefined, id: string): Promise<ActivityRow> {
    const row = await this.activities.findById(id);
    await authorizeView(this.follows, row, viewerId);
    return row!;
  }

  /** What reads need of an activity `viewerId` may see (404 otherwise), without its details. */
  async viewableMeta(viewerId: string | undefined, id: string): Promise<ActivityMeta> {
    const meta = await this.activities.findMeta(id);
    await authorizeView(this.follows, meta, viewerId);
    return meta!;
  }

  /**
   * Whether `viewerId` may see the activity, read in the caller's transaction (for listeners
   * of events raised inside one).
   */
  async visibleIn(tx: Transaction<Database>, viewerId: string, id: string): Promise<boolean> {
    const row = await this.activities.findById(id, tx);
    if (!row) return false;
    return canView(row, viewerId, await this.follows.accessIn(tx, viewerId, row.athlete_id));
  }

  /** The names of those of these activities `viewerId` may see, by id. */
  async titles(viewerId: string, ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const row of await this.activities.titles(ids)) {
      const access =
        row.athlete_id === viewerId
          ? { following: false, blocked: false }
          : await this.follows.access(viewerId, row.athlete_id);
      if (canView(row, viewerId, access)) out.set(row.id, row.name);
    }
    return out;
  }

  async owned(athleteId: string, id: string): Promise<ActivityRow> {
    const row = await this.activities.findById(id);
    if (!row || row.athlete_id !== athleteId) throw Errors.notFound('no such activity');
    return row;
  }

  findById(id: string): Promise<ActivityRow | undefined> {
    return this.activities.findById(id);
  }

  /** The activity row locked in the caller's transaction (work that must not race an edit). */
  lockForUpdate(tx: Transaction<Database>, id: string): Promise<ActivityRow | undefined> {
    return this.activities.findForUpdate(tx, id);
  }

  /** Every activity of the athlete, oldest first, read a page at a time (export, deletion). */
  async *ownedBy(
    athleteId: string,
    tx?: Transaction<Database>,
    pageSize = 100,
  ): AsyncGenerator<ActivityRow> {
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await this.activities.pageOwnedBy(athleteId, pageSize, after, tx);
      yield* page;
      if (page.length < pageSize) return;
      const last = page[page.length - 1]!;
      after = { createdAt: last.created_at, id: last.id };
    }
  }

  /**
   * An existing activity of the athlete from the same session of the same file, or starting
   * within a minute with a similar distance: what an import reports as a duplicate instead of
   * storing.
   */
  async findDuplicate(
    athleteId: string,
    file: { hash: string; index: number },
    columns: { started_at: Date | null; distance_m: number },
    ownId: string,
  ): Promise<ActivityRow | undefined> {
    const sameFile = await this.activities.findFromFile(athleteId, file.hash, file.index);
    if (sameFile && sameFile.id !== ownId) return sameFile;
    if (!columns.started_at) return undefined;
    const near = await this.activities.findNear(athleteId, columns.started_at, DUPLICATE_WINDOW_S);
    return near.find((a) => {
      if (a.id === ownId) return false;
      const d = Math.max(a.distance_m, columns.distance_m);
      return d === 0 || Math.abs(a.distance_m - columns.distance_m) <= DUPLICATE_DISTANCE * d;
    });
  }

  /** Stores an imported activity (idempotent on its id) with its computed numbers and streams. */
  async createImported(activity: NewActivity, computed: ComputedActivity): Promise<ActivityRow> {
    await this.activities.createIfAbsent(activity);
    return this.storeComputed({ id: activity.id }, computed);
  }
}

/** Point batches of a recording live above this seq; live batches use 0…RECORDING_SEQ_BASE. */
export const RECORDING_SEQ_BASE = 1_000_000;

function toSessionEvent(e: StoredEvent): SessionEvent {
  return { kind: e.kind, at: toEpoch(e.at) };
}

/** Builds a Track from stored batches: samples sorted by time, exact duplicates dropped. */
export function assemble(batches: Array<{ seq: number; points: unknown }>): Track {
  const all: RecordedPoint[] = [];
  for (const b of batches) for (const p of b.points as RecordedPoint[]) all.push(p);
  all.sort((a, b) => a.t - b.t);
  const builder = new TrackBuilder(Math.max(16, all.length));
  let lastT = Number.NaN;
  for (const p of all) {
    if (p.t === lastT) continue; // the same sample sent in two batches
    lastT = p.t;
    builder.push({
      time: p.t,
      ...(p.lat !== undefined ? { lat: p.lat } : {}),
      ...(p.lng !== undefined ? { lon: p.lng } : {}),
      ...(p.alt !== undefined ? { elevation: p.alt } : {}),
      ...(p.hr !== undefined ? { heartRate: p.hr } : {}),
      ...(p.cad !== undefined ? { cadence: p.cad } : {}),
      ...(p.watts !== undefined ? { power: p.watts } : {}),
    });
  }
  return builder.build();
}

/** "Morning Run", "Evening Ride"…, from the local hour (UTC until the time zone is known). */
export function defaultName(sport: string, at: Date, utcOffsetS: number | null = null): string {
  const h = new Date(at.getTime() + (utcOffsetS ?? 0) * 1000).getUTCHours();
  const part =
    h < 5
      ? 'Night'
      : h < 12
        ? 'Morning'
        : h < 14
          ? 'Lunch'
          : h < 18
            ? 'Afternoon'
            : h < 22
              ? 'Evening'
              : 'Night';
  const label = sport.replace(/([a-z])([A-Z])/g, '$1 $2');
  return `${part} ${label}`;
}
