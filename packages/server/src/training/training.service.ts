import {
  activityLoad,
  CTL_DAYS,
  DEFAULT_RESTING_HR,
  dayKey,
  dayNumber,
  estimateFtp,
  estimateMaxHr,
  fitnessSeries,
  hrZoneBounds,
  type LoadSettings,
  longestWeekStreak,
  type Period,
  periodEnd,
  periodStart,
  relativeEffort,
  SPORT_TYPES,
  type SportFamily,
  sportFamily,
  streakToWeek,
  thresholdSpeedFromEffort,
  weekIndex,
} from '@stride/core';
import { authorizeOwner } from '../activities/access.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import { localDayOf, localDayWindow } from '../platform/db/local-day.js';
import type {
  ActivityRow,
  AthleteRow,
  GoalMetric,
  GoalPeriod,
  GoalRow,
  GoalSport,
  TrainingAudience,
} from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { EventHub, EventListener } from '../platform/events/event-hub.js';
import type { JobQueue } from '../platform/jobs/queue.js';
import { type GoalProgress, goalProgress, periodOf } from './goals.js';
import type {
  AchievementRow,
  ActivityTraining,
  DayTotals,
  NewAchievement,
  NewRecord,
  SportTypes,
  TrainingRepository,
} from './training.repository.js';

/** Renders the others' views an athlete's shared activities started in [from, to) lack. */
export type RenderMissingOthersViews = (athleteId: string, from?: Date, to?: Date) => Promise<void>;

export type TrainingSport = SportFamily | 'all';

/** Thresholds are estimated from the last year of activities. */
const ESTIMATE_WINDOW_MS = 365 * 86_400_000;
/** Best efforts whose distance gives a threshold-speed estimate (5 km to the half marathon). */
const THRESHOLD_EFFORTS_M = [5000, 21097.5] as const;
/** New personal records of activities started this recently are announced. */
const ANNOUNCE_WITHIN_DAYS = 30;
/** "First time at a distance" is an achievement for these best efforts only. */
const MILESTONES = new Set(['5k', '10k', 'Half-Marathon', 'Marathon']);
/**
 * Days of loads before a fitness range that its first day is computed from: ten of fitness's
 * 42-day time constants, after which a day's load weighs e^-10 (0.005 %) of what it did.
 */
const FITNESS_HISTORY_DAYS = 10 * CTL_DAYS;
/** Activities per page when an athlete's training is computed again. */
const PAGE = 200;
/** Profile fields training numbers depend on. */
const TRAINING_INPUTS = new Set([
  'ftp_w',
  'resting_hr',
  'run_threshold_speed',
  'max_hr',
  'birth_year',
  'sex',
]);
/** The longest range a progress, calendar or fitness read covers. */
export const MAX_RANGE_DAYS = 3700;
export const MAX_CALENDAR_DAYS = 400;
/** The rolling 7/28-day series covers at most this many days (ending at `to`). */
export const MAX_ROLLING_DAYS = 366;

/** The thresholds used, and which of them are estimates. */
export interface ResolvedSettings extends LoadSettings {
  ftpEstimated: boolean;
  maxHrEstimated: boolean;
  restingHrEstimated: boolean;
  thresholdSpeedEstimated: boolean;
}

const FAMILIES: readonly SportFamily[] = ['run', 'ride', 'walk', 'swim', 'other'];
const TYPES_OF = new Map<SportFamily, string[]>(
  FAMILIES.map((f) => [f, SPORT_TYPES.filter((t) => sportFamily(t) === f)]),
);

/** The sport types of a family ('other': anything no other family names). */
export function sportTypesOf(sport: TrainingSport): SportTypes {
  if (sport === 'all') return { include: null };
  if (sport === 'other')
    return {
      include: null,
      exclude: FAMILIES.filter((f) => f !== 'other').flatMap((f) => TYPES_OF.get(f)!),
    };
  return { include: TYPES_OF.get(sport)! };
}

