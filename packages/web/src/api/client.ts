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

async function refresh(): Promise<boolean> {
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

export async function request<T>(
  path: string,
  options: RequestOptions = {},
  retry = true,
): Promise<T> {
  const headers: Record<string, string> = {};
  const tokens = getTokens();
  if (tokens) headers.authorization = `Bearer ${tokens.access_token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const init: RequestInit = {
    method: options.method ?? (options.body !== undefined || options.raw ? 'POST' : 'GET'),
    headers,
  };
  if (options.raw !== undefined) init.body = options.raw;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  const res = await fetch(`/api/v1${path}`, init);
  if (res.status === 401 && retry && tokens && (await refresh()))
    return request<T>(path, options, false);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = data?.error ?? {};
    throw new ApiError(
      res.status,
      e.code ?? 'HTTP_ERROR',
      e.message ?? `request failed (${res.status})`,
      e.details,
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>(path, signal ? { signal } : {}),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body?: unknown) =>
    request<T>(path, { method: 'PUT', ...(body !== undefined ? { body } : {}) }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};
