import type { Transaction } from 'kysely';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { RebuildStep } from '../leaderboards/leaderboard-rebuild.js';
import type {
  BoardAthlete,
  EffortRecord,
  SegmentLeaderboardStore,
} from '../leaderboards/leaderboard-store.js';
import type { AthleteRow, Database, Visibility } from '../platform/db/schema.js';
import type { EventHub } from '../platform/events/event-hub.js';
import type { SegmentRepository } from './segment.repository.js';
import type { EffortWithActivity, SegmentEffortRepository } from './segment-effort.repository.js';

/** Strava's limits: PR badges for an athlete's top 3, KOM/QOM ranks for the overall top 10. */
export const PR_RANKS = 3;
export const KOM_RANKS = 10;
/** Refresh rounds before giving up (the job retries) when the efforts keep changing. */
const MAX_ROUNDS = 5;
const REBUILD_PAGE = 1000;

type Ranks = Map<string, { pr_rank: number | null; kom_rank: number | null }>;
/** The overall board's leader before an effort took first place, if another athlete. */
type Dethroned = { athleteId?: string; elapsedS?: number };

const TIER: Record<Visibility, number> = { only_me: 0, followers: 1, everyone: 2 };

/** How widely an effort may be seen: 2 everyone, 1 followers, 0 the athlete alone. */
function tier(e: EffortWithActivity): number {
  return e.hidden || e.state !== 'complete' ? 0 : TIER[e.visibility];
}

/** On the public boards: efforts of complete, visible-to-everyone activities, outside hidden zones. */
export function isPublic(e: Pick<EffortWithActivity, 'hidden' | 'state' | 'visibility'>): boolean {
  return !e.hidden && e.state === 'complete' && e.visibility === 'everyone';
}

/**
 * PR rank at the time of each effort (Strava's pr_rank): 1 + the athlete's earlier, faster
 * efforts, counting only efforts at least as visible as this one, so a badge never reveals an
 * effort its viewer cannot see. Null beyond PR_RANKS. `efforts` are oldest first.
 */
