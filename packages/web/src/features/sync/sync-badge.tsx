import { useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import { useDeviceStore } from '../../offline/use-device-store.js';
import { waitingText } from './waiting-text.js';
import './sync.css';

/**
 * The header's reminder of what only this device holds: a recording in progress, and the
 * saved activities not yet on the server. Both lead to the record screen.
 *
 */
export function SyncBadge() {
  const { outbox, recording } = useDeviceStore();
  const [location] = useLocation();
  // A recording found on the device goes on at once, whatever page the app opened on: the
  // recorder (its own chunk) resumes watching the GPS without waiting for the record screen.
  const recordingId = recording?.id;
  useEffect(() => {
    if (recordingId) void import('../record/use-recorder.js').then((m) => m.recorder().init());
  }, [recordingId]);
  const failed = outbox.some((e) => e.status === 'failed');
  return (
    <div className="sync-slot">
      {recording && location !== '/record' && (
        <Link href="/record" className="sync-badge sync-recording" data-testid="recording-badge">
          <span className="sync-dot" aria-hidden="true" /> Recording
        </Link>
      )}
      {outbox.length > 0 && (
        <Link
          href="/record"
          className={failed ? 'sync-badge sync-failed' : 'sync-badge'}
          data-testid="sync-badge"
          data-count={outbox.length}
          aria-label={waitingText(outbox.length) + (failed ? ', one needs your attention' : '')}
          title={waitingText(outbox.length)}
        >
          <span aria-hidden="true">⇡ {outbox.length}</span>
        </Link>
      )}
    </div>
  );
}
