import type {
  FastifyPluginAsyncTypebox,
  TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import { EARLIEST_TIME_S, LATEST_TIME_S } from '@stride/core';
import { Type } from 'typebox';
import type { AthleteService } from '../athletes/athlete.service.js';
import { Errors } from '../platform/errors.js';
import { decodeCursor, encodeCursor, Page, PageQuery } from '../platform/http/pagination.js';
import { errorResponses, Visibility } from '../platform/http/schemas.js';
import { sendJson, sendWritten } from '../platform/http/send-json.js';
import { parseStreamKeys, StreamsResponse, streamKeysQuery } from '../platform/http/stream-keys.js';
import { detailJson } from './activity.presenter.js';
import { ActivityDetail, ActivitySummary, EventKind, SportType } from './activity.schemas.js';
import type { ActivityService } from './activity.service.js';
import { STREAM_KEYS } from './activity-compute.js';
import type { ActivityReadService } from './activity-read.service.js';
import type { SegmentEffortsOf } from './index.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const EpochOrIso = Type.String({
  format: 'date-time',
  description: 'the device’s time of the event',
});

const Point = Type.Object(
  {
    t: Type.Number({
      minimum: EARLIEST_TIME_S,
      exclusiveMaximum: LATEST_TIME_S,
      description: 'epoch seconds (fractions allowed), between 1990 and 2099',
    }),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    alt: Type.Optional(Type.Number({ minimum: -1000, maximum: 10000 })),
    hr: Type.Optional(Type.Number({ minimum: 0, maximum: 300 })),
    cad: Type.Optional(Type.Number({ minimum: 0, maximum: 300 })),
    watts: Type.Optional(Type.Number({ minimum: 0, maximum: 5000 })),
    acc: Type.Optional(Type.Number({ minimum: 0, description: 'horizontal accuracy, metres' })),
  },
  { additionalProperties: false },
);

const Totals = Type.Object({
  distance: Type.Number(),
  moving_time: Type.Number(),
  elapsed_time: Type.Number(),
  average_speed: Type.Union([Type.Number(), Type.Null()]),
  total_elevation_gain: Type.Number(),
  point_count: Type.Integer(),
});

