import type { AthleteSummary } from '../athletes/athlete.service.js';
import type { NotificationItem } from './notification.repository.js';
import type { NotificationKind } from './notification-kinds.js';

/** A notification as the API, the stream and the push payload show it. */
export interface PresentedNotification {
  id: string;
  kind: NotificationKind;
  read: boolean;
  created_at: string;
  updated_at: string;
  actors: AthleteSummary[];
  actor_count: number;
  activity: { id: string; name: string | null } | null;
  segment: { id: string; name: string } | null;
  comment_id: string | null;
  elapsed_time: number | null;
  text: string;
  url: string;
}

/** What the names in an item are read from (looked up once per page). */
export interface Names {
  athletes: ReadonlyMap<string, AthleteSummary>;
  /** Activities the reader may see, by id. */
  activities: ReadonlyMap<string, string>;
  segments: ReadonlyMap<string, string>;
}

/** "Léa", "Léa and Sam", "Léa and 3 others". */
export function actorsText(names: readonly string[], count: number): string {
  const first = names[0] ?? 'Someone';
  if (count <= 1) return first;
  if (count === 2 && names[1]) return `${first} and ${names[1]}`;
  const others = count - 1;
  return `${first} and ${others} ${others === 1 ? 'other' : 'others'}`;
}

/** 272 → "4:32"; 3725 → "1:02:05". */
export function clock(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The sentence that says what happened, plain text. */
function sentence(
  kind: NotificationKind,
  who: string,
  activity: string,
  segment: string,
  time: string,
  subject: string,
): string {
  switch (kind) {
    case 'kudos':
      return `${who} gave kudos to ${activity}`;
    case 'comment':
      return `${who} commented on ${activity}`;
    case 'mention':
      return `${who} mentioned you in a comment on ${activity}`;
    case 'follower':
      return `${who} started following you`;
    case 'follow_request':
      return `${who} asked to follow you`;
    case 'follow_accepted':
      return `${who} accepted your follow request`;
    case 'segment_pr':
      return `New PR on ${segment}${time}`;
    case 'kom_won':
      return `You took the KOM on ${segment}${time}`;
    case 'kom_lost':
      return `${who} took your KOM on ${segment}${time}`;
    case 'live_started':
      return `${who} is live: ${activity}`;
    case 'best_effort_pr':
      return `New ${subject} PR on ${activity}${time}`;
    case 'goal_reached':
      return `You reached your ${subject} goal${activity === 'an activity' ? '' : ` with ${activity}`}`;
  }
}

/** Where the web app shows what the item is about. */
function link(item: NotificationItem, first: AthleteSummary | undefined): string {
  switch (item.kind as NotificationKind) {
    case 'kudos':
    case 'comment':
    case 'mention':
      return item.activity_id ? `/activities/${item.activity_id}` : '/notifications';
    case 'follower':
    case 'follow_accepted':
      return first ? `/athletes/${first.handle}` : '/notifications';
    case 'follow_request':
      return '/settings#follow-requests';
    case 'live_started':
      return item.activity_id ? `/live/${item.activity_id}` : '/notifications';
    case 'best_effort_pr':
      return item.activity_id ? `/activities/${item.activity_id}` : '/notifications';
    case 'goal_reached':
      return `/athletes/${item.athlete_id}/training`;
    default:
      return item.segment_id ? `/segments/${item.segment_id}` : '/notifications';
  }
}

export function presentNotification(item: NotificationItem, names: Names): PresentedNotification {
  const actors = item.actor_ids
    .map((id) => names.athletes.get(id))
    .filter((a): a is AthleteSummary => !!a);
  const activityName = item.activity_id ? (names.activities.get(item.activity_id) ?? null) : null;
  const segmentName = item.segment_id ? names.segments.get(item.segment_id) : undefined;
  const kind = item.kind as NotificationKind;
  return {
    id: item.id,
    kind,
    read: item.read_at !== null,
    created_at: item.created_at.toISOString(),
    updated_at: item.updated_at.toISOString(),
    actors,
    actor_count: item.actor_count,
    activity: item.activity_id ? { id: item.activity_id, name: activityName } : null,
    segment:
      item.segment_id && segmentName !== undefined
        ? { id: item.segment_id, name: segmentName }
        : null,
    comment_id: item.comment_id,
    elapsed_time: item.elapsed_s,
    text: sentence(
      kind,
      actorsText(
        actors.map((a) => a.display_name),
        item.actor_count,
      ),
      activityName ?? 'an activity',
      segmentName ?? 'a segment',
      item.elapsed_s === null ? '' : ` (${clock(item.elapsed_s)})`,
      item.group_key.includes('|') ? item.group_key.slice(item.group_key.indexOf('|') + 1) : '',
    ),
    url: link(item, actors[0]),
  };
}
