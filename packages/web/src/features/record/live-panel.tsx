import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.js';
import { ensureServerActivity, type LiveShareStatus } from './live-share.js';

/** How long a new safety link works, as the athlete picks it (seconds). */
const EXPIRIES = [
  { label: '1 hour', s: 3600 },
  { label: '24 hours', s: 24 * 3600 },
  { label: '7 days', s: 7 * 24 * 3600 },
] as const;

/** How live sharing goes: sent, waiting for a connection, or what failed. */
export function LiveStatusLine({ live }: { live: LiveShareStatus | null }) {
  if (!live) return null;
  const waiting = live.pending > 0 ? ` · ${live.pending} to send` : '';
  return (
    <p className="rec-live-status" data-testid="live-status" data-pending={live.pending}>
      <span className="live-badge">LIVE</span>{' '}
      {live.error ?? (live.sentAt ? `Shared with followers${waiting}` : 'Starting to share…')}
    </p>
  );
}

/** The link a person without an account opens (the API gives its path on this site). */
export function absoluteLink(path: string): string {
  return new URL(path, window.location.origin).toString();
}

/** Copies `text`: the Clipboard API, or a hidden text field and the old copy command. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.append(field);
    field.select();
    const ok = document.execCommand('copy');
    field.remove();
    return ok;
  }
}

/**
 * Safety links of the live recording: a secret URL for someone without an account (shown once,
 * with Copy), and the open ones with Revoke.
 */
export function SafetyLinks({ activityId, sport }: { activityId: string; sport: string }) {
  const client = useQueryClient();
  const key = ['live-links', activityId];
  const links = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/activities/{id}/live/links', {
          params: { path: { id: activityId } },
          signal,
        }),
      ).then((r) => r.items),
    retry: false,
  });
  const [expiry, setExpiry] = useState<number>(24 * 3600);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      void client.invalidateQueries({ queryKey: key });
    }
  }

  const add = () =>
    act(async () => {
      await ensureServerActivity(activityId, sport);
      const link = await unwrap(
        api.POST('/api/v1/activities/{id}/live/links', {
          params: { path: { id: activityId } },
          body: { expires_in: expiry },
        }),
      );
      setCreated(absoluteLink(`/live/link/${link.token}`));
      setCopied(null);
    });

  const revoke = (linkId: string) =>
    act(async () => {
      await unwrap(
        api.DELETE('/api/v1/activities/{id}/live/links/{linkId}', {
          params: { path: { id: activityId, linkId } },
        }),
      );
    });

  const open = (links.data ?? []).filter((l) => l.active);
  return (
    <section className="rec-links" aria-label="Safety links">
      <h2>Safety links</h2>
      <p className="muted small">
        Anyone with a safety link can follow this activity live, without an account, until it
        expires or you revoke it.
      </p>
      <div className="row wrap">
        <label className="rec-links-expiry">
          <span>Link works for</span>
          <select value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
            {EXPIRIES.map((x) => (
              <option key={x.s} value={x.s}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button small" disabled={busy} onClick={() => void add()}>
          Add a safety link
        </button>
      </div>
      {created && (
        <div className="rec-link-new">
          <label>
            <span>New safety link (shown once)</span>
            <input type="text" readOnly value={created} onFocus={(e) => e.target.select()} />
          </label>
          <button
            type="button"
            className="button small ghost"
            onClick={() =>
              void copyText(created).then((ok) =>
                setCopied(ok ? 'Copied.' : 'Could not copy: select the link and copy it.'),
              )
            }
          >
            Copy
          </button>
          {copied && (
            <span role="status" className="small">
              {copied}
            </span>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {open.length > 0 && (
        <ul className="rec-link-list" aria-label="Open safety links">
          {open.map((l) => (
            <li key={l.id}>
              <span className="small">
                Works until{' '}
                {new Date(l.expires_at).toLocaleString(undefined, {
                  dateStyle: 'short',
                  timeStyle: 'short',
                })}
              </span>
              <button
                type="button"
                className="button small ghost"
                disabled={busy}
                onClick={() => void revoke(l.id)}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