export function prRanks(efforts: readonly EffortWithActivity[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (let i = 0; i < efforts.length; i++) {
    const e = efforts[i]!;
    const t = tier(e);
    let rank = 1;
    for (let j = 0; j < efforts.length && rank <= PR_RANKS; j++) {
      const o = efforts[j]!;
      if (o.start_date >= e.start_date || o.id === e.id) continue;
      if (o.elapsed_time < e.elapsed_time && tier(o) >= t) rank++;
    }
    out.set(e.id, rank <= PR_RANKS ? rank : null);
  }
  return out;
}

/** The fastest public effort (the earliest among equal times): the one the boards show. */
function bestPublic(efforts: readonly EffortWithActivity[]): EffortWithActivity | undefined {
  let best: EffortWithActivity | undefined;
  for (const e of efforts) {
    if (!isPublic(e)) continue;
    if (!best || e.elapsed_time < best.elapsed_time) best = e;
  }
  return best;
}

const fingerprint = (efforts: readonly EffortWithActivity[]) =>
  efforts.map((e) => `${e.id}:${e.elapsed_time}:${tier(e)}:${e.pr_rank}:${e.kom_rank}`).join('|');

const toRecord = (e: EffortWithActivity): EffortRecord => ({
  effortId: e.id,
  activityId: e.activity_id,
  elapsedS: e.elapsed_time,
  startDate: e.start_date,
  startDateLocal: e.start_date_local,
});

const boardAthlete = (id: string, a: AthleteRow | undefined): BoardAthlete => ({
  athleteId: id,
  sex: a?.sex ?? null,
  birthYear: a?.birth_year ?? null,
});

/**
 * Derives everything that depends on one athlete's efforts on one segment from the efforts
 * table: PR and KOM ranks, the segment's public effort and athlete counters, and the athlete's
 * place on the leaderboards (through the port). Every caller — matching, backfill, visibility
 * changes, deletions, rebuilds — ends here, so there is one rule for each.
 */
export class SegmentRankingService {
  constructor(
    private readonly efforts: SegmentEffortRepository,
    private readonly segments: SegmentRepository,
    private readonly athletes: AthleteService,
    private readonly boards: SegmentLeaderboardStore,
    private readonly events: EventHub,
  ) {}

  /**
   * Refreshes one athlete on one segment. `assess` names efforts just matched (or whose
   * visibility just changed): they get a KOM rank from the board as it stands now — Strava's
   * "rank at the time of upload", kept afterwards even when others go faster. Efforts that are
   * no longer public lose theirs.
   *
   * Ranks and counters are written under a per-(segment, athlete) lock; the boards are written
   * after commit (the SQL adapter needs its own connection), and a refresh whose generation was
   * overtaken while it wrote them writes them again from the table, so the last write always
   * reflects the last state. Only efforts changing between the first read and the lock make
   * it compute ranks again.
   *
   * With `announce`, assessed efforts that beat the athlete's earlier ones or take first place
   * raise `segment.pr`, `segment.kom-won` and `segment.kom-lost` in the ranks' transaction.
   */
  async refresh(
    segmentId: string,
    athleteId: string,
    assess: ReadonlySet<string> = new Set(),
    { announce = false } = {},
  ): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const athlete = await this.athletes.findById(athleteId);
      const efforts = await this.efforts.forSegmentAthlete(segmentId, athleteId);
      const ranks = await this.ranks(segmentId, athleteId, efforts, assess);
      const dethroned = announce ? await this.dethroned(segmentId, athleteId, ranks) : undefined;
      const published = efforts.filter(isPublic);
      const generation = await this.efforts.transaction(async (tx) => {
        if (!(await this.segments.findById(segmentId, tx))) return 'gone' as const;
        await this.efforts.lockSegmentAthlete(tx, segmentId, athleteId);
        const announced = dethroned ? efforts.filter((e) => assess.has(e.id)) : [];
        await this.efforts.lockForRanks(
          tx,
          segmentId,
          athleteId,
          announced.map((e) => e.activity_id),
        );
        const current = await this.efforts.forSegmentAthlete(segmentId, athleteId, tx);
        if (fingerprint(current) !== fingerprint(efforts)) return null;
        for (const e of efforts) {
          const r = ranks.get(e.id)!;
          if (r.pr_rank !== e.pr_rank || r.kom_rank !== e.kom_rank)
            await this.efforts.setRanks(tx, e.id, r);
        }
        if (dethroned) await this.announce(tx, segmentId, efforts, assess, ranks, dethroned);
        const { previous, generation } = await this.efforts.setPublicEfforts(
          tx,
          segmentId,
          athleteId,
          published.length,
        );
        await this.segments.addCounts(
          tx,
          segmentId,
          published.length - previous,
          Math.sign(published.length) - Math.sign(previous),
        );
        return generation;
      });
      if (generation === 'gone') return; // its boards go with it (segments.drop-boards)
      if (generation === null) continue;
      await this.boards.setAthleteEfforts(
        segmentId,
        boardAthlete(athleteId, athlete),
        published.map(toRecord),
      );
      if ((await this.efforts.generation(segmentId, athleteId)) === generation) return;
      // A refresh committed after this one: its ranks and counts stand (it saw ours under the
      // lock), but its board write may have landed before ours. Only the boards need writing
      // again, from the table and without committing: another full round would move the
      // generation under that refresh in turn, and two refreshes of one athlete could keep
      // sending each other round again until both gave up.
      await this.republish(segmentId, athleteId);
      return;
    }
    throw new Error(
      `the efforts of athlete ${athleteId} on segment ${segmentId} kept changing during refresh`,
    );
  }

  /**
   * The `leaderboards.rebuild` step for segment boards: clears them and writes every athlete's
   * public efforts on every segment again from segment_efforts.
   */
  rebuildStep(): RebuildStep {
    return {
      name: 'segment boards',
      run: async (signal) => {
        await this.boards.clear();
        let written = 0;
        let after: { segmentId: string; athleteId: string } | undefined;
        for (;;) {
          signal.throwIfAborted();
          const page = await this.efforts.pairs(REBUILD_PAGE, after);
          for (const p of page) written += await this.republish(p.segment_id, p.athlete_id);
          if (page.length < REBUILD_PAGE) return written;
          const last = page.at(-1)!;
          after = { segmentId: last.segment_id, athleteId: last.athlete_id };
        }
      },
    };
  }

  /**
   * Writes one athlete's boards on one segment from the efforts table; writes again when a
   * refresh committed meanwhile (its own write may have come first). Returns efforts written.
   */
  private async republish(segmentId: string, athleteId: string): Promise<number> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const generation = await this.efforts.generation(segmentId, athleteId);
      const athlete = await this.athletes.findById(athleteId);
      const published = (await this.efforts.forSegmentAthlete(segmentId, athleteId)).filter(
        isPublic,
      );
      await this.boards.setAthleteEfforts(
        segmentId,
        boardAthlete(athleteId, athlete),
        published.map(toRecord),
      );
      if ((await this.efforts.generation(segmentId, athleteId)) === generation)
        return published.length;
    }
    throw new Error(`the efforts of athlete ${athleteId} on segment ${segmentId} kept changing`);
  }

  /**
   * Who held first place on the overall board before an effort of these ranks took it: the
   * board's leader, when another athlete strictly slower than the new time (an equal time
   * shares first place, so nobody loses it). Read before the new effort is on the board.
   */
  private async dethroned(segmentId: string, athleteId: string, ranks: Ranks): Promise<Dethroned> {
    if (![...ranks.values()].some((r) => r.kom_rank === 1)) return {};
    const board = await this.boards.query({
      segmentId,
      period: 'all_time',
      now: new Date(),
      limit: 1,
    });
    const leader = board.entries[0];
    return leader && leader.athleteId !== athleteId
      ? { athleteId: leader.athleteId, elapsedS: leader.elapsedS }
      : {};
  }

  /**
   * Raises the events of assessed efforts: a PR when the effort beats every earlier effort of
   * the athlete on the segment (whoever may see them: the news is for the athlete alone; a
   * first effort is no record), first place when it took KOM rank 1, and its loss for the
   * previous leader when they were slower.
   */
  private async announce(
    tx: Transaction<Database>,
    segmentId: string,
    efforts: readonly EffortWithActivity[],
    assess: ReadonlySet<string>,
    ranks: Ranks,
    dethroned: Dethroned,
  ): Promise<void> {
    for (const e of efforts) {
      if (!assess.has(e.id)) continue;
      const event = {
        segmentId,
        athleteId: e.athlete_id,
        activityId: e.activity_id,
        effortId: e.id,
        elapsedS: e.elapsed_time,
      };
      const earlier = efforts.filter((o) => o.id !== e.id && o.start_date < e.start_date);
      if (earlier.length && earlier.every((o) => o.elapsed_time > e.elapsed_time))
        await this.events.emit('segment.pr', tx, event);
      if (ranks.get(e.id)?.kom_rank !== 1) continue;
      await this.events.emit('segment.kom-won', tx, event);
      if (dethroned.athleteId && dethroned.elapsedS! > e.elapsed_time)
        await this.events.emit('segment.kom-lost', tx, {
          ...event,
          previousAthleteId: dethroned.athleteId,
        });
    }
  }

  private async ranks(
    segmentId: string,
    athleteId: string,
    efforts: readonly EffortWithActivity[],
    assess: ReadonlySet<string>,
  ): Promise<Ranks> {
    const pr = prRanks(efforts);
    const best = bestPublic(efforts);
    const out: Ranks = new Map();
    for (const e of efforts) {
      let kom = isPublic(e) ? e.kom_rank : null;
      if (assess.has(e.id)) {
        kom = null;
        if (e === best) {
          const rank = await this.boards.rankForTime(segmentId, e.elapsed_time, athleteId);
          kom = rank <= KOM_RANKS ? rank : null;
        }
      }
      out.set(e.id, { pr_rank: pr.get(e.id) ?? null, kom_rank: kom });
    }
    return out;
  }
}
