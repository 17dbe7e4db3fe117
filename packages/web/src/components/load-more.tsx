import { useEffect, useRef } from 'react';

/**
 * The end of an infinite list: loads the next page when it scrolls into view
 * (IntersectionObserver), and is a button too, for keyboards and browsers without the observer.
 */
export function LoadMore({
  hasMore,
  loading,
  onLoad,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  const load = useRef(onLoad);
  load.current = onLoad;
  useEffect(() => {
    const el = ref.current;
    if (!el || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) load.current();
      },
      // Start before the end is on screen, so scrolling rarely waits.
      { rootMargin: '400px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore]);
  if (!hasMore) return null;
  return (
    <button ref={ref} type="button" className="ghost load-more" onClick={onLoad} disabled={loading}>
      {loading ? 'Loading…' : 'Show more'}
    </button>
  );
}
