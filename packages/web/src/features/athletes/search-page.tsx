import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'wouter';
import { api, errorMessage, unwrap } from '../../api/client.js';
import { LoadMore } from '../../components/load-more.js';
import { PersonRow } from './person-row.js';
import { WhoToFollow } from './who-to-follow.js';

/** Longest search the server takes, once trimmed. */
const MAX_CHARS = 64;
/** A pause in typing this long sends the search: one request per word, not per key. */
const TYPING_PAUSE_MS = 250;

/** What the athlete typed, once they paused. */
function usePaused(value: string): string {
  const [paused, setPaused] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setPaused(value), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return paused;
}

function Results({ q }: { q: string }) {
  const found = useInfiniteQuery({
    queryKey: ['people-search', q],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/athletes/search', {
          params: { query: { q, limit: 20, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    // The previous results stay while the next word is looked up, so the list does not flash.
    placeholderData: keepPreviousData,
  });
  if (found.isPending) return <p className="muted">Searching…</p>;
  if (found.isError)
    return (
      <p role="alert" className="error">
        {errorMessage(found.error)}
      </p>
    );
  const people = found.data.pages.flatMap((p) => p.items);
  if (!people.length)
    return (
      <p className="muted empty">Nobody found for “{q}”. Check the spelling, or try a handle.</p>
    );
  return (
    <>
      <ul className="people card" aria-label="Athletes found" aria-busy={found.isPlaceholderData}>
        {people.map((p) => (
          <PersonRow key={p.id} person={p} />
        ))}
      </ul>
      <LoadMore
        hasMore={found.hasNextPage}
        loading={found.isFetchingNextPage}
        onLoad={() => {
          if (!found.isFetchingNextPage) void found.fetchNextPage();
        }}
      />
    </>
  );
}

/**
 * /search — find athletes by name or handle as you type (typos and missing accents are
 * forgiven by the server); before anything is typed, who to follow.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = usePaused(text).trim();
  useEffect(() => {
    // The search is in the address, so back and reload come back to it.
    if ((params.get('q') ?? '') !== q) setParams(q ? { q } : {}, { replace: true });
  }, [q, params, setParams]);

  return (
    <main className="page">
      <h1>Find athletes</h1>
      <search className="search-form">
        <form onSubmit={(e) => e.preventDefault()}>
          <input
            type="search"
            name="q"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maxLength={MAX_CHARS}
            placeholder="Name or @handle"
            aria-label="Search athletes"
            autoComplete="off"
            // biome-ignore lint/a11y/noAutofocus: the page exists to type a search into
            autoFocus
          />
        </form>
      </search>
      {q.replace(/^@/, '') ? (
        <Results q={q} />
      ) : (
        <WhoToFollow empty="No suggestions yet: follow a few athletes, ride or run segments, or set your city in Settings." />
      )}
    </main>
  );
}
