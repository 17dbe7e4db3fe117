import { useSyncExternalStore } from 'react';
import { onStoreChange } from './changes.js';
import { db, type OutboxRow } from './db.js';
import { listOutbox } from './outbox.js';

export interface DeviceStore {
  /** Saved activities waiting to reach the server, oldest first. */
  outbox: readonly OutboxRow[];
  /** The recording in progress on this device, if any. */
  recording: { id: string; sport_type: string } | null;
}

/**
 * What the device holds, as React state: one snapshot shared by every component, re-read from
 * IndexedDB whenever this tab or another one changes it.
 */
let snapshot: DeviceStore = { outbox: [], recording: null };
const subscribers = new Set<() => void>();
let unsubscribe: (() => void) | null = null;

async function reload(): Promise<void> {
  try {
    const [outbox, recordings] = await Promise.all([
      listOutbox(),
      db().then((d) => d.getAll('recordings')),
    ]);
    const r = recordings[0];
    snapshot = { outbox, recording: r ? { id: r.id, sport_type: r.sport_type } : null };
  } catch {
    return; // IndexedDB unavailable (some private modes): nothing is held on this device
  }
  for (const s of subscribers) s();
}

function subscribe(listener: () => void): () => void {
  subscribers.add(listener);
  if (!unsubscribe) {
    unsubscribe = onStoreChange(() => void reload());
    void reload();
  }
  return () => {
    subscribers.delete(listener);
    if (!subscribers.size) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };
}

export function useDeviceStore(): DeviceStore {
  return useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => snapshot,
  );
}
