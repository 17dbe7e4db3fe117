import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { api, getTokens, onAuthChange } from '../../api/client.js';
import type { Me } from '../../api/types.js';

/** Whether tokens are stored (re-renders on sign in / out). */
export function useSignedIn(): boolean {
  return useSyncExternalStore(onAuthChange, () => getTokens() !== null);
}

/** The signed-in athlete, or null when signed out. */
export function useMe() {
  const signedIn = useSignedIn();
  const client = useQueryClient();
  useEffect(() => {
    if (!signedIn) client.removeQueries({ queryKey: ['me'] });
  }, [signedIn, client]);
  return useQuery({
    queryKey: ['me'],
    queryFn: ({ signal }) => api.get<Me>('/me', signal),
    enabled: signedIn,
    staleTime: 60_000,
  });
}

/** The viewer's units (metric until their profile has loaded). */
export function useUnits(): Me['units'] {
  return useMe().data?.units ?? 'metric';
}
