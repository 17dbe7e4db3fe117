/**
 * Keeps the screen on while recording (Screen Wake Lock API). The browser releases the lock
 * whenever the page is hidden, so it is asked for again each time the page becomes visible.
 * Where the API is missing or refuses (low battery, no user gesture), recording goes on: the
 * GPS watch, not the screen, is what records.
 */
export class ScreenWakeLock {
  private sentinel: WakeLockSentinel | null = null;
  private wanted = false;

  private readonly onVisible = () => {
    if (this.wanted && document.visibilityState === 'visible' && !this.sentinel)
      void this.request();
  };

  acquire(): void {
    if (this.wanted) return;
    this.wanted = true;
    document.addEventListener('visibilitychange', this.onVisible);
    void this.request();
  }

  release(): void {
    this.wanted = false;
    document.removeEventListener('visibilitychange', this.onVisible);
    const s = this.sentinel;
    this.sentinel = null;
    void s?.release().catch(() => {});
  }

  private async request(): Promise<void> {
    if (!('wakeLock' in navigator)) return;
    try {
      const s = await navigator.wakeLock.request('screen');
      if (!this.wanted) {
        void s.release();
        return;
      }
      this.sentinel = s;
      s.addEventListener('release', () => {
        if (this.sentinel === s) this.sentinel = null;
      });
    } catch {
      // Refused: the recording does not depend on it.
    }
  }
}
