import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { useSignedIn } from '../auth/use-me.js';

const PAGE_SIZE = 30;

/** Query keys: the live stream sets the count and refreshes the list. */
export const UNREAD_KEY = ['notifications', 'unread'] as const;
export const LIST_KEY = ['notifications', 'list'] as const;

/** How many notifications are unread: read once, then kept current by the live stream. */
export function useUnreadCount(): number {
  const signedIn = useSignedIn();
  const query = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/notifications/unread-count', { signal }))).unread_count,
    enabled: signedIn,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return signedIn ? (query.data ?? 0) : 0;
}

/** The grouped notifications, newest first, a page at a time. */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: LIST_KEY,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/notifications', {
          params: { query: { limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** Marks some notifications read, or all of them; the badge follows the answer. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) =>
      unwrap(api.POST('/api/v1/notifications/read', { body: which })),
    onSuccess: ({ unread_count }) => {
      client.setQueryData(UNREAD_KEY, unread_count);
      void client.invalidateQueries({ queryKey: LIST_KEY });
    },
  });
}
