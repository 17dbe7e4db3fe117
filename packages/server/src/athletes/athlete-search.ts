import { invalidField } from '../platform/errors.js';
import type { AthleteService, AthleteSummary } from './athlete.service.js';
import type {
  AthleteSearchRepository,
  Found,
  Person,
  SearchKey,
} from './athlete-search.repository.js';

export type { Person, SearchKey } from './athlete-search.repository.js';

/** Longest search, in characters once trimmed: longer than any handle or sensible name. */
export const MAX_QUERY_CHARS = 64;

/** Another athlete who shares segments with the viewer (from the segments feature). */
export interface SegmentNeighbour {
  athleteId: string;
  /** Segments both have efforts on. */
  shared: number;
  /** The one of them the viewer goes over most. */
  segment: { id: string; name: string; sport_type: 'Run' | 'Ride' };
}

/**
 * Athletes with public efforts on the segments `athleteId` has efforts on, most segments in
 * common first, none of `exclude`.
 */
export type FindSegmentNeighbours = (
  athleteId: string,
  exclude: readonly string[],
  limit: number,
) => Promise<SegmentNeighbour[]>;

export type SuggestionReason =
  | { kind: 'followed_by'; count: number; athletes: AthleteSummary[] }
  | { kind: 'segments'; count: number; segment: SegmentNeighbour['segment'] }
  | { kind: 'city'; city: string };

export interface Suggestion {
  person: Person;
  reason: SuggestionReason;
  /** The reason in words: "followed by Léa and 2 others", "also rides Col de la Croix". */
  text: string;
}

/**
 * What the athlete typed, as searched: spaces trimmed and collapsed, a leading "@" (handles are
 * written so) dropped. 400 unless 1–64 characters remain.
 */
export function searchText(raw: string): string {
  const text = raw.trim().replace(/\s+/g, ' ').replace(/^@/, '');
  if (!text.length || [...text].length > MAX_QUERY_CHARS)
    throw invalidField('querystring.q', `must be 1 to ${MAX_QUERY_CHARS} characters`);
  return text;
}

export function reasonText(reason: SuggestionReason): string {
  switch (reason.kind) {
    case 'followed_by': {
      const [first] = reason.athletes;
      if (!first) return `followed by ${reason.count} people you follow`;
      const others = reason.count - 1;
      if (!others) return `followed by ${first.display_name}`;
      return `followed by ${first.display_name} and ${others} other${others === 1 ? '' : 's'}`;
    }
    case 'segments':
      return `also ${reason.segment.sport_type === 'Ride' ? 'rides' : 'runs'} ${reason.segment.name}`;
    case 'city':
      return `also in ${reason.city}`;
  }
}

/**
 * Finding people: search by handle or name, and "who to follow". Nobody either side blocks is
 * ever shown, and every person comes with how the viewer relates to them, so a client can show
 * the right Follow button.
 */
export class AthleteSearch {
  constructor(
    private readonly repository: AthleteSearchRepository,
    private readonly athletes: AthleteService,
    /** Bound late: the segments feature is built after this one. */
    private readonly segmentNeighbours: () => FindSegmentNeighbours | undefined,
  ) {}

  /** One page of matches for `raw` (400 when empty or too long once trimmed). */
  async search(
    viewerId: string,
    raw: string,
    limit: number,
    after?: SearchKey,
  ): Promise<{ items: Found[]; next: SearchKey | undefined }> {
    const items = await this.repository.search(viewerId, searchText(raw), limit, after);
    const last = items.at(-1);
    const next =
      items.length === limit && last
        ? { tier: last.tier, score: last.score, handleKey: last.handleKey }
        : undefined;
    return { items, next };
  }

  /**
   * Who to follow, best reason first: athletes followed by many of those the viewer follows;
   * then athletes who ride or run the viewer's segments (public efforts only); then athletes of
   * the viewer's city. Never the viewer, anyone they follow or asked to, nor a block either way.
   */
  async suggestions(viewerId: string, limit: number): Promise<Suggestion[]> {
    const reasons = new Map<string, SuggestionReason>();
    const friends = await this.repository.friendsOfFriends(viewerId, limit);
    const names = new Map(
      (await this.athletes.summaries([...new Set(friends.flatMap((f) => f.via))])).map((a) => [
        a.id,
        a,
      ]),
    );
    for (const f of friends) {
      const athletes = f.via.flatMap((id) => names.get(id) ?? []);
      reasons.set(f.id, { kind: 'followed_by', count: f.mutuals, athletes });
    }

    const neighbours = this.segmentNeighbours();
    if (reasons.size < limit && neighbours) {
      const exclude = [...(await this.repository.unsuggestable(viewerId)), ...reasons.keys()];
      for (const n of await neighbours(viewerId, exclude, limit - reasons.size))
        reasons.set(n.athleteId, { kind: 'segments', count: n.shared, segment: n.segment });
    }

    if (reasons.size < limit) {
      const skip = [...reasons.keys()];
      const near = await this.repository.sameCity(viewerId, skip, limit - reasons.size);
      for (const { id, city } of near) reasons.set(id, { kind: 'city', city });
    }

    const people = new Map(
      (await this.repository.people(viewerId, [...reasons.keys()])).map((p) => [p.id, p]),
    );
    const out: Suggestion[] = [];
    for (const [id, reason] of reasons) {
      const person = people.get(id);
      if (!person) continue; // gone since, or blocked meanwhile
      out.push({ person, reason, text: reasonText(reason) });
    }
    return out;
  }
}
