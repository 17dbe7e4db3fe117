import { useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { ActivityPage } from './features/activity/activity-page.js';
import { AthletePage } from './features/athletes/athlete-page.js';
import { SearchPage } from './features/athletes/search-page.js';
import { AuthPage } from './features/auth/auth-page.js';
import { useMe, useSignedIn } from './features/auth/use-me.js';
import { FeedPage } from './features/feed/feed-page.js';
import { Bell } from './features/notifications/bell.js';
import { startLiveNotifications } from './features/notifications/live-notifications.js';
import { PushPrompt } from './features/notifications/push-prompt.js';
import { SettingsPage } from './features/settings/settings-page.js';
import { SyncBadge } from './features/sync/sync-badge.js';
import { UploadPage } from './features/upload/upload-page.js';

// The recorder (and core's live statistics) load only when the record screen opens.
const RecordPage = lazy(() =>
  import('./features/record/record-page.js').then((m) => ({ default: m.RecordPage })),
);
// Segments and leaderboards load when first opened: they stay out of the first load.
const SegmentPage = lazy(() =>
  import('./features/segments/segment-page.js').then((m) => ({ default: m.SegmentPage })),
);
const ExplorePage = lazy(() =>
  import('./features/segments/explore-page.js').then((m) => ({ default: m.ExplorePage })),
);
const StarredPage = lazy(() =>
  import('./features/segments/starred-page.js').then((m) => ({ default: m.StarredPage })),
);
const NotificationsPage = lazy(() =>
  import('./features/notifications/notifications-page.js').then((m) => ({
    default: m.NotificationsPage,
  })),
);
// Live pages load when opened (followers and safety-link holders, signed in or not).
const LivePage = lazy(() =>
  import('./features/live/live-page.js').then((m) => ({ default: m.LivePage })),
);
// Training (charts, the log, goals) and the year in review load when first opened.
const TrainingPage = lazy(() =>
  import('./features/training/training-page.js').then((m) => ({ default: m.TrainingPage })),
);
const YearInReviewPage = lazy(() =>
  import('./features/training/year-in-review-page.js').then((m) => ({
    default: m.YearInReviewPage,
  })),
);
const LeaderboardsPage = lazy(() =>
  import('./features/leaderboards/leaderboards-page.js').then((m) => ({
    default: m.LeaderboardsPage,
  })),
);

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<main className="page muted">Loading…</main>}>{children}</Suspense>;
}

/** A nav link that says when it is the current page (styled, and announced as such). */
function NavLink({
  href,
  children,
  exact,
  also = [],
  wideOnly,
}: {
  href: string;
  children: string;
  exact?: boolean;
  /** Only in the wide header: the phone's tab bar keeps to five (it is reached from You there). */
  wideOnly?: boolean;
  /** Other sections this entry stands for (Explore: segments and leaderboards). */
  also?: readonly string[];
}) {
  const [location] = useLocation();
  const under = (p: string) => location === p || location.startsWith(`${p}/`);
  const current = exact ? location === href : under(href) || also.some(under);
  return (
    <Link
      href={href}
      className={`nav-link${current ? ' current' : ''}${wideOnly ? ' wide-only' : ''}`}
      aria-current={current ? 'page' : undefined}
    >
      {children}
    </Link>
  );
}

function MainNav() {
  const me = useMe();
  return (
    <nav aria-label="Main" className="main-nav">
      <NavLink href="/" exact>
        Feed
      </NavLink>
      <NavLink href="/record">Record</NavLink>
      <NavLink href="/upload">Upload</NavLink>
      <NavLink href="/segments" also={['/leaderboards']}>
        Explore
      </NavLink>
      {me.data && <NavLink href={`/athletes/${me.data.handle}`}>You</NavLink>}
      <NavLink href="/settings" wideOnly>
        Settings
      </NavLink>
    </nav>
  );
}

/**
 * The header's search field: Enter opens the search page with what was typed. The search page
 * has its own field, so this one steps aside there.
 */
function HeaderSearch() {
  const [location, navigate] = useLocation();
  const [text, setText] = useState('');
  if (location === '/search') return null;
  return (
    <search className="bar-search">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const q = text.trim();
          setText('');
          navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
        }}
      >
        <input
          type="search"
          name="q"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={64}
          placeholder="Search athletes"
          aria-label="Search athletes"
          autoComplete="off"
          enterKeyHint="search"
        />
      </form>
    </search>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pages that need a signed-in athlete send others to log in. */
