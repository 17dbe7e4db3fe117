import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { useSignedIn } from '../auth/use-me.js';
import { messageOf, useRefreshSocial } from './use-social.js';

interface KudosState {
  count: number;
  given: boolean;
}

const label = (n: number) => `${n} ${n === 1 ? 'kudo' : 'kudos'}`;

/**
 * Kudos on an activity: the count, and for others who are signed in a button that gives or
 * takes them back. The count and state change at once; when the server refuses, they go back
 * and the reason shows.
 */
export function KudosButton({
  activityId,
  count,
  given,
  own,
}: {
  activityId: string;
  count: number;
  given: boolean;
  own: boolean;
}) {
  const signedIn = useSignedIn();
  const refresh = useRefreshSocial(activityId);
  const [state, setState] = useState<KudosState>({ count, given });
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // A refetched summary is the truth once no request of ours is on its way.
  useEffect(() => {
    if (!sending) setState({ count, given });
  }, [count, given, sending]);

  if (own || !signedIn)
    return (
      <span className="kudos-count" data-testid="kudos-count">
        {label(state.count)}
      </span>
    );

  async function toggle() {
    const before = state;
    const giving = !before.given;
    setState({ count: Math.max(0, before.count + (giving ? 1 : -1)), given: giving });
    setError(null);
    setSending(true);
    try {
      const path = { params: { path: { id: activityId } } };
      const answer = await unwrap(
        giving
          ? api.PUT('/api/v1/activities/{id}/kudos', path)
          : api.DELETE('/api/v1/activities/{id}/kudos', path),
      );
      setState({ count: answer.kudos_count, given: answer.has_kudoed });
      void refresh();
    } catch (e) {
      setState(before);
      setError(`${giving ? 'Kudos not given' : 'Kudos not taken back'}: ${messageOf(e)}`);
    } finally {
      setSending(false);
    }
  }

  return (
    <span className="kudos">
      <button
        type="button"
        className={state.given ? 'kudos-button given' : 'kudos-button'}
        aria-pressed={state.given}
        aria-label={state.given ? 'Take back kudos' : 'Give kudos'}
        onClick={toggle}
        disabled={sending}
      >
        <span className="kudos-count" data-testid="kudos-count">
          {label(state.count)}
        </span>
      </button>
      {error && (
        <span role="alert" className="error small">
          {error}
        </span>
      )}
    </span>
  );
}
