import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { whileRedisAnswers } from '../../platform/redis.js';
import {
  compareTotals,
  fromStored,
  placeFilterKey,
  placeKeys,
  rankInMemory,
  rankRun,
  type StoredTotals,
  toStored,
  totalsPeriodOf,
  totalsPeriodsOfDay,
} from '../boards.js';
import { boardIsOver, type Clock } from '../clock.js';
import type {
  AthleteTotalsStore,
  BoardPlace,
  DayTotals,
  RankedTotals,
  TotalsBoard,
  TotalsQuery,
} from '../leaderboard-store.js';
import { CUSTOM_RANGE_LOOKBACK_DAYS, parseDay, periodOf, rangeParts, ttlMs } from '../periods.js';
import { compareAndSet, deleteByPrefix, keyPart, RedisScript } from './redis-support.js';

/*
 * Keys, all under the configured prefix, per sport S, period P and regional board R:
 *   lb:tot:S:P:R:d | :t | :e | :n   sorted sets athlete → −distance cm | moving s | elevation cm
 *                                   | activities (negative distance: equal sums list by athlete id)
 *   lb:tot:S:rec:<athlete>:<day>    the day as last written (totals and regional boards), so a
 *                                   rewrite takes exactly the old contribution off again
 * P is a week (w2026-W20) and a year (y2026), kept two days past their end; a month (m2026-05)
 * and a day (d2026-05-20), kept CUSTOM_RANGE_LOOKBACK_DAYS past their end for custom ranges.
 */

const DAY_MS = 86_400_000;
const LOOKBACK_MS = CUSTOM_RANGE_LOOKBACK_DAYS * DAY_MS;
const METRICS = ['d', 't', 'e', 'n'] as const;

const SET_DAY = new RedisScript(`
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
local athlete, old = ARGV[4], tonumber(ARGV[5])
for g = 0, (#KEYS - 1) / 4 - 1 do
  local k = 2 + 4 * g
  if g < old then
    if redis.call('ZSCORE', KEYS[k + 3], athlete) then
      if tonumber(redis.call('ZINCRBY', KEYS[k + 3], ARGV[9], athlete)) <= 0 then
        for j = 0, 3 do redis.call('ZREM', KEYS[k + j], athlete) end
      else
        for j = 0, 2 do redis.call('ZINCRBY', KEYS[k + j], ARGV[6 + j], athlete) end
      end
    end
  else
    for j = 0, 3 do
      redis.call('ZINCRBY', KEYS[k + j], ARGV[10 + j], athlete)
      redis.call('PEXPIRE', KEYS[k + j], ARGV[14 + g - old])
    end
  end
end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
return 1
`);

// KEYS: d, t, e, n of the board (temporary keys when summing a range), then the range's source
// keys grouped by metric. ARGV: sources per metric, limit, viewer, then athlete ids to filter by.
const QUERY = new RedisScript(`
local sources = tonumber(ARGV[1])
if sources > 0 then
  for j = 0, 3 do
    local from = 5 + j * sources
    redis.call('ZUNIONSTORE', KEYS[1 + j], sources, unpack(KEYS, from, from + sources - 1))
  end
end
local function scores(ids)
  if #ids == 0 then return {{}, {}, {}, {}} end
  return {
    redis.call('ZMSCORE', KEYS[1], unpack(ids)), redis.call('ZMSCORE', KEYS[2], unpack(ids)),
    redis.call('ZMSCORE', KEYS[3], unpack(ids)), redis.call('ZMSCORE', KEYS[4], unpack(ids)),
  }
end
local result
if #ARGV > 3 then
  local ids = {unpack(ARGV, 4)}
  result = {ids, scores(ids)}
else
  local ids = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1)
  result = {ids, scores(ids), redis.call('ZCARD', KEYS[1])}
  if ARGV[3] ~= '' then
    local mine = redis.call('ZSCORE', KEYS[1], ARGV[3])
    if mine then
      result[4] = redis.call('ZCOUNT', KEYS[1], '-inf', '(' .. mine)
      result[5] = scores({ARGV[3]})
    end
  end
end
if sources > 0 then redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4]) end
return result
`);

interface DayRecord {
  totals: StoredTotals;
  places: string[];
}

type Scores = [
  Array<string | null>,
  Array<string | null>,
  Array<string | null>,
  Array<string | null>,
];

/** The four sorted sets of one board: −distance cm, moving s, elevation cm, activities. */
export function totalsBoardKeys(
  prefix: string,
  sport: string,
  period: string,
  place: string,
): string[] {
  const base = `${prefix}lb:tot:${keyPart(sport)}:${period}:${keyPart(place || 'all')}`;
  return METRICS.map((m) => `${base}:${m}`);
}

