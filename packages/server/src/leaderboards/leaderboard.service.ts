import type { AthleteService } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import { localDayOf } from '../platform/db/local-day.js';
import type { ActivityRow, AthleteRow } from '../platform/db/schema.js';
import { invalidField } from '../platform/errors.js';
import type { EventListener } from '../platform/events/event-hub.js';
import type { JobQueue } from '../platform/jobs/index.js';
import type { JobPayloads } from '../platform/jobs/registry.js';
import { type LeaderboardRepository, localDayWindow } from './leaderboard.repository.js';
import type { RebuildStep } from './leaderboard-rebuild.js';
import type {
  AthleteTotalsStore,
  BoardPlace,
  DayTotals,
  PlaceFilter,
  RankedTotals,
  TotalsPeriod,
} from './leaderboard-store.js';
import { customRangeProblem, dayOf, daysBetween, parseDay } from './periods.js';

type AthleteDayJob = JobPayloads['leaderboards.athlete-day'];

/**
 * Renders the others' views an athlete's shared activities lack (those started within
 * [from, to) when given): boards sum those views, and count no activity without one.
 */
export type RenderMissingOthersViews = (athleteId: string, from?: Date, to?: Date) => Promise<void>;

export interface AthleteBoardRequest {
  sport: string;
  period: TotalsPeriod;
  /** The viewer's local date ('YYYY-MM-DD'), which picks the current week, month or year. */
  date?: string | undefined;
  /** A country, and optionally a region or a city of it. */
  place?: { country?: string | undefined; region?: string | undefined; city?: string | undefined };
  /** Only the athletes the viewer follows, and the viewer. */
  following: boolean;
  limit: number;
}

export interface AthleteBoardEntry extends RankedTotals {
  athlete: Pick<AthleteRow, 'id' | 'handle' | 'display_name'>;
}

/** Athletes per rebuild page. */
const REBUILD_PAGE = 200;

/** The local day an activity counts on, when it counts for others at all. */
function countedDay(row: ActivityRow | undefined): AthleteDayJob | null {
  if (row?.state !== 'complete' || !row.started_at || row.visibility === 'only_me') return null;
  return { athleteId: row.athlete_id, sport: row.sport_type, day: localDayOf(row)! };
}

const dayKey = (d: AthleteDayJob) => `${d.athleteId}:${d.sport}:${d.day}`;

const sameTotals = (a: DayTotals, b: DayTotals) =>
  a.activities === b.activities &&
  a.distanceM === b.distanceM &&
  a.movingS === b.movingS &&
  a.elevGainM === b.elevGainM;

const placeOf = (a: BoardPlace | undefined): BoardPlace => ({
  country: a?.country ?? null,
  region: a?.region ?? null,
  city: a?.city ?? null,
});

/**
 * Athlete distance leaderboards: keeps each athlete-day's totals in the board store in step
 * with their activities (through durable jobs enqueued with each change), answers the boards,
 * and refills them on a rebuild.
 */
export class LeaderboardService {
  constructor(
    private readonly sums: LeaderboardRepository,
    private readonly athletes: AthleteService,
    private readonly follows: FollowService,
    private readonly jobs: JobQueue,
    private readonly totals: AthleteTotalsStore,
    private readonly renderMissingOthersViews: RenderMissingOthersViews,
    private readonly today: () => string = () => dayOf(new Date()),
  ) {}

  /**
   * Enqueues a recount of every athlete-day an activity change may move (the day it counted on
   * before and the one it counts on after), in the transaction of the change. One job row per
   * athlete-day: a burst of edits is one recount, and an edit after a recount started queues it
   * again.
   */
  readonly onActivityChange: EventListener<'activity.changed'> = async (tx, before, after) => {
    const was = countedDay(before);
    const is = countedDay(after);
    if (
      was &&
      is &&
      dayKey(was) === dayKey(is) &&
      before!.distance_m === after!.distance_m &&
      before!.moving_s === after!.moving_s &&
      before!.elev_gain_m === after!.elev_gain_m
    )
      return;
    const days = new Map<string, AthleteDayJob>();
    for (const d of [was, is]) if (d) days.set(dayKey(d), d);
    for (const payload of days.values()) {
      await this.jobs.enqueue('leaderboards.athlete-day', payload, tx);
    }
  };

  /**
   * Enqueues a recount of every day the athlete has shared activities on, in the transaction
   * of a change to their privacy zones or hidden start/end: what others see of each activity,
   * so what the boards count, changes with them.
   */
  readonly onPrivacyChange: EventListener<'privacy.changed'> = async (tx, athleteId) => {
    for (const day of await this.sums.sharedDaysOf(athleteId, tx))
      await this.jobs.enqueue('leaderboards.athlete-day', day, tx);
  };

  /**
   * Recounts one athlete-day from the others' views of the activities and writes it. Then reads it again: if it
   * changed meanwhile (and that change's own job already wrote), it writes again, so the last
   * write on the board is always of what the database holds now.
   */
  async refreshDay(job: AthleteDayJob): Promise<'success'> {
    if (!parseDay(job.day)) throw new Error(`"${job.day}" is not a day`);
    const place = placeOf(await this.athletes.findById(job.athleteId));
    let totals = await this.countDay(job);
    for (let i = 0; i < 5; i++) {
      await this.totals.setDay(job.athleteId, job.sport, job.day, totals, place);
      const now = await this.countDay(job);
      if (sameTotals(now, totals)) return 'success';
      totals = now;
    }
    throw new Error('the day kept changing while its totals were written; will retry');
  }

