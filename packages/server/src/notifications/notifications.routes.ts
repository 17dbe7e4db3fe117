import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AuthService } from '../accounts/auth.service.js';
import { invalidField } from '../platform/errors.js';
import { startEventStream } from '../platform/http/event-stream.js';
import { decodeCursor, encodeCursor, PageQuery } from '../platform/http/pagination.js';
import { errorResponses } from '../platform/http/schemas.js';
import { strictBody } from '../platform/http/strict-body.js';
import type { NotificationService } from './notification.service.js';
import {
  isKind,
  type KindSetting,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from './notification-kinds.js';
import { type NotificationStreams, sseEvent } from './notification-stream.js';
import {
  MarkRead,
  NotificationPage,
  NotificationSettings,
  NotificationSettingsPatch,
  StreamQuery,
  StreamTicket,
  UnreadCount,
} from './notifications.schemas.js';

export type StreamAuth = Pick<AuthService, 'streamTicket' | 'openStream' | 'sessionActive'>;

/** An EventSource that lost its stream tries again after this long (it needs a new ticket). */
const RETRY_MS = 5000;

/**
 * The signed-in athlete's notifications: the grouped list, the unread count, marking read, and
 * the live stream (Server-Sent Events) open tabs listen to. Every route reads or changes the
 * token's athlete's own notifications only.
 */
export const notificationRoutes: FastifyPluginAsyncTypebox<{
  notifications: NotificationService;
  streams: NotificationStreams;
  auth: StreamAuth;
}> = async (app, { notifications, streams, auth }) => {
  const security = [{ bearerAuth: [] }];
  // Open streams would hold the server's close up until their clients left.
  app.addHook('preClose', async () => streams.closeAll());

  app.get(
    '/',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, grouped',
        description:
          'Events of one kind about one thing join one unread item: several kudos on an ' +
          'activity are one item naming the latest three athletes and how many there are.',
        security,
        querystring: Type.Object(PageQuery),
        response: { 200: NotificationPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 30;
      const key = decodeCursor(request.query.cursor);
      const page = await notifications.list(
        request.athleteId,
        limit,
        key ? { updatedAt: key.at, id: key.id } : undefined,
      );
      return {
        items: page.items,
        next_cursor:
          page.last && page.items.length === limit
            ? encodeCursor(page.last.updated_at, page.last.id)
            : null,
      };
    },
  );

  app.get(
    '/unread-count',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['notifications'],
        summary: 'How many of my notifications are unread',
        security,
        response: { 200: UnreadCount, ...errorResponses(401) },
      },
    },
    async (request) => ({ unread_count: await notifications.unreadCount(request.athleteId) }),
  );

  app.post(
    '/read',
    {
      preHandler: app.authenticate,
      preValidation: strictBody,
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications read: { ids } or { all: true }',
        description: '404 when an id is not one of my notifications (none is marked then).',
        security,
        body: MarkRead,
        response: { 200: UnreadCount, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { ids, all } = request.body;
      if ((ids === undefined) === (all === undefined))
        throw invalidField('body', 'must have either ids or all: true');
      const unread = await notifications.markRead(request.athleteId, ids ? { ids } : { all: true });
      return { unread_count: unread };
    },
  );

  app.post(
    '/stream-ticket',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['notifications'],
        summary: 'A short-lived ticket that opens my notification stream',
        description:
          'An EventSource cannot send an Authorization header: the page asks for a ticket ' +
          '(valid 60 s, for the stream only, ending with the session) and opens ' +
          '/notifications/stream?ticket=… with it.',
        security,
        response: { 200: StreamTicket, ...errorResponses(401) },
      },
    },
    async (request) =>
      auth.streamTicket({ athleteId: request.athleteId, sessionId: request.sessionId }),
  );

  app.get(
    '/stream',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications as they happen (Server-Sent Events)',
        description:
          'Opened with a ticket from POST /notifications/stream-ticket. Events: `unread` ' +
          '`{ unread_count }` at once and whenever it changes elsewhere, `notification` ' +
          '`{ item, unread_count }` for each new (or grown) item. A comment line every 20 s ' +
          'keeps proxies from closing it; it ends when the session is signed out.',
        // The ticket in the query is the credential (documented there: a query security
        // scheme would take the parameter out of the document).
        security: [],
        querystring: StreamQuery,
        response: {
          200: {
            description: 'text/event-stream',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
          ...errorResponses(400, 401),
        },
      },
    },
    async (request, reply) => {
      const claims = await auth.openStream(request.query.ticket);
      const unread = await notifications.unreadCount(claims.athleteId);
      const out = startEventStream(reply);
      const first = `retry: ${RETRY_MS}\n\n${sseEvent('unread', JSON.stringify({ type: 'unread', unread_count: unread }))}`;
      await streams.serve(claims.athleteId, out, first, () => auth.sessionActive(claims));
    },
  );
};

/** Refuses a kind this server does not know, which the validator would silently drop. */
async function knownKinds(request: FastifyRequest): Promise<void> {
  const body = request.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  for (const [key, value] of Object.entries(body)) {
    if (!isKind(key))
      throw invalidField(
        `body.${key}`,
        `is not a kind of notification (${NOTIFICATION_KINDS.join(', ')})`,
      );
    if (value && typeof value === 'object')
      for (const channel of Object.keys(value))
        if (channel !== 'in_app' && channel !== 'push')
          throw invalidField(`body.${key}.${channel}`, 'is not a setting: in_app or push');
  }
}

/** The signed-in athlete's notification settings, per kind: in-app and push. */
export const notificationSettingsRoutes: FastifyPluginAsyncTypebox<{
  notifications: NotificationService;
}> = async (app, { notifications }) => {
  const security = [{ bearerAuth: [] }];
  app.addHook('preHandler', app.authenticate);

  app.get(
    '/notification-settings',
    {
      schema: {
        tags: ['me'],
        summary: 'My notification settings: in-app and push, per kind',
        security,
        response: { 200: NotificationSettings, ...errorResponses(401) },
      },
    },
    async (request) => notifications.settingsOf(request.athleteId),
  );

  app.patch(
    '/notification-settings',
    {
      preValidation: [strictBody, knownKinds],
      schema: {
        tags: ['me'],
        summary: 'Change some kinds’ notification settings',
        description:
          'In-app off stores nothing of that kind (and so pushes nothing); push off keeps ' +
          'the list but sends nothing to installed apps. Answers every kind’s setting.',
        security,
        body: NotificationSettingsPatch,
        response: { 200: NotificationSettings, ...errorResponses(400, 401) },
      },
    },
    async (request) =>
      notifications.changeSettings(
        request.athleteId,
        request.body as Partial<Record<NotificationKind, Partial<KindSetting>>>,
      ),
  );
};
