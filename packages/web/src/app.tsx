import { lazy, Suspense } from 'react';
import { Link, Redirect, Route, Switch } from 'wouter';
import { AuthPage } from './features/auth/auth-page.js';
import { useMe, useSignedIn } from './features/auth/use-me.js';
import { SettingsPage } from './features/settings/settings-page.js';
import { SyncBadge } from './features/sync/sync-badge.js';

// The recorder (and core's statistics) load only when the record screen opens.
const RecordPage = lazy(() =>
  import('./features/record/record-page.js').then((m) => ({ default: m.RecordPage })),
);

function Home() {
  const me = useMe();
  return (
    <main className="narrow">
      <h1>{me.data ? `Hello, ${me.data.display_name}` : 'Stride'}</h1>
      <p>Record a run or ride, upload files from your device, and follow your friends.</p>
    </main>
  );
}

export function App() {
  const signedIn = useSignedIn();
  return (
    <>
      <header className="bar">
        <Link href="/" className="brand">
          Stride
        </Link>
        {signedIn && (
          <nav aria-label="Main">
            <SyncBadge />
            <Link href="/record">Record</Link>
            <Link href="/settings">Settings</Link>
          </nav>
        )}
      </header>
      <Switch>
        <Route path="/login">{signedIn ? <Redirect to="/" /> : <AuthPage mode="login" />}</Route>
        <Route path="/signup">{signedIn ? <Redirect to="/" /> : <AuthPage mode="signup" />}</Route>
        <Route path="/record">
          {signedIn ? (
            <Suspense fallback={<main className="narrow">Loading…</main>}>
              <RecordPage />
            </Suspense>
          ) : (
            <Redirect to="/login" />
          )}
        </Route>
        <Route path="/settings">{signedIn ? <SettingsPage /> : <Redirect to="/login" />}</Route>
        <Route path="/">{signedIn ? <Home /> : <Redirect to="/login" />}</Route>
        <Route>
          <main className="narrow">
            <h1>Not found</h1>
            <Link href="/">Back to Stride</Link>
          </main>
        </Route>
      </Switch>
    </>
  );
}
