import type { ActivitySummary, SegmentEffort, Units } from '@stride/client';
import { sportFamily } from '@stride/core';
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../api/client.js';
import { AthleteLine } from '../../components/athlete-line.js';
import { StreamCharts } from '../../components/charts/stream-charts.js';
import { isTrack, RouteMap } from '../../components/map/index.js';
import { Section } from '../../components/section.js';
import { Stat } from '../../components/stat.js';
import { chartAxis } from '../../lib/chart-series.js';
import {
  formatDistance,
  formatDuration,
  formatElevation,
  formatPace,
  formatSpeedFor,
  speedLabel,
} from '../../lib/format.js';
import { initialRange, type Range, stretchRoute } from '../../lib/stretch.js';
import { useMe, useUnits } from '../auth/use-me.js';
import { PhotoGallery } from '../photos/photo-gallery.js';
import { CommentThread } from '../social/comment-thread.js';
import { KudosButton } from '../social/kudos-button.js';
import { KudosList } from '../social/kudos-list.js';
import { AchievementBadges } from '../training/achievement-badges.js';
import { rankBestEfforts } from '../training/achievement-text.js';
import { DeleteActivity, EditActivity, ExportButtons } from './activity-actions.js';
import { ImportWarnings } from './import-warnings.js';
import {
  BestEfforts,
  HeartRateZones,
  LapsTable,
  RideBests,
  SplitsTable,
  type Stretch,
} from './interval-tables.js';
import { MultisportLegs } from './multisport-legs.js';
import { SegmentEfforts } from './segment-efforts.js';
import { type ActivityDetail, useActivity, useStreams } from './use-activity.js';

/**
 * Whether the activity has a climb to show: one with a track, or with metres climbed (a
 * barometer indoors). A pool or a trainer has none, rather than "0 m".
 */
const climbed = (a: ActivitySummary) =>
  !!a.map.summary_polyline || (a.total_elevation_gain ?? 0) > 0;

const LOAD_SOURCES = { power: 'power', heart_rate: 'heart rate', pace: 'pace' } as const;

