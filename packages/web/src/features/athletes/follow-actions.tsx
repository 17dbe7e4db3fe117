import type { PersonResult, Profile } from '@stride/client';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client.js';
import { SOCIAL_QUERIES } from '../../components/people-list.js';

export const profileKey = (handle: string) => ['athlete', handle] as const;

const LABEL: Record<Profile['follow_state'], string> = {
  none: 'Follow',
  requested: 'Requested',
  following: 'Following',
};

/** Fetches again what a follow or block changes (other profiles, lists, feeds). */
function useRefreshSocial(p: Profile) {
  const client = useQueryClient();
  return (changes: Partial<Profile>) => {
    client.setQueryData<Profile>(profileKey(p.handle), { ...p, ...changes });
    for (const key of SOCIAL_QUERIES)
      if (key !== 'athlete') void client.invalidateQueries({ queryKey: [key] });
    void client.invalidateQueries({ queryKey: ['athlete-stats', p.handle] });
  };
}

/**
 * Follow, or ask to when the athlete approves followers ("Requested" until they answer);
 * pressed again it unfollows or cancels the request. An athlete I block can only be unblocked.
 */
export function FollowButton({ p }: { p: Profile }) {
  const refresh = useRefreshSocial(p);
  const init = { params: { path: { athlete: p.id } } };
  const toggle = useMutation({
    mutationFn: async (): Promise<Profile['follow_state']> => {
      if (p.follow_state === 'none')
        return (await unwrap(api.PUT('/api/v1/athletes/{athlete}/follow', init))).state;
      await unwrap(api.DELETE('/api/v1/athletes/{athlete}/follow', init));
      return 'none';
    },
    onSuccess: (state) => {
      const delta = (state === 'following' ? 1 : 0) - (p.follow_state === 'following' ? 1 : 0);
      refresh({
        follow_state: state,
        followed: state === 'following',
        follower_count: p.follower_count + delta,
      });
    },
  });
  const unblock = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/me/blocks/{athlete}', init)),
    onSuccess: () => refresh({ blocked: false }),
  });
  const failed = toggle.error ?? unblock.error;
  return (
    <>
      {p.blocked ? (
        <button type="button" disabled={unblock.isPending} onClick={() => unblock.mutate()}>
          Unblock
        </button>
      ) : (
        <button
          type="button"
          className={p.follow_state === 'none' ? '' : 'ghost'}
          aria-pressed={p.follow_state !== 'none'}
          title={
            p.follow_state === 'requested'
              ? 'Waiting for their approval: press to cancel the request'
              : undefined
          }
          disabled={toggle.isPending}
          onClick={() => toggle.mutate()}
        >
          {LABEL[p.follow_state]}
        </button>
      )}
      {failed && (
        <p role="alert" className="error">
          {errorMessage(failed)}
        </p>
      )}
    </>
  );
}

/** The lists of people that carry each person's follow state: search results, suggestions. */
export const PEOPLE_QUERIES = ['people-search', 'suggestions'];

type FollowState = PersonResult['follow_state'];
type People = { items: PersonResult[] };

/**
 * Sets one athlete's follow state in every kept list of people (pages of search results and
 * the suggestions), so a row keeps its place and shows the new state, here and when the list is
 * opened again.
 */
function patchPeople(client: QueryClient, id: string, follow_state: FollowState) {
  const patch = (list: People) => ({
    ...list,
    items: list.items.map((p) => (p.id === id ? { ...p, follow_state } : p)),
  });
  for (const key of PEOPLE_QUERIES)
    client.setQueriesData<People | { pages: People[] }>({ queryKey: [key] }, (data) =>
      !data ? data : 'pages' in data ? { ...data, pages: data.pages.map(patch) } : patch(data),
    );
}

/**
 * Follow (or ask to) straight from a list of people, the row staying where it is: "Follow",
 * then "Following", or "Requested" while the athlete has to approve; pressed again it unfollows
 * or cancels the request.
 */
export function PersonFollowButton({ person }: { person: PersonResult }) {
  const client = useQueryClient();
  const init = { params: { path: { athlete: person.id } } };
  const toggle = useMutation({
    mutationFn: async (): Promise<FollowState> => {
      if (person.follow_state === 'none')
        return (await unwrap(api.PUT('/api/v1/athletes/{athlete}/follow', init))).state;
      await unwrap(api.DELETE('/api/v1/athletes/{athlete}/follow', init));
      return 'none';
    },
    onSuccess: (state) => {
      patchPeople(client, person.id, state);
      for (const key of SOCIAL_QUERIES) void client.invalidateQueries({ queryKey: [key] });
      // Who to follow changes too, but the list on screen keeps this row until opened again.
      void client.invalidateQueries({ queryKey: ['suggestions'], refetchType: 'none' });
    },
  });
  return (
    <>
      <button
        type="button"
        className={person.follow_state === 'none' ? 'small' : 'ghost small'}
        aria-pressed={person.follow_state !== 'none'}
        aria-label={`${LABEL[person.follow_state]}: ${person.display_name}`}
        title={
          person.follow_state === 'requested'
            ? 'Waiting for their approval: press to cancel the request'
            : undefined
        }
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        {LABEL[person.follow_state]}
      </button>
      {toggle.isError && (
        <p role="alert" className="error small">
          {errorMessage(toggle.error)}
        </p>
      )}
    </>
  );
}

/** Block, after a second press that says what it does. */
export function BlockButton({ p }: { p: Profile }) {
  const refresh = useRefreshSocial(p);
  const [asking, setAsking] = useState(false);
  const block = useMutation({
    mutationFn: () =>
      unwrap(api.PUT('/api/v1/me/blocks/{athlete}', { params: { path: { athlete: p.id } } })),
    onSuccess: () => {
      setAsking(false);
      const wasFollower = p.follow_state === 'following' ? 1 : 0;
      refresh({
        blocked: true,
        follow_state: 'none',
        followed: false,
        follower_count: p.follower_count - wasFollower,
      });
    },
  });
  if (p.blocked) return null;
  if (!asking)
    return (
      <button type="button" className="ghost small danger" onClick={() => setAsking(true)}>
        Block
      </button>
    );
  return (
    <fieldset className="stack">
      <legend>Block {p.display_name}?</legend>
      <p>
        They will no longer see your profile or activities, nor follow you; follows between you end.
      </p>
      <div className="row">
        <button
          type="button"
          className="danger"
          disabled={block.isPending}
          onClick={() => block.mutate()}
        >
          Block
        </button>
        <button type="button" className="ghost" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
      {block.isError && (
        <p role="alert" className="error">
          {errorMessage(block.error)}
        </p>
      )}
    </fieldset>
  );
}
