import type { ClientConfig } from '@stride/client';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client.js';

/** Used when the server cannot be reached (offline start from the service worker's shell). */
export const OFFLINE_CLIENT_CONFIG: ClientConfig = {
  map_style_url: null,
  max_upload_bytes: 64 * 1024 * 1024,
};

export const clientConfigQuery = {
  queryKey: ['client-config'],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    unwrap(api.GET('/api/v1/client-config', { signal })),
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
} as const;

/** The deployment's settings; falls back to offline defaults when the server is unreachable. */
export function useClientConfig(): { config: ClientConfig; pending: boolean } {
  const q = useQuery(clientConfigQuery);
  return { config: q.data ?? OFFLINE_CLIENT_CONFIG, pending: q.isPending };
}
