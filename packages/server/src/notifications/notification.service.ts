import type { Kysely, Transaction } from 'kysely';
import type { ActivityService } from '../activities/activity.service.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import type { Database } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import type { JobQueue } from '../platform/jobs/index.js';
import type { SegmentService } from '../segments/segment.service.js';
import { type PresentedNotification, presentNotification } from './notification.presenter.js';
import {
  ACTORS_SHOWN,
  type NotificationCursor,
  type NotificationItem,
  type NotificationRepository,
} from './notification.repository.js';
import {
  ACTORLESS,
  type KindSetting,
  NOTIFICATION_KINDS,
  type NotificationKind,
  ONCE,
} from './notification-kinds.js';
import type { NotificationSettingsRepository } from './notification-settings.repository.js';
import type { PushSubscriptionRepository } from './push-subscription.repository.js';

/** One thing that happened to `athleteId`, as listeners hand it over. */
export interface NotificationEvent {
  athleteId: string;
  kind: NotificationKind;
  /** Who did it; none for the athlete's own achievements. */
  actorId?: string;
  activityId?: string;
  segmentId?: string;
  commentId?: string;
  /** The effort's id, for PRs and KOMs (each is announced once). */
  effortId?: string;
  elapsedS?: number;
  /**
   * What the item is about, for kinds without a row to name it: the best effort ('5k'), the
   * goal ('<goal id>:<period start>|weekly run distance'). Kept in the group key.
   */
  subject?: string;
}

/** What a process's open streams are told (the stream forwards it as an SSE event). */
export type StreamMessage =
  | { type: 'notification'; item: PresentedNotification; unread_count: number }
  | { type: 'unread'; unread_count: number };

/** Where an athlete's open streams listen, in every process. */
export const streamChannel = (athleteId: string) => `notifications.${athleteId}`;

/** The thing events of a kind are grouped by while unread. */
function groupKey(e: NotificationEvent): string {
  switch (e.kind) {
    case 'kudos':
    case 'comment':
      return `activity:${e.activityId}`;
    case 'mention':
      return `comment:${e.commentId}`;
    case 'follower':
    case 'follow_request':
      return 'athletes';
    case 'follow_accepted':
      return `athlete:${e.actorId}`;
    case 'segment_pr':
    case 'kom_won':
    case 'kom_lost':
      return `effort:${e.effortId}`;
    case 'live_started':
      return `live:${e.activityId}`;
    case 'best_effort_pr':
      return `best:${e.activityId}|${e.subject}`;
    case 'goal_reached':
      return `goal:${e.subject}`;
  }
}

/**
 * An athlete's notifications: created from other features' events inside their transactions
 * (never for the athlete's own action, never between athletes where either blocks the other,
 * never a kind the athlete turned off), read a page at a time, counted and marked read; and
 * per-kind settings. A new item (or a new actor on an unread one) queues its delivery to open
 * streams, and a push to the athlete's browsers when they want that kind pushed; both run
 * after the commit, as jobs.
 */
