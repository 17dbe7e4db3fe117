import { describe, expect, it } from 'vitest';
import { type AnyNotification, notificationLink, notificationText } from './notification-text.js';

const item = (over: Partial<AnyNotification>): AnyNotification => ({
  id: 'n1',
  kind: 'goal_reached',
  read: false,
  created_at: '2026-05-11T08:00:00Z',
  updated_at: '2026-05-11T08:00:00Z',
  actors: [],
  actor_count: 0,
  activity: { id: 'a1', name: 'Morning Run' },
  segment: null,
  comment_id: null,
  elapsed_time: null,
  text: '',
  url: '/notifications',
  ...over,
});

describe('notification text and links', () => {
  it('keeps what the server wrote', () => {
    const n = item({
      text: 'You reached your weekly run goal: 40 km',
      url: '/athletes/ana/training',
    });
    expect(notificationText(n)).toBe('You reached your weekly run goal: 40 km');
    expect(notificationLink(n)).toBe('/athletes/ana/training');
  });

  it('says a goal reached and a best-effort PR itself when the server did not', () => {
    expect(notificationText(item({}))).toBe('You reached a goal with Morning Run');
    expect(notificationText(item({ kind: 'best_effort_pr', elapsed_time: 1292 }))).toBe(
      'New best-effort PR in Morning Run (21:32)',
    );
    expect(notificationText(item({ kind: 'best_effort_pr', activity: null }))).toBe(
      'New best-effort PR in an activity',
    );
  });

  it('leads to the activity rather than back to the list', () => {
    expect(notificationLink(item({}))).toBe('/activities/a1');
    expect(notificationLink(item({ kind: 'best_effort_pr' }))).toBe('/activities/a1');
    expect(notificationLink(item({ activity: null }))).toBe('/notifications');
    expect(notificationLink(item({ kind: 'kudos', url: '/activities/a2' }))).toBe('/activities/a2');
  });
});
