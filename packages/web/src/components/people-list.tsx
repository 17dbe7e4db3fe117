import type { FollowEdge } from '@stride/client';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { errorMessage } from '../api/client.js';
import { Avatar } from './avatar.js';
import { LoadMore } from './load-more.js';

export interface PeoplePage {
  items: FollowEdge[];
  next_cursor: string | null;
}

export interface PersonAction {
  label: string;
  danger?: boolean;
  run: (person: FollowEdge) => Promise<unknown>;
}

/**
 * What changes when a follow, request or block changes: the settings lists, profiles and follow
 * lists, and the feeds (a follow opens or closes followers-only activities).
 */
export const SOCIAL_QUERIES = ['follows', 'follow-requests', 'blocks', 'athlete', 'activities'];

/**
 * A paged list of athletes (followers, following, requests, blocks), each with any buttons that
 * act on them;
 * after an action every list and feed the change touches is fetched again.
 */
export function PeopleList({
  queryKey,
  load,
  empty,
  actions = [],
  className = 'people',
}: {
  queryKey: readonly unknown[];
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<PeoplePage>;
  empty: string;
  actions?: PersonAction[];
  className?: string;
}) {
  const client = useQueryClient();
  const q = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => load(pageParam ?? undefined, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const act = useMutation({
    mutationFn: ({ action, person }: { action: PersonAction; person: FollowEdge }) =>
      action.run(person),
    onSettled: () => {
      for (const key of SOCIAL_QUERIES) void client.invalidateQueries({ queryKey: [key] });
    },
  });
  if (q.isPending) return <p className="muted">Loading…</p>;
  if (q.isError) return <p className="error">Could not load the list.</p>;
  const people = q.data.pages.flatMap((p) => p.items);
  return (
    <>
      {act.isError && (
        <p role="alert" className="error">
          {errorMessage(act.error)}
        </p>
      )}
      {people.length ? (
        <ul className={className}>
          {people.map((person) => (
            <li key={person.id}>
              <Avatar name={person.display_name} id={person.id} size={32} />
              <Link href={`/athletes/${person.handle}`}>{person.display_name}</Link>
              <span className="muted">@{person.handle}</span>
              {actions.length > 0 && (
                <span className="row actions">
                  {actions.map((action) => (
                    <button
                      key={action.label}
                      type="button"
                      className={action.danger ? 'ghost small danger' : 'small'}
                      disabled={act.isPending}
                      aria-label={`${action.label} ${person.display_name}`}
                      onClick={() => act.mutate({ action, person })}
                    >
                      {action.label}
                    </button>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted empty">{empty}</p>
      )}
      <LoadMore
        hasMore={q.hasNextPage}
        loading={q.isFetchingNextPage}
        onLoad={() => void q.fetchNextPage()}
      />
    </>
  );
}
