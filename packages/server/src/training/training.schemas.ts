import { Type } from 'typebox';

const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);
const Day = (description: string) => Type.String({ format: 'date', description });
const Id = Type.String({ format: 'uuid' });

const L = Type.Literal;
export const Sport = Type.Union([L('all'), L('run'), L('ride'), L('swim'), L('walk'), L('other')], {
  description: 'a sport family: run, ride, swim, walk (walks and hikes), other, or all',
});
export const Period = Type.Union([L('week'), L('month'), L('year')], {
  description: 'weeks start on Monday',
});
export const Metric = Type.Union(
  [L('distance'), L('moving_time'), L('elevation_gain'), L('count')],
  { description: 'metres, seconds, metres climbed, or a number of activities' },
);

const totals = {
  count: Type.Integer({ minimum: 0 }),
  distance: Type.Number({ description: 'metres' }),
  moving_time: Type.Number({ description: 'seconds' }),
  elevation_gain: Type.Number({ description: 'metres' }),
};
export const Totals = Type.Object(totals);
const PeriodTotals = Type.Object({ start: Day('first day of the period'), ...totals });

export const Progress = Type.Object({
  athlete_id: Id,
  sport: Sport,
  period: Period,
  buckets: Type.Array(PeriodTotals, { description: 'every period of the range, oldest first' }),
  current: PeriodTotals,
  previous: PeriodTotals,
  rolling: Type.Array(
    Type.Object({
      day: Day('a day of the range'),
      distance_7d: Type.Number({ description: 'metres over the 7 days ending that day' }),
      distance_28d: Type.Number({ description: 'metres over the 28 days ending that day' }),
    }),
  ),
});

export const Calendar = Type.Object({
  athlete_id: Id,
  from: Day('first day'),
  to: Day('last day'),
  days: Type.Array(
    Type.Object({
      day: Day('a local day with activities'),
      activities: Type.Array(
        Type.Object({
          id: Id,
          name: Type.String(),
          sport_type: Type.String(),
          start_date_local: Type.String({ format: 'date-time' }),
          moving_time: Type.Integer(),
          distance: Type.Number(),
          relative_effort: Nullable(Type.Number()),
        }),
      ),
    }),
  ),
});

export const Fitness = Type.Object({
  athlete_id: Id,
  from: Day('first day'),
  to: Day('last day'),
  days: Type.Array(
    Type.Object({
      day: Day('a day of the range'),
      load: Type.Number({ description: 'training load of the day (TSS-scaled)' }),
      fitness: Type.Number({ description: 'chronic training load, 42-day time constant' }),
      fatigue: Type.Number({ description: 'acute training load, 7-day time constant' }),
      form: Type.Number({ description: 'fitness − fatigue going into the day' }),
    }),
  ),
  settings: Type.Object({
    ftp: Nullable(Type.Number({ description: 'W' })),
    ftp_estimated: Type.Boolean(),
    resting_hr: Type.Number(),
    resting_hr_estimated: Type.Boolean(),
    max_hr: Nullable(Type.Number()),
    max_hr_estimated: Type.Boolean(),
    threshold_speed: Nullable(Type.Number({ description: 'm/s' })),
    threshold_speed_estimated: Type.Boolean(),
  }),
});

const RecordAt = {
  activity_id: Id,
  start_date_local: Day('the local day it was set'),
};

export const Achievement = Type.Object({
  kind: Type.Union([Type.Literal('pr'), Type.Literal('first_distance')]),
  name: Type.String({ description: "the best effort's name: '5k', 'Half-Marathon'…" }),
  rank: Type.Union([Type.Integer({ minimum: 1, maximum: 3 }), Type.Null()]),
  elapsed_time: Type.Number(),
  ...RecordAt,
});

/** A ride's three best values over each duration (power in W, speed in m/s). */
const WindowBests = (unit: string) =>
  Type.Array(
    Type.Object({
      duration: Type.Number({ description: 'seconds' }),
      records: Type.Array(
        Type.Object({
          rank: Type.Integer(),
          value: Type.Number({ description: unit }),
          ...RecordAt,
        }),
      ),
    }),
    { description: `rides' best ${unit === 'W' ? 'power' : 'speed'} over 5 s … 1 h, best three` },
  );

export const Achievements = Type.Object({
  athlete_id: Id,
  best_efforts: Type.Array(
    Type.Object({
      name: Type.String(),
      distance: Type.Number(),
      records: Type.Array(
        Type.Object({ rank: Type.Integer(), elapsed_time: Type.Number(), ...RecordAt }),
      ),
      history: Type.Array(Type.Object({ elapsed_time: Type.Number(), ...RecordAt }), {
        description: 'each time the record was lowered, oldest first',
      }),
    }),
  ),
  power_bests: WindowBests('W'),
  speed_bests: WindowBests('m/s'),
  streak: Type.Object({
    current_weeks: Type.Integer({ description: 'weeks in a row with an activity, to this week' }),
    longest_weeks: Type.Integer(),
  }),
  recent: Type.Array(Achievement, { description: 'newest first, at most 20' }),
});

const Highlight = Type.Object({
  id: Id,
  name: Type.String(),
  sport_type: Type.String(),
  start_date_local: Day('its local day'),
});

export const YearInReview = Type.Object({
  athlete_id: Id,
  year: Type.Integer(),
  totals: Type.Object(
    Object.fromEntries(['run', 'ride', 'swim', 'walk', 'other', 'all'].map((f) => [f, Totals])),
  ),
  active_days: Type.Integer(),
  longest: Type.Union([
    Type.Object({
      ...Highlight.properties,
      distance: Type.Number(),
      moving_time: Type.Integer(),
    }),
    Type.Null(),
  ]),
  biggest_climb: Type.Union([
    Type.Object({ ...Highlight.properties, elevation_gain: Type.Number() }),
    Type.Null(),
  ]),
  most_ridden_segment: Type.Union([
    Type.Object({ id: Id, name: Type.String(), efforts: Type.Integer() }),
    Type.Null(),
  ]),
});

export const Goal = Type.Object({
  id: Id,
  sport: Sport,
  period: Period,
  metric: Metric,
  target: Type.Number(),
  created_at: Type.String({ format: 'date-time' }),
  progress: Type.Object({
    start: Day('first day of the current period'),
    end: Day('the day after its last'),
    value: Type.Number(),
    fraction: Type.Number({ description: 'value / target; above 1 past the target' }),
    reached: Type.Boolean(),
    expected: Type.Number({
      description: 'where an even pace through the period would be by the end of the day',
    }),
  }),
});

export const GoalList = Type.Object({ items: Type.Array(Goal) });

export const Target = Type.Number({
  exclusiveMinimum: 0,
  maximum: 1e9,
  description: 'in the metric’s unit: metres, seconds, metres climbed, activities',
});

export const NewGoal = Type.Object(
  { sport: Sport, period: Period, metric: Metric, target: Target },
  { additionalProperties: false },
);

export const GoalChange = Type.Object({ target: Target }, { additionalProperties: false });

export { Day };