export class NotificationService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly settings: NotificationSettingsRepository,
    private readonly subscriptions: PushSubscriptionRepository,
    private readonly deps: {
      athletes: AthleteService;
      follows: FollowService;
      activities: ActivityService;
      segments: SegmentService;
      db: Kysely<Database>;
      jobs: JobQueue;
      wakeWorker: () => void;
      publish: (channel: string, message: string) => Promise<boolean>;
    },
  ) {}

  /** Records one event in the caller's transaction (the one that made the change). */
  async record(tx: Transaction<Database>, e: NotificationEvent): Promise<void> {
    if (e.actorId === e.athleteId) return;
    if (!e.actorId && !ACTORLESS.has(e.kind)) return;
    if (e.actorId && (await this.deps.follows.blockedEitherWay(tx, e.athleteId, e.actorId))) return;
    const setting = await this.settings.of(tx, e.athleteId, e.kind);
    if (!setting.in_app) return;
    const id = await this.notifications.add(tx, {
      athleteId: e.athleteId,
      kind: e.kind,
      groupKey: groupKey(e),
      actorId: e.actorId,
      activityId: e.activityId,
      segmentId: e.segmentId,
      commentId: e.commentId,
      elapsedS: e.elapsedS,
      once: ONCE.has(e.kind),
    });
    if (!id) return;
    await this.deps.jobs.enqueue('notifications.deliver', { notificationId: id }, tx);
    if (setting.push && (await this.subscriptions.any(e.athleteId, tx)))
      await this.deps.jobs.enqueue('notifications.push', { notificationId: id }, tx);
    this.deps.wakeWorker(); // a hint: the worker polls again shortly if this ran before the commit
  }

  /**
   * Queues the announcement of an activity's new kudos in the caller's transaction (one job per
   * activity, however many kudos arrive before it runs: `announceKudos`).
   */
  async recordLater(
    tx: Transaction<Database>,
    e: { activityId: string; ownerId: string; giverId: string },
  ): Promise<void> {
    if (e.giverId === e.ownerId) return;
    await this.deps.jobs.enqueue(
      'notifications.kudos',
      { activityId: e.activityId, ownerId: e.ownerId },
      tx,
    );
    this.deps.wakeWorker();
  }

  /**
   * `notifications.kudos`: records every kudos of the activity that no kudos item of its owner
   * names yet (a batch at a time; a full batch queues the next), unless the activity is gone.
   * Whether there was anything to record.
   */
  async announceKudos(e: { activityId: string; ownerId: string }): Promise<boolean> {
    const batch = 200;
    return this.deps.db.transaction().execute(async (tx) => {
      if (!(await this.canSee(tx, e.ownerId, e.activityId))) return false;
      const givers = await this.notifications.kudosNotYetAnnounced(
        tx,
        e.ownerId,
        e.activityId,
        batch,
      );
      for (const giverId of givers)
        await this.record(tx, {
          athleteId: e.ownerId,
          kind: 'kudos',
          actorId: giverId,
          activityId: e.activityId,
        });
      if (givers.length === batch) await this.deps.jobs.enqueue('notifications.kudos', e, tx);
      return givers.length > 0;
    });
  }

  /** Queues `notifications.live-started` in the caller's transaction. */
  async announceLiveLater(tx: Transaction<Database>, e: { activityId: string; athleteId: string }) {
    await this.deps.jobs.enqueue('notifications.live-started', e, tx);
    this.deps.wakeWorker();
  }

  /**
   * `notifications.live-started`: tells each follower of the athlete that they are live, a page
   * of followers at a time (a full page queues the next); once per activity and follower.
   */
  async announceLive(e: { activityId: string; athleteId: string; after?: string }) {
    const page = 500;
    const followers = await this.deps.follows.followerIdsAfter(e.athleteId, e.after, page);
    await this.deps.db.transaction().execute(async (tx) => {
      for (const followerId of followers)
        await this.record(tx, {
          athleteId: followerId,
          kind: 'live_started',
          actorId: e.athleteId,
          activityId: e.activityId,
        });
      if (followers.length === page)
        await this.deps.jobs.enqueue(
          'notifications.live-started',
          { activityId: e.activityId, athleteId: e.athleteId, after: followers.at(-1)! },
          tx,
        );
    });
    return followers.length > 0;
  }

  /** Whether `athleteId` may see the activity (a mention in a comment they cannot read is none). */
  canSee(tx: Transaction<Database>, athleteId: string, activityId: string): Promise<boolean> {
    return this.deps.activities.visibleIn(tx, athleteId, activityId);
  }

  /** An athlete blocked another: what the blocked one caused in the blocker's list goes. */
  async blocked(tx: Transaction<Database>, blockerId: string, blockedId: string) {
    await this.notifications.removeActor(tx, blockerId, blockedId);
  }

  /** One newest-first page of the athlete's notifications, grouped, with names. */
  async list(
    athleteId: string,
    limit: number,
    after?: NotificationCursor,
  ): Promise<{ items: PresentedNotification[]; last: NotificationItem | undefined }> {
    const rows = await this.notifications.page(athleteId, limit, after);
    return { items: await this.present(athleteId, rows), last: rows.at(-1) };
  }

  /**
   * Everything the athlete's data export holds of their notifications: their per-kind settings
   * and every item as the API shows it, newest first (read a page at a time).
   */
  async exportOf(athleteId: string) {
    const items: PresentedNotification[] = [];
    let after: NotificationCursor | undefined;
    for (;;) {
      const rows = await this.notifications.page(athleteId, 500, after);
      items.push(...(await this.present(athleteId, rows)));
      const last = rows.at(-1);
      if (rows.length < 500 || !last) break;
      after = { updatedAt: last.updated_at, id: last.id };
    }
    return { settings: await this.settingsOf(athleteId), items };
  }

  /** One of the athlete's notifications as the API shows it, if it is still there. */
  async one(athleteId: string, id: string): Promise<PresentedNotification | undefined> {
    const row = await this.notifications.find(athleteId, id);
    return row && (await this.present(athleteId, [row]))[0];
  }

  /** The item and the athlete it is for (jobs carry only the id). */
  async byId(id: string) {
    const athleteId = await this.notifications.ownerOf(id);
    if (!athleteId) return undefined;
    const item = await this.one(athleteId, id);
    return item && { athleteId, item };
  }

  unreadCount(athleteId: string): Promise<number> {
    return this.notifications.unreadCount(athleteId);
  }

  /**
   * Marks these notifications read, or all of them. 404 naming the first id that is not the
   * athlete's (nothing is marked then): another athlete's ids read as unknown ones.
   */
  async markRead(athleteId: string, which: { ids: readonly string[] } | { all: true }) {
    const ids = 'all' in which ? 'all' : [...new Set(which.ids)];
    if (ids !== 'all') {
      const missing = await this.notifications.notOwned(athleteId, ids);
      if (missing.length) throw Errors.notFound(`no notification ${missing[0]}`);
    }
    await this.notifications.markRead(athleteId, ids);
    const unread = await this.unreadCount(athleteId);
    // The athlete's other tabs and devices update their badge.
    await this.tell(athleteId, { type: 'unread', unread_count: unread });
    return unread;
  }

  /** Every kind's setting (on where never changed). */
  async settingsOf(athleteId: string): Promise<Record<NotificationKind, KindSetting>> {
    const changed = await this.settings.changed(athleteId);
    return Object.fromEntries(
      NOTIFICATION_KINDS.map((k) => [k, changed.get(k) ?? { in_app: true, push: true }]),
    ) as Record<NotificationKind, KindSetting>;
  }

  /** Changes some kinds' settings; push is off wherever in-app is (nothing stored, nothing sent). */
  async changeSettings(
    athleteId: string,
    changes: Partial<Record<NotificationKind, Partial<KindSetting>>>,
  ): Promise<Record<NotificationKind, KindSetting>> {
    const current = await this.settingsOf(athleteId);
    const next = new Map<NotificationKind, KindSetting>();
    for (const kind of NOTIFICATION_KINDS) {
      const change = changes[kind];
      if (!change) continue;
      const inApp = change.in_app ?? current[kind].in_app;
      next.set(kind, { in_app: inApp, push: inApp && (change.push ?? current[kind].push) });
    }
    await this.settings.save(athleteId, next);
    return this.settingsOf(athleteId);
  }

  /** Whether the athlete wants this kind pushed now (it may have changed since it was queued). */
  async wantsPush(athleteId: string, kind: NotificationKind): Promise<boolean> {
    const s = (await this.settingsOf(athleteId))[kind];
    return s.in_app && s.push;
  }

  /** Sends a message to the athlete's open streams, in every process. */
  async tell(athleteId: string, message: StreamMessage): Promise<boolean> {
    return this.deps.publish(streamChannel(athleteId), JSON.stringify(message));
  }

  private async present(athleteId: string, rows: NotificationItem[]) {
    const actorIds = [...new Set(rows.flatMap((r) => r.actor_ids.slice(0, ACTORS_SHOWN)))];
    const activityIds = [...new Set(rows.flatMap((r) => (r.activity_id ? [r.activity_id] : [])))];
    const segmentIds = [...new Set(rows.flatMap((r) => (r.segment_id ? [r.segment_id] : [])))];
    const [athletes, activities, segments] = await Promise.all([
      this.deps.athletes.summaries(actorIds),
      this.deps.activities.titles(athleteId, activityIds),
      this.deps.segments.names(segmentIds),
    ]);
    const names = {
      athletes: new Map(athletes.map((a) => [a.id, a])),
      activities,
      segments,
    };
    return rows.map((r) => presentNotification(r, names));
  }
}
