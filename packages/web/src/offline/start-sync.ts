import { api, onAuthChange, unwrap } from '../api/client.js';
import { currentAthleteId } from './athlete.js';
import { SyncWorker } from './sync.js';

/** The page's sync worker, wired to the network, the clock and the browser's events. */
export const sync = new SyncWorker({
  async send(id, part) {
    const path = { params: { path: { id } } };
    const activity = await unwrap(
      api.PUT('/api/v1/activities/{id}/recording', { ...path, body: part }),
    );
    // A recording shared live had its activity created at the start (for the live points): the
    // name and visibility chosen at Save are set on it now.
    const edit = {
      ...(part.name && part.name !== activity.name ? { name: part.name } : {}),
      ...(part.visibility && part.visibility !== activity.visibility
        ? { visibility: part.visibility }
        : {}),
    };
    if (activity.state === 'complete' && Object.keys(edit).length)
      await unwrap(api.PATCH('/api/v1/activities/{id}', { ...path, body: edit }));
    return activity.state === 'complete';
  },
  athleteId: currentAthleteId,
  online: () => navigator.onLine,
  now: () => Date.now(),
  random: Math.random,
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  exclusive: async (fn) => {
    if (navigator.locks) await navigator.locks.request('stride-sync', fn);
    else await fn();
  },
});

let started = false;

/** Starts uploading what is waiting, now and whenever the connection or the session returns. */
export function startSync(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void sync.kick(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void sync.kick();
  });
  onAuthChange(() => void sync.kick(true));
  void sync.kick();
}
