import { type Static, Type } from 'typebox';

/** The one error shape every failure uses. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'stable machine-readable code, e.g. VALIDATION_FAILED' }),
      message: Type.String({ description: 'what is wrong, for people' }),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'ErrorResponse', description: 'Every failure answers with this shape' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

const errorRef = Type.Ref('ErrorResponse');

/** Response schemas for the error statuses a route can answer with. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorRef> {
  return Object.fromEntries(statuses.map((s) => [s, errorRef]));
}

export const Visibility = Type.Union(
  [Type.Literal('everyone'), Type.Literal('followers'), Type.Literal('only_me')],
  { description: 'who may see an activity: everyone, followers, or only the athlete' },
);
export const Units = Type.Union([Type.Literal('metric'), Type.Literal('imperial')]);
export const Sex = Type.Union([Type.Literal('M'), Type.Literal('F'), Type.Literal('X')]);

/** An athlete as their own account sees it (includes email and settings). */
export const Me = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    handle: Type.String(),
    display_name: Type.String(),
    email: Type.String(),
    sex: Type.Union([Sex, Type.Null()]),
    birth_year: Type.Union([Type.Integer(), Type.Null()]),
    weight: Type.Union([Type.Number({ description: 'kg' }), Type.Null()]),
    max_heartrate: Type.Union([
      Type.Integer({ description: 'bpm, for heart-rate zones (else estimated from age)' }),
      Type.Null(),
    ]),
    ftp_w: Type.Union([
      Type.Number({ description: 'functional threshold power, W (else estimated)' }),
      Type.Null(),
    ]),
    resting_hr: Type.Union([Type.Integer({ description: 'bpm (else 60)' }), Type.Null()]),
    run_threshold_speed: Type.Union([
      Type.Number({ description: 'running threshold speed, m/s (else estimated)' }),
      Type.Null(),
    ]),
    share_training: Type.Boolean({
      description: 'fitness, fatigue and form are shown to whoever may see the profile',
    }),
    country: Type.Union([Type.String(), Type.Null()]),
    region: Type.Union([Type.String(), Type.Null()]),
    city: Type.Union([Type.String(), Type.Null()]),
    units: Units,
    default_visibility: Visibility,
    hide_start: Type.Integer({
      description: 'metres hidden at the start of every activity for others',
    }),
    hide_end: Type.Integer({
      description: 'metres hidden at the end of every activity for others',
    }),
    approve_followers: Type.Boolean({
      description:
        'follows are requests I accept or decline; followers-only activities go to accepted followers',
    }),
    created_at: Type.String({ format: 'date-time' }),
  },
  { description: 'an athlete as their own account sees it' },
);
export type Me = Static<typeof Me>;
