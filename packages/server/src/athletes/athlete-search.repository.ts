import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { uuidArray } from '../platform/db/uuid-array.js';

/**
 * Where a page of search results ends: the last result's tier (0 its handle, 1 a prefix,
 * 2 similar), its similarity and its lower-cased handle (unique), in the order results come.
 */
export interface SearchKey {
  tier: number;
  score: number;
  handleKey: string;
}

/** An athlete as the viewer sees them in a list of people: who, where, and how they relate. */
export interface Person {
  id: string;
  handle: string;
  display_name: string;
  city: string | null;
  /** The viewer follows them. */
  following: boolean;
  /** The viewer asked to follow them and they have not answered. */
  requested: boolean;
  /** They follow the viewer. */
  follows_you: boolean;
}

export interface Found extends Person, SearchKey {}

export interface FriendOfFriends {
  id: string;
  /** How many of the athletes the viewer follows follow them. */
  mutuals: number;
  /** Up to three of those, the ones the viewer followed most recently first. */
  via: string[];
}

/** `\`, `%` and `_` stand for themselves in a LIKE pattern. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The viewer's relation to the athlete whose id is `id`, as three booleans. */
const relationColumns = (viewerId: string, id: RawBuilder<unknown>) => sql`
  exists (select 1 from follows f where f.follower_id = ${viewerId} and f.followee_id = ${id})
    as following,
  exists (select 1 from follow_requests r where r.follower_id = ${viewerId} and r.followee_id = ${id})
    as requested,
  exists (select 1 from follows f where f.follower_id = ${id} and f.followee_id = ${viewerId})
    as follows_you`;

/** Neither athlete blocks the other. */
const unblocked = (viewerId: string, id: RawBuilder<unknown>) => sql`
  not exists (
    select 1 from blocks b
    where (b.blocker_id = ${viewerId} and b.blocked_id = ${id})
       or (b.blocker_id = ${id} and b.blocked_id = ${viewerId}))`;

/** Someone worth suggesting: not the viewer, not followed or asked yet, no block either way. */
const suggestible = (viewerId: string, id: RawBuilder<unknown>) => sql`
  ${id} <> ${viewerId}
  and not exists (select 1 from follows f where f.follower_id = ${viewerId} and f.followee_id = ${id})
  and not exists (select 1 from follow_requests r where r.follower_id = ${viewerId} and r.followee_id = ${id})
  and ${unblocked(viewerId, id)}`;

/**
 * Finding people: search over `athletes.search_text` (handle and name folded by the database's
 * `search_fold`, with a trigram index) and the follow graph behind "who to follow".
 */
export class AthleteSearchRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Athletes whose handle or name matches `text`, best first: the athlete whose handle it is,
   * then those whose handle or a word of whose name starts with it, then those whose name is
   * like it (trigram word similarity over pg_trgm's threshold, 0.6: "camile" is 0.86 of
   * "camille"). Never the viewer, nor anyone either of the two blocks.
   */
  async search(viewerId: string, text: string, limit: number, after?: SearchKey): Promise<Found[]> {
    const q = sql`search_fold(${text})`;
    const prefix = sql`search_fold(${`${escapeLike(text)}%`})`;
    const wordPrefix = sql`search_fold(${`% ${escapeLike(text)}%`})`;
    const id = sql.ref('p.id');
    const rows = await sql<Found & { handle_key: string }>`
      select p.*, ${relationColumns(viewerId, id)}
      from (
        select m.* from (
          select a.id, a.handle, a.display_name, a.city, lower(a.handle) as handle_key,
            case when lower(a.handle) = ${text.toLowerCase()} then 0
                 when a.search_text like ${prefix} or a.search_text like ${wordPrefix} then 1
                 else 2 end as tier,
            word_similarity(${q}, a.search_text) as score
          from athletes a
          where (a.search_text %> ${q}
                 or a.search_text like ${prefix}
                 or a.search_text like ${wordPrefix})
            and a.id <> ${viewerId}
            and ${unblocked(viewerId, sql.ref('a.id'))}
        ) m
        ${
          // Score descends: compared negated, so one row comparison continues the order.
          after
            ? sql`where (m.tier, -m.score, m.handle_key) >
                        (${after.tier}::int, -${after.score}::real, ${after.handleKey}::text)`
            : sql``
        }
        order by m.tier, m.score desc, m.handle_key
        limit ${limit}
      ) p
      order by p.tier, p.score desc, p.handle_key`.execute(this.db);
    return rows.rows.map(({ handle_key, ...r }) => ({ ...r, handleKey: handle_key }));
  }

  /**
   * Athletes followed by those the viewer follows, most such follows first, that the viewer
   * could follow (not already, not asked, no block either way).
   */
  async friendsOfFriends(viewerId: string, limit: number): Promise<FriendOfFriends[]> {
    const rows = await sql<FriendOfFriends>`
      select s.id, s.mutuals, s.via
      from (
        select f2.followee_id as id, count(*)::int as mutuals,
          to_json((array_agg(f1.followee_id::text
                             order by f1.created_at desc, f1.followee_id))[1:3]) as via
        from follows f1
        join follows f2 on f2.follower_id = f1.followee_id
        where f1.follower_id = ${viewerId}
          and ${suggestible(viewerId, sql.ref('f2.followee_id'))}
        group by f2.followee_id
      ) s
      join athletes a on a.id = s.id
      order by s.mutuals desc, lower(a.handle)
      limit ${limit}`.execute(this.db);
    return rows.rows;
  }

  /**
   * Athletes who live in the viewer's city (compared folded: "lyon" is "Lyon"; and in the same
   * country when both say which), newest accounts first, that the viewer could follow and that
   * are not in `skip`.
   */
  async sameCity(viewerId: string, skip: readonly string[], limit: number): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      select a.id
      from athletes me
      join athletes a on a.city is not null and search_fold(a.city) = search_fold(me.city)
      where me.id = ${viewerId}
        and me.city is not null
        and (me.country is null or a.country is null
             or search_fold(a.country) = search_fold(me.country))
        and ${suggestible(viewerId, sql.ref('a.id'))}
        and a.id <> all(${uuidArray(skip)})
      order by a.created_at desc, a.id
      limit ${limit}`.execute(this.db);
    return rows.rows.map((r) => r.id);
  }

  /**
   * Everyone the viewer must not be suggested: themselves, whom they follow or asked to, and
   * whoever either of them blocks.
   */
  async unsuggestable(viewerId: string): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      select ${viewerId}::uuid as id
      union select followee_id from follows where follower_id = ${viewerId}
      union select followee_id from follow_requests where follower_id = ${viewerId}
      union select blocked_id from blocks where blocker_id = ${viewerId}
      union select blocker_id from blocks where blocked_id = ${viewerId}`.execute(this.db);
    return rows.rows.map((r) => r.id);
  }

  /**
   * These athletes, with how the viewer relates to each, leaving out any that no longer exist
   * or that block the viewer or that the viewer blocks.
   */
  async people(viewerId: string, ids: readonly string[]): Promise<Person[]> {
    if (!ids.length) return [];
    const id = sql.ref('a.id');
    const rows = await sql<Person>`
      select a.id, a.handle, a.display_name, a.city, ${relationColumns(viewerId, id)}
      from athletes a
      where a.id = any(${uuidArray(ids)}) and ${unblocked(viewerId, id)}`.execute(this.db);
    return rows.rows;
  }
}
