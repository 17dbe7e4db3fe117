import { useEffect, useState } from 'react';
import { onNotification } from './live-notifications.js';
import { enablePush, pushPermission } from './push.js';

const DISMISSED = 'stride.push-prompt';
/** The moments worth asking at: someone noticed the athlete, so notifications mean something. */
const WORTH_ASKING = new Set(['kudos', 'follower']);

/**
 * Offers notifications on this device when the app is closed — never on first load: only once
 * a first kudos or follower arrives while the app is open, when the browser has not been asked
 * yet and the athlete did not say "not now" before. The browser's own question follows a click
 * on "Turn on", as browsers require.
 */
export function PushPrompt() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(
    () =>
      onNotification((item) => {
        if (!WORTH_ASKING.has(item.kind) || pushPermission() !== 'default') return;
        if (localStorage.getItem(DISMISSED)) return;
        setOpen(true);
      }),
    [],
  );
  if (!open) return null;
  const close = () => {
    localStorage.setItem(DISMISSED, String(Date.now()));
    setOpen(false);
  };
  return (
    <aside className="push-prompt card" aria-label="Notifications on this device">
      <p>
        <strong>Someone noticed you.</strong> Get kudos, comments and followers on this device when
        Stride is closed?
      </p>
      <div className="row">
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await enablePush().catch(() => false);
            close();
          }}
        >
          Turn on
        </button>
        <button type="button" className="ghost" onClick={close}>
          Not now
        </button>
      </div>
    </aside>
  );
}
