import type { ReactNode } from 'react';
import { ApiError } from '../../api/client.js';
import { LoadMore } from '../../components/load-more.js';
import { useUnits } from '../auth/use-me.js';
import { ActivityCard } from './activity-card.js';
import type { useActivityList } from './use-activity-list.js';

/** The cards of an activity list, its states (loading, empty, error) and infinite scroll. */
export function ActivityList({
  query,
  empty,
}: {
  query: ReturnType<typeof useActivityList>;
  empty: ReactNode;
}) {
  const units = useUnits();
  if (query.isPending) return <p className="muted center">Loading activities…</p>;
  if (query.isError)
    return (
      <p role="alert" className="error center">
        {query.error instanceof ApiError
          ? query.error.message
          : 'Could not load activities: no connection.'}
      </p>
    );
  const items = query.data.pages.flatMap((p) => p.items);
  if (!items.length) return <div className="empty">{empty}</div>;
  return (
    <div className="feed">
      {items.map((a) => (
        <ActivityCard key={a.id} a={a} units={units} />
      ))}
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onLoad={() => {
          if (!query.isFetchingNextPage) void query.fetchNextPage();
        }}
      />
    </div>
  );
}
