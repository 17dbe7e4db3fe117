/**
 * Announces changes to the device store (the outbox, the recording in progress) to this page's
 * listeners and, over a BroadcastChannel, to the app's other tabs, so every open Stride shows
 * the same waiting list.
 */
const listeners = new Set<() => void>();
const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'function' ? new BroadcastChannel('stride-device-store') : null;
channel?.addEventListener('message', () => {
  for (const l of listeners) l();
});

export function onStoreChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyStoreChanged(): void {
  for (const l of listeners) l();
  channel?.postMessage('changed');
}
