import type { Visibility } from '@stride/client';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

export type { Visibility };

/**
 * The device's durable store (IndexedDB): the recording in progress, its points, and the
 * outbox of saved activities waiting to reach the server. Everything the athlete records is
 * written here first; the server copy is made from it, and it is deleted only when the server
 * has confirmed.
 */

/** A state event as the recorder logs it: epoch seconds with millisecond precision. */
export interface StoredEvent {
  kind: 'START' | 'PAUSE' | 'RESUME' | 'STOP';
  at: number;
}

/** One GPS sample in the API's point shape (epoch seconds, degrees, metres). */
export interface StoredPoint {
  t: number;
  lat: number;
  lng: number;
  alt?: number;
  acc?: number;
}

/** The recording in progress (at most one per device), from START until Save or Discard. */
export interface RecordingRow {
  id: string;
  /** The signed-in athlete who started it: only their session may upload it. */
  athleteId: string | null;
  sport_type: string;
  liveSharing: boolean;
  events: StoredEvent[];
  createdAt: number;
}

export type OutboxStatus = 'waiting' | 'uploading' | 'failed' | 'signed-out';

/** A saved activity waiting for the server; its points stay in the points store until then. */
export interface OutboxRow {
  id: string;
  athleteId: string | null;
  sport_type: string;
  name?: string;
  visibility?: Visibility;
  liveSharing: boolean;
  events: StoredEvent[];
  pointCount: number;
  /** For the waiting list: what the athlete recorded, as the screen showed it. */
  distance: number;
  movingTime: number;
  savedAt: number;
  status: OutboxStatus;
  /** Failed attempts since the last success or manual retry (drives the backoff). */
  attempts: number;
  /** Epoch ms of the next automatic attempt. */
  nextAttemptAt: number;
  /** Parts the server has acknowledged (202) in the current upload. */
  partsSent: number;
  error: string | null;
}

interface StrideDB extends DBSchema {
  recordings: { key: string; value: RecordingRow };
  /** Keyed [recording id, t]: one row per sample, in time order, never twice. */
  points: { key: [string, number]; value: StoredPoint & { rid: string } };
  outbox: { key: string; value: OutboxRow };
}

export type Db = IDBPDatabase<StrideDB>;

const NAME = 'stride';
const VERSION = 1;

let opening: Promise<Db> | null = null;

/** The app's database, opened once per page. */
export function db(): Promise<Db> {
  opening ??= openDB<StrideDB>(NAME, VERSION, {
    upgrade(database) {
      database.createObjectStore('recordings', { keyPath: 'id' });
      database.createObjectStore('points', { keyPath: ['rid', 't'] });
      database.createObjectStore('outbox', { keyPath: 'id' });
    },
    blocking() {
      // A newer version of the app wants to upgrade: let it (this page reopens on next use).
      void opening?.then((d) => d.close());
      opening = null;
    },
  });
  return opening;
}

/** Closes and forgets the handle; the next db() opens again (used when the store is swapped). */
export async function closeDb(): Promise<void> {
  const open = opening;
  opening = null;
  if (open) (await open).close();
}

/** The key range of one recording's points. */
export function pointRange(id: string): IDBKeyRange {
  return IDBKeyRange.bound([id, Number.NEGATIVE_INFINITY], [id, Number.POSITIVE_INFINITY]);
}

/** Every point of a recording, in time order. */
export async function pointsOf(id: string): Promise<StoredPoint[]> {
  const rows = await (await db()).getAll('points', pointRange(id));
  return rows.map(({ rid: _rid, ...p }) => p);
}

/** The points of a recording from time `fromT` on, in time order. */
export async function pointsFrom(id: string, fromT: number): Promise<StoredPoint[]> {
  const range = IDBKeyRange.bound([id, fromT], [id, Number.POSITIVE_INFINITY]);
  const rows = await (await db()).getAll('points', range);
  return rows.map(({ rid: _rid, ...p }) => p);
}
