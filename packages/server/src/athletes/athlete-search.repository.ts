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

/** What a search looks for, folded by the database as the stored text is. */
interface Match {
  viewerId: string;
  q: RawBuilder<unknown>;
  prefix: RawBuilder<unknown>;
  wordPrefix: RawBuilder<unknown>;
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
   * Athletes whose handle or name matches `text`, best first, never the viewer nor anyone
   * either of the two blocks: the athlete whose handle it is (tier 0), then those whose handle
   * or a word of whose name starts with it (tier 1), both in handle order; then, once those run
   * out, names alike (tier 2: trigram word similarity over pg_trgm's threshold, 0.6 — "camile"
   * is 0.86 of "camille"), most alike first — unless the text is someone's handle.
   *
   * Two queries, so that a common name costs no similarity at all: a prefix is a LIKE the
   * trigram index answers and rechecks cheaply, while word_similarity is worked out for every
   * candidate (thousands for "camille" among 100,000) — only needed when the prefixes do not
   * fill the page.
   */
  async search(viewerId: string, text: string, limit: number, after?: SearchKey): Promise<Found[]> {
    const match = {
      viewerId,
      q: sql`search_fold(${text})`,
      prefix: sql`search_fold(${`${escapeLike(text)}%`})`,
      wordPrefix: sql`search_fold(${`% ${escapeLike(text)}%`})`,
    };
    const found = !after || after.tier < 2 ? await this.prefixed(match, text, limit, after) : [];
    if (found.length === limit) return found;
    // Someone's handle typed in full needs no typo forgiven: names alike would only bury them.
    const named =
      found.some((f) => f.tier === 0) ||
      after?.tier === 0 ||
      (after?.tier === 1 && (await this.handleShown(viewerId, text)));
    if (named) return found;
    const similarAfter = after?.tier === 2 ? after : undefined;
    return [...found, ...(await this.similar(match, limit - found.length, similarAfter))];
  }

  /** Whether `text` is the handle of an athlete the viewer may be shown. */
  private async handleShown(viewerId: string, text: string): Promise<boolean> {
    const row = await sql<{ shown: boolean }>`
      select exists (
        select 1 from athletes a
        where lower(a.handle) = ${text.toLowerCase()}
          and a.id <> ${viewerId}
          and ${unblocked(viewerId, sql.ref('a.id'))}
      ) as shown`.execute(this.db);
    return row.rows[0]?.shown ?? false;
  }

  /** Tiers 0 and 1: the handle itself, then handles and name words starting with the text. */
  private async prefixed(m: Match, text: string, limit: number, after?: SearchKey) {
    return this.page(
      m.viewerId,
      sql`
        select a.id, a.handle, a.display_name, a.city, lower(a.handle) as handle_key,
          case when lower(a.handle) = ${text.toLowerCase()} then 0 else 1 end as tier,
          1::real as score
        from athletes a
        where (a.search_text like ${m.prefix} or a.search_text like ${m.wordPrefix})`,
      after ? sql`(m.tier, m.handle_key) > (${after.tier}::int, ${after.handleKey}::text)` : null,
      (t) => sql`${sql.ref(`${t}.tier`)}, ${sql.ref(`${t}.handle_key`)}`,
      limit,
    );
  }

  /** Tier 2: names alike that no prefix matched, most alike first. */
  private async similar(m: Match, limit: number, after?: SearchKey) {
    return this.page(
      m.viewerId,
      sql`
        select a.id, a.handle, a.display_name, a.city, lower(a.handle) as handle_key,
          2 as tier, word_similarity(${m.q}, a.search_text) as score
        from athletes a
        where a.search_text %> ${m.q}
          and not (a.search_text like ${m.prefix} or a.search_text like ${m.wordPrefix})`,
      // Score descends: compared negated, so one row comparison continues the order.
      after
        ? sql`(-m.score, m.handle_key) > (-${after.score}::real, ${after.handleKey}::text)`
        : null,
      (t) => sql`${sql.ref(`${t}.score`)} desc, ${sql.ref(`${t}.handle_key`)}`,
      limit,
    );
  }

  /**
   * One page of `candidates` (which select id, handle, display_name, city, handle_key, tier,
   * score from athletes as `a`), without the viewer and blocks, after the keyset, in `order`
   * (of the columns of the table aliased so); each with the viewer's relation, worked out for
   * the page only.
   */
  private async page(
    viewerId: string,
    candidates: RawBuilder<unknown>,
    after: RawBuilder<unknown> | null,
    order: (table: string) => RawBuilder<unknown>,
    limit: number,
  ): Promise<Found[]> {
    const rows = await sql<Found & { handle_key: string }>`
      select p.*, ${relationColumns(viewerId, sql.ref('p.id'))}
      from (
        select m.* from (
          ${candidates}
            and a.id <> ${viewerId}
            and ${unblocked(viewerId, sql.ref('a.id'))}
        ) m
        ${after ? sql`where ${after}` : sql``}
        order by ${order('m')}
        limit ${limit}
      ) p
      order by ${order('p')}`.execute(this.db);
    return rows.rows.map(({ handle_key, ...r }) => ({ ...r, handleKey: handle_key }));
  }

  /**
   * Athletes followed by those the viewer follows, most such follows first (then by id), that
   * the viewer could follow (not already, not asked, no block either way).
   *
   * Counted first, checked and cut to the page next, and only then are the three names of each
   * looked up: a viewer who follows 200 athletes who follow 200 each has 40,000 follows of
   * follows to count, but only a page of suggestions to name.
   */
  async friendsOfFriends(viewerId: string, limit: number): Promise<FriendOfFriends[]> {
    const rows = await sql<FriendOfFriends>`
      select t.id, t.mutuals,
        (select coalesce(json_agg(v.id), '[]'::json) from (
           select f1.followee_id as id
           from follows f1
           join follows f2 on f2.follower_id = f1.followee_id and f2.followee_id = t.id
           where f1.follower_id = ${viewerId}
           order by f1.created_at desc, f1.followee_id
           limit 3) v) as via
      from (
        select s.id, s.mutuals
        from (
          select f2.followee_id as id, count(*)::int as mutuals
          from follows f1
          join follows f2 on f2.follower_id = f1.followee_id
          where f1.follower_id = ${viewerId}
          group by f2.followee_id
        ) s
        where ${suggestible(viewerId, sql.ref('s.id'))}
        order by s.mutuals desc, s.id
        limit ${limit}
      ) t
      order by t.mutuals desc, t.id`.execute(this.db);
    return rows.rows;
  }

  /**
   * Athletes who live in the viewer's city (compared folded: "lyon" is "Lyon"; and in the same
   * country when both say which), newest accounts first, that the viewer could follow and that
   * are not in `skip`.
   */
  async sameCity(
    viewerId: string,
    skip: readonly string[],
    limit: number,
  ): Promise<Array<{ id: string; city: string }>> {
    const rows = await sql<{ id: string; city: string }>`
      select a.id, a.city
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
    return rows.rows;
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
