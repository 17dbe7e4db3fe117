import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { RouteMap } from '../../components/map/index.js';
import { Stat } from '../../components/stat.js';
import {
  formatDistance,
  formatDuration,
  formatSpeedFor,
  speedLabel,
  sportName,
} from '../../lib/format.js';
import { useUnits } from '../record/use-units.js';
import { followLive, type LiveTarget } from './live-connection.js';
import {
  applyEvent,
  fromSnapshot,
  type LivePoint,
  type LiveStatus,
  type LiveTrack,
  lastSeenText,
  statusOf,
} from './live-track.js';
import { advanceHead, indexAt, positionAt, startHead } from './playback.js';
import './live.css';

/** Re-reads the clock this often for "Last seen … ago". */
const CLOCK_MS = 1000;

function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The live activity as the stream (or polling) tells it. */
function useLiveTrack(target: LiveTarget) {
  const [track, setTrack] = useState<LiveTrack | null>(null);
  const [trouble, setTrouble] = useState<string | null>(null);
  const [gone, setGone] = useState(false);
  const key = target.kind === 'link' ? target.token : target.activityId;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the target.
  useEffect(() => {
    setTrack(null);
    setGone(false);
    return followLive(target, {
      snapshot: (s) => setTrack(fromSnapshot(s)),
      event: (e) => setTrack((t) => (t ? applyEvent(t, e, Date.now()) : t)),
      trouble: setTrouble,
      gone: () => setGone(true),
    });
  }, [key]);
  return { track, trouble, gone };
}

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * The map: the track up to the playhead and a dot on it. The playhead runs a little behind the
 * newest point, moved every animation frame (or, with reduced motion, put on the newest point).
 */
function LiveMap({ points, finished }: { points: readonly LivePoint[]; finished: boolean }) {
  const [head, setHead] = useState<number | null>(null);
  const latest = useRef(points);
  latest.current = points;
  const jump = finished || prefersReducedMotion();

  useEffect(() => {
    if (jump) {
      setHead(null);
      return;
    }
    let frame = 0;
    let last = performance.now();
    let current: number | null = null;
    const step = (now: number) => {
      const pts = latest.current;
      if (pts.length) {
        const firstT = pts[0]!.t;
        const lastT = pts.at(-1)!.t;
        current =
          current === null
            ? startHead(firstT, lastT)
            : advanceHead(current, (now - last) / 1000, firstT, lastT);
        setHead(current);
      }
      last = now;
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [jump]);

  const t = head ?? points.at(-1)?.t ?? 0;
  const played = points.length ? indexAt(points, t) + 1 : 0;
  const dot = positionAt(points, t);
  // The drawn line grows when the playhead passes a point; the dot glides on its own.
  const route = useMemo(
    () => points.slice(0, played).map((p) => [p.lat, p.lng] as [number, number]),
    [points, played],
  );

  return (
    <div
      className="live-map"
      data-testid="live-map"
      data-points={points.length}
      data-played={played}
      data-dot={dot ? `${dot.lat.toFixed(6)},${dot.lng.toFixed(6)}` : ''}
    >
      <RouteMap
        route={route}
        markers={false}
        fitToRoute={false}
        dot={dot}
        label="Live track"
        className="route-map live-map-view"
      />
    </div>
  );
}

const STATUS_TEXT: Record<Exclude<LiveStatus, 'stale'>, string> = {
  live: 'Live',
  paused: 'Paused',
  ended: 'Ended',
  saved: 'Saved',
};

function StatusLine({ track, target, now }: { track: LiveTrack; target: LiveTarget; now: number }) {
  const status = statusOf(track, now);
  const text = status === 'stale' ? lastSeenText(track.seenAt, now) : STATUS_TEXT[status];
  return (
    <div
      className={`live-status live-status-${status}`}
      data-testid="live-status"
      data-status={status}
    >
      <p role="status">
        {status === 'live' && <span className="live-badge">LIVE</span>} {text}
      </p>
      {status === 'saved' && track.savedId && target.kind === 'follower' && (
        <Link href={`/activities/${track.savedId}`} className="button small">
          Saved — see the activity
        </Link>
      )}
      {status === 'ended' && (
        <p className="muted small">The athlete stopped sharing this activity.</p>
      )}
    </div>
  );
}

/**
 * A live activity: followers open /live/:activityId (signed in), safety-link holders
 * /live/link/:token without an account. The map plays the track back a little behind the
 * athlete; the numbers and the state come with each event.
 */
export function LivePage({ target }: { target: LiveTarget }) {
  const { track, trouble, gone } = useLiveTrack(target);
  const units = useUnits();
  const now = useNow();

  if (gone)
    return (
      <main className="page live-page">
        <h1>Not live</h1>
        <p role="alert">
          {target.kind === 'link'
            ? 'This link does not work any more: it expired or was revoked, or the activity is no longer live.'
            : 'This activity is not live, or it is not shared with you.'}
        </p>
        {target.kind === 'follower' && <Link href="/">Back to the feed</Link>}
      </main>
    );
  if (!track)
    return (
      <main className="page live-page muted">
        {trouble ? <p role="alert">{trouble}</p> : <p>Loading…</p>}
      </main>
    );

  const t = track.totals;
  const label = speedLabel(track.sport);
  return (
    <main className="page live-page" data-testid="live-page">
      <div className="page-head">
        <h1>Live {sportName(track.sport).toLowerCase()}</h1>
      </div>
      <StatusLine track={track} target={target} now={now} />
      {trouble && (
        <p role="alert" className="error">
          {trouble}
        </p>
      )}
      <LiveMap
        points={track.points}
        finished={track.state === 'saved' || track.state === 'ended'}
      />
      <dl className="stats-grid" aria-label="Live statistics">
        <Stat label="Distance" value={formatDistance(t.distance, units)} />
        <Stat label="Moving time" value={formatDuration(t.moving_time)} />
        <Stat label="Elapsed time" value={formatDuration(t.elapsed_time)} />
        <Stat label={label} value={formatSpeedFor(track.sport, t.current_speed, units)} />
        <Stat
          label={`Average ${label.toLowerCase()}`}
          value={formatSpeedFor(track.sport, t.average_speed, units)}
        />
        {t.current_heartrate !== null && (
          <Stat label="Heart rate" value={`${Math.round(t.current_heartrate)} bpm`} />
        )}
      </dl>
    </main>
  );
}