/** Athlete totals as Redis sorted sets (see the key layout above). */
export class RedisAthleteTotals implements AthleteTotalsStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly clock: Clock = Date.now,
  ) {}

  private board(sport: string, period: string, place: string): string[] {
    return totalsBoardKeys(this.prefix, sport, period, place);
  }

  /** Every board a day counts on, with how long each lives from `nowMs` (skipping those over). */
  private boardsOf(sport: string, day: string, places: string[], nowMs: number) {
    const d = parseDay(day)!;
    const periods = totalsPeriodsOfDay(day).map((p) => ({
      key: p.key,
      ttl: ttlMs(p.end, nowMs, p.key.startsWith('m') ? LOOKBACK_MS : undefined),
    }));
    const dayPeriod = periodOf('day', d);
    periods.push({ key: dayPeriod.key, ttl: ttlMs(dayPeriod.end, nowMs, LOOKBACK_MS) });
    return periods
      .filter((p) => p.ttl > 0)
      .flatMap((p) =>
        places.map((place) => ({ keys: this.board(sport, p.key, place), ttl: p.ttl })),
      );
  }

  async setDay(
    athleteId: string,
    sport: string,
    day: string,
    totals: DayTotals,
    place: BoardPlace,
  ): Promise<void> {
    const recordKey = `${this.prefix}lb:tot:${keyPart(sport)}:rec:${athleteId}:${day}`;
    const stored = toStored(totals);
    await compareAndSet(async () => {
      const nowMs = this.clock();
      const current = (await this.redis.get(recordKey)) ?? '';
      const old = current ? (JSON.parse(current) as DayRecord) : null;
      const oldBoards = old ? this.boardsOf(sport, day, old.places, nowMs) : [];
      const places = placeKeys(place);
      const newBoards = stored.activities > 0 ? this.boardsOf(sport, day, places, nowMs) : [];
      if (!old && !newBoards.length) return true;
      // The record outlives every board it counts on, so a rewrite always finds it.
      const recordTtl = Math.max(0, ...newBoards.map((b) => b.ttl)) + DAY_MS;
      const o = old?.totals;
      const args: Array<string | number> = [
        current,
        newBoards.length ? JSON.stringify({ totals: stored, places } satisfies DayRecord) : '',
        Math.ceil(recordTtl),
        athleteId,
        oldBoards.length,
        // What taking the old day off adds to d, t, e, n; then what adding the new day adds.
        o?.distanceCm ?? 0,
        -(o?.movingS ?? 0),
        -(o?.elevCm ?? 0),
        -(o?.activities ?? 0),
        -stored.distanceCm,
        stored.movingS,
        stored.elevCm,
        stored.activities,
        ...newBoards.map((b) => Math.ceil(b.ttl)),
      ];
      const keys = [
        recordKey,
        ...oldBoards.flatMap((b) => b.keys),
        ...newBoards.flatMap((b) => b.keys),
      ];
      return (await SET_DAY.run(this.redis, keys, args)) === 1;
    }, 'athlete totals write');
  }

  /** Reads answer 503 at once while Redis is unreachable (a command waits at most 1 s). */
  query(q: TotalsQuery): Promise<TotalsBoard> {
    return whileRedisAnswers('the athletes leaderboard', () => this.read(q));
  }

  private async read(q: TotalsQuery): Promise<TotalsBoard> {
    const period = totalsPeriodOf(q.period, q.now);
    const place = placeFilterKey(q.place);
    if (q.athleteIds && !q.athleteIds.length) return { entries: [], total: 0, viewer: null };
    let keys: string[];
    let sources = 0;
    if ('from' in period) {
      const parts = rangeParts(period.from, period.to);
      const periods = [...parts.months.map((m) => `m${m}`), ...parts.days.map((d) => `d${d}`)];
      const boards = periods.map((p) => this.board(q.sport, p, place));
      sources = boards.length;
      keys = this.board(q.sport, `tmp-${randomUUID()}`, place);
      for (let j = 0; j < 4; j++) for (const b of boards) keys.push(b[j]!);
    } else {
      if (typeof q.period === 'string' && boardIsOver(q.period, q.now, this.clock()))
        return { entries: [], total: 0, viewer: null };
      keys = this.board(q.sport, period.key, place);
    }
    const args = [sources, q.limit, q.viewerId ?? '', ...(q.athleteIds ?? [])];
    const [ids, scores, total, longer, mine] = (await QUERY.run(this.redis, keys, args)) as [
      string[],
      Scores,
      number?,
      number?,
      Scores?,
    ];
    const rows = ids
      .map((id, i) => totalsOf(id, scores, i))
      .filter((r): r is RankedTotals => r !== null);
    if (q.athleteIds) {
      const r = rankInMemory(rows, compareTotals, (t) => -t.distanceM, q.limit, q.viewerId, 0);
      return { entries: r.entries, total: r.total, viewer: r.viewer?.best ?? null };
    }
    const ranks = rankRun(
      rows.map((r) => r.distanceM),
      0,
      1,
    );
    const viewer = mine && q.viewerId ? totalsOf(q.viewerId, mine, 0) : null;
    return {
      entries: rows.map((r, i) => ({ ...r, rank: ranks[i]! })),
      total: total ?? 0,
      viewer: viewer ? { ...viewer, rank: longer! + 1 } : null,
    };
  }

  async clear(): Promise<void> {
    await deleteByPrefix(this.redis, `${this.prefix}lb:tot:`);
  }
}

function totalsOf(athleteId: string, s: Scores, i: number): RankedTotals | null {
  const d = s[0][i];
  if (d === null || d === undefined) return null;
  return {
    athleteId,
    ...fromStored({
      distanceCm: -Number(d),
      movingS: Number(s[1][i] ?? 0),
      elevCm: Number(s[2][i] ?? 0),
      activities: Number(s[3][i] ?? 0),
    }),
    rank: 0,
  };
}
