import type { Photo } from '@stride/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../api/client.js';
import { activityKey } from '../activity/use-activity.js';
import { ACTIVITY_LISTS } from '../feed/use-activity-list.js';

export const photosKey = (activityId: string) => ['photos', activityId] as const;

/** The activity's photos, in order. */
export function usePhotos(activityId: string) {
  return useQuery({
    queryKey: photosKey(activityId),
    queryFn: async ({ signal }): Promise<Photo[]> =>
      (
        await unwrap(
          api.GET('/api/v1/activities/{id}/photos', {
            params: { path: { id: activityId } },
            signal,
          }),
        )
      ).items,
  });
}

/**
 * Refreshes what shows an activity's photos after one is added or deleted: its gallery, and the
 * photo count and first photo of its detail and of every list. Resolves once the gallery is
 * read again.
 */
export function useRefreshPhotos(activityId: string): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(async () => {
    void client.invalidateQueries({ queryKey: activityKey(activityId) });
    void client.invalidateQueries({ queryKey: ACTIVITY_LISTS });
    await client.invalidateQueries({ queryKey: photosKey(activityId) });
  }, [client, activityId]);
}
