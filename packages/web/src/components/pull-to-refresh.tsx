import { type ReactNode, useEffect, useRef, useState } from 'react';

/** How far (px) a finger must pull down from the top of the page to refresh. */
const THRESHOLD = 70;

/**
 * Pull down from the top of the page to refresh, as in native feeds. Touch only: the page
 * offers a refresh button for keyboards and mice. The indicator announces itself to screen
 * readers while refreshing.
 */
export function PullToRefresh({
  onRefresh,
  children,
}: {
  onRefresh: () => Promise<unknown>;
  children: ReactNode;
}) {
  const [pull, setPull] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const start = useRef<number | null>(null);
  const latest = useRef({ pull: 0, refreshing: false, onRefresh });
  latest.current = { pull, refreshing, onRefresh };

  useEffect(() => {
    const down = (e: TouchEvent) => {
      start.current = window.scrollY <= 0 && e.touches.length === 1 ? e.touches[0]!.clientY : null;
    };
    const move = (e: TouchEvent) => {
      if (start.current === null || latest.current.refreshing) return;
      const dy = e.touches[0]!.clientY - start.current;
      // Resist past the threshold, like a rubber band.
      setPull(dy > 0 ? Math.min(dy * 0.5, THRESHOLD * 1.4) : 0);
    };
    const up = () => {
      const { pull: p, refreshing: busy, onRefresh: refresh } = latest.current;
      start.current = null;
      if (p >= THRESHOLD && !busy) {
        setRefreshing(true);
        void refresh().finally(() => {
          setRefreshing(false);
          setPull(0);
        });
      } else setPull(0);
    };
    window.addEventListener('touchstart', down, { passive: true });
    window.addEventListener('touchmove', move, { passive: true });
    window.addEventListener('touchend', up);
    window.addEventListener('touchcancel', up);
    return () => {
      window.removeEventListener('touchstart', down);
      window.removeEventListener('touchmove', move);
      window.removeEventListener('touchend', up);
      window.removeEventListener('touchcancel', up);
    };
  }, []);

  const height = refreshing ? 44 : pull;
  return (
    <>
      <div className="pull-indicator" style={{ height }} aria-live="polite">
        {refreshing
          ? 'Refreshing…'
          : pull >= THRESHOLD
            ? 'Release to refresh'
            : pull > 10
              ? 'Pull to refresh'
              : ''}
      </div>
      {children}
    </>
  );
}
