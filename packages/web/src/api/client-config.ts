import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

/** What this deployment tells the app at start (GET /api/v1/client-config). */
export interface ClientConfig {
  /** MapLibre style URL; null draws maps on a plain background with no tiles. */
  map_style_url: string | null;
  max_upload_bytes: number;
}

/** Used when the server cannot be reached (offline start from the service worker's shell). */
export const OFFLINE_CLIENT_CONFIG: ClientConfig = {
  map_style_url: null,
  max_upload_bytes: 64 * 1024 * 1024,
};

export const clientConfigQuery = {
  queryKey: ['client-config'],
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<ClientConfig>('/client-config', signal),
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
} as const;

/** The deployment's settings; falls back to offline defaults when the server is unreachable. */
export function useClientConfig(): { config: ClientConfig; pending: boolean } {
  const q = useQuery(clientConfigQuery);
  return { config: q.data ?? OFFLINE_CLIENT_CONFIG, pending: q.isPending };
}
