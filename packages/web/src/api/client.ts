/**
 * The app's API client: the typed client from @stride/client, with bearer tokens kept in
 * localStorage and one transparent refresh when the access token has expired (single-flight,
 * so parallel requests share it). `unwrap()` turns the server's `{ error: { code, message } }`
 * into an ApiError.
 */
import { ApiError, createStrideClient, toApiError, unwrap } from '@stride/client';

export { ApiError, toApiError, unwrap };

interface Tokens {
  access_token: string;
  refresh_token: string;
}

const STORAGE_KEY = 'stride.tokens';
const listeners = new Set<() => void>();

export function getTokens(): Tokens | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

export function setTokens(tokens: Tokens | null): void {
  if (tokens)
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ access_token: tokens.access_token, refresh_token: tokens.refresh_token }),
    );
  else localStorage.removeItem(STORAGE_KEY);
  for (const l of listeners) l();
}

/** Called whenever the signed-in state changes (sign in, sign out, refresh failure). */
export function onAuthChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Requests sent without a token: the refresh itself. */
const anonymous = createStrideClient();

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for new tokens (single-flight); false when signed out. */
export async function refresh(): Promise<boolean> {
  const tokens = getTokens();
  if (!tokens) return false;
  refreshing ??= anonymous
    .POST('/api/v1/auth/refresh', { body: { refresh_token: tokens.refresh_token } })
    .then(({ data, response }) => {
      if (data) {
        setTokens(data);
        return true;
      }
      if (response.status === 401) setTokens(null);
      return false;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/**
 * The API with the signed-in athlete's token; a 401 to a request that carried one refreshes
 * the tokens once and sends it again. Wrap calls in `unwrap()` for their data or an ApiError.
 */
export const api = createStrideClient({
  auth: { accessToken: () => getTokens()?.access_token, refresh },
});

/** What to tell the athlete when a request failed: the server's message, or that it never got there. */
export function errorMessage(e: unknown): string {
  return e instanceof ApiError ? e.message : 'No connection: try again.';
}

/**
 * Saves a file the API serves behind the bearer token (a plain link cannot send it): asked for
 * as a blob (`parseAs: 'blob'`), then handed to the browser as a download under the server's
 * file name.
 */
export async function saveDownload(
  pending: Promise<{ data?: Blob; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<void> {
  const { data, error, response } = await pending;
  if (!response.ok || !data) throw toApiError(response.status, error);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
