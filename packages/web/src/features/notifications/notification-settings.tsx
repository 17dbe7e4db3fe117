import type { NotificationSettings as Settings } from '@stride/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.js';
import { Section } from '../../components/section.js';
import type { NotificationKind } from './notification-text.js';
import { currentSubscription, disablePush, enablePush, pushPermission } from './push.js';

const LABELS: Record<NotificationKind, string> = {
  kudos: 'Kudos on my activities',
  comment: 'Comments on my activities',
  mention: 'Mentions in comments',
  follower: 'New followers',
  follow_request: 'Follow requests',
  follow_accepted: 'My follow requests accepted',
  segment_pr: 'My PRs on segments',
  kom_won: 'KOMs I take',
  kom_lost: 'KOMs I lose',
  live_started: 'Friends going live',
  best_effort_pr: 'My best-effort PRs',
  goal_reached: 'Goals I reach',
};
const KINDS = Object.keys(LABELS) as NotificationKind[];
const KEY = ['notification-settings'] as const;

/** Web Push on this browser: on, off, refused by the browser, or not possible here. */
function ThisDevice() {
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const permission = pushPermission();
  useEffect(() => {
    void currentSubscription().then(
      (s) => setOn(!!s),
      () => setOn(false),
    );
  }, []);
  if (permission === 'unsupported')
    return (
      <p className="muted">This browser cannot receive notifications when Stride is closed.</p>
    );
  if (permission === 'denied')
    return (
      <p className="muted">
        This browser blocks Stride’s notifications: allow them in its site settings to receive them
        when Stride is closed.
      </p>
    );
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      if (on) await disablePush();
      else if (!(await enablePush())) setError('The browser did not allow notifications.');
      setOn(!!(await currentSubscription()));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="row wrap">
      <span className="grow">
        {on
          ? 'This device receives notifications when Stride is closed.'
          : 'This device receives notifications only while Stride is open.'}
      </span>
      <button type="button" className="small" disabled={busy || on === null} onClick={toggle}>
        {on ? 'Turn off on this device' : 'Turn on for this device'}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Per kind: shown in the app (and kept in the list), and pushed to installed apps. */
export function NotificationSettings() {
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/notification-settings', { signal })),
  });
  const save = useMutation({
    mutationFn: (change: Partial<Settings>) =>
      unwrap(api.PATCH('/api/v1/me/notification-settings', { body: change })),
    onSuccess: (next) => client.setQueryData(KEY, next),
  });
  const s = settings.data as
    | Partial<Record<NotificationKind, Settings[keyof Settings]>>
    | undefined;
  // Only the kinds this server knows (one from before goals has no setting for them).
  const kinds = KINDS.filter((k) => s?.[k]);
  return (
    <Section id="notifications-title" title="Notifications" className="card section stack">
      <ThisDevice />
      {s ? (
        <table className="notification-settings">
          <thead>
            <tr>
              <th scope="col" className="setting-kind">
                Tell me of
              </th>
              <th scope="col" className="setting-cell">
                In the app
              </th>
              <th scope="col" className="setting-cell">
                Pushed
              </th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind}>
                <th scope="row" className="setting-kind">
                  {LABELS[kind]}
                </th>
                <td className="setting-cell">
                  <input
                    type="checkbox"
                    aria-label={`${LABELS[kind]} in the app`}
                    checked={s[kind]!.in_app}
                    disabled={save.isPending}
                    onChange={(e) => save.mutate({ [kind]: { in_app: e.currentTarget.checked } })}
                  />
                </td>
                <td className="setting-cell">
                  <input
                    type="checkbox"
                    aria-label={`${LABELS[kind]} pushed`}
                    checked={s[kind]!.push}
                    // Nothing is stored of a kind off in the app, so nothing could be pushed.
                    disabled={save.isPending || !s[kind]!.in_app}
                    onChange={(e) => save.mutate({ [kind]: { push: e.currentTarget.checked } })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{settings.isError ? errorMessage(settings.error) : 'Loading…'}</p>
      )}
      {save.isError && (
        <p role="alert" className="error">
          {errorMessage(save.error)}
        </p>
      )}
    </Section>
  );
}
