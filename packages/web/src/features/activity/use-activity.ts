import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { ActivityDetail, Streams } from '../../api/types.js';

/** The streams the page draws: the route and the charts. */
const STREAM_KEYS = 'latlng,distance,altitude,velocity_smooth,heartrate,watts';

export const activityKey = (id: string) => ['activity', id] as const;

export function useActivity(id: string) {
  return useQuery({
    queryKey: activityKey(id),
    queryFn: ({ signal }) => api.get<ActivityDetail>(`/activities/${id}`, signal),
  });
}

/** Streams, once the activity is known to exist (a 404 means none were recorded). */
export function useStreams(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['streams', id],
    queryFn: ({ signal }) =>
      api.get<Streams>(`/activities/${id}/streams?keys=${STREAM_KEYS}`, signal),
    enabled,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
