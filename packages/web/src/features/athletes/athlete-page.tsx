import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'wouter';
import { api, unwrap } from '../../api/client.js';
import { Avatar } from '../../components/avatar.js';
import { PeopleList } from '../../components/people-list.js';
import { useMe, useUnits } from '../auth/use-me.js';
import { ActivityList } from '../feed/activity-list.js';
import { useActivityList } from '../feed/use-activity-list.js';
import { LiveNow } from '../live/live-now.js';
import { ProfileGoals } from '../training/profile-goals.js';
import { AthleteTotals } from './athlete-totals.js';
import { BlockButton, FollowButton, profileKey } from './follow-actions.js';

function FollowList({
  handle,
  direction,
}: {
  handle: string;
  direction: 'followers' | 'following';
}) {
  return (
    <PeopleList
      className="people card"
      queryKey={['follows', handle, direction]}
      empty={direction === 'followers' ? 'No followers yet.' : 'Not following anyone yet.'}
      load={(cursor, signal) =>
        unwrap(
          api.GET(`/api/v1/athletes/{athlete}/${direction}`, {
            params: { path: { athlete: handle }, query: { limit: 30, cursor } },
            signal,
          }),
        )
      }
    />
  );
}

const VIEWS = [
  { param: 'activities', label: 'Activities' },
  { param: 'followers', label: 'Followers' },
  { param: 'following', label: 'Following' },
] as const;

/**
 * /athletes/:handle — who they are, their totals and goals, their activities, follow/unfollow,
 * block, who follows whom; links to their training page and year in review.
 */
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
          <div className="row">
            <FollowButton p={p} />
            <BlockButton p={p} />
          </div>
        )}
      </header>
      {!self && <LiveNow athleteId={p.id} />}
      <AthleteTotals handle={p.handle} units={units} />
      <nav className="row wrap profile-links" aria-label="Training">
        <Link href={`/athletes/${p.handle}/training`} className="button ghost small">
          Training
        </Link>
        <Link
          href={`/athletes/${p.handle}/year/${new Date().getFullYear()}`}
          className="button ghost small"
        >
          {new Date().getFullYear()} in review
        </Link>
      </nav>
      <ProfileGoals athleteId={p.id} handle={p.handle} units={units} />
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
