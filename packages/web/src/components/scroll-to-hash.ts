import { useEffect } from 'react';

/**
 * Scrolls to the element the address's #fragment names once `ready` (its page has rendered):
 * a client-side navigation does not, as a page load would.
 */
export function useScrollToHash(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, [ready]);
}