interface Details {
  best_efforts?: Array<{ name: string; distance: number; elapsed_time: number }>;
  best_power?: Array<{ duration: number; value: number }>;
  best_speed?: Array<{ duration: number; value: number }>;
  hr_zones?: Array<{ time: number }> | null;
  grade_adjusted_distance?: number | null;
}

const detailsOf = (row: ActivityRow): Details => {
  const d = row.details;
  if (!d) return {};
  return (typeof d === 'string' ? JSON.parse(d) : d) as Details;
};

const counted = (row: ActivityRow | undefined) => row?.state === 'complete' && !!row.started_at;

const empty = (): Omit<DayTotals, 'day'> => ({
  count: 0,
  distance: 0,
  moving_time: 0,
  elevation_gain: 0,
});

const addTo = (sum: Omit<DayTotals, 'day'>, d: Omit<DayTotals, 'day'>) => {
  sum.count += d.count;
  sum.distance += d.distance;
  sum.moving_time += d.moving_time;
  sum.elevation_gain += d.elevation_gain;
};

/**
 * Training: each activity's load, relative effort, records and achievements, the daily roll-ups
 * kept current by jobs after every change, and the reads built on them — progress, the training
 * log, fitness and form, achievements, the year in review and goals. Others see what the
 * athlete's visibility rules let them see (totals of what they may open; fitness and form only
 * when the athlete shares them).
 */
export class TrainingService {
  constructor(
    private readonly repo: TrainingRepository,
    private readonly athletes: AthleteService,
    private readonly follows: FollowService,
    private readonly jobs: JobQueue,
    private readonly events: EventHub,
    private readonly renderMissingOthersViews: RenderMissingOthersViews,
    private readonly now: () => Date = () => new Date(),
  ) {}

  listen(events: EventHub): void {
    events.on('activity.changed', this.onActivityChange);
    events.on('privacy.changed', async (tx, athleteId) => {
      await this.jobs.enqueue('training.athlete', { athleteId }, tx);
    });
    events.on('athlete.changed', async (tx, athleteId, fields) => {
      if (fields.some((f) => TRAINING_INPUTS.has(f)))
        await this.jobs.enqueue('training.athlete', { athleteId }, tx);
    });
  }

  /**
   * Queues the activity's training job (which rolls its day up after), and a roll-up of the day
   * it counted on before when that was another day or it no longer counts.
   */
  readonly onActivityChange: EventListener<'activity.changed'> = async (tx, before, after) => {
    if (counted(after)) await this.jobs.enqueue('training.activity', { activityId: after!.id }, tx);
    const was = counted(before) ? localDayOf(before!) : null;
    const is = counted(after) ? localDayOf(after!) : null;
    if (was && was !== is)
      await this.jobs.enqueue(
        'training.athlete-day',
        { athleteId: before!.athlete_id, day: was },
        tx,
      );
  };

  // Jobs

  /** `training.activity`: computes and stores one activity's training numbers. */
  async processActivity(
    activityId: string,
    {
      rollDay = true,
      announce = true,
      settings,
    }: { rollDay?: boolean; announce?: boolean; settings?: LoadSettings } = {},
  ): Promise<'success' | 'skipped'> {
    const row = await this.repo.findActivity(activityId);
    if (!row || !counted(row)) return 'skipped';
    let thresholds = settings;
    if (!thresholds) {
      const athlete = await this.athletes.findById(row.athlete_id);
      if (!athlete) return 'skipped';
      thresholds = await this.settingsOf(athlete);
    }
    const day = localDayOf(row)!;
    const details = detailsOf(row);
    const training = this.trainingOf(row, details, thresholds);
    const records = recordsOf(details);
    const achievements: NewAchievement[] = [];
    for (const r of records) {
      if (r.kind !== 'run') continue;
      const { better, earlier } = await this.repo.standing(
        row.athlete_id,
        row.id,
        r,
        row.started_at!,
      );
      if (!earlier) {
        if (MILESTONES.has(r.name))
          achievements.push({ kind: 'first_distance', name: r.name, rank: null, value: r.value });
      } else if (better < 3)
        achievements.push({ kind: 'pr', name: r.name, rank: better + 1, value: r.value });
    }
    const recent =
      this.now().getTime() - row.started_at!.getTime() < ANNOUNCE_WITHIN_DAYS * 86_400_000;
    // One notification per activity: its longest new record.
    const headline = records
      .filter((r) => achievements.some((a) => a.kind === 'pr' && a.rank === 1 && a.name === r.name))
      .at(-1);
    await this.repo.transaction(async (tx) => {
      await this.repo.lockAthlete(tx, row.athlete_id);
      await this.repo.writeActivity(tx, { ...row, day }, training, records, achievements);
      if (announce && recent && headline)
        await this.events.emit('training.best-effort-pr', tx, {
          athleteId: row.athlete_id,
          activityId: row.id,
          name: headline.name,
          elapsedS: headline.value,
        });
      if (rollDay)
        await this.jobs.enqueue('training.athlete-day', { athleteId: row.athlete_id, day }, tx);
    });
    return 'success';
  }

