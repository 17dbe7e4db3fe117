import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { AthleteTotalsStore, SegmentLeaderboardStore } from '../leaderboard-store.js';
import { RedisAthleteTotals } from './redis-athlete-totals.js';
import { RedisSegmentBoards } from './redis-segment-boards.js';
import { SqlAthleteTotals } from './sql-athlete-totals.js';
import { SqlSegmentBoards } from './sql-segment-boards.js';

/** Redis sorted sets when Redis is configured, the SQL tables otherwise. */
export function createLeaderboardStores(
  db: Kysely<Database>,
  redis: Redis | undefined,
  redisKeyPrefix: string,
): { segmentBoards: SegmentLeaderboardStore; athleteTotals: AthleteTotalsStore } {
  return redis
    ? {
        segmentBoards: new RedisSegmentBoards(redis, redisKeyPrefix),
        athleteTotals: new RedisAthleteTotals(redis, redisKeyPrefix),
      }
    : { segmentBoards: new SqlSegmentBoards(db), athleteTotals: new SqlAthleteTotals(db) };
}
