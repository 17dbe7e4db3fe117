import type {
  FastifyPluginAsyncTypebox,
  TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { invalidField } from '../platform/errors.js';
import { decodeCursor, encodeCursor, Page, PageQuery } from '../platform/http/pagination.js';
import { errorResponses } from '../platform/http/schemas.js';
import { parseStreamKeys, StreamsResponse, streamKeysQuery } from '../platform/http/stream-keys.js';
import { presentEffort, presentLeaderboard, presentSegment } from './segment.presenter.js';
import {
  AgeGroups,
  CreateSegment,
  Leaderboard,
  Periods,
  SEGMENT_STREAM_KEYS,
  Segment,
  SegmentEffort,
  SegmentSport,
} from './segment.schemas.js';
import type { BBox, SegmentService } from './segment.service.js';
import type { SegmentReadService } from './segment-read.service.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
/** Explore answers for a map view, not a continent: at most this many degrees a side. */
const MAX_BBOX_SPAN_DEG = 10;

/** "minLat,minLng,maxLat,maxLng" → numbers, or a 400 naming querystring.bbox. */
export function parseBBox(raw: string): BBox {
  const field = 'querystring.bbox';
  // Number('') is 0: an empty part must not pass for the equator or the prime meridian.
  const parts = raw.split(',').map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p)))
    throw invalidField(field, 'must be four numbers: minLat,minLng,maxLat,maxLng');
  const [minLat, minLng, maxLat, maxLng] = parts as [number, number, number, number];
  if ([minLat, maxLat].some((v) => v < -90 || v > 90))
    throw invalidField(field, 'latitudes must be between -90 and 90');
  if ([minLng, maxLng].some((v) => v < -180 || v > 180))
    throw invalidField(field, 'longitudes must be between -180 and 180');
  if (minLat > maxLat || minLng > maxLng)
    throw invalidField(
      field,
      'must list the south-west corner first (minLat ≤ maxLat, minLng ≤ maxLng)',
    );
  if (maxLat - minLat > MAX_BBOX_SPAN_DEG || maxLng - minLng > MAX_BBOX_SPAN_DEG)
    throw invalidField(field, `may span at most ${MAX_BBOX_SPAN_DEG}° each way`);
  return [minLat, minLng, maxLat, maxLng];
}

/** Which of the two ways to create a segment the body asks for, or a 400 naming what is missing. */
function creation(b: Static<typeof CreateSegment>) {
  if ((b.activity_id === undefined) === (b.points === undefined))
    throw invalidField('body', 'needs either activity_id (with start_index, end_index) or points');
  if (b.activity_id !== undefined) {
    if (b.start_index === undefined) throw invalidField('body.start_index', 'is required');
    if (b.end_index === undefined) throw invalidField('body.end_index', 'is required');
    return {
      from: 'activity' as const,
      activityId: b.activity_id,
      startIndex: b.start_index,
      endIndex: b.end_index,
      name: b.name,
    };
  }
  if (!b.sport_type) throw invalidField('body.sport_type', 'is required with body.points');
  return { from: 'line' as const, points: b.points!, name: b.name, sport: b.sport_type };
}

