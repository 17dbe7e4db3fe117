import { notifyStoreChanged } from './changes.js';
import { db, type OutboxRow, pointRange } from './db.js';

/** The outbox: saved activities waiting for the server, each with its points beside it. */

/** Every entry, oldest save first. */
export async function listOutbox(): Promise<OutboxRow[]> {
  const rows = await (await db()).getAll('outbox');
  return rows.sort((a, b) => a.savedAt - b.savedAt);
}

/** Applies `patch` to an entry (no-op when it is gone: uploaded or discarded meanwhile). */
export async function updateOutbox(id: string, patch: Partial<OutboxRow>): Promise<void> {
  const tx = (await db()).transaction('outbox', 'readwrite');
  const row = await tx.store.get(id);
  if (row) await tx.store.put({ ...row, ...patch, id });
  await tx.done;
  notifyStoreChanged();
}

/**
 * Deletes the entry and its points: after the server confirmed it holds the activity, or when
 * the athlete discards an upload that cannot succeed.
 */
export async function removeFromOutbox(id: string): Promise<void> {
  const tx = (await db()).transaction(['outbox', 'points'], 'readwrite', {
    durability: 'strict',
  });
  await Promise.all([
    tx.objectStore('outbox').delete(id),
    tx.objectStore('points').delete(pointRange(id)),
    tx.done,
  ]);
  notifyStoreChanged();
}