  /** `training.athlete-day`: rolls one day up again, then checks the athlete's goals. */
  async processDay(job: { athleteId: string; day: string }): Promise<'success' | 'skipped'> {
    if (Number.isNaN(dayNumber(job.day))) throw new Error(`"${job.day}" is not a day`);
    if (!(await this.athletes.findById(job.athleteId))) return 'skipped';
    const { from, to } = localDayWindow(job.day);
    await this.renderMissingOthersViews(job.athleteId, from, to);
    await this.repo.transaction(async (tx) => {
      await this.repo.lockAthlete(tx, job.athleteId);
      await this.repo.rollUp(tx, job.athleteId, [job.day]);
    });
    await this.checkGoals(job.athleteId, job.day);
    return 'success';
  }

  /** `training.athlete`: every activity again (oldest first, so ranks are as of each), every day. */
  async processAthlete(athleteId: string): Promise<'success' | 'skipped'> {
    const athlete = await this.athletes.findById(athleteId);
    if (!athlete) return 'skipped';
    // The thresholds are resolved once for the whole athlete, not again for each activity.
    const settings = await this.settingsOf(athlete);
    let after: { startedAt: Date; id: string } | null = null;
    for (;;) {
      const page = await this.repo.activitiesAfter(athleteId, after, PAGE);
      for (const a of page)
        await this.processActivity(a.id, { rollDay: false, announce: false, settings });
      if (page.length < PAGE) break;
      const last = page.at(-1)!;
      after = { startedAt: last.started_at, id: last.id };
    }
    await this.renderMissingOthersViews(athleteId);
    await this.repo.transaction(async (tx) => {
      await this.repo.lockAthlete(tx, athleteId);
      await this.repo.rollUp(tx, athleteId, null);
    });
    return 'success';
  }

  /**
   * Announces each goal reached in the period holding `day`, once per period, while that
   * period is current (a history import reaches no goal).
   */
  private async checkGoals(athleteId: string, day: string): Promise<void> {
    const goals = await this.repo.goals(athleteId);
    const today = dayKey(Math.floor(this.now().getTime() / 86_400_000));
    for (const goal of goals) {
      const { start, end } = periodOf(day, goal.period);
      // Local "today" runs up to 14 h ahead of UTC: a period ending yesterday (UTC) may be current.
      if (end < dayKey(dayNumber(today) - 1) || start > dayKey(dayNumber(today) + 1)) continue;
      const days = await this.repo.dailyTotals(
        athleteId,
        'owner',
        sportTypesOf(goal.sport),
        start,
        dayKey(dayNumber(end) - 1),
      );
      const progress = goalProgress(goal, days, day);
      if (!progress.reached) continue;
      const activityId = await this.repo.latestOn(athleteId, day, sportTypesOf(goal.sport));
      await this.repo.transaction(async (tx) => {
        if (!(await this.repo.markNotified(tx, goal.id, start))) return;
        await this.events.emit('training.goal-reached', tx, {
          athleteId,
          goalId: goal.id,
          periodStart: start,
          activityId,
          label: goalLabel(goal),
        });
      });
    }
  }

