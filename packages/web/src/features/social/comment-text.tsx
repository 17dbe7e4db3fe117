import type { Comment } from '@stride/client';
import { tokenizeComment } from '@stride/core';
import { Link } from 'wouter';

/**
 * A comment's text as React text nodes and links, never markup: links open in a new tab and
 * pass no referrer or ranking; an @mention links to the athlete's page when it names one.
 */
export function CommentText({ comment }: { comment: Pick<Comment, 'text' | 'mentions'> }) {
  const named = new Map(comment.mentions.map((m) => [m.handle.toLowerCase(), m.handle]));
  return (
    <p className="comment-text">
      {tokenizeComment(comment.text).map((t, i) => {
        if (t.kind === 'link')
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: tokens have no identity but their place
            <a key={i} href={t.href} target="_blank" rel="noopener noreferrer nofollow">
              {t.text}
            </a>
          );
        const handle = t.kind === 'mention' ? named.get(t.handle.toLowerCase()) : undefined;
        if (handle)
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: tokens have no identity but their place
            <Link key={i} href={`/athletes/${encodeURIComponent(handle)}`} className="mention">
              {t.text}
            </Link>
          );
        return t.text;
      })}
    </p>
  );
}
