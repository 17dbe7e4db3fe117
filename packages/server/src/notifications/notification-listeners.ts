import type { EventHub } from '../platform/events/event-hub.js';
import type { NotificationService } from './notification.service.js';

/**
 * What each event notifies, heard inside the transaction that raised it, so a notification (or
 * the job that records it) and its delivery jobs commit with the change or not at all.
 */
export function listenForNotifications(events: EventHub, notifications: NotificationService) {
  // Kudos come in bursts on one activity, and recording joins them into one item whose row
  // each would lock until its commit: a job records each, after the kudos' own commit.
  events.on('kudos.given', (tx, e) => notifications.recordLater(tx, e));
  // Every follower hears of a live start: a job walks them, after the event's commit.
  events.on('live.started', (tx, e) => notifications.announceLiveLater(tx, e));
  events.on('comment.added', async (tx, e) => {
    await notifications.record(tx, {
      athleteId: e.ownerId,
      kind: 'comment',
      actorId: e.authorId,
      activityId: e.activityId,
      commentId: e.commentId,
    });
    // The owner hears of the comment already; others named in it only when they may read it.
    for (const mentioned of new Set(e.mentionedIds)) {
      if (mentioned === e.ownerId || mentioned === e.authorId) continue;
      if (!(await notifications.canSee(tx, mentioned, e.activityId))) continue;
      await notifications.record(tx, {
        athleteId: mentioned,
        kind: 'mention',
        actorId: e.authorId,
        activityId: e.activityId,
        commentId: e.commentId,
      });
    }
  });
  events.on('follow.created', (tx, e) =>
    notifications.record(tx, { athleteId: e.followeeId, kind: 'follower', actorId: e.followerId }),
  );
  events.on('follow.requested', (tx, e) =>
    notifications.record(tx, {
      athleteId: e.followeeId,
      kind: 'follow_request',
      actorId: e.followerId,
    }),
  );
  events.on('follow.accepted', (tx, e) =>
    notifications.record(tx, {
      athleteId: e.followerId,
      kind: 'follow_accepted',
      actorId: e.followeeId,
    }),
  );
  events.on('athlete.blocked', (tx, e) => notifications.blocked(tx, e.blockerId, e.blockedId));
  const effort = (e: {
    segmentId: string;
    activityId: string;
    effortId: string;
    elapsedS: number;
  }) => ({
    segmentId: e.segmentId,
    activityId: e.activityId,
    effortId: e.effortId,
    // Efforts are timed between interpolated gate crossings; a notification says whole seconds.
    elapsedS: Math.round(e.elapsedS),
  });
  events.on('training.best-effort-pr', (tx, e) =>
    notifications.record(tx, {
      athleteId: e.athleteId,
      kind: 'best_effort_pr',
      activityId: e.activityId,
      elapsedS: Math.round(e.elapsedS),
      subject: e.name,
    }),
  );
  events.on('training.goal-reached', (tx, e) =>
    notifications.record(tx, {
      athleteId: e.athleteId,
      kind: 'goal_reached',
      ...(e.activityId ? { activityId: e.activityId } : {}),
      subject: `${e.goalId}:${e.periodStart}|${e.label}`,
    }),
  );
  events.on('segment.pr', (tx, e) =>
    notifications.record(tx, { athleteId: e.athleteId, kind: 'segment_pr', ...effort(e) }),
  );
  events.on('segment.kom-won', (tx, e) =>
    notifications.record(tx, { athleteId: e.athleteId, kind: 'kom_won', ...effort(e) }),
  );
  events.on('segment.kom-lost', (tx, e) =>
    notifications.record(tx, {
      athleteId: e.previousAthleteId,
      kind: 'kom_lost',
      actorId: e.athleteId,
      ...effort(e),
    }),
  );
}