/** Activities: record (create, state log, points, whole recordings), read, edit, delete, export. */
export const activityRoutes: FastifyPluginAsyncTypebox<{
  activities: ActivityService;
  activityReads: ActivityReadService;
  athletes: AthleteService;
  segmentEfforts: SegmentEffortsOf;
}> = async (app, { activities, activityReads, athletes, segmentEfforts }) => {
  const security = [{ bearerAuth: [] }];

  /** The activity's detail as JSON: its rendered view, athlete, photos and segment efforts. */
  const detail = async (viewerId: string | undefined, id: string) => {
    const { view, athlete, fields } = await activityReads.get(viewerId, id);
    return detailJson(view, athlete, await segmentEfforts(view.view), fields);
  };

  // Reads are open to anyone for public activities; a token, when sent, identifies the viewer.
  app.register(async (scope) => {
    const pub = scope.withTypeProvider<TypeBoxTypeProvider>();
    pub.addHook('preHandler', pub.optionalAuthenticate);

    pub.get(
      '/:id',
      {
        schema: {
          tags: ['activities'],
          summary: 'One activity, with splits, laps and best efforts',
          params: Id,
          response: { 200: ActivityDetail, ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) =>
        sendJson(request, reply, await detail(request.athleteId || undefined, request.params.id)),
    );

    pub.get(
      '/:id/legs',
      {
        schema: {
          tags: ['activities'],
          summary: 'The legs of a multisport activity (swim, transition, bike, transition, run)',
          description:
            'Every leg of the same multisport file that the viewer may see, in the order they ' +
            'happened; just this activity when it is not a leg of one.',
          params: Id,
          response: {
            200: Type.Object({ items: Type.Array(ActivitySummary) }),
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request, reply) => {
        const items = await activityReads.legs(request.athleteId || undefined, request.params.id);
        return sendJson(request, reply, `{"items":[${items.join(',')}]}`);
      },
    );

    pub.get(
      '/:id/streams',
      {
        schema: {
          tags: ['activities'],
          summary: 'Streams of an activity (time, latlng, distance, altitude, heartrate, …)',
          params: Id,
          querystring: streamKeysQuery(STREAM_KEYS),
          response: { 200: StreamsResponse, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const keys = parseStreamKeys(request.query.keys, STREAM_KEYS);
        return activityReads.streams(request.athleteId || undefined, request.params.id, keys);
      },
    );

    pub.get(
      '/:id/export.:format',
      {
        schema: {
          tags: ['activities'],
          summary: 'Download the activity as GPX, TCX or FIT',
          params: Type.Object({
            id: Type.String({ format: 'uuid' }),
            format: Type.Union([Type.Literal('gpx'), Type.Literal('tcx'), Type.Literal('fit')]),
          }),
          response: { ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const file = await activityReads.export(
          request.athleteId || undefined,
          request.params.id,
          request.params.format,
        );
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(Buffer.from(file.bytes));
      },
    );
  });

  app.register(async (scope) => {
    const priv = scope.withTypeProvider<TypeBoxTypeProvider>();
    priv.addHook('preHandler', priv.authenticate);

    priv.get(
      '/',
      {
        schema: {
          tags: ['activities'],
          summary:
            'List activities: mine or one athlete’s (USER), or mine and those I follow (FRIENDS)',
          security,
          querystring: Type.Object({
            mode: Type.Optional(
              Type.Union([Type.Literal('USER'), Type.Literal('FRIENDS')], { default: 'USER' }),
            ),
            athlete: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 64,
                description: 'athlete id or handle (USER mode)',
              }),
            ),
            ...PageQuery,
          }),
          response: { 200: Page(ActivitySummary), ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const limit = q.limit ?? 30;
        const key = decodeCursor(q.cursor);
        const athleteId = q.athlete ? (await athletes.resolve(q.athlete)).id : undefined;
        const page = await activityReads.list(
          request.athleteId,
          q.mode ?? 'USER',
          athleteId,
          limit,
          key ? { startedAt: key.at, id: key.id } : undefined,
        );
        const next = page.next ? encodeCursor(page.next.startedAt, page.next.id) : null;
        return sendJson(
          request,
          reply,
          `{"items":[${page.items.join(',')}],"next_cursor":${JSON.stringify(next)}}`,
        );
      },
    );

    priv.post(
      '/',
      {
        schema: {
          tags: ['activities'],
          summary: 'Create an activity to record (send your own UUID so a retry is harmless)',
          description:
            'An id already used by another athlete is answered 404, as reading it would be, ' +
            'whether or not you may see that activity.',
          security,
          body: Type.Object({
            id: Type.Optional(Type.String({ format: 'uuid' })),
            sport_type: SportType,
            name: Type.Optional(Name),
            description: Type.Optional(Type.String({ maxLength: 10_000 })),
            visibility: Type.Optional(Visibility),
          }),
          response: {
            200: ActivityDetail,
            201: ActivityDetail,
            ...errorResponses(400, 401, 404, 409),
          },
        },
      },
      async (request, reply) => {
        const { row, created } = await activities.create(request.athleteId, request.body);
        reply.status(created ? 201 : 200);
        return sendWritten(reply, await detail(request.athleteId, row.id));
      },
    );

    priv.patch(
      '/:id',
      {
        schema: {
          tags: ['activities'],
          summary:
            'Change the recording state (with the device’s time) or edit name, description, sport, visibility',
          security,
          params: Id,
          body: Type.Object({
            state: Type.Optional(
              Type.Union([
                Type.Literal('STARTED'),
                Type.Literal('PAUSED'),
                Type.Literal('RESUMED'),
                Type.Literal('COMPLETE'),
              ]),
            ),
            at: Type.Optional(EpochOrIso),
            name: Type.Optional(Name),
            description: Type.Optional(
              Type.Union([Type.String({ maxLength: 10_000 }), Type.Null()]),
            ),
            sport_type: Type.Optional(SportType),
            visibility: Type.Optional(Visibility),
          }),
          response: { 200: ActivityDetail, ...errorResponses(400, 401, 404, 409) },
        },
      },
      async (request, reply) => {
        const { state, at, ...fields } = request.body;
        if (Object.keys(fields).length)
          await activityReads.update(request.athleteId, request.params.id, fields);
        if (state) {
          if (!at)
            throw Errors.validation('body.at is required with body.state', {
              fields: [{ field: 'body.at', message: 'is required' }],
            });
          await activities.changeState(request.athleteId, request.params.id, state, new Date(at));
        }
        return sendWritten(reply, await detail(request.athleteId, request.params.id));
      },
    );

    priv.delete(
      '/:id',
      {
        schema: {
          tags: ['activities'],
          summary: 'Delete an activity and everything derived from it',
          security,
          params: Id,
          response: { 204: Type.Null(), ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        await activityReads.delete(request.athleteId, request.params.id);
        return reply.status(204).send(null);
      },
    );

    priv.post(
      '/:id/points',
      {
        schema: {
          tags: ['activities'],
          summary: 'Add a batch of live points; re-sending a batch (same seq) changes nothing',
          security,
          params: Id,
          body: Type.Object({
            seq: Type.Integer({
              minimum: 0,
              maximum: 999_999,
              description: 'batch number, unique per activity',
            }),
            points: Type.Array(Point, { minItems: 1, maxItems: 1000 }),
          }),
          response: {
            200: Type.Object({ duplicate: Type.Boolean(), totals: Totals }),
            ...errorResponses(400, 401, 404, 409),
          },
        },
      },
      async (request) => {
        const r = await activities.addPoints(
          request.athleteId,
          request.params.id,
          request.body.seq,
          request.body.points,
        );
        return { duplicate: r.duplicate, totals: r.totals };
      },
    );

    priv.put(
      '/:id/recording',
      {
        bodyLimit: 16 * 1024 * 1024,
        schema: {
          tags: ['activities'],
          summary: 'Save a whole recording made offline (events and points), in one or more parts',
          description:
            'Idempotent on the activity id. Long recordings may be sent as parts 1…parts; the ' +
            'activity is computed when every part has arrived. Events must end with STOP.',
          security,
          params: Id,
          body: Type.Object({
            sport_type: SportType,
            name: Type.Optional(Name),
            description: Type.Optional(Type.String({ maxLength: 10_000 })),
            visibility: Type.Optional(Visibility),
            events: Type.Array(
              Type.Object({
                kind: EventKind,
                at: EpochOrIso,
              }),
              { minItems: 2, maxItems: 10_000 },
            ),
            points: Type.Array(Point, { maxItems: 100_000 }),
            part: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
            parts: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
          }),
          response: {
            200: ActivityDetail,
            202: ActivityDetail,
            ...errorResponses(400, 401, 404, 409, 413, 422),
          },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const part = b.part ?? 1;
        const parts = b.parts ?? 1;
        if (part > parts) throw Errors.validation('body.part cannot exceed body.parts');
        const { complete } = await activities.saveRecording(request.athleteId, {
          ...b,
          id: request.params.id,
          part,
          parts,
          events: b.events.map((e) => ({ kind: e.kind, at: new Date(e.at) })),
        });
        reply.status(complete ? 200 : 202);
        return sendWritten(reply, await detail(request.athleteId, request.params.id));
      },
    );
  });
};