function HeadlineStats({ a, units }: { a: ActivityDetail; units: Units }) {
  const more: [string, string][] = [];
  if (a.elapsed_time !== a.moving_time) more.push(['Elapsed time', formatDuration(a.elapsed_time)]);
  if (a.average_heartrate != null)
    more.push(['Avg heart rate', `${Math.round(a.average_heartrate)} bpm`]);
  if (a.average_watts != null) more.push(['Avg power', `${Math.round(a.average_watts)} W`]);
  if (a.average_cadence != null) more.push(['Cadence', `${Math.round(a.average_cadence)}`]);
  if (a.calories != null) more.push(['Calories', `${Math.round(a.calories)}`]);
  // Grade-adjusted pace: the pace on the flat for the same effort (runs with altitude).
  const gap = a.analysis?.grade_adjusted_distance;
  if (gap && a.moving_time > 0 && a.distance > 0)
    more.push(['Grade-adjusted pace', formatPace(gap / a.moving_time, units)]);
  if (a.relative_effort != null) more.push(['Relative effort', `${Math.round(a.relative_effort)}`]);
  // Sent to the owner only: the load behind fitness and fatigue, and what it was computed from.
  if (a.training_load != null)
    more.push([
      'Training load',
      `${Math.round(a.training_load)}${a.training_load_source ? ` (${LOAD_SOURCES[a.training_load_source]})` : ''}`,
    ]);
  // Without a distance (an indoor ride without a speed sensor) there is no speed either.
  const measured = a.distance > 0;
  if (measured && a.max_speed != null && a.max_speed > 0)
    more.push([
      `Max ${speedLabel(a.sport_type).toLowerCase()}`,
      formatSpeedFor(a.sport_type, a.max_speed, units),
    ]);
  return (
    <>
      <dl className="stats-grid">
        {measured && <Stat big label="Distance" value={formatDistance(a.distance, units)} />}
        <Stat big label="Moving time" value={formatDuration(a.moving_time)} />
        {measured && (
          <Stat
            big
            label={speedLabel(a.sport_type)}
            value={formatSpeedFor(a.sport_type, a.average_speed, units)}
          />
        )}
        {climbed(a) && (
          <Stat big label="Elevation" value={formatElevation(a.total_elevation_gain, units)} />
        )}
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

// Only owners open it, and rarely: it loads when asked for.
const CreateSegment = lazy(() =>
  import('./create-segment.js').then((m) => ({ default: m.CreateSegment })),
);

/** Segments are cut from runs and rides (the server also refuses virtual ones and e-bikes). */
const hasSegments = (sport: string) => ['run', 'ride'].includes(sportFamily(sport));

/**
 * One activity: map, numbers, photos, charts, splits, laps, best efforts, segments; the owner
 * edits and adds photos.
 */
export function ActivityPage({ id }: { id: string }) {
  const activity = useActivity(id);
  const units = useUnits();
  const me = useMe();
  const streams = useStreams(id, activity.isSuccess);
  const [editing, setEditing] = useState(false);
  const [effortId, setEffortId] = useState<string | null>(null);
  const [best, setBest] = useState<Stretch | null>(null);
  const [range, setRange] = useState<Range | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  // Streams draw the full-resolution route (already privacy-clipped for other viewers); the
  // summary polyline shows meanwhile. Indoors and in a pool there is no track: no map at all.
  const route = useMemo(() => {
    const streamed = streams.data?.latlng?.data;
    if (isTrack(streamed)) return streamed!;
    const polyline = activity.data?.map.summary_polyline;
    return isTrack(polyline) ? polyline! : null;
  }, [streams.data, activity.data]);
  const effort = activity.data?.segment_efforts?.find((e) => e.id === effortId) ?? null;
  // The stretch on show: the one being chosen for a new segment, else the chosen effort. Effort
  // indices are into the streams this viewer is served, so they slice them directly.
  const shown =
    range ?? (effort ? { start: effort.start_index, end: effort.end_index } : (best ?? null));
  const from = shown?.start ?? -1;
  const to = shown?.end ?? -1;
  const latlng = streams.data?.latlng?.data;
  const distance = streams.data?.distance?.data;
  // What the charts run along (distance, or time when there is none): stretches are given in it.
  const axis = useMemo(() => (streams.data ? chartAxis(streams.data) : null), [streams.data]);
  const highlight = useMemo(
    () => (from >= 0 && latlng ? stretchRoute(latlng, from, to) : null),
    [latlng, from, to],
  );
  const stretch = useMemo(
    () => (from >= 0 && axis ? ([axis.along[from] ?? 0, axis.along[to] ?? 0] as const) : null),
    [axis, from, to],
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
  // A segment is a stretch of road or trail: it is cut from a GPS track, along its distance.
  const canCreate =
    owner && hasSegments(a.sport_type) && isTrack(latlng) && axis?.basis === 'distance';
  const chooseEffort = (e: SegmentEffort | null) => {
    setEffortId(e?.id ?? null);
    setBest(null);
    if (e) frame.current?.scrollIntoView({ behavior: smoothScroll(), block: 'nearest' });
  };
  // Best efforts' indices are into the owner's full streams: others may be served fewer samples.
  const chooseBest = (b: Stretch | null) => {
    setBest(b);
    setEffortId(null);
    if (b) frame.current?.scrollIntoView({ behavior: smoothScroll(), block: 'nearest' });
  };

  return (
    <main className={range ? 'page activity-page creating' : 'page activity-page'}>
      <header className="card activity-head">
        <AthleteLine a={a}>{a.device_name && <span> · {a.device_name}</span>}</AthleteLine>
        <h1>{a.name}</h1>
        <AchievementBadges items={a.achievements} />
        {a.description && <p className="description">{a.description}</p>}
        <div className="card-social">
          <KudosButton activityId={a.id} count={a.kudos_count} given={a.has_kudoed} own={owner} />
          <a href="#comments" className="comment-link">
            {a.comment_count} {a.comment_count === 1 ? 'comment' : 'comments'}
          </a>
        </div>
        <HeadlineStats a={a} units={units} />
      </header>
      <MultisportLegs a={a} units={units} />

      {route && (
        <div className="activity-map-frame" ref={frame}>
          <RouteMap
            route={route}
            highlight={highlight}
            fitToHighlight={!range}
            label={`Map of ${a.name}`}
            className="route-map activity-map"
          />
          {(effort || best) && !range && (
            <p className="map-caption" aria-live="polite">
              <span className="caption-text">
                {effort ? (
                  <>
                    <strong>{effort.segment.name}</strong> · {formatDuration(effort.elapsed_time)}
                  </>
                ) : (
                  <strong>{best!.label}</strong>
                )}
              </span>
              <button
                type="button"
                className="ghost small"
                onClick={() => chooseEffort(null)}
                aria-label="Show the whole activity"
              >
                ✕
              </button>
            </p>
          )}
        </div>
      )}

      {range && streams.data && (
        <Suspense fallback={<p className="card section muted create-segment">Loading…</p>}>
          <CreateSegment
            a={a}
            streams={streams.data}
            units={units}
            range={range}
            onRange={setRange}
            onClose={() => setRange(null)}
          />
        </Suspense>
      )}

      <PhotoGallery activityId={a.id} owner={owner} />
      <KudosList activityId={a.id} count={a.kudos_count} />
      <CommentThread activityId={a.id} />

      {owner && <ImportWarnings warnings={a.analysis?.warnings} />}
      {owner && editing && <EditActivity a={a} onDone={() => setEditing(false)} />}
      <div className="actions">
        <ExportButtons a={a} />
        {owner && !editing && (
          <div className="row wrap">
            {canCreate && !range && (
              <button
                type="button"
                className="ghost"
                onClick={() => {
                  setRange(initialRange(distance!.length));
                  frame.current?.scrollIntoView({ behavior: smoothScroll(), block: 'start' });
                }}
              >
                Create segment
              </button>
            )}
            <button type="button" className="ghost" onClick={() => setEditing(true)}>
              Edit
            </button>
            <DeleteActivity a={a} />
          </div>
        )}
      </div>

      {streams.data && (
        <Section id="charts-title" title="Analysis">
          <StreamCharts
            streams={streams.data}
            sport={a.sport_type}
            units={units}
            highlight={stretch}
          />
        </Section>
      )}
      <SegmentEfforts
        efforts={a.segment_efforts}
        sport={a.sport_type}
        units={units}
        selected={range ? null : effortId}
        onSelect={chooseEffort}
        queen={owner && me.data?.sex === 'F'}
      />
      <div className="tables">
        <SplitsTable
          splits={units === 'imperial' ? a.splits_standard : a.splits_metric}
          sport={a.sport_type}
          units={units}
        />
        <div>
          <LapsTable laps={a.laps} sport={a.sport_type} units={units} />
          <BestEfforts
            efforts={rankBestEfforts(a.best_efforts, a.achievements)}
            selected={best?.key ?? null}
            {...(owner ? { onSelect: chooseBest } : {})}
          />
          <RideBests
            power={a.analysis?.best_power}
            speed={a.analysis?.best_speed}
            units={units}
            selected={best?.key ?? null}
            {...(owner ? { onSelect: chooseBest } : {})}
          />
          <HeartRateZones
            zones={a.analysis?.hr_zones}
            hint={owner && a.average_heartrate != null}
          />
        </div>
      </div>
    </main>
  );
}

/** Smooth scrolling, unless the athlete asked for less motion. */
function smoothScroll(): ScrollBehavior {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}
