import { MAX_LAPS, MAX_SPLITS } from '@stride/core';
import type { Static } from 'typebox';
import type { ActivityRow, AthleteRow } from '../platform/db/schema.js';
import { placeNear } from '../platform/places/place-names.js';
import { localIso } from '../platform/timezone.js';
import type { ActivityView } from '../privacy/privacy.service.js';
import type { StoredEvent } from './activity.repository.js';
import type { ActivityDetail, ActivitySummary } from './activity.schemas.js';
import type { StoredView } from './activity-views.js';

type AthleteRef = Pick<AthleteRow, 'id' | 'handle' | 'display_name'>;
type ActivityDetailType = Static<typeof ActivityDetail>;

type Rows = Record<string, unknown>[];
interface Details {
  splits_metric?: Rows;
  splits_standard?: Rows;
  laps?: Rows;
  best_efforts?: Rows;
  [key: string]: unknown;
}

/** Best efforts are one per standard distance (13 today); room for a few more. */
const MAX_BEST_EFFORTS = 50;

/**
 * Fields of a summary joined at read time beside the athlete, because they change without the
 * activity changing (a photo or a kudos added does not render its views again), or differ by
 * viewer (`has_kudoed`).
 */
export interface ReadTimeFields {
  photo_count: number;
  first_photo: string | null;
  kudos_count: number;
  comment_count: number;
  has_kudoed: boolean;
  relative_effort: number | null;
  training_load: number | null;
  training_load_source: 'power' | 'heart_rate' | 'pace' | null;
  achievements: Array<{ kind: 'pr' | 'first_distance'; name: string; rank: number | null }>;
}
/** An activity with no photos, kudos or comments. */
export const NO_READ_TIME_FIELDS: ReadTimeFields = {
  photo_count: 0,
  first_photo: null,
  kudos_count: 0,
  comment_count: 0,
  has_kudoed: false,
  relative_effort: null,
  training_load: null,
  training_load_source: null,
  achievements: [],
};

type SummaryBody = Omit<Static<typeof ActivitySummary>, 'athlete' | keyof ReadTimeFields>;
type DetailBody = Omit<
  ActivityDetailType,
  keyof Static<typeof ActivitySummary> | 'segment_efforts'
>;

/** An activity summary in Strava's field names and units, geometry as the viewer may see it. */
export function presentSummary(
  view: ActivityView,
  athlete: AthleteRef,
  fields: ReadTimeFields,
): Static<typeof ActivitySummary> {
  return { athlete: athleteRef(athlete), ...fields, ...summaryBody(view) };
}

export const athleteRef = (a: AthleteRef): AthleteRef => ({
  id: a.id,
  handle: a.handle,
  display_name: a.display_name,
});

/** The summary without its athlete (the read model stores it so; the athlete joins on read). */
export function summaryBody(view: ActivityView): SummaryBody {
  const r: ActivityRow = view.row;
  const g = view.geometry;
  // Named from the start this viewer sees: others get the town of the first point the privacy
  // rules show, never more than the map itself tells.
  const place = g.start ? placeNear(g.start[0], g.start[1]) : null;
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    sport_type: r.sport_type,
    visibility: r.visibility,
    state: r.state,
    source: r.source,
    start_date: r.started_at ? r.started_at.toISOString() : null,
    start_date_local: r.started_at ? localIso(r.started_at, r.utc_offset_s) : null,
    timezone: r.timezone,
    utc_offset: r.utc_offset_s,
    distance: r.distance_m,
    moving_time: r.moving_s,
    elapsed_time: r.elapsed_s,
    total_elevation_gain: r.elev_gain_m,
    total_elevation_loss: r.elev_loss_m,
    elev_high: r.elev_high_m,
    elev_low: r.elev_low_m,
    average_speed: r.avg_speed_mps,
    max_speed: r.max_speed_mps,
    average_heartrate: r.avg_hr,
    max_heartrate: r.max_hr,
    average_cadence: r.avg_cadence,
    average_watts: r.avg_watts,
    weighted_average_watts: r.weighted_avg_watts,
    max_watts: r.max_watts,
    kilojoules: r.kilojoules,
    calories: r.calories,
    start_latlng: g.start,
    end_latlng: g.end,
    location_city: place?.city ?? null,
    location_country: place?.country ?? null,
    map: { summary_polyline: g.polyline },
    device_name: r.device_name,
    multisport: r.group_id
      ? {
          group_id: r.group_id,
          leg: (r.file_index ?? 0) + 1,
          legs: Math.max(r.group_size ?? 1, (r.file_index ?? 0) + 1),
        }
      : null,
    upload_id: view.isOwner ? r.upload_id : null,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  };
}

/** The full activity: summary plus splits, laps, best efforts and analysis. */
export function presentDetail(
  view: ActivityView,
  athlete: AthleteRef,
  events: StoredEvent[],
  segmentEfforts: ActivityDetailType['segment_efforts'],
  fields: ReadTimeFields,
): Static<typeof ActivityDetail> {
  return {
    ...presentSummary(view, athlete, fields),
    ...detailBody(view, events),
    segment_efforts: segmentEfforts,
  };
}

/** The detail's fields beyond the summary, but for segment efforts (they change on their own). */
export function detailBody(view: ActivityView, events: StoredEvent[]): DetailBody {
  const {
    splits_metric = [],
    splits_standard = [],
    laps = [],
    best_efforts = [],
    ...analysis
  } = (view.row.details as Details | null) ?? {};
  // Capped again here: activities computed before the caps existed keep their stored lists.
  return {
    splits_metric: splits_metric.slice(0, MAX_SPLITS),
    splits_standard: splits_standard.slice(0, MAX_SPLITS),
    laps: laps.slice(0, MAX_LAPS),
    best_efforts: best_efforts.slice(0, MAX_BEST_EFFORTS),
    // The cleaning report lists dropped samples with positions, and the warnings say what was
    // wrong with the file: the owner's alone.
    analysis: view.isOwner ? analysis : { ...analysis, cleaning: undefined, warnings: undefined },
    algorithm_version: view.row.algorithm_version,
    events: view.events(events).map((e) => ({ kind: e.kind, at: e.at.toISOString() })),
  };
}

/**
 * The detail as JSON: the rendered view's summary and detail, its athlete, its read-time
 * fields and its efforts.
 */
export function detailJson(
  view: Pick<StoredView, 'summary' | 'detail'>,
  athlete: AthleteRef,
  segmentEfforts: ActivityDetailType['segment_efforts'],
  fields: ReadTimeFields,
): string {
  const summary = withAthlete(view.summary, athlete, fields);
  const rest = view.detail.slice(1, -1);
  return `${summary.slice(0, -1)}${rest ? `,${rest}` : ''},"segment_efforts":${JSON.stringify(segmentEfforts)}}`;
}

/** A rendered summary (JSON, without athlete) with its athlete and read-time fields, as sent. */
export function withAthlete(summary: string, athlete: AthleteRef, fields: ReadTimeFields): string {
  return (
    `{"athlete":${JSON.stringify(athleteRef(athlete))},"photo_count":${fields.photo_count},` +
    `"first_photo":${JSON.stringify(fields.first_photo)},"kudos_count":${fields.kudos_count},` +
    `"comment_count":${fields.comment_count},"has_kudoed":${fields.has_kudoed},` +
    `"relative_effort":${fields.relative_effort},"training_load":${fields.training_load},` +
    `"training_load_source":${JSON.stringify(fields.training_load_source)},` +
    `"achievements":${JSON.stringify(fields.achievements)},${summary.slice(1)}`
  );
}
