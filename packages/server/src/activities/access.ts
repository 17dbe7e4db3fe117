import type { Access, FollowService } from '../athletes/follow.service.js';
import type { ActivityRow } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';

type AccessColumns = Pick<ActivityRow, 'athlete_id' | 'visibility' | 'state'>;

/**
 * Who may see an activity at all. The owner always; nobody the owner blocks; others by its
 * visibility: "everyone" to anyone signed in or not, "followers" to the owner's accepted
 * followers (a pending request is not enough), "only_me" to nobody else. Activities still being
 * recorded are the owner's alone. Callers answer 404, not 403, when this is false, so private
 * activities cannot be discovered by probing ids.
 */
export function canView(activity: AccessColumns, viewerId: string | undefined, access: Access) {
  if (viewerId && viewerId === activity.athlete_id) return true;
  if (activity.state !== 'complete' || access.blocked) return false;
  if (activity.visibility === 'everyone') return true;
  if (activity.visibility === 'followers') return !!viewerId && access.following;
  return false;
}

/** The activity if `viewerId` may see it, else 404 (never 403: ids reveal nothing). */
export async function authorizeView(
  follows: FollowService,
  activity: AccessColumns | undefined,
  viewerId: string | undefined,
): Promise<void> {
  if (!activity) throw Errors.notFound('no such activity');
  // Anonymous viewers and owners need no follow graph; anyone else may be blocked.
  const access =
    viewerId && viewerId !== activity.athlete_id
      ? await follows.access(viewerId, activity.athlete_id)
      : { following: false, blocked: false };
  if (!canView(activity, viewerId, access)) throw Errors.notFound('no such activity');
}

/**
 * 404 when `ownerId` blocks `viewerId`: lists and totals of the owner's activities answer as
 * their profile does, as if the owner did not exist.
 */
export async function authorizeOwner(
  follows: FollowService,
  ownerId: string,
  viewerId: string,
): Promise<void> {
  if (ownerId !== viewerId && (await follows.isBlocked(ownerId, viewerId)))
    throw Errors.notFound('no such athlete');
}
