import type { Redis } from 'ioredis';
import { whileRedisAnswers } from '../../platform/redis.js';
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
import { compareAndSet, deleteByPrefix, keyPart, RedisScript } from './redis-support.js';

/*
 * Keys, all under the configured prefix and the segment's hash tag (one cluster slot):
 *   lb:seg:{S}:<board>      sorted set: score = elapsed s, member = <start ms, 15 digits>:<athlete>
 *                           (Redis orders equal scores by member: the earlier effort first)
 *   lb:seg:{S}:<board>:e    hash athlete → "member\telapsed\tstart ms\tlocal start ms\teffort\tactivity"
 *   lb:seg:{S}:athletes     hash athlete → the boards they are on (JSON), to take them off again
 *   lb:seg:{S}:boards       sorted set board → when it expires (ms; +inf for all-time), to delete
 * Boards of a period expire two days after it ends.
 */

const SET_EFFORTS = new RedisScript(`
local athlete = ARGV[1]
local current = redis.call('HGET', KEYS[1], athlete) or ''
if current ~= ARGV[2] then return 0 end
local boards = (#KEYS - 2) / 2
for i = 0, boards - 1 do
  local z, h, a = KEYS[3 + 2 * i], KEYS[4 + 2 * i], 5 + 5 * i
  local old = redis.call('HGET', h, athlete)
  if old then redis.call('ZREM', z, string.match(old, '^[^\\t]*')) end
  if ARGV[a + 1] == '' then
    redis.call('HDEL', h, athlete)
  else
    redis.call('ZADD', z, ARGV[a + 1], ARGV[a + 2])
    redis.call('HSET', h, athlete, ARGV[a + 3])
    if ARGV[a + 4] == 'inf' then
      redis.call('ZADD', KEYS[2], '+inf', ARGV[a])
    else
      redis.call('PEXPIRE', z, ARGV[a + 4])
      redis.call('PEXPIRE', h, ARGV[a + 4])
      redis.call('ZADD', KEYS[2], tonumber(ARGV[4]) + tonumber(ARGV[a + 4]), ARGV[a])
    end
  end
end
if ARGV[3] == '' then redis.call('HDEL', KEYS[1], athlete) else redis.call('HSET', KEYS[1], athlete, ARGV[3]) end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
return 1
`);

// Top-N, total, and the viewer's entry, rank, position and the board around them, in one step.
const QUERY = new RedisScript(`
local function athletes(members)
  local ids = {}
  for i, m in ipairs(members) do ids[i] = string.sub(m, 17) end
  return ids
end
local function records(members)
  if #members == 0 then return {} end
  return redis.call('HMGET', KEYS[2], unpack(athletes(members)))
end
local top = records(redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1))
local total = redis.call('ZCARD', KEYS[1])
if ARGV[2] == '' then return {total, top} end
local mine = redis.call('HGET', KEYS[2], ARGV[2])
if not mine then return {total, top} end
local member, elapsed = string.match(mine, '^([^\\t]*)\\t([^\\t]*)')
local pos = redis.call('ZRANK', KEYS[1], member)
local faster = redis.call('ZCOUNT', KEYS[1], '-inf', '(' .. elapsed)
local from = math.max(0, pos - tonumber(ARGV[3]))
local window = records(redis.call('ZRANGE', KEYS[1], from, pos + tonumber(ARGV[3])))
local firstElapsed = string.match(window[1], '^[^\\t]*\\t([^\\t]*)')
local firstFaster = redis.call('ZCOUNT', KEYS[1], '-inf', '(' .. firstElapsed)
return {total, top, mine, faster, from, firstFaster, window}
`);

const RANK_FOR_TIME = new RedisScript(`
local faster = redis.call('ZCOUNT', KEYS[1], '-inf', '(' .. ARGV[1])
local own = redis.call('HGET', KEYS[2], ARGV[2])
if own and tonumber(string.match(own, '^[^\\t]*\\t([^\\t]*)')) < tonumber(ARGV[1]) then faster = faster - 1 end
return faster + 1
`);

const pad = (ms: number) => String(ms).padStart(15, '0');

/** An athlete's entry on a board: its sorted-set member and its record in the board's hash. */
export function boardEntry(athleteId: string, e: EffortRecord): { member: string; record: string } {
  const member = `${pad(e.startDate.getTime())}:${athleteId}`;
  return {
    member,
    record: [
      member,
      String(e.elapsedS),
      e.startDate.getTime(),
      e.startDateLocal.getTime(),
      e.effortId,
      e.activityId,
    ].join('\t'),
  };
}

function parse(raw: string, rank: number): RankedEffort {
  const [member, elapsed, start, local, effortId, activityId] = raw.split('\t') as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    athleteId: member.slice(16),
    effortId,
    activityId,
    elapsedS: Number(elapsed),
    startDate: new Date(Number(start)),
    startDateLocal: new Date(Number(local)),
    rank,
  };
}

