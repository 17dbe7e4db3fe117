import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { dayKey, dayNumber, type Period as PeriodName, periodStart } from '@stride/core';
import { Type } from 'typebox';
import type { AthleteService } from '../athletes/athlete.service.js';
import { AthleteRef } from '../athletes/athletes.schemas.js';
import type { GoalMetric, GoalPeriod, GoalSport } from '../platform/db/schema.js';
import { invalidField } from '../platform/errors.js';
import { errorResponses } from '../platform/http/schemas.js';
import {
  Achievements,
  Calendar,
  Day,
  Fitness,
  Goal,
  GoalChange,
  GoalList,
  NewGoal,
  Period,
  Progress,
  Sport,
  YearInReview,
} from './training.schemas.js';
import {
  MAX_CALENDAR_DAYS,
  MAX_RANGE_DAYS,
  type TrainingService,
  type TrainingSport,
} from './training.service.js';

const security = [{ bearerAuth: [] }];
const TODAY = Day(
  'your local date, which picks the current week, month or year (default: today, UTC)',
);

const utcToday = () => dayKey(Math.floor(Date.now() / 86_400_000));

/** A day of the query, checked to be a real calendar day of 1970–2100. */
function day(field: string, value: string | undefined, fallback: string): string {
  const d = value ?? fallback;
  if (Number.isNaN(dayNumber(d)) || d < '1970-01-01' || d > '2100-12-31')
    throw invalidField(
      `querystring.${field}`,
      'must be a calendar day (YYYY-MM-DD) between 1970 and 2100',
    );
  return d;
}

/** [from, to] of a query: `to` defaults to today, `from` to `defaultDays` before it. */
function range(
  q: { from?: string | undefined; to?: string | undefined },
  defaultFrom: (to: string) => string,
  maxDays: number,
) {
  const to = day('to', q.to, utcToday());
  const from = day('from', q.from, defaultFrom(to));
  if (from > to) throw invalidField('querystring.from', 'must not be after `to`');
  if (dayNumber(to) - dayNumber(from) + 1 > maxDays)
    throw invalidField('querystring.from', `must be at most ${maxDays} days before \`to\``);
  return { from, to };
}

const back = (to: string, days: number) => dayKey(dayNumber(to) - days);

const WHO =
  'Others see what the athlete’s visibility lets them see (totals of the activities they may open); 404 for anyone the athlete blocks.';

/**
 * Training under /athletes/:athlete — progress, the training log, fitness and form, achievements,
 * the year in review and goals — and the signed-in athlete's goals under /me/goals.
 */
