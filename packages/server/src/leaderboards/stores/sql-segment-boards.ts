import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database, LeaderboardSegmentEntriesTable } from '../../platform/db/schema.js';
import {
  ALL_TIME_BOARD,
  bestByBoard,
  compareRanked,
  rankInMemory,
  rankRun,
  segmentBoardKey,
} from '../boards.js';
import { boardIsOver, type Clock } from '../clock.js';
import type {
  BoardAthlete,
  EffortRecord,
  RankedEffort,
  SegmentBoard,
  SegmentBoardQuery,
  SegmentLeaderboardStore,
} from '../leaderboard-store.js';

type Entry = Selectable<LeaderboardSegmentEntriesTable>;

/** Expired rows removed per write: more than a write can add, so pruning keeps up. */
const PRUNE_PER_WRITE = 64;

const EMPTY: SegmentBoard = { entries: [], total: 0, viewer: null };

function ranked(e: Entry, rank: number): RankedEffort {
  return {
    athleteId: e.athlete_id,
    effortId: e.effort_id,
    activityId: e.activity_id,
    elapsedS: e.elapsed_s,
    startDate: e.start_date,
    startDateLocal: e.start_date_local,
    rank,
  };
}

/**
 * Segment boards in SQL: one row per athlete per board holding their best effort, ordered by an
 * index on (segment, board, elapsed, start, athlete), and a per-board athlete count. A top-N is
 * an index range read; a rank is a count over the index up to the viewer (O(rank)).
 */
