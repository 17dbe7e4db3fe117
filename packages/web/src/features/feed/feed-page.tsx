import { Link, useSearchParams } from 'wouter';
import { PullToRefresh } from '../../components/pull-to-refresh.js';
import { Tabs, tabId } from '../../components/tabs.js';
import { WhoToFollow } from '../athletes/who-to-follow.js';
import { LiveNow } from '../live/live-now.js';
import { ActivityList } from './activity-list.js';
import { type ListMode, useActivityList } from './use-activity-list.js';

const TABS: { mode: ListMode; label: string; id: 'following' | 'you' }[] = [
  { mode: 'FRIENDS', label: 'Following', id: 'following' },
  { mode: 'USER', label: 'You', id: 'you' },
];

/** Home: the athlete's own activities and those of the people they follow. */
export function FeedPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t.id === params.get('tab')) ?? TABS[0]!;
  const query = useActivityList(tab.mode);
  const refreshing = query.isRefetching && !query.isFetchingNextPage;

  return (
    <main className="page">
      <PullToRefresh onRefresh={() => query.refetch()}>
        <div className="page-head">
          <Tabs
            label="Activities"
            tabs={TABS}
            current={tab.id}
            onSelect={(id) => setParams({ tab: id })}
            panelId="feed-panel"
          />
          <button
            type="button"
            className="icon-button"
            onClick={() => void query.refetch()}
            disabled={refreshing}
            aria-label="Refresh"
            title="Refresh"
          >
            <span aria-hidden="true" className={refreshing ? 'spin' : ''}>
              ↻
            </span>
          </button>
        </div>
        <LiveNow />
        <section id="feed-panel" role="tabpanel" aria-labelledby={tabId('feed-panel', tab.id)}>
          <ActivityList
            query={query}
            empty={
              tab.mode === 'USER' ? (
                <>
                  <p>No activities yet.</p>
                  <Link href="/upload" className="button">
                    Upload a file
                  </Link>
                </>
              ) : (
                <>
                  <p>
                    Nothing here yet. <Link href="/search">Find athletes</Link> to follow and see
                    their activities, or <Link href="/upload">upload your own</Link>.
                  </p>
                  <WhoToFollow />
                </>
              )
            }
          />
        </section>
      </PullToRefresh>
    </main>
  );
}
