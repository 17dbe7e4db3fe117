import type { Agent } from 'node:https';
import type { ActivityService } from '../activities/activity.service.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import { type FeatureModule, routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import type { SegmentService } from '../segments/segment.service.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationService } from './notification.service.js';
import { listenForNotifications } from './notification-listeners.js';
import { NotificationSettingsRepository } from './notification-settings.repository.js';
import { NotificationStreams } from './notification-stream.js';
import {
  notificationRoutes,
  notificationSettingsRoutes,
  type StreamAuth,
} from './notifications.routes.js';
import { pushRoutes } from './push.routes.js';
import { PushService } from './push.service.js';
import { PushSubscriptionRepository } from './push-subscription.repository.js';
import type { VapidKeys } from './vapid-keys.js';

export { loadVapidKeys } from './vapid-keys.js';

/**
 * Notifications: created from other features' events (kudos, comments and mentions, follows,
 * PRs and KOMs) in the transaction that raised them; the grouped list, unread count and
 * settings; delivery at once to open tabs over Server-Sent Events (through pub/sub, so a
 * notification made by any process reaches a tab on any API process) and to installed apps by
 * Web Push, both as jobs after the commit.
 */
export function createNotificationsModule(
  platform: Platform,
  deps: {
    athletes: AthleteService;
    follows: FollowService;
    activities: ActivityService;
    segments: SegmentService;
    auth: StreamAuth;
    vapid: VapidKeys;
    /** The agent push requests go through (tests: one that trusts a local push service). */
    pushAgent?: Agent | undefined;
    /** Heart-beat period of open streams (tests shorten it). */
    heartbeatMs?: number | undefined;
  },
) {
  const { db, config, events, jobs, pubsub, wakeWorker } = platform;
  const subscriptions = new PushSubscriptionRepository(db);
  const notifications = new NotificationService(
    new NotificationRepository(db),
    new NotificationSettingsRepository(db),
    subscriptions,
    {
      athletes: deps.athletes,
      follows: deps.follows,
      activities: deps.activities,
      segments: deps.segments,
      db,
      jobs,
      wakeWorker,
      publish: (channel, message) => pubsub.publish(channel, message),
    },
  );
  const push = new PushService(subscriptions, deps.vapid, {
    subject: config.pushSubject,
    hosts: config.pushHosts,
    ...(deps.pushAgent ? { agent: deps.pushAgent } : {}),
  });
  const streams = new NotificationStreams(pubsub, deps.heartbeatMs);
  listenForNotifications(events, notifications);

  return {
    notifications,
    push,
    streams,
    routes: [
      routes('/api/v1/notifications', notificationRoutes, {
        notifications,
        streams,
        auth: deps.auth,
      }),
      routes('/api/v1/me', notificationSettingsRoutes, { notifications }),
      routes('/api/v1/push', pushRoutes, { push }),
    ],
    jobs: {
      'notifications.kudos': async (e) =>
        (await notifications.announceKudos(e)) ? ('success' as const) : ('skipped' as const),
      'notifications.live-started': async (e) =>
        (await notifications.announceLive(e)) ? ('success' as const) : ('skipped' as const),
      'notifications.deliver': async ({ notificationId }) => {
        const found = await notifications.byId(notificationId);
        if (!found || found.item.read) return 'skipped' as const;
        const unread = await notifications.unreadCount(found.athleteId);
        await notifications.tell(found.athleteId, {
          type: 'notification',
          item: found.item,
          unread_count: unread,
        });
        return 'success' as const;
      },
      'notifications.push': async ({ notificationId }) => {
        const found = await notifications.byId(notificationId);
        if (!found || found.item.read) return 'skipped' as const;
        if (!(await notifications.wantsPush(found.athleteId, found.item.kind)))
          return 'skipped' as const;
        const sent = await push.send(found.athleteId, {
          title: 'Stride',
          body: found.item.text,
          url: found.item.url,
          tag: found.item.id,
        });
        return sent ? ('success' as const) : ('skipped' as const);
      },
    },
  } satisfies FeatureModule & Record<string, unknown>;
}

export type NotificationsModule = ReturnType<typeof createNotificationsModule>;
