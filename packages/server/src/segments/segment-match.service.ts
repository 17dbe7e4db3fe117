import {
  type MatchOptions,
  matchSegment,
  type SegmentMatch,
  scaleAt,
  type Track,
} from '@stride/core';
import type { ActivityService } from '../activities/activity.service.js';
import { derivedStreams } from '../activities/activity-compute.js';
import type { ActivityRow, NewSegmentEffort, SegmentRow } from '../platform/db/schema.js';
import { uuidFromName } from '../platform/ids.js';
import type { PrivacyService } from '../privacy/privacy.service.js';
import type { SegmentRepository } from './segment.repository.js';
import { prepareStored, type SegmentCatalog } from './segment-catalog.js';
import type { SegmentEffortRepository } from './segment-effort.repository.js';
import type { SegmentRankingService } from './segment-ranking.service.js';
import { activitySportsOf, segmentSportOf } from './segment-sport.js';

/**
 * How far outside a segment's bounds a matching track may stay and still cover it: more than
 * core's corridor and gate tolerances, so the backfill's SQL filter never drops a true match.
 */
export const BACKFILL_MARGIN_M = 100;
const BACKFILL_PAGE = 200;
/**
 * PRs and KOMs are announced for activities that started within this many days: an archive of
 * old activities imported at once would otherwise announce every record it ever held.
 */
export const ANNOUNCE_WITHIN_DAYS = 30;

/**
 * Match options that time efforts with the activity's own moving and distance streams, so an
 * effort's moving time and distance agree with the activity's. Core computes them only once a
 * segment matched (most activities match none), within the one pass that finds the efforts.
 */
function measured(track: Track, row: Pick<ActivityRow, 'sport_type' | 'source'>): MatchOptions {
  return {
    sport: row.sport_type,
    streams: () => {
      const { moving, distance } = derivedStreams(track, row);
      return { moving, distance };
    },
  };
}

/** An effort row from core's match, timed at the interpolated gate crossings. */
export function effortRow(
  activity: Pick<ActivityRow, 'id' | 'athlete_id' | 'utc_offset_s'>,
  m: SegmentMatch,
  hidden: Uint8Array | null,
): NewSegmentEffort {
  const startMs = m.startTime * 1000;
  let touchesHidden = false;
  if (hidden) {
    for (let i = m.startIndex; i <= m.endIndex && !touchesHidden; i++) touchesHidden = !!hidden[i];
  }
  return {
    id: uuidFromName(`effort:${activity.id}:${m.segmentId}:${m.startIndex}`),
    segment_id: m.segmentId,
    activity_id: activity.id,
    athlete_id: activity.athlete_id,
    start_index: m.startIndex,
    end_index: m.endIndex,
    elapsed_time: m.elapsedS,
    moving_time: m.movingS,
    distance: m.distanceM,
    start_date: new Date(startMs),
    start_date_local: new Date(startMs + (activity.utc_offset_s ?? 0) * 1000),
    hidden: touchesHidden,
  };
}

/**
 * Matching in the background: every computed activity against every segment of its sport
 * (`segments.match-activity`), and every new segment against the existing activities that
 * could cover it (`segments.backfill`). Both replace the efforts they own in one transaction
 * (safe to run twice), then refresh ranks, counters and boards for each segment touched.
 */
export class SegmentMatchService {
  constructor(
    private readonly activities: ActivityService,
    private readonly efforts: SegmentEffortRepository,
    private readonly segments: SegmentRepository,
    private readonly catalog: SegmentCatalog,
    private readonly ranking: SegmentRankingService,
    private readonly privacy: PrivacyService,
    private readonly loadTrack: (row: ActivityRow) => Promise<Track | null>,
  ) {}

  async matchActivity(activityId: string): Promise<'success' | 'skipped'> {
    const row = await this.activities.findById(activityId);
    if (!row) return 'skipped'; // deleted: its deletion took it off the boards
    const sport = segmentSportOf(row.sport_type);
    const track = row.state === 'complete' && sport ? await this.loadTrack(row) : null;
    await this.catalog.sync();
    let version = this.catalog.version;
    let matches: SegmentMatch[] = [];
    if (track && sport)
      ({ version, matches } = this.catalog.match(track, sport, measured(track, row)));
    const hidden = track && matches.length ? await this.privacy.hiddenFromOthers(row, track) : null;
    const rows = matches.map((m) => effortRow(row, m, hidden));
    const removed = await this.efforts.transaction(async (tx) => {
      await this.efforts.lockActivity(tx, row.id);
      // Locked in the order deletion and edits use (advisory, then row): they wait for this.
      if (!(await this.activities.lockForUpdate(tx, row.id))) return null;
      return this.efforts.replaceForActivity(tx, row.id, version, rows);
    });
    if (removed === null) return 'skipped';
    const assess = new Set(rows.map((r) => r.id));
    const touched = new Set([...removed, ...rows.map((r) => r.segment_id)]);
    // A new segment's backfill and visibility changes rank past efforts: only matching a
    // recent activity is news.
    const announce =
      !!row.started_at && Date.now() - row.started_at.getTime() < ANNOUNCE_WITHIN_DAYS * 86_400_000;
    for (const segmentId of touched)
      await this.ranking.refresh(segmentId, row.athlete_id, assess, { announce });
    return 'success';
  }

