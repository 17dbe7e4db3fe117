import type { Me } from '@stride/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage, unwrap } from '../../api/client.js';
import { PeopleList, SOCIAL_QUERIES } from '../../components/people-list.js';
import { Section } from '../../components/section.js';

const page = { limit: 30 };
const athlete = (handle: string) => ({ params: { path: { athlete: handle } } });

/**
 * Who follows me: the "approve followers" switch, the requests waiting for an answer, my
 * followers (each removable) and the athletes I block (each unblockable).
 */
export function FollowersSettings({ me }: { me: Me }) {
  const client = useQueryClient();
  const approve = useMutation({
    mutationFn: (on: boolean) =>
      unwrap(api.PATCH('/api/v1/me', { body: { approve_followers: on } })),
    onSuccess: (updated) => {
      client.setQueryData(['me'], updated);
      // Turning it off accepts every pending request.
      for (const key of SOCIAL_QUERIES) void client.invalidateQueries({ queryKey: [key] });
    },
  });
  return (
    <>
      <Section id="followers-title" title="Followers" className="card section stack">
        <label className="row">
          <input
            type="checkbox"
            checked={me.approve_followers}
            disabled={approve.isPending}
            onChange={(e) => approve.mutate(e.currentTarget.checked)}
          />
          Approve followers: a follow is a request I accept or decline, and followers-only
          activities go to accepted followers only
        </label>
        {approve.isError && (
          <p role="alert" className="error">
            {errorMessage(approve.error)}
          </p>
        )}
        <h3 id="follow-requests">Follower requests</h3>
        <PeopleList
          queryKey={['follow-requests']}
          empty="No requests waiting."
          load={(cursor, signal) =>
            unwrap(
              api.GET('/api/v1/me/follow-requests', {
                params: { query: { ...page, cursor } },
                signal,
              }),
            )
          }
          actions={[
            {
              label: 'Accept',
              run: (p) =>
                unwrap(api.POST('/api/v1/me/follow-requests/{athlete}/accept', athlete(p.handle))),
            },
            {
              label: 'Decline',
              danger: true,
              run: (p) =>
                unwrap(api.POST('/api/v1/me/follow-requests/{athlete}/decline', athlete(p.handle))),
            },
          ]}
        />
        <h3>People who follow you</h3>
        <PeopleList
          queryKey={['follows', me.handle, 'followers']}
          empty="No followers yet."
          load={(cursor, signal) =>
            unwrap(
              api.GET('/api/v1/athletes/{athlete}/followers', {
                params: { path: { athlete: me.handle }, query: { ...page, cursor } },
                signal,
              }),
            )
          }
          actions={[
            {
              label: 'Remove',
              danger: true,
              run: (p) => unwrap(api.DELETE('/api/v1/me/followers/{athlete}', athlete(p.handle))),
            },
          ]}
        />
      </Section>
      <Section id="blocked-title" title="Blocked athletes" className="card section stack">
        <p className="muted">
          They cannot see your profile or activities, nor follow you. Block someone from their
          profile page.
        </p>
        <PeopleList
          queryKey={['blocks']}
          empty="You block nobody."
          load={(cursor, signal) =>
            unwrap(api.GET('/api/v1/me/blocks', { params: { query: { ...page, cursor } }, signal }))
          }
          actions={[
            {
              label: 'Unblock',
              run: (p) => unwrap(api.DELETE('/api/v1/me/blocks/{athlete}', athlete(p.handle))),
            },
          ]}
        />
      </Section>
    </>
  );
}
