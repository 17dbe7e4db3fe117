import { EARLIEST_TIME_S, LATEST_TIME_S } from '@stride/core';
import { Type } from 'typebox';

export const ActivityId = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const LinkParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  linkId: Type.String({ format: 'uuid' }),
});
export const TokenParams = Type.Object({
  token: Type.String({
    pattern: '^[A-Za-z0-9_-]{43}$',
    description: 'the secret token of a safety link',
  }),
});

const EventId = Type.String({
  pattern: '^[0-9]{1,15}-[0-9]{1,9}$',
  description: 'an event id as the stream sent it (`id:` of an SSE event, `last_event_id`)',
});

export const SinceQuery = Type.Object({
  since: Type.Optional(EventId),
});

export const LinkStreamQuery = Type.Object({
  last_event_id: Type.Optional(EventId),
});

export const TicketStreamQuery = Type.Object({
  ticket: Type.String({
    minLength: 1,
    maxLength: 2000,
    description: 'from POST /notifications/stream-ticket (an EventSource cannot send a header)',
  }),
  ...LinkStreamQuery.properties,
});

export const LivePoint = Type.Object(
  {
    t: Type.Number({
      minimum: EARLIEST_TIME_S,
      exclusiveMaximum: LATEST_TIME_S,
      description: 'epoch seconds (fractions allowed)',
    }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    alt: Type.Optional(Type.Number({ minimum: -1000, maximum: 10000 })),
    hr: Type.Optional(Type.Number({ minimum: 0, maximum: 300 })),
  },
  { additionalProperties: false },
);

export const LiveBatchBody = Type.Object(
  {
    seq: Type.Integer({
      minimum: 0,
      maximum: 999_999,
      description: 'batch number, unique per activity: a batch sent again changes nothing',
    }),
    points: Type.Array(LivePoint, { maxItems: 500 }),
    state: Type.Optional(
      Type.Union([Type.Literal('recording'), Type.Literal('paused')], {
        description: 'the recorder’s state after this batch',
      }),
    ),
    followers: Type.Optional(
      Type.Boolean({
        description:
          'share with my approved followers (as the activity’s visibility allows); default true',
      }),
    ),
  },
  { additionalProperties: false },
);

export const LiveStateSchema = Type.Union([
  Type.Literal('recording'),
  Type.Literal('paused'),
  Type.Literal('ended'),
  Type.Literal('saved'),
]);

export const LiveTotals = Type.Object({
  distance: Type.Number({ description: 'metres' }),
  moving_time: Type.Number({ description: 'seconds' }),
  elapsed_time: Type.Number({ description: 'seconds' }),
  current_speed: Type.Number({ description: 'm/s over the last moments (current pace)' }),
  average_speed: Type.Number({ description: 'm/s over the moving time' }),
  total_elevation_gain: Type.Number(),
  current_heartrate: Type.Union([Type.Number(), Type.Null()]),
  average_heartrate: Type.Union([Type.Number(), Type.Null()]),
  point_count: Type.Integer(),
});

export const BatchResult = Type.Object({
  duplicate: Type.Boolean(),
  state: LiveStateSchema,
  totals: LiveTotals,
  last_event_id: Type.String(),
});

export const LiveSnapshot = Type.Object({
  activity_id: Type.String({ format: 'uuid' }),
  athlete_id: Type.String({ format: 'uuid' }),
  sport_type: Type.String(),
  state: LiveStateSchema,
  saved_activity_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  last_seen_at: Type.String({ format: 'date-time' }),
  totals: LiveTotals,
  points: Type.Array(LivePoint, {
    description: 'every point so far that this viewer may see, in time order',
  }),
  last_event_id: Type.String(),
  followers: Type.Optional(Type.Boolean({ description: 'the owner only: shared with followers' })),
});

export const LiveEvent = Type.Object(
  {
    id: Type.String(),
    type: Type.Union([Type.Literal('points'), Type.Literal('state')]),
    points: Type.Optional(Type.Array(LivePoint)),
    state: Type.Optional(LiveStateSchema),
    at: Type.Optional(Type.Number()),
    activity_id: Type.Optional(Type.String({ format: 'uuid' })),
    totals: LiveTotals,
  },
  {
    description:
      '`points`: new points (merge by `t`: a late batch brings earlier ones); `state`: ' +
      'recording, paused, ended, or saved with the saved `activity_id`. Totals ride on each.',
  },
);

export const LivePoll = Type.Object({
  snapshot: Type.Union([LiveSnapshot, Type.Null()], {
    description: 'the whole state, when no `since` was given or events after it are gone',
  }),
  events: Type.Array(LiveEvent),
  last_event_id: Type.String({ description: 'pass as `since` next time' }),
});

export const LiveNow = Type.Object({
  items: Type.Array(
    Type.Object({
      activity_id: Type.String({ format: 'uuid' }),
      athlete: Type.Object({
        id: Type.String({ format: 'uuid' }),
        handle: Type.String(),
        display_name: Type.String(),
      }),
      sport_type: Type.String(),
      state: LiveStateSchema,
      last_seen_at: Type.String({ format: 'date-time' }),
      totals: LiveTotals,
    }),
  ),
});

export const NewLink = Type.Object(
  {
    expires_in: Type.Optional(
      Type.Integer({
        minimum: 60,
        maximum: 7 * 24 * 3600,
        description: 'seconds until the link stops working; default 24 h, at most 7 days',
      }),
    ),
  },
  { additionalProperties: false },
);

export const LiveLink = Type.Object({
  id: Type.String({ format: 'uuid' }),
  activity_id: Type.String({ format: 'uuid' }),
  created_at: Type.String({ format: 'date-time' }),
  expires_at: Type.String({ format: 'date-time' }),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  active: Type.Boolean(),
});

export const CreatedLink = Type.Object({
  ...LiveLink.properties,
  token: Type.String({ description: 'shown this once: only its hash is kept' }),
  url: Type.String({ description: 'the web page that follows the activity with this token' }),
});

export const SseResponse = {
  description: 'text/event-stream',
  content: { 'text/event-stream': { schema: Type.String() } },
};