  /**
   * Matches one new segment over existing activities. KOM ranks are given once every past
   * effort is on the board, so the crown goes to the fastest athlete, not to whoever happened
   * to be matched first (a rank kept "from the time of upload" means nothing for efforts
   * uploaded before the segment existed).
   */
  async backfill(segmentId: string, signal?: AbortSignal): Promise<'success' | 'skipped'> {
    const segment = await this.segments.findById(segmentId);
    if (!segment) return 'skipped';
    const prepared = prepareStored(segment);
    const sports = activitySportsOf(segment.sport_type);
    let after: { startedAt: Date; id: string } | undefined;
    const matched = new Map<string, Set<string>>();
    for (;;) {
      const page = await this.efforts.activitiesCovering(
        [segment.min_lat, segment.min_lng, segment.max_lat, segment.max_lng],
        marginDegrees(segment),
        sports,
        BACKFILL_PAGE,
        after,
      );
      for (const row of page) {
        if (signal?.aborted) throw new Error('stopped before the backfill finished; it resumes');
        const track = await this.loadTrack(row);
        const matches = track ? matchSegment(track, prepared, measured(track, row)) : [];
        const hidden =
          track && matches.length ? await this.privacy.hiddenFromOthers(row, track) : null;
        const rows = matches.map((m) => effortRow(row, m, hidden));
        const removed = await this.efforts.transaction(async (tx) => {
          await this.efforts.lockActivity(tx, row.id);
          if (!(await this.activities.lockForUpdate(tx, row.id))) return 0;
          return this.efforts.replaceForActivitySegment(tx, row.id, segmentId, rows);
        });
        if (rows.length || removed) await this.ranking.refresh(segmentId, row.athlete_id);
        if (rows.length) {
          const ids = matched.get(row.athlete_id) ?? new Set<string>();
          for (const r of rows) ids.add(r.id);
          matched.set(row.athlete_id, ids);
        }
      }
      if (page.length < BACKFILL_PAGE) {
        for (const [athleteId, ids] of matched) {
          if (signal?.aborted) throw new Error('stopped before the backfill finished; it resumes');
          await this.ranking.refresh(segmentId, athleteId, ids);
        }
        return 'success';
      }
      const last = page.at(-1)!;
      after = { startedAt: last.started_at!, id: last.id };
    }
  }

  /** Refreshes the athlete's standing on these segments (visibility changes, deletions). */
  async refreshBoards(payload: {
    athleteId: string;
    segmentIds: readonly string[];
    activityId?: string | undefined;
  }): Promise<'success'> {
    // Efforts of an activity that just became public are assessed for a KOM rank now.
    const assess = new Set<string>();
    if (payload.activityId) {
      for (const e of await this.efforts.forActivity(payload.activityId)) assess.add(e.id);
    }
    for (const segmentId of payload.segmentIds) {
      await this.ranking.refresh(segmentId, payload.athleteId, assess);
    }
    return 'success';
  }

  /** Matches the athlete's activities that have efforts again (privacy or profile changed). */
  async refreshAthlete(athleteId: string, signal?: AbortSignal): Promise<'success'> {
    for (const activityId of await this.efforts.activityIdsOfAthlete(athleteId)) {
      if (signal?.aborted) throw new Error('stopped before the refresh finished; it resumes');
      await this.matchActivity(activityId);
    }
    return 'success';
  }
}

/** BACKFILL_MARGIN_M in degrees of latitude and longitude at the segment. */
function marginDegrees(s: Pick<SegmentRow, 'min_lat' | 'max_lat'>): { lat: number; lng: number } {
  const k = scaleAt((s.min_lat + s.max_lat) / 2);
  return { lat: BACKFILL_MARGIN_M / k[1]!, lng: BACKFILL_MARGIN_M / k[0]! };
}
