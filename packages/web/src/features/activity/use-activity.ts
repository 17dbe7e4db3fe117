import type { ActivityDetail as ApiActivityDetail } from '@stride/client';
import type { BestEffort, Lap, Split, WindowBest, ZoneTime } from '@stride/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { keyedStreams } from '../../lib/streams.js';
import type { ActivityTrainingFields } from '../training/types.js';

/** The part of the analysis the activity page shows (the rest is for tools and exports). */
export interface ActivityAnalysis {
  best_power?: WindowBest[];
  best_speed?: WindowBest[];
  hr_zones?: ZoneTime[] | null;
  /** A run's flat-equivalent distance, m (Minetti's cost of grade): its grade-adjusted pace. */
  grade_adjusted_distance?: number | null;
  /** What was repaired when the file was read: sent to the owner only. */
  warnings?: string[];
}

/** A best effort, with its place among the athlete's own when the server ranks it (1–3). */
export type RankedBestEffort = BestEffort & { pr_rank?: number | null };

/**
 * An activity as its page reads it. The API documents splits, laps, best efforts and the
 * analysis as plain JSON objects (they are stored as computed, under the activity's
 * algorithm_version); they have the shapes of @stride/core's statistics, which computed them.
 * Relative effort, training load and achievements come from the training API on (optional).
 */
export type ActivityDetail = Omit<
  ApiActivityDetail,
  'splits_metric' | 'splits_standard' | 'laps' | 'best_efforts' | 'analysis'
> &
  ActivityTrainingFields & {
    splits_metric: Split[];
    splits_standard: Split[];
    laps: Lap[];
    best_efforts: RankedBestEffort[];
    analysis: ActivityAnalysis;
  };

/** The API's activity, read with core's statistics shapes (see ActivityDetail). */
export const activityDetail = (a: ApiActivityDetail): ActivityDetail =>
  a as unknown as ActivityDetail;

/** The streams the page draws: the route and the charts (along time when there is no distance). */
const STREAM_KEYS = 'latlng,distance,time,altitude,velocity_smooth,heartrate,watts';

export const activityKey = (id: string) => ['activity', id] as const;
export const streamsKey = (id: string) => ['streams', id] as const;
export const legsKey = (id: string) => ['activity', id, 'legs'] as const;

export function useActivity(id: string) {
  return useQuery({
    queryKey: activityKey(id),
    queryFn: async ({ signal }) =>
      activityDetail(
        await unwrap(api.GET('/api/v1/activities/{id}', { params: { path: { id } }, signal })),
      ),
  });
}

/** Streams, once the activity is known to exist (a 404 means none were recorded). */
export function useStreams(id: string, enabled: boolean) {
  return useQuery({
    queryKey: streamsKey(id),
    queryFn: async ({ signal }) =>
      keyedStreams(
        await unwrap(
          api.GET('/api/v1/activities/{id}/streams', {
            params: { path: { id }, query: { keys: STREAM_KEYS } },
            signal,
          }),
        ),
      ),
    enabled,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The legs of the multisport file this activity is a leg of that the viewer may see, in order. */
export function useLegs(id: string, enabled: boolean) {
  return useQuery({
    queryKey: legsKey(id),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/activities/{id}/legs', { params: { path: { id } }, signal })))
        .items,
    enabled,
  });
}
