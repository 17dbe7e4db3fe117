import {
  describeSegment,
  encodePolyline,
  type SegmentProfile,
  StrideCoreError,
  simplifyIndices,
  type Track,
} from '@stride/core';
import type { ActivityService } from '../activities/activity.service.js';
import type { ActivityRow, SegmentRow, SegmentSport } from '../platform/db/schema.js';
import { Errors, invalidField } from '../platform/errors.js';
import type { JobQueue } from '../platform/jobs/index.js';
import type { BBox, SegmentRepository } from './segment.repository.js';
import type { SegmentEffortRepository } from './segment-effort.repository.js';
import { segmentSportOf } from './segment-sport.js';
import { lineStreams, profileStreams, type SegmentStreams } from './segment-streams.js';

export type { BBox } from './segment.repository.js';

/**
 * Stored lines keep every vertex that moves the line by more than this: well below GPS error
 * and the match corridor, so matching is unchanged, while a 1 Hz track's straight stretches
 * stop costing memory in every process's index.
 */
const LINE_TOLERANCE_M = 1;

export interface SegmentDetail {
  segment: SegmentRow;
  starred: boolean;
  /** The viewer's own record on it (null when signed out). */
  stats: { effortCount: number; prElapsedS: number | null; prDate: Date | null } | null;
  /** Past activities are still being matched against it (its backfill has not finished). */
  matching: boolean;
}

