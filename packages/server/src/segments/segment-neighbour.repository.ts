import { type Kysely, sql } from 'kysely';
import type { Database, SegmentSport } from '../platform/db/schema.js';
import { uuidArray } from '../platform/db/uuid-array.js';

/** The segments an athlete goes over most that are considered when looking for neighbours. */
const OWN_SEGMENTS = 50;

export interface NeighbourRow {
  athlete_id: string;
  shared: number;
  segment_id: string;
  segment_name: string;
  sport_type: SegmentSport;
}

/** Who else rides or runs an athlete's segments ("who to follow"). */
export class SegmentNeighbourRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Athletes with public efforts (`segment_athletes.public_efforts`: complete activities visible
   * to everyone, outside privacy zones) on the segments `athleteId` has efforts on — their own,
   * of any visibility: it is their data, and nothing of it is shown to the others. Most
   * segments in common first, then most public efforts on them; each with the shared segment
   * the athlete goes over most. Only the athlete's 50 most-gone-over segments are looked at,
   * so one athlete with thousands of segments costs no more than one with fifty.
   */
  async neighbours(
    athleteId: string,
    exclude: readonly string[],
    limit: number,
  ): Promise<NeighbourRow[]> {
    const rows = await sql<NeighbourRow>`
      with mine as (
        select segment_id, count(*) as efforts
        from segment_efforts
        where athlete_id = ${athleteId}
        group by segment_id
        order by count(*) desc, segment_id
        limit ${OWN_SEGMENTS}
      ), near as (
        select sa.athlete_id, count(*)::int as shared, sum(sa.public_efforts) as efforts,
          (array_agg(sa.segment_id order by m.efforts desc, sa.segment_id))[1] as segment_id
        from mine m
        join segment_athletes sa on sa.segment_id = m.segment_id
        where sa.public_efforts > 0
          and sa.athlete_id <> ${athleteId}
          and sa.athlete_id <> all(${uuidArray(exclude)})
        group by sa.athlete_id
      )
      select n.athlete_id, n.shared, n.segment_id, s.name as segment_name, s.sport_type
      from near n
      join segments s on s.id = n.segment_id
      order by n.shared desc, n.efforts desc, n.athlete_id
      limit ${limit}`.execute(this.db);
    return rows.rows;
  }
}