export class SqlSegmentBoards implements SegmentLeaderboardStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = Date.now,
  ) {}

  async setAthleteEfforts(
    segmentId: string,
    athlete: BoardAthlete,
    efforts: readonly EffortRecord[],
  ): Promise<void> {
    const nowMs = this.clock();
    const entries = bestByBoard(athlete, efforts, nowMs);
    await this.db.transaction().execute(async (tx) => {
      // One writer per athlete and segment: delete-then-insert must not interleave.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`lb:seg:${segmentId}:${athlete.athleteId}`}, 0))`.execute(
        tx,
      );
      const removed = await tx
        .deleteFrom('leaderboard_segment_entries')
        .where('segment_id', '=', segmentId)
        .where('athlete_id', '=', athlete.athleteId)
        .returning('board')
        .execute();
      if (entries.length) {
        await tx
          .insertInto('leaderboard_segment_entries')
          .values(
            entries.map(({ board, effort, ttlMs }) => ({
              segment_id: segmentId,
              board,
              athlete_id: athlete.athleteId,
              elapsed_s: effort.elapsedS,
              start_date: effort.startDate,
              start_date_local: effort.startDateLocal,
              effort_id: effort.effortId,
              activity_id: effort.activityId,
              expires_at: Number.isFinite(ttlMs) ? new Date(nowMs + ttlMs) : null,
            })),
          )
          .execute();
      }
      await this.count(tx, segmentId, new Set(removed.map((r) => r.board)), entries, nowMs);
      await this.prune(tx, segmentId, new Date(nowMs));
    });
  }

  /** Moves each board's athlete count by the boards the athlete left and joined. */
  private async count(
    tx: Transaction<Database>,
    segmentId: string,
    before: Set<string>,
    after: ReturnType<typeof bestByBoard>,
    nowMs: number,
  ): Promise<void> {
    // Count rows are taken in board order (the update below scans them in that order too), so
    // concurrent writers do not deadlock within a statement; a rare deadlock across the two
    // statements fails one write, and its job retries.
    const joined = after
      .filter((e) => !before.has(e.board))
      .sort((a, b) => (a.board < b.board ? -1 : 1));
    const kept = new Set(after.map((e) => e.board));
    const left = [...before].filter((b) => !kept.has(b));
    if (joined.length) {
      await tx
        .insertInto('leaderboard_segment_counts')
        .values(
          joined.map(({ board, ttlMs }) => ({
            segment_id: segmentId,
            board,
            athletes: 1,
            expires_at: Number.isFinite(ttlMs) ? new Date(nowMs + ttlMs) : null,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['segment_id', 'board']).doUpdateSet((eb) => ({
            athletes: eb('leaderboard_segment_counts.athletes', '+', 1),
          })),
        )
        .execute();
    }
    if (left.length) {
      await tx
        .updateTable('leaderboard_segment_counts')
        .set((eb) => ({ athletes: eb('athletes', '-', 1) }))
        .where('segment_id', '=', segmentId)
        .where('board', 'in', left)
        .execute();
    }
  }

  /** Removes a few rows of boards whose period is over (nobody can ask for them any more). */
  private async prune(tx: Transaction<Database>, segmentId: string, now: Date): Promise<void> {
    await sql`
      delete from leaderboard_segment_entries
      where (segment_id, athlete_id, board) in (
        select segment_id, athlete_id, board from leaderboard_segment_entries
        where segment_id = ${segmentId} and expires_at < ${now}
        limit ${PRUNE_PER_WRITE})`.execute(tx);
    await tx
      .deleteFrom('leaderboard_segment_counts')
      .where('segment_id', '=', segmentId)
      .where('expires_at', '<', now)
      .execute();
  }

  private rows(segmentId: string, board: string) {
    return this.db
      .selectFrom('leaderboard_segment_entries')
      .selectAll()
      .where('segment_id', '=', segmentId)
      .where('board', '=', board);
  }

  async query(q: SegmentBoardQuery): Promise<SegmentBoard> {
    if (boardIsOver(q.period, q.now, this.clock())) return EMPTY;
    const board = segmentBoardKey(q);
    const rows = () => this.rows(q.segmentId, board);
    if (q.athleteIds) {
      if (!q.athleteIds.length) return EMPTY;
      const found = await rows().where('athlete_id', 'in', q.athleteIds).execute();
      const r = rankInMemory(
        found.map((e) => ranked(e, 0)),
        compareRanked,
        (e) => e.elapsedS,
        q.limit,
        q.viewerId,
        q.neighbours ?? 0,
      );
      return r;
    }
    const [top, count] = await Promise.all([
      rows()
        .orderBy('elapsed_s')
        .orderBy('start_date')
        .orderBy('athlete_id')
        .limit(q.limit)
        .execute(),
      this.db
        .selectFrom('leaderboard_segment_counts')
        .select('athletes')
        .where('segment_id', '=', q.segmentId)
        .where('board', '=', board)
        .executeTakeFirst(),
    ]);
    const ranks = rankRun(
      top.map((e) => e.elapsed_s),
      0,
      1,
    );
    return {
      entries: top.map((e, i) => ranked(e, ranks[i]!)),
      total: count?.athletes ?? 0,
      viewer: q.viewerId ? await this.viewer(q, board, q.viewerId) : null,
    };
  }

  private async viewer(
    q: SegmentBoardQuery,
    board: string,
    viewerId: string,
  ): Promise<SegmentBoard['viewer']> {
    const n = q.neighbours ?? 0;
    const base = () => this.rows(q.segmentId, board);
    const me = await base().where('athlete_id', '=', viewerId).executeTakeFirst();
    if (!me) return null;
    // Board order as a row comparison on the index's last three columns (the segment and board
    // are fixed by equality): PostgreSQL starts the scan right at the viewer.
    const key = sql`(${me.elapsed_s}::double precision, ${me.start_date}::timestamptz, ${me.athlete_id}::uuid)`;
    const tuple = sql`(elapsed_s, start_date, athlete_id)`;
    const [before, after] = await Promise.all([
      n
        ? base()
            .where(sql<boolean>`${tuple} < ${key}`)
            .orderBy('elapsed_s', 'desc')
            .orderBy('start_date', 'desc')
            .orderBy('athlete_id', 'desc')
            .limit(n)
            .execute()
        : [],
      n
        ? base()
            .where(sql<boolean>`${tuple} > ${key}`)
            .orderBy('elapsed_s')
            .orderBy('start_date')
            .orderBy('athlete_id')
            .limit(n)
            .execute()
        : [],
    ]);
    const window = [...before].reverse().concat([me], after);
    const first = window[0]!;
    // Ranks are counts over the board index: one up to the viewer's time (O(rank), the cost of
    // SQL boards), and two over the short stretches of ties and of the entries shown above.
    const onBoard = sql`segment_id = ${q.segmentId} and board = ${board}`;
    const counts = await sql<{ faster: number; tied_ahead: number; shown_faster: number }>`
      select
        (select count(*) from leaderboard_segment_entries
          where ${onBoard} and elapsed_s < ${me.elapsed_s}) as faster,
        (select count(*) from leaderboard_segment_entries
          where ${onBoard} and elapsed_s = ${me.elapsed_s}
            and (start_date, athlete_id) < (${me.start_date}::timestamptz, ${me.athlete_id}::uuid)
        ) as tied_ahead,
        (select count(*) from leaderboard_segment_entries
          where ${onBoard} and elapsed_s >= ${first.elapsed_s} and elapsed_s < ${me.elapsed_s}
        ) as shown_faster`.execute(this.db);
    const c = counts.rows[0]!;
    const faster = Number(c.faster);
    const ranks = rankRun(
      window.map((e) => e.elapsed_s),
      faster + Number(c.tied_ahead) - before.length,
      faster - Number(c.shown_faster) + 1,
    );
    return {
      best: ranked(me, faster + 1),
      neighbours: window.map((e, i) => ranked(e, ranks[i]!)),
    };
  }

  async rankForTime(segmentId: string, elapsedS: number, exceptAthleteId: string): Promise<number> {
    const r = await this.db
      .selectFrom('leaderboard_segment_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('segment_id', '=', segmentId)
      .where('board', '=', ALL_TIME_BOARD)
      .where('elapsed_s', '<', elapsedS)
      .where('athlete_id', '<>', exceptAthleteId)
      .executeTakeFirstOrThrow();
    return Number(r.n) + 1;
  }

  async deleteSegment(segmentId: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .deleteFrom('leaderboard_segment_entries')
        .where('segment_id', '=', segmentId)
        .execute();
      await tx
        .deleteFrom('leaderboard_segment_counts')
        .where('segment_id', '=', segmentId)
        .execute();
    });
  }

  async clear(): Promise<void> {
    await sql`truncate leaderboard_segment_entries, leaderboard_segment_counts`.execute(this.db);
  }
}
