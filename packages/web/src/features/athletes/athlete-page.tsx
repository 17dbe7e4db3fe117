import type { Profile } from '@stride/client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'wouter';
import { api, errorMessage, unwrap } from '../../api/client.js';
import { Avatar } from '../../components/avatar.js';
import { LoadMore } from '../../components/load-more.js';
import { useMe, useUnits } from '../auth/use-me.js';
import { ActivityList } from '../feed/activity-list.js';
import { useActivityList } from '../feed/use-activity-list.js';
import { AthleteTotals } from './athlete-totals.js';

const profileKey = (handle: string) => ['athlete', handle] as const;

function FollowButton({ p }: { p: Profile }) {
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => {
      const init = { params: { path: { athlete: p.id } } };
      return unwrap(
        p.followed
          ? api.DELETE('/api/v1/athletes/{athlete}/follow', init)
          : api.PUT('/api/v1/athletes/{athlete}/follow', init),
      );
    },
    onSuccess: () => {
      client.setQueryData<Profile>(profileKey(p.handle), {
        ...p,
        followed: !p.followed,
        follower_count: p.follower_count + (p.followed ? -1 : 1),
      });
      // The Following feed and the follow lists change with it.
      void client.invalidateQueries({ queryKey: ['activities'] });
      void client.invalidateQueries({ queryKey: ['follows'] });
      void client.invalidateQueries({ queryKey: ['athlete-stats', p.handle] });
    },
  });
  return (
    <>
      <button
        type="button"
        className={p.followed ? 'ghost' : ''}
        aria-pressed={p.followed}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        {p.followed ? 'Following' : 'Follow'}
      </button>
      {toggle.isError && (
        <p role="alert" className="error">
          {errorMessage(toggle.error)}
        </p>
      )}
    </>
  );
}

function FollowList({
  handle,
  direction,
}: {
  handle: string;
  direction: 'followers' | 'following';
}) {
  const q = useInfiniteQuery({
    queryKey: ['follows', handle, direction],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET(`/api/v1/athletes/{athlete}/${direction}`, {
          params: {
            path: { athlete: handle },
            query: { limit: 30, cursor: pageParam ?? undefined },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  if (q.isPending) return <p className="muted">Loading…</p>;
  if (q.isError) return <p className="error">Could not load the list.</p>;
  const people = q.data.pages.flatMap((p) => p.items);
  if (!people.length)
    return (
      <p className="muted empty">
        {direction === 'followers' ? 'No followers yet.' : 'Not following anyone yet.'}
      </p>
    );
  return (
    <>
      <ul className="people card">
        {people.map((f) => (
          <li key={f.id}>
            <Avatar name={f.display_name} id={f.id} size={32} />
            <Link href={`/athletes/${f.handle}`}>{f.display_name}</Link>
            <span className="muted">@{f.handle}</span>
          </li>
        ))}
      </ul>
      <LoadMore
        hasMore={q.hasNextPage}
        loading={q.isFetchingNextPage}
        onLoad={() => void q.fetchNextPage()}
      />
    </>
  );
}

const VIEWS = [
  { param: 'activities', label: 'Activities' },
  { param: 'followers', label: 'Followers' },
  { param: 'following', label: 'Following' },
] as const;

/** /athletes/:handle — who they are, their activities, follow/unfollow, who follows whom. */
export function AthletePage({ handle }: { handle: string }) {
  const me = useMe();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const view = VIEWS.find((v) => v.param === params.get('view')) ?? VIEWS[0];
  const profile = useQuery({
    queryKey: profileKey(handle),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/athletes/{athlete}', { params: { path: { athlete: handle } }, signal }),
      ),
  });
  const activities = useActivityList('USER', handle);

  if (profile.isPending) return <main className="page muted">Loading…</main>;
  if (profile.isError)
    return (
      <main className="page">
        <h1>Athlete not found</h1>
        <Link href="/">Back to the feed</Link>
      </main>
    );
  const p = profile.data;
  const self = me.data?.id === p.id;
  const place = [p.city, p.region, p.country].filter(Boolean).join(', ');
  const counts: Record<string, number> = {
    followers: p.follower_count,
    following: p.following_count,
  };

  return (
    <main className="page">
      <header className="card profile-head">
        <Avatar name={p.display_name} id={p.id} size={64} />
        <div className="profile-id">
          <h1>{p.display_name}</h1>
          <p className="muted">
            @{p.handle}
            {place && ` · ${place}`}
          </p>
        </div>
        {self ? (
          <Link href="/settings" className="button ghost">
            Edit profile
          </Link>
        ) : (
          <FollowButton p={p} />
        )}
      </header>
      <AthleteTotals handle={p.handle} units={units} />
      <nav className="tabs" aria-label="Profile">
        {VIEWS.map((v) => (
          <button
            key={v.param}
            type="button"
            className={v === view ? 'tab active' : 'tab'}
            aria-current={v === view ? 'page' : undefined}
            onClick={() => setParams({ view: v.param })}
          >
            {v.label}
            {v.param in counts && <span className="count"> {counts[v.param]}</span>}
          </button>
        ))}
      </nav>
      {view.param === 'activities' ? (
        <ActivityList query={activities} empty={<p>No activities to show.</p>} />
      ) : (
        <FollowList handle={p.handle} direction={view.param} />
      )}
    </main>
  );
}