function Private({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  return signedIn ? children : <Redirect to="/login" />;
}

export function App() {
  const signedIn = useSignedIn();
  const client = useQueryClient();
  // Notifications arrive while the app is open, on every page, for as long as it is signed in.
  useEffect(() => (signedIn ? startLiveNotifications(client) : undefined), [signedIn, client]);
  return (
    <>
      <a href="#content" className="skip-link">
        Skip to content
      </a>
      <header className="bar">
        <Link href="/" className="brand" aria-label="Stride home">
          <span aria-hidden="true" className="brand-mark">
            ▲
          </span>{' '}
          Stride
        </Link>
        {signedIn && <SyncBadge />}
        {signedIn && <HeaderSearch />}
        {signedIn && <Bell />}
        {signedIn ? (
          <MainNav />
        ) : (
          <nav aria-label="Account" className="account-nav">
            <Link href="/login">Log in</Link>
            <Link href="/signup" className="button small">
              Sign up
            </Link>
          </nav>
        )}
      </header>
      <div id="content">
        {signedIn && <PushPrompt />}
        <Switch>
          <Route path="/login">{signedIn ? <Redirect to="/" /> : <AuthPage mode="login" />}</Route>
          <Route path="/signup">
            {signedIn ? <Redirect to="/" /> : <AuthPage mode="signup" />}
          </Route>
          <Route path="/settings">
            <Private signedIn={signedIn}>
              <SettingsPage />
            </Private>
          </Route>
          <Route path="/record">
            <Private signedIn={signedIn}>
              <Loading>
                <RecordPage />
              </Loading>
            </Private>
          </Route>
          <Route path="/upload">
            <Private signedIn={signedIn}>
              <UploadPage />
            </Private>
          </Route>
          {/* Activities are readable without an account when public; the API decides. */}
          <Route path="/activities/:id">{(p) => <ActivityPage id={p.id} />}</Route>
          <Route path="/segments">
            <Private signedIn={signedIn}>
              <Loading>
                <ExplorePage />
              </Loading>
            </Private>
          </Route>
          <Route path="/segments/starred">
            <Private signedIn={signedIn}>
              <Loading>
                <StarredPage />
              </Loading>
            </Private>
          </Route>
          {/* Segments are public, as their leaderboards are. */}
          <Route path="/segments/:id">
            {(p) => (
              <Loading>
                <SegmentPage id={p.id} />
              </Loading>
            )}
          </Route>
          {/* A safety link needs no account: its token is the permission. */}
          <Route path="/live/link/:token">
            {(p) => (
              <Loading>
                <LivePage target={{ kind: 'link', token: p.token }} />
              </Loading>
            )}
          </Route>
          <Route path="/live/:key">
            {(p) =>
              UUID.test(p.key) ? (
                <Private signedIn={signedIn}>
                  <Loading>
                    <LivePage target={{ kind: 'follower', activityId: p.key }} />
                  </Loading>
                </Private>
              ) : (
                // The API names a safety link /live/<token>: the same page.
                <Loading>
                  <LivePage target={{ kind: 'link', token: p.key }} />
                </Loading>
              )
            }
          </Route>
          <Route path="/notifications">
            <Private signedIn={signedIn}>
              <Loading>
                <NotificationsPage />
              </Loading>
            </Private>
          </Route>
          <Route path="/leaderboards">
            <Private signedIn={signedIn}>
              <Loading>
                <LeaderboardsPage />
              </Loading>
            </Private>
          </Route>
          <Route path="/search">
            <Private signedIn={signedIn}>
              <SearchPage />
            </Private>
          </Route>
          <Route path="/athletes/:handle/training">
            {(p) => (
              <Private signedIn={signedIn}>
                <Loading>
                  <TrainingPage athlete={p.handle} />
                </Loading>
              </Private>
            )}
          </Route>
          <Route path="/athletes/:handle/year/:year?">
            {(p) => (
              <Private signedIn={signedIn}>
                <Loading>
                  <YearInReviewPage athlete={p.handle} year={p.year} />
                </Loading>
              </Private>
            )}
          </Route>
          <Route path="/athletes/:handle">
            {(p) => (
              <Private signedIn={signedIn}>
                <AthletePage handle={p.handle} />
              </Private>
            )}
          </Route>
          <Route path="/">
            <Private signedIn={signedIn}>
              <FeedPage />
            </Private>
          </Route>
          <Route>
            <main className="page">
              <h1>Not found</h1>
              <Link href="/">Back to Stride</Link>
            </main>
          </Route>
        </Switch>
      </div>
    </>
  );
}