/** The sorted set and the hash of one board. */
export function boardKeys(prefix: string, segmentId: string, board: string): [string, string] {
  const base = `${prefix}lb:seg:{${keyPart(segmentId)}}:${board}`;
  return [base, `${base}:e`];
}

/** Segment boards as Redis sorted sets (see the key layout above). */
export class RedisSegmentBoards implements SegmentLeaderboardStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly clock: Clock = Date.now,
  ) {}

  private base(segmentId: string): string {
    return `${this.prefix}lb:seg:{${keyPart(segmentId)}}:`;
  }

  async setAthleteEfforts(
    segmentId: string,
    athlete: BoardAthlete,
    efforts: readonly EffortRecord[],
  ): Promise<void> {
    const base = this.base(segmentId);
    const id = athlete.athleteId;
    await compareAndSet(async () => {
      const nowMs = this.clock();
      const entries = bestByBoard(athlete, efforts, nowMs);
      const current = (await this.redis.hget(`${base}athletes`, id)) ?? '';
      const boards = new Set<string>(current ? (JSON.parse(current) as string[]) : []);
      const next = new Map(entries.map((e) => [e.board, e]));
      for (const board of next.keys()) boards.add(board);
      const keys = [`${base}athletes`, `${base}boards`];
      const args: Array<string | number> = [
        id,
        current,
        next.size ? JSON.stringify([...next.keys()].sort()) : '',
        nowMs,
      ];
      for (const board of boards) {
        keys.push(`${base}${board}`, `${base}${board}:e`);
        const entry = next.get(board);
        if (!entry) {
          args.push(board, '', '', '', '');
          continue;
        }
        const r = boardEntry(id, entry.effort);
        const ttl = Number.isFinite(entry.ttlMs) ? Math.ceil(entry.ttlMs) : 'inf';
        args.push(board, String(entry.effort.elapsedS), r.member, r.record, ttl);
      }
      return (await SET_EFFORTS.run(this.redis, keys, args)) === 1;
    }, 'segment leaderboard write');
  }

  /** Reads answer 503 at once while Redis is unreachable (a command waits at most 1 s). */
  query(q: SegmentBoardQuery): Promise<SegmentBoard> {
    return whileRedisAnswers('the segment leaderboard', () => this.read(q));
  }

  private async read(q: SegmentBoardQuery): Promise<SegmentBoard> {
    if (boardIsOver(q.period, q.now, this.clock())) return { entries: [], total: 0, viewer: null };
    const base = this.base(q.segmentId);
    const board = segmentBoardKey(q);
    const keys = [`${base}${board}`, `${base}${board}:e`];
    const neighbours = q.neighbours ?? 0;
    if (q.athleteIds) {
      const raw = q.athleteIds.length ? await this.redis.hmget(keys[1]!, ...q.athleteIds) : [];
      const found = raw.filter((r): r is string => r !== null).map((r) => parse(r, 0));
      return rankInMemory(found, compareRanked, (e) => e.elapsedS, q.limit, q.viewerId, neighbours);
    }
    const [total, topRaw, mine, faster, from, firstFaster, windowRaw] = (await QUERY.run(
      this.redis,
      keys,
      [q.limit, q.viewerId ?? '', neighbours],
    )) as [number, string[], string?, number?, number?, number?, string[]?];
    const top = topRaw.map((r) => parse(r, 0));
    const ranks = rankRun(
      top.map((e) => e.elapsedS),
      0,
      1,
    );
    let viewer: SegmentBoard['viewer'] = null;
    if (mine && windowRaw) {
      const window = windowRaw.map((r) => parse(r, 0));
      const wr = rankRun(
        window.map((e) => e.elapsedS),
        from!,
        firstFaster! + 1,
      );
      viewer = {
        best: parse(mine, faster! + 1),
        neighbours: window.map((e, i) => ({ ...e, rank: wr[i]! })),
      };
    }
    return { entries: top.map((e, i) => ({ ...e, rank: ranks[i]! })), total, viewer };
  }

  async rankForTime(segmentId: string, elapsedS: number, exceptAthleteId: string): Promise<number> {
    const base = this.base(segmentId);
    return (await RANK_FOR_TIME.run(
      this.redis,
      [`${base}${ALL_TIME_BOARD}`, `${base}${ALL_TIME_BOARD}:e`],
      [String(elapsedS), exceptAthleteId],
    )) as number;
  }

  async deleteSegment(segmentId: string): Promise<void> {
    const base = this.base(segmentId);
    const boards = await this.redis.zrange(`${base}boards`, '0', '-1');
    const keys = boards.flatMap((b) => [`${base}${b}`, `${base}${b}:e`]);
    keys.push(`${base}athletes`, `${base}boards`);
    for (let i = 0; i < keys.length; i += 500) await this.redis.unlink(...keys.slice(i, i + 500));
  }

  async clear(): Promise<void> {
    await deleteByPrefix(this.redis, `${this.prefix}lb:seg:`);
  }
}
