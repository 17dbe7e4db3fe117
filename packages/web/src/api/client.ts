/**
 * The API client: JSON over fetch, bearer tokens kept in localStorage, one transparent refresh
 * when the access token has expired (single-flight, so parallel requests share it), and the
 * server's `{ error: { code, message } }` turned into an ApiError.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

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

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for new tokens (single-flight); false when signed out. */
export async function refresh(): Promise<boolean> {
  const tokens = getTokens();
  if (!tokens) return false;
  refreshing ??= fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refresh_token: tokens.refresh_token }),
  })
    .then(async (res) => {
      if (res.ok) {
        setTokens(await res.json());
        return true;
      }
      if (res.status === 401) setTokens(null);
      return false;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** A body sent as is (FormData for uploads). */
  raw?: BodyInit;
  signal?: AbortSignal;
}

/**
 * fetch under /api/v1 with the bearer token; on a 401 with stored tokens, refreshes once and
 * retries. Callers read the body (JSON, or a blob for downloads).
 */
export async function authorizedFetch(
  path: string,
  init: RequestInit = {},
  retry = true,
): Promise<Response> {
  const tokens = getTokens();
  const headers = new Headers(init.headers);
  if (tokens) headers.set('authorization', `Bearer ${tokens.access_token}`);
  const res = await fetch(`/api/v1${path}`, { ...init, headers });
  if (res.status === 401 && retry && tokens && (await refresh()))
    return authorizedFetch(path, init, false);
  return res;
}

/** What to tell the athlete when a request failed: the server's message, or that it never got there. */
export function errorMessage(e: unknown): string {
  return e instanceof ApiError ? e.message : 'No connection: try again.';
}

/** The server's error body as an ApiError (any status that is not ok). */
export function toApiError(status: number, data: unknown): ApiError {
  const e = (data as { error?: { code?: string; message?: string; details?: unknown } })?.error;
  return new ApiError(
    status,
    e?.code ?? 'HTTP_ERROR',
    e?.message ?? `request failed (${status})`,
    e?.details,
  );
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const init: RequestInit = {
    method: options.method ?? (options.body !== undefined || options.raw ? 'POST' : 'GET'),
    headers,
  };
  if (options.raw !== undefined) init.body = options.raw;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  const res = await authorizedFetch(path, init);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) throw toApiError(res.status, data);
  return data as T;
}

/**
 * Saves a file the API serves behind the bearer token (a plain link cannot send it): fetched
 * as a blob, then handed to the browser as a download under the server's file name.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await authorizedFetch(path);
  if (!res.ok) {
    const data = await res.json().catch(() => undefined);
    throw toApiError(res.status, data);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>(path, signal ? { signal } : {}),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body?: unknown) =>
    request<T>(path, { method: 'PUT', ...(body !== undefined ? { body } : {}) }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};
