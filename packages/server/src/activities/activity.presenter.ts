import type { Static } from 'typebox';
import type { ActivityRow, AthleteRow } from '../platform/db/schema.js';
import type { StoredEvent } from './activity.repository.js';
import type { EffortWithSegment } from '../segments/segment-effort.repository.js';
import type { ActivityView } from '../privacy/privacy.service.js';
import { localIso } from '../platform/timezone.js';
import { presentActivityEffort } from '../segments/segment.presenter.js';
import type { ActivityDetail, ActivitySummary } from './activity.schemas.js';

type AthleteRef = Pick<AthleteRow, 'id' | 'handle' | 'display_name'>;

type Rows = Record<string, unknown>[];
interface Details {
  splits_metric?: Rows;
  splits_standard?: Rows;
  laps?: Rows;
  best_efforts?: Rows;
  [key: string]: unknown;
}

/** An activity summary in Strava's field names and units, geometry as the viewer may see it. */
export function presentSummary(
  view: ActivityView,
  athlete: AthleteRef,
): Static<typeof ActivitySummary> {
  const r: ActivityRow = view.row;
  const g = view.geometry;
  return {
    id: r.id,
    athlete: { id: athlete.id, handle: athlete.handle, display_name: athlete.display_name },
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
    map: { summary_polyline: g.polyline },
    device_name: r.device_name,
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
  segmentEfforts: EffortWithSegment[],
): Static<typeof ActivityDetail> {
  const {
    splits_metric = [],
    splits_standard = [],
    laps = [],
    best_efforts = [],
    ...analysis
  } = (view.row.details as Details | null) ?? {};
  return {
    ...presentSummary(view, athlete),
    splits_metric,
    splits_standard,
    laps,
    best_efforts,
    segment_efforts: segmentEfforts.map(presentActivityEffort),
    // The cleaning report lists dropped samples with positions: the owner's alone.
    analysis: view.isOwner ? analysis : { ...analysis, cleaning: undefined },
    algorithm_version: view.row.algorithm_version,
    events: events.map((e) => ({ kind: e.kind, at: e.at.toISOString() })),
  };
}
