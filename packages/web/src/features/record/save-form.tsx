import { type FormEvent, useEffect, useRef, useState } from 'react';
import { sportName } from '../../lib/format.js';
import type { Visibility } from '../../offline/db.js';
import { useMe } from '../auth/use-me.js';
import { DiscardButton } from './discard-button.js';

const VISIBILITY: Record<Visibility, string> = {
  everyone: 'Everyone',
  followers: 'Followers',
  only_me: 'Only me',
};

/**
 * After Finish: name and visibility, then Save (queued on the device, uploaded when possible)
 * or Discard, which asks first — it deletes the recording from the device for good.
 */
export function SaveForm({
  sport,
  points,
  onSave,
  onDiscard,
}: {
  sport: string;
  points: number;
  onSave(details: { name?: string; visibility?: Visibility }): Promise<void>;
  onDiscard(): Promise<void>;
}) {
  const me = useMe().data;
  const heading = useRef<HTMLHeadingElement>(null);
  // Finish replaced the button under the athlete's finger: tell keyboards and readers where to go.
  useEffect(() => heading.current?.focus(), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function act(fn: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not do that on this device.');
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const name = String(f.get('name') ?? '').trim();
    const visibility = String(f.get('visibility') ?? '') as Visibility | '';
    void act(() => onSave({ ...(name ? { name } : {}), ...(visibility ? { visibility } : {}) }));
  }

  return (
    <form className="rec-save stack" onSubmit={submit} aria-label="Save activity">
      <h2 ref={heading} tabIndex={-1}>
        Save your {sportName(sport).toLowerCase()}
      </h2>
      <label>
        Name
        <input
          name="name"
          maxLength={200}
          placeholder={`e.g. Morning ${sportName(sport).toLowerCase()}`}
        />
      </label>
      <label>
        Who can see it
        <select name="visibility" defaultValue="">
          <option value="">
            Your default{me ? ` (${VISIBILITY[me.default_visibility]})` : ''}
          </option>
          {Object.entries(VISIBILITY).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="rec-big" disabled={busy}>
        Save
      </button>
      <DiscardButton disabled={busy} onDiscard={() => void act(onDiscard)}>
        <p>
          The {points} point{points === 1 ? '' : 's'} recorded will be deleted from this device.
          This cannot be undone.
        </p>
      </DiscardButton>
    </form>
  );
}