/** Creating, reading, exploring, starring and deleting segments. */
export class SegmentService {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly efforts: SegmentEffortRepository,
    private readonly lifecycle: ActivityService,
    private readonly jobs: JobQueue,
    private readonly loadTrack: (row: ActivityRow) => Promise<Track | null>,
    private readonly wakeWorker: () => void,
  ) {}

  /**
   * A segment cut from samples start_index…end_index (inclusive) of one of the creator's own
   * activities, from the full-resolution track. Others' activities are refused: their tracks
   * are privacy-filtered for the creator, and a public line inside someone's hidden zone would
   * give it away.
   */
  async createFromActivity(
    athleteId: string,
    input: { activityId: string; startIndex: number; endIndex: number; name: string },
  ): Promise<SegmentRow> {
    const row = await this.lifecycle.viewable(athleteId, input.activityId);
    if (row.athlete_id !== athleteId)
      throw Errors.forbidden('segments can be made only from your own activities (or drawn)');
    const sport = segmentSportOf(row.sport_type);
    if (!sport)
      throw Errors.unprocessable(
        `a ${row.sport_type} has no segments: segments are made from runs and rides`,
      );
    const track = row.state === 'complete' ? await this.loadTrack(row) : null;
    if (!track?.length)
      throw Errors.unprocessable('this activity has no track to cut a segment from');
    if (input.endIndex <= input.startIndex)
      throw invalidField('body.end_index', 'must be greater than body.start_index');
    if (input.endIndex >= track.length)
      throw invalidField(
        'body.end_index',
        `must be less than ${track.length}, the activity's sample count`,
      );
    const lat: number[] = [];
    const lon: number[] = [];
    const ele: number[] = [];
    for (let i = input.startIndex; i <= input.endIndex; i++) {
      if (Number.isNaN(track.lat[i]!) || Number.isNaN(track.lon[i]!)) continue;
      lat.push(track.lat[i]!);
      lon.push(track.lon[i]!);
      ele.push(track.elevation ? track.elevation[i]! : Number.NaN);
    }
    const hasElevation = ele.some(Number.isFinite);
    return this.create(athleteId, {
      name: input.name,
      sport,
      lat,
      lon,
      elevation: hasElevation ? ele : undefined,
      sourceActivityId: row.id,
    });
  }

  /** A segment from a drawn line; its elevation is unknown (null grades and elevations). */
  async createFromLine(
    athleteId: string,
    input: { points: ReadonlyArray<readonly [number, number]>; name: string; sport: SegmentSport },
  ): Promise<SegmentRow> {
    return this.create(athleteId, {
      name: input.name,
      sport: input.sport,
      lat: input.points.map((p) => p[0]),
      lon: input.points.map((p) => p[1]),
      elevation: undefined,
      sourceActivityId: null,
    });
  }

  private async create(
    athleteId: string,
    line: {
      name: string;
      sport: SegmentSport;
      lat: number[];
      lon: number[];
      elevation: number[] | undefined;
      sourceActivityId: string | null;
    },
  ): Promise<SegmentRow> {
    let profile: SegmentProfile;
    try {
      profile = describeSegment(line.lat, line.lon, line.elevation);
    } catch (error) {
      if (error instanceof StrideCoreError)
        throw Errors.unprocessable(error.message, { reason: error.code });
      throw error;
    }
    const keep = simplifyIndices(line.lat, line.lon, { toleranceM: LINE_TOLERANCE_M });
    const lat = Array.from(keep, (i) => line.lat[i]!);
    const lon = Array.from(keep, (i) => line.lon[i]!);
    const num = (v: number | null | undefined) =>
      line.elevation && v !== null && v !== undefined && Number.isFinite(v) ? v : null;
    const streams = line.elevation ? profileStreams(line.lat, line.lon, profile.along) : null;
    const row = await this.segments.transaction(async (tx) => {
      const created = await this.segments.create(tx, {
        name: line.name.trim(),
        sport_type: line.sport,
        polyline: encodePolyline(lat, lon),
        point_count: lat.length,
        distance_m: profile.distanceM,
        average_grade: num(profile.avgGradePct),
        maximum_grade: num(profile.maxGradePct),
        elevation_high: num(profile.elevHighM),
        elevation_low: num(profile.elevLowM),
        total_elevation_gain: num(profile.elevGainM),
        start_lat: profile.start[0],
        start_lng: profile.start[1],
        end_lat: profile.end[0],
        end_lng: profile.end[1],
        ...bounds(lat, lon),
        creator_id: athleteId,
        source_activity_id: line.sourceActivityId,
      });
      if (streams) await this.segments.saveStreams(tx, created.id, streams);
      await this.jobs.enqueue('segments.backfill', { segmentId: created.id }, tx);
      return created;
    });
    this.wakeWorker();
    return row;
  }

  async get(viewerId: string | undefined, id: string): Promise<SegmentDetail> {
    const segment = await this.found(id);
    const backfill = await this.jobs.find('segments.backfill', { segmentId: id });
    const matching = !!backfill && ['created', 'retry', 'active'].includes(backfill.state);
    if (!viewerId) return { segment, starred: false, stats: null, matching };
    const [starred, stats] = await Promise.all([
      this.segments.starredAmong(viewerId, [id]),
      this.efforts.athleteStats(id, viewerId),
    ]);
    return { segment, starred: starred.has(id), stats, matching };
  }

  /**
   * The segment's streams: the stored profile of a line cut from an activity, or the vertices
   * of a drawn line (no altitude). Public, as the segment is.
   */
  async streams(id: string): Promise<SegmentStreams> {
    const segment = await this.found(id);
    return (await this.segments.findStreams(id)) ?? lineStreams(segment.polyline);
  }

  async explore(
    viewerId: string | undefined,
    bbox: BBox,
    sport: SegmentSport | undefined,
    limit: number,
  ): Promise<Array<{ segment: SegmentRow; starred: boolean }>> {
    const rows = await this.segments.explore(bbox, sport, limit);
    const starred = viewerId
      ? await this.segments.starredAmong(
          viewerId,
          rows.map((r) => r.id),
        )
      : new Set<string>();
    return rows.map((segment) => ({ segment, starred: starred.has(segment.id) }));
  }

  async star(athleteId: string, id: string, on: boolean): Promise<SegmentDetail> {
    await this.found(id);
    if (on) await this.segments.star(athleteId, id);
    else await this.segments.unstar(athleteId, id);
    return this.get(athleteId, id);
  }

  async starred(athleteId: string, limit: number, after?: { starredAt: Date; id: string }) {
    return this.segments.starred(athleteId, limit, after);
  }

  /** Deletes a segment its creator made; its efforts go with it and its boards in a job. */
  async delete(athleteId: string, id: string): Promise<void> {
    const segment = await this.found(id);
    if (segment.creator_id !== athleteId)
      throw Errors.forbidden('only the athlete who created a segment can delete it');
    await this.segments.transaction(async (tx) => {
      if (!(await this.segments.delete(tx, id))) return;
      await this.jobs.enqueue('segments.drop-boards', { segmentId: id }, tx);
    });
    this.wakeWorker();
  }

  /** Names of these segments (those that still exist), by id. Segments are public. */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    return new Map((await this.segments.findByIds(ids)).map((s) => [s.id, s.name]));
  }

  async found(id: string): Promise<SegmentRow> {
    const segment = await this.segments.findById(id);
    if (!segment) throw Errors.notFound('no such segment');
    return segment;
  }
}

function bounds(lat: readonly number[], lon: readonly number[]) {
  let min_lat = 90;
  let max_lat = -90;
  let min_lng = 180;
  let max_lng = -180;
  for (let i = 0; i < lat.length; i++) {
    min_lat = Math.min(min_lat, lat[i]!);
    max_lat = Math.max(max_lat, lat[i]!);
    min_lng = Math.min(min_lng, lon[i]!);
    max_lng = Math.max(max_lng, lon[i]!);
  }
  return { min_lat, min_lng, max_lat, max_lng };
}
