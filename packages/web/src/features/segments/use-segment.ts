import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type {
  Page,
  Segment,
  SegmentEffort,
  SegmentLeaderboard,
  SegmentPeriod,
  Streams,
} from '../../api/types.js';

/** While a new segment's past activities are matched, its page asks again this often. */
const MATCHING_POLL_MS = 1500;

export const segmentKey = (id: string) => ['segment', id] as const;

/** One segment; polled while its backfill runs, so the page knows when the boards are full. */
export function useSegment(id: string) {
  return useQuery({
    queryKey: segmentKey(id),
    queryFn: ({ signal }) => api.get<Segment>(`/segments/${id}`, signal),
    refetchInterval: (q) => (q.state.data?.matching ? MATCHING_POLL_MS : false),
  });
}

/** The elevation profile (and positions): Strava's segment streams. */
export function useSegmentStreams(id: string) {
  return useQuery({
    queryKey: [...segmentKey(id), 'streams'],
    queryFn: ({ signal }) =>
      api.get<Streams>(`/segments/${id}/streams?keys=latlng,distance,altitude`, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export interface BoardFilter {
  period: SegmentPeriod;
  following: boolean;
  sex: '' | 'M' | 'F';
  ageGroup: string;
}

export function useLeaderboard(id: string, f: BoardFilter, polling: boolean) {
  return useQuery({
    queryKey: [...segmentKey(id), 'board', f],
    queryFn: ({ signal }) => {
      const q = new URLSearchParams({ period: f.period, limit: '20' });
      if (f.following) q.set('following', 'true');
      if (f.sex) q.set('sex', f.sex);
      if (f.ageGroup) q.set('age_group', f.ageGroup);
      return api.get<SegmentLeaderboard>(`/segments/${id}/leaderboard?${q}`, signal);
    },
    refetchInterval: polling ? MATCHING_POLL_MS : false,
    placeholderData: (previous) => previous,
  });
}

/** The signed-in athlete's own efforts on the segment, newest first. */
export function useMyEfforts(id: string, polling: boolean) {
  return useInfiniteQuery({
    queryKey: [...segmentKey(id), 'mine'],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<SegmentEffort>>(
        `/segments/${id}/efforts?athlete=me&limit=10${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    refetchInterval: polling ? MATCHING_POLL_MS : false,
  });
}

/** Star or unstar; the answer is the segment as it now is. */
export function useStar(s: Segment) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      s.starred
        ? api.delete<Segment>(`/segments/${s.id}/star`)
        : api.put<Segment>(`/segments/${s.id}/star`),
    onSuccess: (updated) => {
      client.setQueryData<Segment>(segmentKey(s.id), (old) => ({ ...old, ...updated }));
      void client.invalidateQueries({ queryKey: STARRED });
    },
  });
}

export const STARRED = ['segments', 'starred'] as const;

export function useStarred() {
  return useInfiniteQuery({
    queryKey: STARRED,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Segment>>(
        `/me/segments/starred?limit=30${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}
