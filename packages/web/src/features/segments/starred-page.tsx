import { Link } from 'wouter';
import { LoadMore } from '../../components/load-more.js';
import { useUnits } from '../auth/use-me.js';
import { ExploreNav } from './explore-nav.js';
import { SegmentList } from './segment-list.js';
import { useStarred } from './use-segment.js';

/** /segments/starred — the segments I starred, most recently starred first. */
export function StarredPage() {
  const units = useUnits();
  const q = useStarred();
  const segments = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <main className="page explore-page">
      <ExploreNav />
      {q.isPending ? (
        <p className="muted">Loading…</p>
      ) : q.isError ? (
        <p className="error">Could not load your starred segments.</p>
      ) : segments.length === 0 ? (
        <div className="empty">
          <p>No starred segments yet.</p>
          <p>
            Star a segment on its page to find it here.{' '}
            <Link href="/segments">Explore segments</Link>
          </p>
        </div>
      ) : (
        <>
          <SegmentList segments={segments} units={units} label="Starred segments" />
          <LoadMore
            hasMore={q.hasNextPage}
            loading={q.isFetchingNextPage}
            onLoad={() => void q.fetchNextPage()}
          />
        </>
      )}
    </main>
  );
}
