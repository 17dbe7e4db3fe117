import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../api/client.js';
import type { ActivityDetail, Units } from '../../api/types.js';
import { AthleteLine } from '../../components/athlete-line.js';
import { StreamCharts } from '../../components/charts/stream-charts.js';
import { RouteMap } from '../../components/map/index.js';
import { Section } from '../../components/section.js';
import { Stat } from '../../components/stat.js';
import {
  formatDistance,
  formatDuration,
  formatElevation,
  formatSpeedFor,
  speedLabel,
} from '../../lib/format.js';
import { useMe, useUnits } from '../auth/use-me.js';
import { DeleteActivity, EditActivity, ExportButtons } from './activity-actions.js';
import { BestEfforts, LapsTable, SplitsTable } from './interval-tables.js';
import { SegmentEfforts } from './segment-efforts.js';
import { useActivity, useStreams } from './use-activity.js';

function HeadlineStats({ a, units }: { a: ActivityDetail; units: Units }) {
  const more: [string, string][] = [];
  if (a.elapsed_time !== a.moving_time) more.push(['Elapsed time', formatDuration(a.elapsed_time)]);
  if (a.average_heartrate != null)
    more.push(['Avg heart rate', `${Math.round(a.average_heartrate)} bpm`]);
  if (a.average_watts != null) more.push(['Avg power', `${Math.round(a.average_watts)} W`]);
  if (a.average_cadence != null) more.push(['Cadence', `${Math.round(a.average_cadence)}`]);
  if (a.calories != null) more.push(['Calories', `${Math.round(a.calories)}`]);
  if (a.max_speed != null)
    more.push([
      `Max ${speedLabel(a.sport_type).toLowerCase()}`,
      formatSpeedFor(a.sport_type, a.max_speed, units),
    ]);
  return (
    <>
      <dl className="stats-grid">
        <Stat big label="Distance" value={formatDistance(a.distance, units)} />
        <Stat big label="Moving time" value={formatDuration(a.moving_time)} />
        <Stat
          big
          label={speedLabel(a.sport_type)}
          value={formatSpeedFor(a.sport_type, a.average_speed, units)}
        />
        <Stat big label="Elevation" value={formatElevation(a.total_elevation_gain, units)} />
      </dl>
      {more.length > 0 && (
        <dl className="stats-more">
          {more.map(([k, v]) => (
            <Stat key={k} label={k} value={v} />
          ))}
        </dl>
      )}
    </>
  );
}

/** One activity: map, numbers, charts, splits, laps, best efforts, segments; the owner edits. */
export function ActivityPage({ id }: { id: string }) {
  const activity = useActivity(id);
  const units = useUnits();
  const me = useMe();
  const streams = useStreams(id, activity.isSuccess);
  const [editing, setEditing] = useState(false);
  // Streams draw the full-resolution route (already privacy-clipped for other viewers); the
  // summary polyline shows meanwhile.
  const route = useMemo(
    () => streams.data?.latlng?.data ?? activity.data?.map.summary_polyline ?? null,
    [streams.data, activity.data],
  );

  if (activity.isPending) return <main className="page muted">Loading…</main>;
  if (activity.isError) {
    const notFound = activity.error instanceof ApiError && activity.error.status === 404;
    return (
      <main className="page">
        <h1>{notFound ? 'Activity not found' : 'Could not load this activity'}</h1>
        <p className="muted">
          {notFound ? 'It was deleted, or it is not shared with you.' : 'Check your connection.'}
        </p>
        <Link href="/">Back to the feed</Link>
      </main>
    );
  }
  const a = activity.data;
  const owner = me.data?.id === a.athlete.id;

  return (
    <main className="page activity-page">
      <header className="card activity-head">
        <AthleteLine a={a}>{a.device_name && <span> · {a.device_name}</span>}</AthleteLine>
        <h1>{a.name}</h1>
        {a.description && <p className="description">{a.description}</p>}
        <HeadlineStats a={a} units={units} />
      </header>

      {route && (
        <RouteMap route={route} label={`Map of ${a.name}`} className="route-map activity-map" />
      )}

      {owner && editing && <EditActivity a={a} onDone={() => setEditing(false)} />}
      <div className="actions">
        <ExportButtons a={a} />
        {owner && !editing && (
          <div className="row">
            <button type="button" className="ghost" onClick={() => setEditing(true)}>
              Edit
            </button>
            <DeleteActivity a={a} />
          </div>
        )}
      </div>

      {streams.data && (
        <Section id="charts-title" title="Analysis">
          <StreamCharts streams={streams.data} sport={a.sport_type} units={units} />
        </Section>
      )}
      <SegmentEfforts efforts={a.segment_efforts} />
      <div className="tables">
        <SplitsTable
          splits={units === 'imperial' ? a.splits_standard : a.splits_metric}
          sport={a.sport_type}
          units={units}
        />
        <div>
          <LapsTable laps={a.laps} sport={a.sport_type} units={units} />
          <BestEfforts efforts={a.best_efforts} />
        </div>
      </div>
    </main>
  );
}
