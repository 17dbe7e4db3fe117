import type { Static } from 'typebox';
import type { SegmentEffortRow, SegmentRow } from '../platform/db/schema.js';
import { localIso } from '../platform/timezone.js';
import type { Leaderboard, Segment, SegmentEffort } from './segment.schemas.js';
import type { SegmentDetail } from './segment.service.js';
import type { EffortWithSegment } from './segment-effort.repository.js';
import type { Leaderboard as Board, LeaderboardEntry } from './segment-read.service.js';

export function presentSegment(
  d: Pick<SegmentDetail, 'segment' | 'starred'> &
    Partial<Pick<SegmentDetail, 'stats' | 'matching'>>,
  viewerId: string | undefined,
): Static<typeof Segment> {
  const s = d.segment;
  return {
    ...(d.matching !== undefined ? { matching: d.matching } : {}),
    id: s.id,
    name: s.name,
    activity_type: s.sport_type,
    sport_type: s.sport_type,
    distance: s.distance_m,
    average_grade: s.average_grade,
    maximum_grade: s.maximum_grade,
    elevation_high: s.elevation_high,
    elevation_low: s.elevation_low,
    total_elevation_gain: s.total_elevation_gain,
    start_latlng: [s.start_lat, s.start_lng],
    end_latlng: [s.end_lat, s.end_lng],
    map: { polyline: s.polyline },
    effort_count: s.effort_count,
    athlete_count: s.athlete_count,
    star_count: s.star_count,
    starred: d.starred,
    created_by_viewer: !!viewerId && s.creator_id === viewerId,
    athlete_segment_stats: d.stats
      ? {
          pr_elapsed_time: d.stats.prElapsedS,
          pr_date: d.stats.prDate?.toISOString() ?? null,
          effort_count: d.stats.effortCount,
        }
      : null,
    created_at: s.created_at.toISOString(),
  };
}

type SegmentRef = Pick<SegmentRow, 'id' | 'name' | 'distance_m' | 'average_grade'>;

export function presentEffort(
  e: SegmentEffortRow,
  segment: SegmentRef,
): Static<typeof SegmentEffort> {
  return {
    id: e.id,
    segment: {
      id: segment.id,
      name: segment.name,
      distance: segment.distance_m,
      average_grade: segment.average_grade,
    },
    activity_id: e.activity_id,
    elapsed_time: e.elapsed_time,
    moving_time: e.moving_time,
    distance: e.distance,
    start_index: e.start_index,
    end_index: e.end_index,
    start_date: e.start_date.toISOString(),
    start_date_local: localIso(e.start_date_local, 0),
    pr_rank: e.pr_rank,
    kom_rank: e.kom_rank,
  };
}

/** An effort on an activity page, with the segment it was made on. */
export function presentActivityEffort(e: EffortWithSegment): Static<typeof SegmentEffort> {
  return presentEffort(e, {
    id: e.segment_id,
    name: e.segment_name,
    distance_m: e.segment_distance,
    average_grade: e.segment_average_grade,
  });
}

function entry(e: LeaderboardEntry) {
  return {
    rank: e.rank,
    athlete: { id: e.athlete.id, handle: e.athlete.handle, display_name: e.athlete.display_name },
    elapsed_time: e.effort.elapsed_time,
    moving_time: e.effort.moving_time,
    start_date: e.effort.start_date.toISOString(),
    start_date_local: localIso(e.effort.start_date_local, 0),
    activity_id: e.effort.activity_id,
    effort_id: e.effort.id,
  };
}

export function presentLeaderboard(
  segmentId: string,
  period: string,
  board: Board,
): Static<typeof Leaderboard> {
  return {
    segment_id: segmentId,
    period,
    entry_count: board.total,
    entries: board.entries.map(entry),
    viewer: board.viewer
      ? { best: entry(board.viewer.best), neighbours: board.viewer.neighbours.map(entry) }
      : null,
  };
}
