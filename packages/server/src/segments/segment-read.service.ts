import type { AthleteService } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import type {
  AgeGroup,
  RankedEffort,
  SegmentLeaderboardStore,
  SegmentPeriod,
} from '../leaderboards/leaderboard-store.js';
import type { AthleteRow, SegmentEffortRow } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import { timezoneAt, utcOffsetS } from '../platform/timezone.js';
import type { SegmentService } from './segment.service.js';
import type {
  EffortWithActivity,
  EffortWithSegment,
  SegmentEffortRepository,
} from './segment-effort.repository.js';
import { isPublic } from './segment-ranking.service.js';

/** Board entries shown either side of the viewer's own. */
const NEIGHBOURS = 2;

export interface LeaderboardEntry {
  rank: number;
  athlete: Pick<AthleteRow, 'id' | 'handle' | 'display_name'>;
  effort: EffortWithActivity;
}

export interface Leaderboard {
  total: number;
  entries: LeaderboardEntry[];
  viewer: { best: LeaderboardEntry; neighbours: LeaderboardEntry[] } | null;
}

export interface LeaderboardQuery {
  period: SegmentPeriod;
  sex?: 'M' | 'F' | undefined;
  ageGroup?: AgeGroup | undefined;
  following?: boolean | undefined;
  limit: number;
}

/** Leaderboards and effort lists, each filtered for the one who asks. */
export class SegmentReadService {
  constructor(
    private readonly segments: SegmentService,
    private readonly efforts: SegmentEffortRepository,
    private readonly athletes: AthleteService,
    private readonly follows: FollowService,
    private readonly boards: SegmentLeaderboardStore,
  ) {}

  /**
   * One board of a segment. Periods are the segment's local calendar (its time zone), as the
   * efforts' local start dates are. Only public efforts are on boards; an entry whose effort
   * stopped being public a moment ago (its refresh is queued) is left out here already.
   */
  async leaderboard(
    viewerId: string | undefined,
    segmentId: string,
    q: LeaderboardQuery,
  ): Promise<Leaderboard> {
    const segment = await this.segments.found(segmentId);
    if (q.following && !viewerId) throw Errors.unauthenticated('sign in to see who you follow');
    const athleteIds =
      q.following && viewerId
        ? [viewerId, ...(await this.follows.followeeIds(viewerId))]
        : undefined;
    const tz = timezoneAt(segment.start_lat, segment.start_lng);
    const nowMs = Date.now();
    const now = new Date(nowMs + (tz ? utcOffsetS(tz, new Date(nowMs)) : 0) * 1000);
    const board = await this.boards.query({
      segmentId,
      period: q.period,
      now,
      sex: q.sex,
      ageGroup: q.ageGroup,
      athleteIds,
      limit: q.limit,
      viewerId,
      neighbours: NEIGHBOURS,
    });
    const ranked = [...board.entries, ...(board.viewer?.neighbours ?? [])];
    if (board.viewer) ranked.push(board.viewer.best);
    const [rows, people] = await Promise.all([
      this.efforts.findByIds([...new Set(ranked.map((r) => r.effortId))]),
      this.athletes.summaries([...new Set(ranked.map((r) => r.athleteId))]),
    ]);
    const effortById = new Map(rows.filter(isPublic).map((e) => [e.id, e]));
    const athleteById = new Map(people.map((a) => [a.id, a]));
    const entry = (r: RankedEffort): LeaderboardEntry | null => {
      const effort = effortById.get(r.effortId);
      const athlete = athleteById.get(r.athleteId);
      return effort && athlete ? { rank: r.rank, athlete, effort } : null;
    };
    const entries = (list: RankedEffort[]) =>
      list.map(entry).filter((e): e is LeaderboardEntry => e !== null);
    const best = board.viewer ? entry(board.viewer.best) : null;
    return {
      total: board.total,
      entries: entries(board.entries),
      viewer: best && board.viewer ? { best, neighbours: entries(board.viewer.neighbours) } : null,
    };
  }

  /** The viewer's own efforts on a segment, newest first (every visibility: they are theirs). */
  async myEfforts(
    athleteId: string,
    segmentId: string,
    limit: number,
    after?: { startDate: Date; id: string },
  ): Promise<SegmentEffortRow[]> {
    await this.segments.found(segmentId);
    return this.efforts.listForAthlete({ segmentId, athleteId, limit, after });
  }

  /**
   * The efforts on an activity as its viewer may see them. Others never see an effort that
   * touches the owner's hidden samples (as the privacy view decides now, and as the effort was
   * flagged when matched), and get indices into the streams they are served, which skip hidden
   * samples.
   */
  async forActivity(view: {
    row: { id: string };
    isOwner: boolean;
    hidden(): Promise<Uint8Array | null>;
    shifts: ReadonlyArray<readonly [number, number]>;
  }): Promise<EffortWithSegment[]> {
    const all = await this.efforts.forActivity(view.row.id);
    if (view.isOwner || !all.length) return all;
    const hidden = await view.hidden();
    const visible = all.filter((e) => !e.hidden);
    if (!hidden) return visible;
    const before = new Uint32Array(hidden.length + 1); // hidden samples before index i
    for (let i = 0; i < hidden.length; i++) before[i + 1] = before[i]! + hidden[i]!;
    return visible
      .filter(
        (e) => e.end_index < hidden.length && before[e.end_index + 1]! === before[e.start_index]!,
      )
      .map((e) => {
        // On the viewer's clock: hidden stretches before the effort are taken out of it.
        const behindMs = 1000 * shiftAt(view.shifts, e.start_index);
        return {
          ...e,
          start_index: e.start_index - before[e.start_index]!,
          end_index: e.end_index - before[e.start_index]!,
          start_date: new Date(e.start_date.getTime() - behindMs),
          start_date_local: new Date(e.start_date_local.getTime() - behindMs),
        };
      });
  }
}

/** Seconds a viewer's clock runs behind the owner's at a stored sample (the last shift before it). */
function shiftAt(shifts: ReadonlyArray<readonly [number, number]>, index: number): number {
  let s = 0;
  for (const [from, seconds] of shifts) if (from <= index) s = seconds;
  return s;
}
