import { notifyStoreChanged } from './changes.js';
import {
  db,
  type OutboxRow,
  pointRange,
  pointsOf,
  type RecordingRow,
  type StoredEvent,
  type StoredPoint,
  type Visibility,
} from './db.js';

/**
 * The recording in progress, kept point by point in IndexedDB so that a reload, a closed tab
 * or a killed browser loses nothing: every write resolves only once its transaction has
 * committed, and the recorder updates the screen after that.
 */

export interface ActiveRecording {
  row: RecordingRow;
  points: StoredPoint[];
}

/** The unfinished recording on this device, with every point stored so far. */
export async function loadActiveRecording(): Promise<ActiveRecording | null> {
  const d = await db();
  const rows = await d.getAll('recordings');
  if (!rows.length) return null;
  // One at a time by construction; should two exist (an old bug, two tabs), resume the newest.
  const row = rows.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
  return { row, points: await pointsOf(row.id) };
}

// State events are rare and decide the times: ask for a flush to disk, not just to the OS.
const STRICT = { durability: 'strict' } as const;

export async function createRecording(row: RecordingRow): Promise<void> {
  const tx = (await db()).transaction('recordings', 'readwrite', STRICT);
  await Promise.all([tx.store.add(row), tx.done]);
  notifyStoreChanged();
}

export async function appendEvent(id: string, event: StoredEvent): Promise<void> {
  const tx = (await db()).transaction('recordings', 'readwrite', STRICT);
  const row = await tx.store.get(id);
  if (!row) throw new Error('the recording is no longer on this device');
  row.events.push(event);
  await Promise.all([tx.store.put(row), tx.done]);
}

export async function appendPoint(id: string, point: StoredPoint): Promise<void> {
  const tx = (await db()).transaction('points', 'readwrite');
  await Promise.all([tx.store.put({ ...point, rid: id }), tx.done]);
}

export async function setLiveSharing(id: string, on: boolean): Promise<void> {
  const tx = (await db()).transaction('recordings', 'readwrite');
  const row = await tx.store.get(id);
  if (row) await tx.store.put({ ...row, liveSharing: on });
  await tx.done;
}

/** Deletes the recording and its points (the athlete confirmed Discard). */
export async function discardRecording(id: string): Promise<void> {
  const tx = (await db()).transaction(['recordings', 'points'], 'readwrite', STRICT);
  await Promise.all([
    tx.objectStore('recordings').delete(id),
    tx.objectStore('points').delete(pointRange(id)),
    tx.done,
  ]);
  notifyStoreChanged();
}

export interface SaveDetails {
  name?: string;
  visibility?: Visibility;
  distance: number;
  movingTime: number;
}

/**
 * Save: in one transaction the finished recording becomes an outbox entry (its points stay
 * where they are), so there is never a moment when it is in neither place.
 */
export async function queueRecording(id: string, details: SaveDetails): Promise<OutboxRow> {
  const d = await db();
  const tx = d.transaction(['recordings', 'points', 'outbox'], 'readwrite', STRICT);
  const row = await tx.objectStore('recordings').get(id);
  if (!row) throw new Error('the recording is no longer on this device');
  const pointCount = await tx.objectStore('points').count(pointRange(id));
  const now = Date.now();
  const entry: OutboxRow = {
    id,
    athleteId: row.athleteId,
    sport_type: row.sport_type,
    ...(details.name ? { name: details.name } : {}),
    ...(details.visibility ? { visibility: details.visibility } : {}),
    liveSharing: row.liveSharing,
    events: row.events,
    pointCount,
    distance: details.distance,
    movingTime: details.movingTime,
    savedAt: now,
    status: 'waiting',
    attempts: 0,
    nextAttemptAt: now,
    partsSent: 0,
    error: null,
  };
  await Promise.all([
    tx.objectStore('outbox').put(entry),
    tx.objectStore('recordings').delete(id),
    tx.done,
  ]);
  notifyStoreChanged();
  return entry;
}
