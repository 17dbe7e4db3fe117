/**
 * What a notification says and where it leads. The server writes both (`text`, `url`); kinds
 * newer than the generated client types (a goal reached, a best-effort PR) get a sentence and
 * a link of their own here when the server leaves them out or points nowhere in particular.
 */
import type { Notification } from '@stride/client';
import { formatDuration } from '../../lib/format.js';

/** Every kind the list shows: the client's, and the training API's. */
export type NotificationKind = Notification['kind'] | 'goal_reached' | 'best_effort_pr';
export type AnyNotification = Omit<Notification, 'kind'> & { kind: NotificationKind };

/** The badge of a notification about the athlete's own achievement, in place of faces. */
export const ACHIEVEMENT_BADGES: Partial<
  Record<NotificationKind, { text: string; className: string }>
> = {
  segment_pr: { text: 'PR', className: 'badge pr' },
  kom_won: { text: 'KOM', className: 'badge kom' },
  best_effort_pr: { text: 'PR', className: 'badge pr' },
  goal_reached: { text: 'Goal', className: 'badge goal' },
};

/** The server's link when it names a page; '/notifications' is its "nowhere better". */
const NOWHERE = '/notifications';

export function notificationText(item: AnyNotification): string {
  if (item.text.trim()) return item.text;
  const activity = item.activity?.name ?? 'an activity';
  const time = item.elapsed_time != null ? ` (${formatDuration(item.elapsed_time)})` : '';
  switch (item.kind) {
    case 'goal_reached':
      return `You reached a goal with ${activity}`;
    case 'best_effort_pr':
      return `New best-effort PR in ${activity}${time}`;
    default:
      return 'Something happened';
  }
}

export function notificationLink(item: AnyNotification): string {
  if (item.url && item.url !== NOWHERE) return item.url;
  if ((item.kind === 'goal_reached' || item.kind === 'best_effort_pr') && item.activity)
    return `/activities/${item.activity.id}`;
  return item.url || NOWHERE;
}
