/**
 * The kinds of notification, and how each groups. Events of a grouped kind about the same thing
 * join one unread item ("Léa and 3 others gave kudos to Morning Run"); a kind announced once
 * per event (a PR, a mention) is never created twice for the same effort or comment, even after
 * it was read, so matching an activity again announces nothing new.
 */
export const NOTIFICATION_KINDS = [
  'kudos',
  'comment',
  'mention',
  'follower',
  'follow_request',
  'follow_accepted',
  'segment_pr',
  'kom_won',
  'kom_lost',
  'live_started',
  'best_effort_pr',
  'goal_reached',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** In-app and push, for one kind. */
export interface KindSetting {
  in_app: boolean;
  push: boolean;
}

/** Kinds with no other athlete behind them: the athlete's own achievements. */
export const ACTORLESS: ReadonlySet<NotificationKind> = new Set([
  'segment_pr',
  'kom_won',
  'best_effort_pr',
  'goal_reached',
]);

/** Kinds created at most once per group key (an effort, a comment), read or not. */
export const ONCE: ReadonlySet<NotificationKind> = new Set([
  'mention',
  'segment_pr',
  'kom_won',
  'kom_lost',
  'live_started',
  'best_effort_pr',
  'goal_reached',
]);

export const KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  kudos: 'Kudos on your activities',
  comment: 'Comments on your activities',
  mention: 'Mentions in comments',
  follower: 'New followers',
  follow_request: 'Follow requests',
  follow_accepted: 'Follow requests accepted',
  segment_pr: 'Personal records on segments',
  kom_won: 'KOMs won',
  kom_lost: 'KOMs lost',
  live_started: 'Friends live now',
  best_effort_pr: 'Personal records on best efforts (5k, 10k…)',
  goal_reached: 'Goals reached',
};

export function isKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
