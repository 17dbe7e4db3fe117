import { MIN_SEGMENT_M } from '@stride/core';
import { Type } from 'typebox';

const num = (description: string) => Type.Union([Type.Number({ description }), Type.Null()]);
const LatLng = Type.Tuple([Type.Number(), Type.Number()], { description: '[lat, lng]' });
const Uuid = Type.String({ format: 'uuid' });

export const SegmentSport = Type.Union([Type.Literal('Run'), Type.Literal('Ride')], {
  description: 'runs match Run segments, rides match Ride segments',
});

export const AthleteRef = Type.Object({
  id: Uuid,
  handle: Type.String(),
  display_name: Type.String(),
});

/** A segment in Strava's field names and units (metres, percent). */
export const Segment = Type.Object({
  id: Uuid,
  name: Type.String(),
  activity_type: SegmentSport,
  sport_type: SegmentSport,
  distance: Type.Number({ description: 'metres' }),
  average_grade: num('percent; null when the line has no elevation'),
  maximum_grade: num('percent'),
  elevation_high: num('metres'),
  elevation_low: num('metres'),
  total_elevation_gain: num('metres'),
  start_latlng: LatLng,
  end_latlng: LatLng,
  map: Type.Object({ polyline: Type.String({ description: 'the whole line, encoded polyline' }) }),
  effort_count: Type.Integer({ description: 'efforts on the public leaderboards' }),
  athlete_count: Type.Integer({ description: 'athletes on the public leaderboards' }),
  star_count: Type.Integer(),
  starred: Type.Boolean({ description: 'whether the signed-in athlete starred it' }),
  created_by_viewer: Type.Boolean({
    description: 'the signed-in athlete created it (may delete it)',
  }),
  athlete_segment_stats: Type.Union([
    Type.Object(
      {
        pr_elapsed_time: num('seconds'),
        pr_date: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
        effort_count: Type.Integer(),
      },
      { description: "the signed-in athlete's own record here (all their activities)" },
    ),
    Type.Null(),
  ]),
  matching: Type.Optional(
    Type.Boolean({
      description:
        'past activities are still being matched against it, so its leaderboard may still ' +
        'grow (on GET /segments/:id and POST /segments)',
    }),
  ),
  created_at: Type.String({ format: 'date-time' }),
});

/** Strava's segment stream keys. */
export const SEGMENT_STREAM_KEYS = ['latlng', 'distance', 'altitude'] as const;

export const CreateSegment = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    activity_id: Type.Optional(Uuid),
    start_index: Type.Optional(
      Type.Integer({ minimum: 0, description: 'first sample (streams index)' }),
    ),
    end_index: Type.Optional(Type.Integer({ minimum: 1, description: 'last sample, included' })),
    points: Type.Optional(
      Type.Array(
        Type.Tuple([
          Type.Number({ minimum: -90, maximum: 90 }),
          Type.Number({ minimum: -180, maximum: 180 }),
        ]),
        { minItems: 2, maxItems: 10_000, description: 'a drawn line: [[lat, lng], …]' },
      ),
    ),
    sport_type: Type.Optional(SegmentSport),
  },
  {
    additionalProperties: false,
    description:
      'Either a part of one of your activities (activity_id, start_index, end_index; the sport ' +
      `is the activity’s) or a drawn line (points, sport_type), at least ${MIN_SEGMENT_M} m long.`,
  },
);

/** An effort as listed on an activity or for its athlete. */
export const SegmentEffort = Type.Object({
  id: Uuid,
  segment: Type.Object({
    id: Uuid,
    name: Type.String(),
    distance: Type.Number({ description: 'metres' }),
    average_grade: num('percent'),
  }),
  activity_id: Uuid,
  elapsed_time: Type.Number({ description: 'seconds between the interpolated gate crossings' }),
  moving_time: Type.Number({ description: 'seconds' }),
  distance: Type.Number({ description: 'metres' }),
  start_index: Type.Integer({ description: 'index into the activity’s streams as you see them' }),
  end_index: Type.Integer(),
  start_date: Type.String({ format: 'date-time' }),
  start_date_local: Type.String({ description: 'local wall-clock time, no zone' }),
  pr_rank: Type.Union([Type.Integer({ minimum: 1, maximum: 3 }), Type.Null()], {
    description: 'the athlete’s 1st/2nd/3rd best time on this segment when it was set',
  }),
  kom_rank: Type.Union([Type.Integer({ minimum: 1, maximum: 10 }), Type.Null()], {
    description: 'rank on the overall all-time board when matched, if in the top 10',
  }),
});

const Entry = Type.Object({
  rank: Type.Integer({ minimum: 1 }),
  athlete: AthleteRef,
  elapsed_time: Type.Number(),
  moving_time: Type.Number(),
  start_date: Type.String({ format: 'date-time' }),
  start_date_local: Type.String(),
  activity_id: Uuid,
  effort_id: Uuid,
});

export const Leaderboard = Type.Object({
  segment_id: Uuid,
  period: Type.String(),
  entry_count: Type.Integer({ description: 'athletes on this board' }),
  entries: Type.Array(Entry),
  viewer: Type.Union([
    Type.Object(
      { best: Entry, neighbours: Type.Array(Entry) },
      { description: 'your best on this board and the entries around it (yours included)' },
    ),
    Type.Null(),
  ]),
});

export const Periods = ['all_time', 'year', 'month', 'week', 'today'] as const;
export const AgeGroups = [
  '0_19',
  '20_24',
  '25_34',
  '35_44',
  '45_54',
  '55_64',
  '65_69',
  '70_74',
  '75_plus',
] as const;
