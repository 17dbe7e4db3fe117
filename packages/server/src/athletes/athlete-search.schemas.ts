import { Type } from 'typebox';
import { invalidField } from '../platform/errors.js';
import { PageQuery } from '../platform/http/pagination.js';
import type { Person, SearchKey, Suggestion } from './athlete-search.js';
import { MAX_QUERY_CHARS } from './athlete-search.js';
import { AthleteSummary, FollowState } from './athletes.schemas.js';

/** An athlete in a list of people, with what a Follow button needs. */
export const PersonResult = Type.Object({
  ...AthleteSummary.properties,
  city: Type.Union([Type.String(), Type.Null()]),
  follow_state: FollowState,
  follows_you: Type.Boolean({ description: 'whether this athlete follows the signed-in one' }),
});

export const SearchQuery = Type.Object({
  q: Type.String({
    minLength: 1,
    // The raw text may carry spaces around it; what is searched is checked once trimmed.
    maxLength: 256,
    description:
      `a handle or a name, or the start of one; ${MAX_QUERY_CHARS} characters at most once ` +
      'trimmed. Case and accents do not matter ("lea" finds Léa) and small typos are forgiven ' +
      '("camile" finds Camille); a leading "@" is ignored',
  }),
  cursor: PageQuery.cursor,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});

export const SearchPage = Type.Object({
  items: Type.Array(PersonResult),
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
});

export const SuggestionsQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});

const Nullable = <T extends ReturnType<typeof Type.Object>>(t: T) => Type.Union([t, Type.Null()]);

export const SuggestionList = Type.Object({
  items: Type.Array(
    Type.Object({
      ...PersonResult.properties,
      reason: Type.Object(
        {
          kind: Type.Union(
            [Type.Literal('followed_by'), Type.Literal('segments'), Type.Literal('city')],
            {
              description:
                'followed_by: athletes I follow follow them; segments: they have public ' +
                'efforts on segments I have efforts on; city: they live in my city',
            },
          ),
          text: Type.String({
            description: 'the reason in words: "followed by Léa and 2 others", "also rides …"',
          }),
          count: Type.Integer({
            description: 'athletes I follow who follow them, or segments we share; 1 for a city',
          }),
          athletes: Type.Array(AthleteSummary, {
            description: 'followed_by: up to three of those I follow who follow them',
          }),
          segment: Nullable(
            Type.Object({
              id: Type.String({ format: 'uuid' }),
              name: Type.String(),
              sport_type: Type.Union([Type.Literal('Run'), Type.Literal('Ride')]),
            }),
          ),
          city: Type.Union([Type.String(), Type.Null()]),
        },
        { description: 'why this athlete is suggested' },
      ),
    }),
  ),
});

export function presentPerson(p: Person) {
  return {
    id: p.id,
    handle: p.handle,
    display_name: p.display_name,
    city: p.city,
    follow_state: p.following
      ? ('following' as const)
      : p.requested
        ? ('requested' as const)
        : ('none' as const),
    follows_you: p.follows_you,
  };
}

export function presentSuggestion(s: Suggestion) {
  const r = s.reason;
  return {
    ...presentPerson(s.person),
    reason: {
      kind: r.kind,
      text: s.text,
      count: r.kind === 'city' ? 1 : r.count,
      athletes: r.kind === 'followed_by' ? r.athletes : [],
      segment: r.kind === 'segments' ? r.segment : null,
      city: r.kind === 'city' ? r.city : null,
    },
  };
}

const HANDLE_KEY = /^[a-z0-9_.-]{1,64}$/;

/** Search cursors: base64url JSON of the last result's [tier, score, lower-cased handle]. */
export function encodeSearchCursor(key: SearchKey): string {
  return Buffer.from(JSON.stringify([key.tier, key.score, key.handleKey])).toString('base64url');
}

/** The position a search cursor names, or a 400 when this server could not have issued it. */
export function decodeSearchCursor(cursor: string | undefined): SearchKey | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 3) {
      const [tier, score, handleKey] = key;
      if (
        Number.isInteger(tier) &&
        tier >= 0 &&
        tier <= 2 &&
        typeof score === 'number' &&
        score >= 0 &&
        score <= 1 &&
        typeof handleKey === 'string' &&
        HANDLE_KEY.test(handleKey)
      )
        return { tier, score, handleKey };
    }
  } catch {
    // not JSON: refused below
  }
  throw invalidField('querystring.cursor', 'is not a cursor this server issued');
}
