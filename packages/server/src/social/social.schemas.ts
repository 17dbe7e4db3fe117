import { MAX_COMMENT_CHARS } from '@stride/core';
import { type Static, Type } from 'typebox';
import { AthleteSummary } from '../athletes/athletes.schemas.js';
import { Page } from '../platform/http/pagination.js';
import type { CommentView } from './social.service.js';

export const KudosState = Type.Object({
  kudos_count: Type.Integer({ minimum: 0, description: 'kudos the activity has now' }),
  comment_count: Type.Integer({ minimum: 0 }),
  has_kudoed: Type.Boolean({ description: 'whether you have given kudos to it' }),
});

export const KudosGiver = Type.Object({
  athlete: AthleteSummary,
  created_at: Type.String({ format: 'date-time', description: 'when they gave kudos' }),
});
export const KudosPage = Page(KudosGiver);

export const Comment = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    activity_id: Type.String({ format: 'uuid' }),
    athlete: AthleteSummary,
    text: Type.String({
      description:
        'plain text: no markdown, no HTML. Show it as text; links (http and https) and ' +
        '@mentions are found in it as @stride/core’s tokenizeComment finds them',
    }),
    mentions: Type.Array(
      Type.Object({ handle: Type.String(), athlete_id: Type.String({ format: 'uuid' }) }),
      { description: 'the @mentions in the text that name an athlete (others are plain text)' },
    ),
    can_delete: Type.Boolean({
      description: 'whether you may delete it: you wrote it, or the activity is yours',
    }),
    created_at: Type.String({ format: 'date-time' }),
  },
  { description: 'a comment on an activity' },
);
export const CommentPage = Page(Comment);

export const NewComment = Type.Object(
  {
    text: Type.String({
      maxLength: MAX_COMMENT_CHARS * 2,
      description:
        `1–${MAX_COMMENT_CHARS} characters once trimmed; control characters are removed and ` +
        'more than two blank lines in a row become two',
    }),
  },
  { additionalProperties: false },
);

export function presentComment(c: CommentView): Static<typeof Comment> {
  return {
    id: c.row.id,
    activity_id: c.row.activity_id,
    athlete: { id: c.author.id, handle: c.author.handle, display_name: c.author.display_name },
    text: c.row.text,
    mentions: c.mentions,
    can_delete: c.canDelete,
    created_at: c.row.created_at.toISOString(),
  };
}
