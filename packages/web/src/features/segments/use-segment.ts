import type { QueryParams, Segment, SegmentPeriod } from '@stride/client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { keyedStreams } from '../../lib/streams.js';

/** While a new segment's past activities are matched, its page asks again this often. */
const MATCHING_POLL_MS = 1500;

export const segmentKey = (id: string) => ['segment', id] as const;

/** One segment; polled while its backfill runs, so the page knows when the boards are full. */
export function useSegment(id: string) {
  return useQuery({
    queryKey: segmentKey(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/segments/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (q) => (q.state.data?.matching ? MATCHING_POLL_MS : false),
  });
}

/** The elevation profile (and positions): Strava's segment streams. */
export function useSegmentStreams(id: string) {
  return useQuery({
    queryKey: [...segmentKey(id), 'streams'],
    queryFn: async ({ signal }) =>
      keyedStreams(
        await unwrap(
          api.GET('/api/v1/segments/{id}/streams', {
            params: { path: { id }, query: { keys: 'latlng,distance,altitude' } },
            signal,
          }),
        ),
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

type BoardQuery = QueryParams<'/api/v1/segments/{id}/leaderboard', 'get'>;

export interface BoardFilter {
  period: SegmentPeriod;
  following: boolean;
  sex: '' | NonNullable<BoardQuery['sex']>;
  ageGroup: '' | NonNullable<BoardQuery['age_group']>;
}

export function useLeaderboard(id: string, f: BoardFilter, polling: boolean) {
  return useQuery({
    queryKey: [...segmentKey(id), 'board', f],
    queryFn: ({ signal }) => {
      const query: BoardQuery = {
        period: f.period,
        limit: 20,
      };
      if (f.following) query.following = true;
      if (f.sex) query.sex = f.sex;
      if (f.ageGroup) query.age_group = f.ageGroup;
      return unwrap(
        api.GET('/api/v1/segments/{id}/leaderboard', { params: { path: { id }, query }, signal }),
      );
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
      unwrap(
        api.GET('/api/v1/segments/{id}/efforts', {
          params: {
            path: { id },
            query: { athlete: 'me', limit: 10, cursor: pageParam ?? undefined },
          },
          signal,
        }),
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
    mutationFn: () => {
      const init = { params: { path: { id: s.id } } };
      return unwrap(
        s.starred
          ? api.DELETE('/api/v1/segments/{id}/star', init)
          : api.PUT('/api/v1/segments/{id}/star', init),
      );
    },
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
      unwrap(
        api.GET('/api/v1/me/segments/starred', {
          params: { query: { limit: 30, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}
