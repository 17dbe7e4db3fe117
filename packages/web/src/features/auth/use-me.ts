import type { Me } from '@stride/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { api, getTokens, onAuthChange, unwrap } from '../../api/client.js';

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
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me', { signal })),
    enabled: signedIn,
    staleTime: 60_000,
  });
}

/** The viewer's units (metric until their profile has loaded). */
export function useUnits(): Me['units'] {
  return useMe().data?.units ?? 'metric';
}
