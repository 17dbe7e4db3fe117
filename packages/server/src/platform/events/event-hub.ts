import type { Transaction } from 'kysely';
import type { ActivityRow, Database } from '../db/schema.js';

/**
 * The domain events one feature announces and others listen to, instead of calling into each
 * other. Listeners run one after another and are awaited: an event raised inside a transaction
 * (`activity.changed`) lets listeners enqueue jobs that commit with the change or not at all.
 */
export interface StrideEvents {
  /**
   * An activity's summary changed (computed, edited, deleted), inside the transaction that
   * makes the change. `before` is undefined for a new summary, `after` for a deletion.
   */
  'activity.changed': [
    tx: Transaction<Database>,
    before: ActivityRow | undefined,
    after: ActivityRow | undefined,
  ];
  /**
   * An athlete's profile fields changed, inside the transaction that changes them: the names
   * of the columns whose values changed.
   */
  'athlete.changed': [tx: Transaction<Database>, athleteId: string, fields: readonly string[]];
  /**
   * What others may see of an athlete's activities changed (privacy zones, hidden start or
   * end), inside the transaction that changes it.
   */
  'privacy.changed': [tx: Transaction<Database>, athleteId: string];
  /** An athlete began following another (no approval needed), inside the follow's transaction. */
  'follow.created': [tx: Transaction<Database>, event: FollowEvent];
  /** An athlete asked to follow one who approves followers, inside the request's transaction. */
  'follow.requested': [tx: Transaction<Database>, event: FollowEvent];
  /**
   * A follow request was accepted (by the athlete, or by turning approval off), inside the
   * transaction that turns it into a follow.
   */
  'follow.accepted': [tx: Transaction<Database>, event: FollowEvent];
  /**
   * A follow ended (the follower unfollowed, or the followee removed them), inside the
   * transaction that deletes it. A block ends follows without this event: `athlete.blocked`.
   */
  'follow.ended': [tx: Transaction<Database>, event: FollowEvent];
  /** An athlete blocked another, inside the transaction that writes the block. */
  'athlete.blocked': [tx: Transaction<Database>, event: { blockerId: string; blockedId: string }];
  /** Kudos given to an activity, inside the transaction that stores them. */
  'kudos.given': [
    tx: Transaction<Database>,
    event: { activityId: string; ownerId: string; giverId: string },
  ];
  /** A comment added to an activity, inside the transaction that stores it. */
  'comment.added': [
    tx: Transaction<Database>,
    event: {
      activityId: string;
      ownerId: string;
      authorId: string;
      commentId: string;
      mentionedIds: readonly string[];
    },
  ];
  /**
   * An athlete began sharing an activity live with their followers (the first batch of a live
   * session), in a transaction of its own: live points are not stored.
   */
  'live.started': [tx: Transaction<Database>, event: { activityId: string; athleteId: string }];
  /**
   * An activity set the athlete's fastest time over a best-effort distance (the longest such
   * distance of the activity), inside the transaction that stores its records.
   */
  'training.best-effort-pr': [
    tx: Transaction<Database>,
    event: { athleteId: string; activityId: string; name: string; elapsedS: number },
  ];
  /**
   * An athlete's goal was reached for the period starting `periodStart`, inside the transaction
   * that marks it announced (once per goal and period); `activityId` is the activity that did it.
   */
  'training.goal-reached': [
    tx: Transaction<Database>,
    event: {
      athleteId: string;
      goalId: string;
      periodStart: string;
      activityId: string | null;
      label: string;
    },
  ];
  /**
   * An athlete's effort became their fastest on a segment (beating an earlier effort of theirs),
   * inside the transaction that writes its PR rank.
   */
  'segment.pr': [tx: Transaction<Database>, event: SegmentEffortEvent];
  /** An effort took first place on a segment's overall board, inside the rank's transaction. */
  'segment.kom-won': [tx: Transaction<Database>, event: SegmentEffortEvent];
  /**
   * The athlete who held first place on a segment's overall board lost it to a faster effort,
   * in the same transaction as `segment.kom-won`; `athleteId` is the new holder.
   */
  'segment.kom-lost': [
    tx: Transaction<Database>,
    event: SegmentEffortEvent & { previousAthleteId: string },
  ];
}

/** Who follows (or asks to follow) whom. */
export interface FollowEvent {
  followerId: string;
  followeeId: string;
}

/** One segment effort of an athlete, on one of their activities. */
export interface SegmentEffortEvent {
  segmentId: string;
  athleteId: string;
  activityId: string;
  effortId: string;
  elapsedS: number;
}

export type EventName = keyof StrideEvents;
export type EventListener<N extends EventName> = (...args: StrideEvents[N]) => Promise<void>;

/** In-process domain events: what a module raises, the modules wired with it hear. */
export class EventHub {
  private readonly listeners = new Map<EventName, EventListener<never>[]>();

  on<N extends EventName>(name: N, listener: EventListener<N>): void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as EventListener<never>);
    this.listeners.set(name, list);
  }

  async emit<N extends EventName>(name: N, ...args: StrideEvents[N]): Promise<void> {
    for (const listener of this.listeners.get(name) ?? []) {
      await (listener as EventListener<N>)(...args);
    }
  }
}
