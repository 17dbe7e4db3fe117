import { Type } from 'typebox';
import { decodeCursor, encodeCursor, Page, PageQuery } from '../platform/http/pagination.js';
import type { FollowEdge } from './follow.service.js';

export const AthleteRef = Type.Object({
  athlete: Type.String({ minLength: 1, maxLength: 64, description: 'athlete id or handle' }),
});

export const AthleteSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  handle: Type.String(),
  display_name: Type.String(),
});

export const FollowState = Type.Union(
  [Type.Literal('none'), Type.Literal('requested'), Type.Literal('following')],
  {
    description:
      'the signed-in athlete’s follow of this one: none, requested (waiting for their approval) or following',
  },
);

/** Another athlete at the end of a follow, a follow request or a block, and since when. */
export const Edge = Type.Object({
  ...AthleteSummary.properties,
  since: Type.String({ format: 'date-time' }),
});
export const EdgePage = Page(Edge);
export const EdgePageQuery = Type.Object(PageQuery);

/** The keyset a page query continues after (400 for a cursor this server did not issue). */
export function edgeCursor(query: { cursor?: string | undefined }) {
  const key = decodeCursor(query.cursor);
  return key ? { createdAt: key.at, athleteId: key.id } : undefined;
}

/** A page of edges as the API answers it; a full page has a cursor to the next. */
export function presentEdges(rows: FollowEdge[], limit: number) {
  const last = rows.at(-1);
  return {
    items: rows.map((r) => ({
      id: r.athlete_id,
      handle: r.handle,
      display_name: r.display_name,
      since: r.created_at.toISOString(),
    })),
    next_cursor:
      rows.length === limit && last ? encodeCursor(last.created_at, last.athlete_id) : null,
  };
}
