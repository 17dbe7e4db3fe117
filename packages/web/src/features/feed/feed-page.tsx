import { Link, useSearchParams } from 'wouter';
import { PullToRefresh } from '../../components/pull-to-refresh.js';
import { ActivityList } from './activity-list.js';
import { type ListMode, useActivityList } from './use-activity-list.js';

const TABS: { mode: ListMode; label: string; param: string }[] = [
  { mode: 'FRIENDS', label: 'Following', param: 'following' },
  { mode: 'USER', label: 'You', param: 'you' },
];

/** Home: the athlete's own activities and those of the people they follow. */
export function FeedPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t.param === params.get('tab')) ?? TABS[0]!;
  const query = useActivityList(tab.mode);
  const refreshing = query.isRefetching && !query.isFetchingNextPage;

  return (
    <main className="page">
      <PullToRefresh onRefresh={() => query.refetch()}>
        <div className="page-head">
          <div role="tablist" aria-label="Activities" className="tabs">
            {TABS.map((t) => (
              <button
                key={t.mode}
                type="button"
                role="tab"
                id={`tab-${t.param}`}
                aria-selected={t === tab}
                aria-controls="feed-panel"
                tabIndex={t === tab ? 0 : -1}
                className={t === tab ? 'tab active' : 'tab'}
                onClick={() => setParams({ tab: t.param })}
                onKeyDown={(e) => {
                  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
                  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                  const next = TABS[(TABS.indexOf(t) + 1) % TABS.length]!;
                  setParams({ tab: next.param });
                  document.getElementById(`tab-${next.param}`)?.focus();
                }}
              >
                {t.label}
              </button>
            ))}
          </div>
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
        <section id="feed-panel" role="tabpanel" aria-labelledby={`tab-${tab.param}`}>
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
                <p>
                  Nothing here yet. Follow athletes to see their activities, or{' '}
                  <Link href="/upload">upload your own</Link>.
                </p>
              )
            }
          />
        </section>
      </PullToRefresh>
    </main>
  );
}
