import { getTokens } from '../api/client.js';

/**
 * The signed-in athlete's id, read from the access token's `sub` claim. Works offline (the
 * token is in local storage), which is when the recorder and the outbox need it: a recording
 * belongs to whoever started it, and only their session may upload it.
 */
export function currentAthleteId(): string | null {
  const token = getTokens()?.access_token;
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : null;
  } catch {
    return null;
  }
}
