import { MAX_COMMENT_CHARS } from '@stride/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { api, unwrap } from '../../api/client.js';
import { useSignedIn } from '../auth/use-me.js';
import { CommentText } from './comment-text.js';
import { messageOf, useComments, useRefreshSocial } from './use-social.js';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The activity's comments, oldest first: anyone signed in who sees the activity adds one; its
 * author deletes it, and so does the activity's athlete.
 */
export function CommentThread({ activityId }: { activityId: string }) {
  const signedIn = useSignedIn();
  const comments = useComments(activityId);
  const refresh = useRefreshSocial(activityId);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const items = comments.data?.pages.flatMap((p) => p.items) ?? [];
  // As the server counts: code points of the trimmed text.
  const length = [...text.trim()].length;
  const tooLong = length > MAX_COMMENT_CHARS;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!length || tooLong) return;
    setSending(true);
    setError(null);
    try {
      await unwrap(
        api.POST('/api/v1/activities/{id}/comments', {
          params: { path: { id: activityId } },
          body: { text },
        }),
      );
      setText('');
      await refresh();
    } catch (err) {
      setError(`The comment was not posted: ${messageOf(err)}`);
    } finally {
      setSending(false);
    }
  }

  async function remove(commentId: string) {
    setError(null);
    try {
      await unwrap(
        api.DELETE('/api/v1/activities/{id}/comments/{commentId}', {
          params: { path: { id: activityId, commentId } },
        }),
      );
      await refresh();
    } catch (err) {
      setError(`The comment was not deleted: ${messageOf(err)}`);
    }
  }

  return (
    <section id="comments" className="card section comments" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments</h2>
      {comments.isError && (
        <p role="alert" className="error">
          The comments could not be loaded.
        </p>
      )}
      {items.length > 0 ? (
        <ol className="comment-list" aria-label="Comments">
          {items.map((c) => (
            <li key={c.id} className="comment">
              <div className="comment-head">
                <Link href={`/athletes/${encodeURIComponent(c.athlete.handle)}`}>
                  <strong>{c.athlete.display_name}</strong>
                </Link>{' '}
                <time className="muted small" dateTime={c.created_at}>
                  {when(c.created_at)}
                </time>
                {c.can_delete && (
                  <button
                    type="button"
                    className="ghost small danger"
                    onClick={() => void remove(c.id)}
                    aria-label={`Delete the comment of ${c.athlete.display_name}`}
                  >
                    Delete
                  </button>
                )}
              </div>
              <CommentText comment={c} />
            </li>
          ))}
        </ol>
      ) : (
        comments.isSuccess && <p className="muted">No comments yet.</p>
      )}
      {comments.hasNextPage && (
        <button
          type="button"
          className="ghost small"
          onClick={() => void comments.fetchNextPage()}
          disabled={comments.isFetchingNextPage}
        >
          Older comments follow: show more
        </button>
      )}
      {signedIn && (
        <form className="comment-form" onSubmit={submit}>
          <label htmlFor="comment-text" className="visually-hidden">
            Add a comment
          </label>
          <textarea
            id="comment-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Add a comment… (@handle to mention someone)"
            rows={3}
            aria-describedby="comment-count"
          />
          <div className="row">
            <span id="comment-count" className={tooLong ? 'error small' : 'muted small'}>
              {length} / {MAX_COMMENT_CHARS}
            </span>
            <button type="submit" disabled={sending || !length || tooLong}>
              {sending ? 'Posting…' : 'Post'}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
