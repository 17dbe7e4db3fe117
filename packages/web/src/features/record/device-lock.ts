/**
 * One recorder per device: two tabs recording the same activity would each log their own
 * Pause and Resume. The tab that holds this Web Lock records; another one waits, says so, and
 * takes over (resuming from the device's store) when the first tab closes. Browsers without
 * Web Locks record in every tab, as before.
 */
const LOCK = 'stride-recorder';

/** Resolves once this page may record; calls `waiting` first if another tab holds the lock. */
export function claimRecorder(waiting: () => void): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return Promise.resolve();
  return new Promise((granted) => {
    // Held for the page's lifetime: the browser releases it when the page goes away.
    const hold = () => {
      granted();
      return new Promise<never>(() => {});
    };
    void locks.request(LOCK, { ifAvailable: true }, (lock) => {
      if (lock) return hold();
      waiting();
      void locks.request(LOCK, hold);
      return undefined;
    });
  });
}