/** Segments: create, read, explore a map area, star, delete; leaderboards and my efforts. */
export const segmentRoutes: FastifyPluginAsyncTypebox<{
  segments: SegmentService;
  segmentReads: SegmentReadService;
}> = async (app, { segments, segmentReads }) => {
  const security = [{ bearerAuth: [] }];
  const viewer = (athleteId: string) => athleteId || undefined;

  // Segments are public: anyone may read them; a token, when sent, adds the viewer's own data.
  app.register(async (scope) => {
    const pub = scope.withTypeProvider<TypeBoxTypeProvider>();
    pub.addHook('preHandler', pub.optionalAuthenticate);

    pub.get(
      '/',
      {
        schema: {
          tags: ['segments'],
          summary: 'Explore: segments in a map area, most popular first',
          querystring: Type.Object({
            bbox: Type.String({
              maxLength: 200,
              description: 'minLat,minLng,maxLat,maxLng (degrees)',
            }),
            sport_type: Type.Optional(SegmentSport),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 30 })),
          }),
          response: {
            200: Type.Object({ items: Type.Array(Segment) }),
            ...errorResponses(400, 401),
          },
        },
      },
      async (request) => {
        const q = request.query;
        const found = await segments.explore(
          viewer(request.athleteId),
          parseBBox(q.bbox),
          q.sport_type,
          q.limit ?? 30,
        );
        return { items: found.map((d) => presentSegment(d, viewer(request.athleteId))) };
      },
    );

    pub.get(
      '/:id',
      {
        schema: {
          tags: ['segments'],
          summary: 'One segment, with your own record on it when signed in',
          params: Id,
          response: { 200: Segment, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) =>
        presentSegment(
          await segments.get(viewer(request.athleteId), request.params.id),
          viewer(request.athleteId),
        ),
    );

    pub.get(
      '/:id/streams',
      {
        schema: {
          tags: ['segments'],
          summary: 'Positions, distance and altitude along a segment (its elevation profile)',
          description:
            'Strava’s segment streams, aligned sample by sample. A segment cut from an activity ' +
            'has its smoothed altitude (the one its grades and elevations come from) at up to ' +
            '500 samples; a drawn line has its vertices and distance, and no altitude key.',
          params: Id,
          querystring: streamKeysQuery(SEGMENT_STREAM_KEYS),
          response: { 200: StreamsResponse, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const keys = parseStreamKeys(request.query.keys, SEGMENT_STREAM_KEYS);
        const streams = await segments.streams(request.params.id);
        const out: Record<string, { data: unknown[]; original_size: number; resolution: string }> =
          {};
        for (const key of keys) {
          const data = streams[key as (typeof SEGMENT_STREAM_KEYS)[number]];
          if (data) out[key] = { data, original_size: data.length, resolution: 'high' };
        }
        return out;
      },
    );

    pub.get(
      '/:id/leaderboard',
      {
        schema: {
          tags: ['segments'],
          summary: 'A leaderboard of the segment: each athlete’s best in the period',
          description:
            'Periods follow the segment’s local calendar. Only efforts of activities visible to ' +
            'everyone rank (see docs/privacy.md). `following=true` needs a token.',
          params: Id,
          querystring: Type.Object({
            period: Type.Optional(
              Type.Union(
                Periods.map((p) => Type.Literal(p)),
                { default: 'all_time' },
              ),
            ),
            sex: Type.Optional(Type.Union([Type.Literal('M'), Type.Literal('F')])),
            age_group: Type.Optional(Type.Union(AgeGroups.map((a) => Type.Literal(a)))),
            following: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
          }),
          response: { 200: Leaderboard, ...errorResponses(400, 401, 404, 503) },
        },
      },
      async (request) => {
        const q = request.query;
        const period = q.period ?? 'all_time';
        const board = await segmentReads.leaderboard(viewer(request.athleteId), request.params.id, {
          period,
          sex: q.sex,
          ageGroup: q.age_group,
          following: q.following,
          limit: q.limit ?? 10,
        });
        return presentLeaderboard(request.params.id, period, board);
      },
    );
  });

  app.register(async (scope) => {
    const priv = scope.withTypeProvider<TypeBoxTypeProvider>();
    priv.addHook('preHandler', priv.authenticate);

    priv.post(
      '/',
      {
        schema: {
          tags: ['segments'],
          summary: 'Create a segment from part of one of your activities, or from a drawn line',
          description:
            'Too short, mostly stationary or otherwise unusable lines answer 422 with the reason.',
          security,
          body: CreateSegment,
          response: { 201: Segment, ...errorResponses(400, 401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        const input = creation(request.body);
        const row =
          input.from === 'activity'
            ? await segments.createFromActivity(request.athleteId, input)
            : await segments.createFromLine(request.athleteId, input);
        reply.status(201);
        return presentSegment(
          {
            segment: row,
            starred: false,
            stats: { effortCount: 0, prElapsedS: null, prDate: null },
            matching: true,
          },
          request.athleteId,
        );
      },
    );

    priv.delete(
      '/:id',
      {
        schema: {
          tags: ['segments'],
          summary: 'Delete a segment you created (its efforts and leaderboards go with it)',
          security,
          params: Id,
          response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await segments.delete(request.athleteId, request.params.id);
        return reply.status(204).send(null);
      },
    );

    for (const [method, on] of [
      ['put', true],
      ['delete', false],
    ] as const) {
      priv[method](
        '/:id/star',
        {
          schema: {
            tags: ['segments'],
            summary: on ? 'Star a segment' : 'Unstar a segment',
            security,
            params: Id,
            response: { 200: Segment, ...errorResponses(400, 401, 404) },
          },
        },
        async (request) =>
          presentSegment(
            await segments.star(request.athleteId, request.params.id, on),
            request.athleteId,
          ),
      );
    }

    priv.get(
      '/:id/efforts',
      {
        schema: {
          tags: ['segments'],
          summary: 'My efforts on a segment, newest first',
          security,
          params: Id,
          querystring: Type.Object({
            athlete: Type.Optional(
              Type.Literal('me', { description: 'whose efforts: only your own can be listed' }),
            ),
            ...PageQuery,
          }),
          response: { 200: Page(SegmentEffort), ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 30;
        const key = decodeCursor(request.query.cursor);
        const segment = await segments.found(request.params.id);
        const rows = await segmentReads.myEfforts(
          request.athleteId,
          segment.id,
          limit,
          key ? { startDate: key.at, id: key.id } : undefined,
        );
        const last = rows.at(-1);
        return {
          items: rows.map((e) => presentEffort(e, segment)),
          next_cursor:
            rows.length === limit && last ? encodeCursor(last.start_date, last.id) : null,
        };
      },
    );
  });
};

/** The signed-in athlete's starred segments (under /me/segments). */
export const mySegmentRoutes: FastifyPluginAsyncTypebox<{ segments: SegmentService }> = async (
  app,
  { segments },
) => {
  app.addHook('preHandler', app.authenticate);
  app.get(
    '/starred',
    {
      schema: {
        tags: ['segments'],
        summary: 'Segments I starred, most recently starred first',
        security: [{ bearerAuth: [] }],
        querystring: Type.Object(PageQuery),
        response: { 200: Page(Segment), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 30;
      const key = decodeCursor(request.query.cursor);
      const rows = await segments.starred(
        request.athleteId,
        limit,
        key ? { starredAt: key.at, id: key.id } : undefined,
      );
      const last = rows.at(-1);
      return {
        items: rows.map((segment) => presentSegment({ segment, starred: true }, request.athleteId)),
        next_cursor: rows.length === limit && last ? encodeCursor(last.starred_at, last.id) : null,
      };
    },
  );
};
