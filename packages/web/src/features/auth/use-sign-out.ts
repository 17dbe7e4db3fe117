import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, getTokens, setTokens } from '../../api/client.js';

/** Signs out here at once, and revokes the refresh token on the server when it can be reached. */
export function useSignOut(): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    const tokens = getTokens();
    if (tokens)
      void api
        .POST('/api/v1/auth/logout', { body: { refresh_token: tokens.refresh_token } })
        .catch(() => {});
    setTokens(null);
    client.clear();
  }, [client]);
}
