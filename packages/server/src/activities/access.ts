import type { ActivityRow } from '../platform/db/schema.js';

/**
 * Who may see an activity at all. The owner always; others by its visibility: "everyone" to
 * anyone signed in or not, "followers" to athletes who follow the owner, "only_me" to nobody
 * else. Activities still being recorded are the owner's alone. Callers answer 404, not 403,
 * when this is false, so private activities cannot be discovered by probing ids.
 */
export function canView(
  activity: Pick<ActivityRow, 'athlete_id' | 'visibility' | 'state'>,
  viewerId: string | undefined,
  viewerFollowsOwner: boolean,
): boolean {
  if (viewerId && viewerId === activity.athlete_id) return true;
  if (activity.state !== 'complete') return false;
  if (activity.visibility === 'everyone') return true;
  if (activity.visibility === 'followers') return !!viewerId && viewerFollowsOwner;
  return false;
}
