import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../api/client.js';
import { activityKey } from '../activity/use-activity.js';
import { ACTIVITY_LISTS } from '../feed/use-activity-list.js';

const PAGE_SIZE = 30;

export const kudosKey = (activityId: string) => ['kudos', activityId] as const;
export const commentsKey = (activityId: string) => ['comments', activityId] as const;

/** A keyset-paginated list, a page at a time (`next_cursor` null on the last). */
function usePages<T extends { next_cursor: string | null }>(
  queryKey: readonly unknown[],
  page: (cursor: string | undefined, signal: AbortSignal) => Promise<T>,
) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => page(pageParam ?? undefined, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** Who gave kudos to the activity, newest first, a page at a time. */
export const useKudosGivers = (activityId: string) =>
  usePages(kudosKey(activityId), (cursor, signal) =>
    unwrap(
      api.GET('/api/v1/activities/{id}/kudos', {
        params: { path: { id: activityId }, query: { limit: PAGE_SIZE, cursor } },
        signal,
      }),
    ),
  );

/** The activity's comments, oldest first, a page at a time. */
export const useComments = (activityId: string) =>
  usePages(commentsKey(activityId), (cursor, signal) =>
    unwrap(
      api.GET('/api/v1/activities/{id}/comments', {
        params: { path: { id: activityId }, query: { limit: PAGE_SIZE, cursor } },
        signal,
      }),
    ),
  );

/**
 * Refreshes what shows an activity's kudos or comments once one changed: the lists of givers
 * and comments, and the counts on its detail and on every list.
 */
export function useRefreshSocial(activityId: string): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(async () => {
    void client.invalidateQueries({ queryKey: activityKey(activityId) });
    void client.invalidateQueries({ queryKey: ACTIVITY_LISTS });
    void client.invalidateQueries({ queryKey: kudosKey(activityId) });
    await client.invalidateQueries({ queryKey: commentsKey(activityId) });
  }, [client, activityId]);
}

/** What to tell the athlete of a failed request: the server's message, or that it failed. */
export const messageOf = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : 'the request failed';
