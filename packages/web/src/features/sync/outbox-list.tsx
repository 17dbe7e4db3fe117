import { useState } from 'react';
import { Link } from 'wouter';
import { formatDistance, sportName, type Units } from '../../lib/format.js';
import { currentAthleteId } from '../../offline/athlete.js';
import type { OutboxRow } from '../../offline/db.js';
import { removeFromOutbox } from '../../offline/outbox.js';
import { sync } from '../../offline/start-sync.js';
import { useDeviceStore } from '../../offline/use-device-store.js';
import { DiscardButton } from '../record/discard-button.js';
import { waitingText } from './waiting-text.js';

function statusText(e: OutboxRow): string {
  switch (e.status) {
    case 'uploading':
      return 'Uploading…';
    case 'failed':
      return `The server refused it: ${e.error ?? 'unknown reason'}`;
    case 'signed-out':
      return e.athleteId && currentAthleteId() && e.athleteId !== currentAthleteId()
        ? 'Waiting for the athlete who recorded it to sign in'
        : 'Waiting for you to sign in';
    default:
      if (!navigator.onLine) return 'Waiting for a connection';
      if (e.attempts === 0) return 'Waiting to upload';
      return `${e.error ?? 'Upload failed'} Trying again at ${new Date(e.nextAttemptAt).toLocaleTimeString()}.`;
  }
}

/** What is waiting to sync, with a way out for an upload the server refuses. */
export function OutboxList({ units }: { units: Units }) {
  const { outbox } = useDeviceStore();
  if (!outbox.length) return null;
  return (
    <section className="outbox" aria-labelledby="outbox-title" data-testid="outbox">
      <h2 id="outbox-title">{waitingText(outbox.length)}</h2>
      <ul>
        {outbox.map((e) => (
          <OutboxItem key={e.id} entry={e} units={units} />
        ))}
      </ul>
    </section>
  );
}

function OutboxItem({ entry: e, units }: { entry: OutboxRow; units: Units }) {
  const [busy, setBusy] = useState(false);
  return (
    <li className={`outbox-item outbox-${e.status}`} data-status={e.status}>
      <div className="outbox-what">
        <strong>{e.name ?? sportName(e.sport_type)}</strong>{' '}
        <span>
          {formatDistance(e.distance, units)} · {new Date(e.savedAt).toLocaleString()}
        </span>
      </div>
      <p className="outbox-status" role={e.status === 'failed' ? 'alert' : undefined}>
        {statusText(e)}
      </p>
      {e.status === 'signed-out' && <Link href="/login">Sign in</Link>}
      {e.status === 'failed' && (
        <div className="outbox-actions">
          <button type="button" disabled={busy} onClick={() => void sync.retry(e.id)}>
            Try again
          </button>
          <DiscardButton
            disabled={busy}
            onDiscard={() => {
              setBusy(true);
              void removeFromOutbox(e.id).finally(() => setBusy(false));
            }}
          >
            <p>It is not on the server: deleting it from this device loses it for good.</p>
          </DiscardButton>
        </div>
      )}
    </li>
  );
}