  /** The athlete's thresholds: as set, else estimated from their last year (docs/training.md). */
  async settingsOf(athlete: AthleteRow): Promise<ResolvedSettings> {
    const since = new Date(this.now().getTime() - ESTIMATE_WINDOW_MS);
    let ftpW = athlete.ftp_w;
    if (ftpW === null) {
      const best20 = await this.repo.bestValue(athlete.id, 'power', since, 1200, 1200);
      const top = Math.max(0, ...best20.map((r) => r.value));
      ftpW = top > 0 ? estimateFtp(top) : null;
    }
    let maxHr = athlete.max_hr;
    if (maxHr === null) {
      const year = this.now().getUTCFullYear();
      maxHr =
        athlete.birth_year !== null
          ? estimateMaxHr(year - athlete.birth_year)
          : await this.repo.highestHeartRate(athlete.id, since);
    }
    let thresholdSpeedMps = athlete.run_threshold_speed;
    if (thresholdSpeedMps === null) {
      const efforts = await this.repo.bestValue(athlete.id, 'run', since, ...THRESHOLD_EFFORTS_M);
      const best = Math.max(0, ...efforts.map((e) => thresholdSpeedFromEffort(e.amount, e.value)));
      thresholdSpeedMps = best > 0 ? best : null;
    }
    return {
      ftpW,
      maxHr,
      restingHr: athlete.resting_hr ?? DEFAULT_RESTING_HR,
      sex: athlete.sex === 'M' || athlete.sex === 'F' ? athlete.sex : undefined,
      thresholdSpeedMps,
      ftpEstimated: athlete.ftp_w === null && ftpW !== null,
      maxHrEstimated: athlete.max_hr === null && maxHr !== null,
      restingHrEstimated: athlete.resting_hr === null,
      thresholdSpeedEstimated: athlete.run_threshold_speed === null && thresholdSpeedMps !== null,
    };
  }

  private trainingOf(row: ActivityRow, d: Details, s: LoadSettings): ActivityTraining {
    const moving = row.moving_s;
    const gap = d.grade_adjusted_distance;
    const speed = gap && moving > 0 ? gap / moving : row.avg_speed_mps;
    const load = activityLoad(
      {
        family: sportFamily(row.sport_type),
        movingS: moving,
        powerW: row.weighted_avg_watts ?? row.avg_watts,
        averageHr: row.avg_hr,
        speedMps: speed,
      },
      s,
    );
    return {
      load: load ? Math.round(load.load * 10) / 10 : null,
      load_source: load?.source ?? null,
      relative_effort: relativeEffortOf(row, d, s.maxHr),
    };
  }

  // Reads

  /** Which roll-ups the viewer reads: 404 when the athlete blocks them or does not exist. */
  async audienceFor(viewerId: string, athleteId: string): Promise<TrainingAudience> {
    if (viewerId === athleteId) return 'owner';
    await authorizeOwner(this.follows, athleteId, viewerId);
    const access = await this.follows.access(viewerId, athleteId);
    return access.following ? 'followers' : 'everyone';
  }