  /**
   * One athlete-day's totals, after rendering the others' views its activities lack (an
   * activity changed a moment ago may not have its new view yet). Each count renders first,
   * so an activity whose revision moved past its view between a render and a count is counted
   * again by the next count of the loop above.
   */
  private async countDay(job: AthleteDayJob): Promise<DayTotals> {
    const { from, to } = localDayWindow(job.day);
    await this.renderMissingOthersViews(job.athleteId, from, to);
    return this.sums.dayTotals(job.athleteId, job.sport, job.day);
  }

  /** Asks a worker to clear and refill every leaderboard. */
  async requestRebuild(): Promise<void> {
    await this.jobs.enqueue('leaderboards.rebuild', {});
  }

  /** The rebuild step for athlete totals: clear, then every athlete's counted days. */
  totalsRebuild(): RebuildStep {
    return {
      name: 'athlete totals',
      run: async (signal) => {
        await this.totals.clear();
        let written = 0;
        let after: string | null = null;
        for (;;) {
          signal.throwIfAborted();
          const page = await this.sums.athletesAfter(after, REBUILD_PAGE);
          if (!page.length) return written;
          after = page.at(-1)!.id;
          written += await this.refill(page);
        }
      },
    };
  }

  /**
   * Writes a page of athletes' days, then reads them again and rewrites what changed meanwhile
   * (a job for that change may have written before this page did).
   */
  private async refill(page: Array<BoardPlace & { id: string }>): Promise<number> {
    const places = new Map(page.map((a) => [a.id, placeOf(a)]));
    const ids = page.map((a) => a.id);
    for (const id of ids) await this.renderMissingOthersViews(id);
    const first = await this.sums.daysOf(ids);
    for (const d of first)
      await this.totals.setDay(d.athleteId, d.sport, d.day, d.totals, places.get(d.athleteId)!);
    const written = new Map(first.map((d) => [dayKey(d), d]));
    const again = await this.sums.daysOf(ids);
    for (const d of again) {
      const before = written.get(dayKey(d));
      written.delete(dayKey(d));
      if (!before || !sameTotals(before.totals, d.totals))
        await this.totals.setDay(d.athleteId, d.sport, d.day, d.totals, places.get(d.athleteId)!);
    }
    const zero = { distanceM: 0, movingS: 0, elevGainM: 0, activities: 0 };
    for (const gone of written.values())
      await this.totals.setDay(
        gone.athleteId,
        gone.sport,
        gone.day,
        zero,
        places.get(gone.athleteId)!,
      );
    return first.length;
  }

  /** The board a signed-in athlete asked for, with each athlete's handle and name. */
  async athleteBoard(
    viewerId: string,
    q: AthleteBoardRequest,
  ): Promise<{ entries: AthleteBoardEntry[]; viewer: AthleteBoardEntry | null }> {
    const today = this.today();
    const date = q.date ?? today;
    // The viewer's local date is at most a day away from the server's (UTC−12 … UTC+14).
    if (!parseDay(date) || Math.abs(daysBetween(today, date)) > 1)
      throw invalid('date', `must be the viewer's local date, within a day of ${today}`);
    if (typeof q.period !== 'string') {
      const problem = customRangeProblem(q.period, date);
      if (problem) throw invalid(problem.field, problem.message);
    }
    const place = placeFilter(q.place ?? {});
    const athleteIds = q.following
      ? [viewerId, ...(await this.follows.followeeIds(viewerId))]
      : undefined;
    const board = await this.totals.query({
      sport: q.sport,
      period: q.period,
      now: parseDay(date)!,
      place,
      athleteIds,
      limit: q.limit,
      viewerId,
    });
    const rows = [...board.entries, ...(board.viewer ? [board.viewer] : [])];
    const people = new Map(
      (await this.athletes.summaries([...new Set(rows.map((r) => r.athleteId))])).map((a) => [
        a.id,
        a,
      ]),
    );
    const withAthlete = (r: RankedTotals): AthleteBoardEntry | null => {
      const athlete = people.get(r.athleteId);
      return athlete ? { ...r, athlete } : null;
    };
    return {
      // An account deleted a moment ago may linger on Redis until its recount runs.
      entries: board.entries.map(withAthlete).filter((e): e is AthleteBoardEntry => e !== null),
      viewer: board.viewer ? withAthlete(board.viewer) : null,
    };
  }
}

/** A regional board: region and city each narrow a country, and only one of them at a time. */
function placeFilter(p: {
  country?: string | undefined;
  region?: string | undefined;
  city?: string | undefined;
}): PlaceFilter | undefined {
  if (p.country === undefined) {
    if (p.region !== undefined) throw invalid('region', 'needs a country');
    if (p.city !== undefined) throw invalid('city', 'needs a country');
    return undefined;
  }
  if (p.region !== undefined && p.city !== undefined)
    throw invalid('city', 'cannot be combined with region: choose one');
  if (p.region !== undefined) return { country: p.country, region: p.region };
  if (p.city !== undefined) return { country: p.country, city: p.city };
  return { country: p.country };
}

const invalid = (field: string, message: string) => invalidField(`querystring.${field}`, message);
