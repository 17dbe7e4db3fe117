import { Type } from 'typebox';
import { Visibility } from '../platform/http/schemas.js';
import { SegmentEffort } from '../segments/segment.schemas.js';

const num = (description?: string) =>
  Type.Union([Type.Number(description ? { description } : {}), Type.Null()]);
const LatLng = Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()], {
  description: '[lat, lng]; null when hidden by privacy or when the activity has no position',
});

export const SportType = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[A-Za-z]+$',
  description: "Strava's sport_type, e.g. Run, Ride, Hike",
});

/** A state-log event: START, PAUSE, RESUME or STOP. */
export const EventKind = Type.Union([
  Type.Literal('START'),
  Type.Literal('PAUSE'),
  Type.Literal('RESUME'),
  Type.Literal('STOP'),
]);

export const ActivityState = Type.Union([
  Type.Literal('created'),
  Type.Literal('started'),
  Type.Literal('paused'),
  Type.Literal('complete'),
]);

/** Summary fields, named and measured as in Strava's API (metres, seconds, m/s). */
export const ActivitySummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  athlete: Type.Object({
    id: Type.String({ format: 'uuid' }),
    handle: Type.String(),
    display_name: Type.String(),
  }),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  sport_type: Type.String(),
  visibility: Visibility,
  state: ActivityState,
  source: Type.Union([Type.Literal('recorded'), Type.Literal('upload')]),
  start_date: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  start_date_local: Type.Union([Type.String(), Type.Null()], {
    description: 'local wall-clock time, no zone',
  }),
  timezone: Type.Union([Type.String(), Type.Null()]),
  utc_offset: Type.Union([Type.Integer(), Type.Null()], { description: 'seconds' }),
  distance: Type.Number({ description: 'metres' }),
  moving_time: Type.Number({ description: 'seconds' }),
  elapsed_time: Type.Number({ description: 'seconds' }),
  total_elevation_gain: num('metres'),
  total_elevation_loss: num('metres'),
  elev_high: num('metres'),
  elev_low: num('metres'),
  average_speed: num('m/s'),
  max_speed: num('m/s'),
  average_heartrate: num('bpm'),
  max_heartrate: num('bpm'),
  average_cadence: num('rpm (steps per minute per foot for runs)'),
  average_watts: num(),
  weighted_average_watts: num('normalized power'),
  max_watts: num(),
  kilojoules: num(),
  calories: num('kcal'),
  start_latlng: LatLng,
  end_latlng: LatLng,
  location_city: Type.Union([Type.String(), Type.Null()], {
    description:
      'the town nearest the start as this viewer sees it (GeoNames towns of 1,000 people or more, within 25 km); null without a visible start',
  }),
  location_country: Type.Union([Type.String(), Type.Null()], {
    description: 'that town’s country, in English',
  }),
  map: Type.Object({ summary_polyline: Type.Union([Type.String(), Type.Null()]) }),
  device_name: Type.Union([Type.String(), Type.Null()]),
  multisport: Type.Union(
    [
      Type.Object({
        group_id: Type.String({ format: 'uuid' }),
        leg: Type.Integer({ minimum: 1, description: 'this leg, counted from 1' }),
        legs: Type.Integer({ minimum: 1, description: 'legs in the file' }),
      }),
      Type.Null(),
    ],
    {
      description:
        'a leg of a multisport file (swim, transition, bike, transition, run): each session is ' +
        'an activity; GET /activities/{id}/legs lists the group',
    },
  ),
  upload_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  photo_count: Type.Integer({ minimum: 0, description: 'photos on the activity' }),
  first_photo: Type.Union([Type.String(), Type.Null()], {
    description:
      'path on this server of the first photo’s thumb (GET /activities/{id}/photos lists them all)',
  }),
  kudos_count: Type.Integer({ minimum: 0, description: 'kudos given to the activity' }),
  comment_count: Type.Integer({
    minimum: 0,
    description: 'comments on the activity (GET /activities/{id}/comments lists them)',
  }),
  has_kudoed: Type.Boolean({
    description: 'whether you gave kudos to it (false when not signed in)',
  }),
  relative_effort: Type.Union([Type.Number(), Type.Null()], {
    description:
      'time in heart-rate zones weighted by zone (docs/training.md); null without heart rate',
  }),
  training_load: Type.Union([Type.Number(), Type.Null()], {
    description: 'training load, TSS-scaled (an hour at threshold = 100); the athlete’s own only',
  }),
  training_load_source: Type.Union(
    [Type.Literal('power'), Type.Literal('heart_rate'), Type.Literal('pace'), Type.Null()],
    { description: 'what the load was computed from' },
  ),
  achievements: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('pr'), Type.Literal('first_distance')]),
      name: Type.String({ description: "a best effort: '5k', 'Half-Marathon'…" }),
      rank: Type.Union([Type.Integer({ minimum: 1, maximum: 3 }), Type.Null()]),
    }),
    {
      description:
        'personal records (1st, 2nd, 3rd fastest when set) and first times at a distance',
    },
  ),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

/** The full activity: summary plus splits, laps, best efforts and the rest of the analysis. */
export const ActivityDetail = Type.Object({
  ...ActivitySummary.properties,
  splits_metric: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  splits_standard: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  laps: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  best_efforts: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  segment_efforts: Type.Array(SegmentEffort, {
    description: 'efforts on segments, in order; others see only those outside hidden areas',
  }),
  analysis: Type.Record(Type.String(), Type.Unknown(), {
    description:
      'zones, cleaning report and other derived data; algorithm_version says which code produced it',
  }),
  algorithm_version: Type.Union([Type.Integer(), Type.Null()]),
  events: Type.Array(
    Type.Object({
      kind: EventKind,
      at: Type.String({ format: 'date-time' }),
    }),
  ),
});