  async progress(
    viewerId: string,
    athleteId: string,
    q: { sport: TrainingSport; period: Period; from: string; to: string },
  ) {
    const audience = await this.audienceFor(viewerId, athleteId);
    const types = sportTypesOf(q.sport);
    // Buckets cover whole periods; `current` and `previous` are the period of `to` and the one before.
    const first = periodStart(dayNumber(q.from), q.period);
    const currentStart = periodStart(dayNumber(q.to), q.period);
    const previousStart = periodStart(currentStart - 1, q.period);
    const lastDay = periodEnd(currentStart, q.period) - 1;
    const from = Math.min(first, previousStart);
    const [sums, rolling] = await Promise.all([
      this.repo.periodTotals(athleteId, audience, types, q.period, dayKey(from), dayKey(lastDay)),
      // The rolling series covers at most the last year of the range: a line of ten years of
      // days says nothing a monthly bar does not.
      this.repo.rollingDistance(
        athleteId,
        audience,
        types,
        dayKey(Math.max(dayNumber(q.from), dayNumber(q.to) - MAX_ROLLING_DAYS + 1)),
        q.to,
      ),
    ]);
    const buckets = new Map<number, Omit<DayTotals, 'day'>>();
    for (let s = from; s <= lastDay; s = periodEnd(s, q.period)) buckets.set(s, empty());
    for (const d of sums) addTo(buckets.get(dayNumber(d.day))!, d);
    const at = (s: number) => ({ start: dayKey(s), ...(buckets.get(s) ?? empty()) });
    return {
      athlete_id: athleteId,
      sport: q.sport,
      period: q.period,
      buckets: [...buckets.keys()].filter((s) => s >= first).map(at),
      current: at(currentStart),
      previous: at(previousStart),
      rolling,
    };
  }

  async calendar(viewerId: string, athleteId: string, from: string, to: string) {
    const audience = await this.audienceFor(viewerId, athleteId);
    const rows = await this.repo.calendar(athleteId, audience, from, to);
    const days = new Map<string, typeof rows>();
    for (const r of rows) days.set(r.day, [...(days.get(r.day) ?? []), r]);
    return {
      athlete_id: athleteId,
      from,
      to,
      days: [...days].map(([day, list]) => ({
        day,
        activities: list.map((a) => ({
          id: a.id,
          name: a.name,
          sport_type: a.sport_type,
          start_date_local: new Date(a.start_date_local).toISOString(),
          moving_time: Math.round(a.moving_time),
          distance: a.distance,
          relative_effort: a.relative_effort,
        })),
      })),
    };
  }

  async fitness(viewerId: string, athleteId: string, from: string, to: string) {
    const audience = await this.audienceFor(viewerId, athleteId);
    const athlete = (await this.athletes.findById(athleteId))!;
    if (audience !== 'owner' && !athlete.share_training)
      throw Errors.forbidden('this athlete keeps fitness and form to themselves');
    // The curves start FITNESS_HISTORY_DAYS before `from` (or at the first load), so the days
    // shown carry their history: a load older than that weighs e^-10 of its first day's weight.
    const loads = await this.repo.dailyLoads(
      athleteId,
      dayKey(dayNumber(from) - FITNESS_HISTORY_DAYS),
      to,
    );
    const start = loads.length && loads[0]!.day < from ? loads[0]!.day : from;
    const series = fitnessSeries(loads, { from: start, to }).filter((d) => d.day >= from);
    const s = await this.settingsOf(athlete);
    const r1 = (x: number) => Math.round(x * 10) / 10;
    return {
      athlete_id: athleteId,
      from,
      to,
      days: series.map((d) => ({
        day: d.day,
        load: r1(d.load),
        fitness: r1(d.ctl),
        fatigue: r1(d.atl),
        form: r1(d.tsb),
      })),
      settings: {
        ftp: s.ftpW === null ? null : Math.round(s.ftpW),
        ftp_estimated: s.ftpEstimated,
        resting_hr: s.restingHr,
        resting_hr_estimated: s.restingHrEstimated,
        max_hr: s.maxHr === null ? null : Math.round(s.maxHr),
        max_hr_estimated: s.maxHrEstimated,
        threshold_speed: s.thresholdSpeedMps,
        threshold_speed_estimated: s.thresholdSpeedEstimated,
      },
    };
  }

