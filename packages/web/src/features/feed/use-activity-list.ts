import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ActivitySummary, Page } from '../../api/types.js';

export type ListMode = 'USER' | 'FRIENDS';

const PAGE_SIZE = 20;

/** Key prefix of every activity list, to refresh them all after an upload, edit or delete. */
export const ACTIVITY_LISTS = ['activities'] as const;

/** GET /activities as an infinite list over its keyset cursor. */
export function useActivityList(mode: ListMode, athlete?: string) {
  return useInfiniteQuery({
    queryKey: [...ACTIVITY_LISTS, mode, athlete ?? null],
    queryFn: ({ pageParam, signal }) => {
      const q = new URLSearchParams({ mode, limit: String(PAGE_SIZE) });
      if (athlete) q.set('athlete', athlete);
      if (pageParam) q.set('cursor', pageParam);
      return api.get<Page<ActivitySummary>>(`/activities?${q}`, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}
