import { Type } from 'typebox';
import { AthleteSummary } from '../athletes/athletes.schemas.js';
import { Page } from '../platform/http/pagination.js';
import { KIND_LABELS, NOTIFICATION_KINDS } from './notification-kinds.js';

export const NotificationKind = Type.Enum([...NOTIFICATION_KINDS], {
  description: NOTIFICATION_KINDS.map((k) => `${k}: ${KIND_LABELS[k]}`).join('; '),
});

export const Notification = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: NotificationKind,
  read: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({
    format: 'date-time',
    description: 'the latest event of the item (the list is newest first by it)',
  }),
  actors: Type.Array(AthleteSummary, {
    description: 'who caused it, latest first (at most three; empty for your own PRs and KOMs)',
  }),
  actor_count: Type.Integer({ description: 'how many athletes caused it in all' }),
  activity: Type.Union([
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      name: Type.Union([Type.String(), Type.Null()], {
        description: 'null when you may no longer see the activity',
      }),
    }),
    Type.Null(),
  ]),
  segment: Type.Union([
    Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
    Type.Null(),
  ]),
  comment_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  elapsed_time: Type.Union([Type.Integer(), Type.Null()], {
    description: 'the effort’s elapsed time in seconds, for PRs and KOMs',
  }),
  text: Type.String({
    description: 'what happened, e.g. "Léa and 3 others gave kudos to Morning Run"',
  }),
  url: Type.String({ description: 'the web app’s page about it, e.g. /activities/…' }),
});

export const NotificationPage = Page(Notification);

export const UnreadCount = Type.Object({ unread_count: Type.Integer() });

export const MarkRead = Type.Object(
  {
    ids: Type.Optional(
      Type.Array(Type.String({ format: 'uuid' }), {
        minItems: 1,
        maxItems: 200,
        description: 'these notifications',
      }),
    ),
    all: Type.Optional(Type.Literal(true, { description: 'every notification (mark all read)' })),
  },
  { additionalProperties: false, description: 'either ids or all: true' },
);

const KindSetting = Type.Object({
  in_app: Type.Boolean({ description: 'stored in the list (and shown at once in open tabs)' }),
  push: Type.Boolean({
    description: 'sent to installed apps by Web Push (never when in_app is off)',
  }),
});

export const NotificationSettings = Type.Object(
  Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, KindSetting])) as Record<
    (typeof NOTIFICATION_KINDS)[number],
    typeof KindSetting
  >,
);

const KindSettingPatch = Type.Optional(
  Type.Object(
    { in_app: Type.Optional(Type.Boolean()), push: Type.Optional(Type.Boolean()) },
    { additionalProperties: false },
  ),
);

export const NotificationSettingsPatch = Type.Object(
  Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, KindSettingPatch])) as Record<
    (typeof NOTIFICATION_KINDS)[number],
    typeof KindSettingPatch
  >,
  { additionalProperties: false, description: 'only the kinds and channels to change' },
);

export const StreamTicket = Type.Object({
  ticket: Type.String({ description: 'send as ?ticket= to /notifications/stream' }),
  expires_in: Type.Integer({ description: 'seconds left to open the stream with it' }),
});

export const StreamQuery = Type.Object({
  ticket: Type.String({
    minLength: 1,
    maxLength: 2000,
    description: 'from POST /notifications/stream-ticket (an EventSource cannot send a header)',
  }),
});

export const PushSubscriptionBody = Type.Object(
  {
    endpoint: Type.String({ minLength: 1, maxLength: 2048, description: 'the push service URL' }),
    // Null first: the validator coerces types, and would read null as the number 0.
    expirationTime: Type.Optional(
      Type.Union([
        Type.Null(),
        // Within what a date can hold (±8.64e15 ms).
        Type.Number({
          minimum: 0,
          maximum: 8.64e15,
          description: 'ms since 1970, when it expires',
        }),
      ]),
    ),
    keys: Type.Object({
      p256dh: Type.String({ minLength: 1, maxLength: 200 }),
      auth: Type.String({ minLength: 1, maxLength: 100 }),
    }),
  },
  { description: 'a PushSubscription as its toJSON() gives it' },
);

export const PushEndpoint = Type.Object({
  endpoint: Type.String({ minLength: 1, maxLength: 2048 }),
});
