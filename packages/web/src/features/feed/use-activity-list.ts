import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';

export type ListMode = 'USER' | 'FRIENDS';

const PAGE_SIZE = 20;

/** Key prefix of every activity list, to refresh them all after an upload, edit or delete. */
export const ACTIVITY_LISTS = ['activities'] as const;

/** GET /activities as an infinite list over its keyset cursor. */
export function useActivityList(mode: ListMode, athlete?: string) {
  return useInfiniteQuery({
    queryKey: [...ACTIVITY_LISTS, mode, athlete ?? null],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/activities', {
          params: { query: { mode, limit: PAGE_SIZE, athlete, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}