export const trainingRoutes: FastifyPluginAsyncTypebox<{
  athletes: AthleteService;
  training: TrainingService;
}> = async (app, { athletes, training }) => {
  app.addHook('preHandler', app.authenticate);
  const athleteOf = async (ref: string) => (await athletes.resolve(ref)).id;

  app.get(
    '/athletes/:athlete/progress',
    {
      schema: {
        tags: ['training'],
        summary: 'Weekly, monthly or yearly totals, this period against the last, rolling distance',
        description: `Totals per period over [from, to] (whole periods), the period holding \`to\` and the one before, and the 7- and 28-day rolling distance of each day. ${WHO}`,
        security,
        params: AthleteRef,
        querystring: Type.Object({
          sport: Type.Optional(Sport),
          period: Type.Optional(Period),
          from: Type.Optional(Day('first day (default: 11 periods before `to`)')),
          to: Type.Optional(Day('last day (default: today, UTC): send your local date')),
        }),
        response: { 200: Progress, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const q = request.query;
      const period = (q.period ?? 'week') as PeriodName;
      const { from, to } = range(
        q,
        (t) => {
          let s = periodStart(dayNumber(t), period);
          for (let i = 0; i < 11; i++) s = periodStart(s - 1, period);
          return dayKey(s);
        },
        MAX_RANGE_DAYS,
      );
      return training.progress(request.athleteId, await athleteOf(request.params.athlete), {
        sport: (q.sport ?? 'all') as TrainingSport,
        period,
        from,
        to,
      });
    },
  );

  app.get(
    '/athletes/:athlete/calendar',
    {
      schema: {
        tags: ['training'],
        summary: 'The training log: each day’s activities',
        description: `Days with activities over [from, to] (at most ${MAX_CALENDAR_DAYS} days; default the last 52 weeks and this one, from a Monday). ${WHO}`,
        security,
        params: AthleteRef,
        querystring: Type.Object({
          from: Type.Optional(Day('first day')),
          to: Type.Optional(Day('last day (default: today, UTC)')),
        }),
        response: { 200: Calendar, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { from, to } = range(
        request.query,
        (t) => dayKey(periodStart(dayNumber(t), 'week') - 52 * 7),
        MAX_CALENDAR_DAYS,
      );
      return training.calendar(
        request.athleteId,
        await athleteOf(request.params.athlete),
        from,
        to,
      );
    },
  );

  app.get(
    '/athletes/:athlete/fitness',
    {
      schema: {
        tags: ['training'],
        summary: 'Fitness, fatigue and form, day by day',
        description:
          'Daily training load and its 42-day (fitness) and 7-day (fatigue) exponentially weighted averages, and form (their difference going into the day); see docs/training.md. Only the athlete sees it unless they share it (`share_training`): 403 otherwise.',
        security,
        params: AthleteRef,
        querystring: Type.Object({
          from: Type.Optional(Day('first day (default: 179 days before `to`)')),
          to: Type.Optional(Day('last day (default: today, UTC)')),
        }),
        response: { 200: Fitness, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { from, to } = range(request.query, (t) => back(t, 179), MAX_RANGE_DAYS);
      return training.fitness(request.athleteId, await athleteOf(request.params.athlete), from, to);
    },
  );

  app.get(
    '/athletes/:athlete/achievements',
    {
      schema: {
        tags: ['training'],
        summary: 'Best efforts and their history, power bests, streaks, recent achievements',
        description: WHO,
        security,
        params: AthleteRef,
        querystring: Type.Object({ date: Type.Optional(TODAY) }),
        response: { 200: Achievements, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      training.achievements(
        request.athleteId,
        await athleteOf(request.params.athlete),
        day('date', request.query.date, utcToday()),
      ),
  );

  app.get(
    '/athletes/:athlete/year-in-review',
    {
      schema: {
        tags: ['training'],
        summary: 'A year’s totals, longest activity, biggest climb and most-ridden segment',
        description: WHO,
        security,
        params: AthleteRef,
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ minimum: 1970, maximum: 2100 })),
        }),
        response: { 200: YearInReview, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      training.yearInReview(
        request.athleteId,
        await athleteOf(request.params.athlete),
        request.query.year ?? new Date().getUTCFullYear(),
      ),
  );

  app.get(
    '/athletes/:athlete/goals',
    {
      schema: {
        tags: ['training'],
        summary: 'An athlete’s goals, with progress this period',
        description: WHO,
        security,
        params: AthleteRef,
        querystring: Type.Object({ date: Type.Optional(TODAY) }),
        response: { 200: GoalList, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      items: await training.goalsOf(
        request.athleteId,
        await athleteOf(request.params.athlete),
        day('date', request.query.date, utcToday()),
      ),
    }),
  );

  app.get(
    '/me/goals',
    {
      schema: {
        tags: ['training'],
        summary: 'My goals, with progress this period',
        security,
        querystring: Type.Object({ date: Type.Optional(TODAY) }),
        response: { 200: GoalList, ...errorResponses(400, 401) },
      },
    },
    async (request) => ({
      items: await training.goalsOf(
        request.athleteId,
        request.athleteId,
        day('date', request.query.date, utcToday()),
      ),
    }),
  );

  app.post(
    '/me/goals',
    {
      schema: {
        tags: ['training'],
        summary: 'Set a goal',
        description:
          'One goal per sport, period and metric (409 for a second: change its target instead). A notification arrives when an activity reaches it, once per period.',
        security,
        body: NewGoal,
        querystring: Type.Object({ date: Type.Optional(TODAY) }),
        response: { 201: Goal, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const goal = await training.addGoal(
        request.athleteId,
        {
          sport: b.sport as GoalSport,
          period: b.period as GoalPeriod,
          metric: b.metric as GoalMetric,
          target: b.target,
        },
        day('date', request.query.date, utcToday()),
      );
      return reply.status(201).send(goal);
    },
  );

  const GoalId = Type.Object({ goal: Type.String({ format: 'uuid' }) });

  app.patch(
    '/me/goals/:goal',
    {
      schema: {
        tags: ['training'],
        summary: 'Change a goal’s target',
        security,
        params: GoalId,
        body: GoalChange,
        querystring: Type.Object({ date: Type.Optional(TODAY) }),
        response: { 200: Goal, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      training.updateGoal(
        request.athleteId,
        request.params.goal,
        request.body.target,
        day('date', request.query.date, utcToday()),
      ),
  );

  app.delete(
    '/me/goals/:goal',
    {
      schema: {
        tags: ['training'],
        summary: 'Remove a goal',
        security,
        params: GoalId,
        response: { 204: Type.Null(), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await training.deleteGoal(request.athleteId, request.params.goal);
      return reply.status(204).send(null);
    },
  );
};