  async achievements(viewerId: string, athleteId: string, today: string) {
    const audience = await this.audienceFor(viewerId, athleteId);
    const rows = await this.repo.records(athleteId, audience);
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = `${r.kind}:${r.name}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const bestEfforts = [];
    const rideBests = { power: [] as WindowRecords[], speed: [] as WindowRecords[] };
    for (const list of groups.values()) {
      const top = list.filter((r) => r.place <= 3).sort((a, b) => a.place - b.place);
      const first = list[0]!;
      if (first.kind === 'run')
        bestEfforts.push({
          name: first.name,
          distance: first.amount,
          records: top.map((r) => ({
            rank: r.place,
            elapsed_time: r.value,
            activity_id: r.activity_id,
            start_date_local: r.day,
          })),
          history: list
            .filter((r) => r.was_record)
            .map((r) => ({
              elapsed_time: r.value,
              activity_id: r.activity_id,
              start_date_local: r.day,
            })),
        });
      else
        rideBests[first.kind].push({
          duration: first.amount,
          records: top.map((r) => ({
            rank: r.place,
            value: r.value,
            activity_id: r.activity_id,
            start_date_local: r.day,
          })),
        });
    }
    bestEfforts.sort((a, b) => a.distance - b.distance);
    for (const list of Object.values(rideBests)) list.sort((a, b) => a.duration - b.duration);
    const weeks = (await this.repo.activeDays(athleteId, audience)).map((d) =>
      weekIndex(dayNumber(d)),
    );
    const recent = await this.repo.recentAchievements(athleteId, audience, 20);
    return {
      athlete_id: athleteId,
      best_efforts: bestEfforts,
      power_bests: rideBests.power,
      speed_bests: rideBests.speed,
      streak: {
        current_weeks: streakToWeek(weeks, weekIndex(dayNumber(today))),
        longest_weeks: longestWeekStreak(weeks),
      },
      recent: recent.map(presentAchievement),
    };
  }

  async yearInReview(viewerId: string, athleteId: string, year: number) {
    const audience = await this.audienceFor(viewerId, athleteId);
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const totals = Object.fromEntries([...FAMILIES, 'all'].map((f) => [f, empty()])) as Record<
      TrainingSport,
      Omit<DayTotals, 'day'>
    >;
    for (const r of await this.repo.sportTotals(athleteId, audience, from, to)) {
      addTo(totals[sportFamily(r.sport_type)], r);
      addTo(totals.all, r);
    }
    const { longest, biggestClimb } = await this.repo.highlights(athleteId, audience, from, to);
    return {
      athlete_id: athleteId,
      year,
      totals,
      active_days: await this.repo.activeDayCount(athleteId, audience, from, to),
      longest: longest && {
        id: longest.id,
        name: longest.name,
        sport_type: longest.sport_type,
        distance: longest.distance,
        moving_time: Math.round(longest.moving_time),
        start_date_local: longest.day,
      },
      biggest_climb: biggestClimb && {
        id: biggestClimb.id,
        name: biggestClimb.name,
        sport_type: biggestClimb.sport_type,
        elevation_gain: biggestClimb.elevation_gain,
        start_date_local: biggestClimb.day,
      },
      most_ridden_segment: await this.repo.mostRiddenSegment(athleteId, audience, from, to),
    };
  }

  // Goals

  async goalsOf(viewerId: string, athleteId: string, today: string) {
    const audience = await this.audienceFor(viewerId, athleteId);
    const goals = await this.repo.goals(athleteId);
    return Promise.all(goals.map((g) => this.withProgress(g, audience, today)));
  }

  async addGoal(
    athleteId: string,
    g: { sport: GoalSport; period: GoalPeriod; metric: GoalMetric; target: number },
    today: string,
  ) {
    const row = await this.repo.addGoal({ athleteId, ...g });
    if (!row)
      throw Errors.conflict(
        `you already have a ${g.period}ly ${g.metric} goal for ${g.sport === 'all' ? 'all sports' : g.sport}: change its target instead`,
      );
    await this.checkGoals(athleteId, today);
    return this.withProgress((await this.repo.findGoal(athleteId, row.id)) ?? row, 'owner', today);
  }

  async updateGoal(athleteId: string, id: string, target: number, today: string) {
    const row = await this.repo.updateGoal(athleteId, id, target);
    if (!row) throw Errors.notFound('no such goal');
    await this.checkGoals(athleteId, today);
    return this.withProgress(row, 'owner', today);
  }

  async deleteGoal(athleteId: string, id: string): Promise<void> {
    if (!(await this.repo.deleteGoal(athleteId, id))) throw Errors.notFound('no such goal');
  }

  private async withProgress(g: GoalRow, audience: TrainingAudience, today: string) {
    const { start, end } = periodOf(today, g.period);
    const days = await this.repo.dailyTotals(
      g.athlete_id,
      audience,
      sportTypesOf(g.sport),
      start,
      dayKey(dayNumber(end) - 1),
    );
    const progress: GoalProgress = goalProgress(g, days, today);
    return {
      id: g.id,
      sport: g.sport,
      period: g.period,
      metric: g.metric,
      target: g.target,
      created_at: g.created_at.toISOString(),
      progress,
    };
  }

  /** Per-activity fields for summaries: relative effort, achievements, and load for the owner. */
  async summariesOf(
    viewerId: string | undefined,
    rows: ReadonlyArray<Pick<ActivityRow, 'id' | 'athlete_id'>>,
  ) {
    const ids = rows.map((r) => r.id);
    const [training, achievements] = await Promise.all([
      this.repo.trainingOf(ids),
      this.repo.achievementsOf(ids),
    ]);
    return new Map(
      rows.map((r) => {
        const t = training.get(r.id);
        const own = viewerId === r.athlete_id;
        return [
          r.id,
          {
            relative_effort: t?.relative_effort ?? null,
            training_load: own ? (t?.load ?? null) : null,
            training_load_source: own ? (t?.load_source ?? null) : null,
            achievements: (achievements.get(r.id) ?? []).map((a) => ({
              kind: a.kind,
              name: a.name,
              rank: a.rank,
            })),
          },
        ];
      }),
    );
  }
}

/**
 * Relative effort from the activity's time in heart-rate zones; when its zones could not be
 * computed (no maximum heart rate was known then), its moving time in the zone of its average
 * heart rate under the maximum now known (set, from age, or the highest recorded).
 */
function relativeEffortOf(row: ActivityRow, d: Details, maxHr: number | null): number | null {
  if (d.hr_zones?.length) return Math.round(relativeEffort(d.hr_zones));
  if (!row.avg_hr || !maxHr || !(row.moving_s > 0)) return null;
  const bounds = hrZoneBounds(maxHr);
  const zone = bounds.filter((b) => row.avg_hr! >= b).length;
  const zones = bounds.map(() => ({ time: 0 })).concat({ time: 0 });
  zones[zone]!.time = row.moving_s;
  return Math.round(relativeEffort(zones));
}

/** A ride's three best values over one duration. */
interface WindowRecords {
  duration: number;
  records: Array<{ rank: number; value: number; activity_id: string; start_date_local: string }>;
}

function presentAchievement(a: AchievementRow) {
  return {
    kind: a.kind,
    name: a.name,
    rank: a.rank,
    elapsed_time: a.value,
    activity_id: a.activity_id,
    start_date_local: a.day,
  };
}

/** An activity's records: runs' best efforts by distance, rides' best powers by duration. */
function recordsOf(d: Details): NewRecord[] {
  const out: NewRecord[] = [];
  for (const e of d.best_efforts ?? [])
    if (e.elapsed_time > 0)
      out.push({ kind: 'run', name: e.name, amount: e.distance, value: e.elapsed_time });
  for (const [kind, bests] of [
    ['power', d.best_power],
    ['speed', d.best_speed],
  ] as const)
    for (const b of bests ?? [])
      if (b.value > 0)
        out.push({ kind, name: String(b.duration), amount: b.duration, value: b.value });
  return out;
}

const METRIC_WORDS: Record<GoalMetric, string> = {
  distance: 'distance',
  moving_time: 'time',
  elevation_gain: 'elevation',
  count: 'activities',
};

/** "weekly run distance", "yearly activities". */
export function goalLabel(g: Pick<GoalRow, 'sport' | 'period' | 'metric'>): string {
  const sport = g.sport === 'all' ? '' : `${g.sport} `;
  return `${g.period}ly ${sport}${METRIC_WORDS[g.metric]}`;
}
