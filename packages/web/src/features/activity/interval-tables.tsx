import type { Units } from '@stride/client';
import type { BestEffort, Lap, Split, WindowBest, ZoneTime } from '@stride/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { Medal } from '../../components/effort-badges.js';
import { Section } from '../../components/section.js';
import {
  DASH,
  distanceUnit,
  formatDuration,
  formatElevation,
  formatMeasuredDistance,
  formatSpeed,
  formatSpeedFor,
  formatWindow,
  speedLabel,
} from '../../lib/format.js';

/** A lap's or split's pace or speed; none where no distance was measured (indoors, a pool). */
const speedOf = (
  sport: string,
  x: { distance: number | null; average_speed: number },
  units: Units,
) => ((x.distance ?? 0) > 0 ? formatSpeedFor(sport, x.average_speed, units) : DASH);

/** Kilometre (or mile) splits: pace or speed, elevation change and heart rate for each. */
export function SplitsTable({
  splits,
  sport,
  units,
}: {
  splits: Split[];
  sport: string;
  units: Units;
}) {
  if (!splits.length) return null;
  const hasHr = splits.some((s) => s.average_heartrate != null);
  const fastest = Math.max(...splits.map((s) => s.average_speed));
  return (
    <Section id="splits-title" title="Splits">
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{distanceUnit(units).toUpperCase()}</th>
              <th scope="col">{speedLabel(sport)}</th>
              <th scope="col">Elev</th>
              {hasHr && <th scope="col">HR</th>}
            </tr>
          </thead>
          <tbody>
            {splits.map((s) => (
              <tr key={s.split}>
                <th scope="row">{s.split}</th>
                <td>
                  <span className="bar-cell">
                    <span
                      className="bar-fill"
                      style={{ width: `${fastest > 0 ? (100 * s.average_speed) / fastest : 0}%` }}
                    />
                    <span>{speedOf(sport, s, units)}</span>
                  </span>
                </td>
                <td>{formatElevation(s.elevation_difference, units)}</td>
                {hasHr && (
                  <td>{s.average_heartrate != null ? Math.round(s.average_heartrate) : '–'}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

export function LapsTable({ laps, sport, units }: { laps: Lap[]; sport: string; units: Units }) {
  if (laps.length < 2) return null;
  return (
    <Section id="laps-title" title="Laps">
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Lap</th>
              <th scope="col">Distance</th>
              <th scope="col">Time</th>
              <th scope="col">{speedLabel(sport)}</th>
            </tr>
          </thead>
          <tbody>
            {laps.map((l) => (
              <tr key={l.lap_index}>
                <th scope="row">{l.lap_index}</th>
                <td>{formatMeasuredDistance(l.distance, units)}</td>
                <td>{formatDuration(l.moving_time)}</td>
                <td>{speedOf(sport, l, units)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/** A stretch of the activity chosen to show on the map and charts, with what to call it. */
export interface Stretch {
  key: string;
  label: string;
  start: number;
  end: number;
}

/** A best effort's name as a toggle that shows its stretch, or plain text when it cannot. */
function StretchToggle({
  stretch,
  selected,
  onSelect,
  children,
}: {
  stretch: Stretch | null;
  selected?: string | null | undefined;
  onSelect?: ((s: Stretch | null) => void) | undefined;
  children: ReactNode;
}) {
  if (!stretch || !onSelect) return <span>{children}</span>;
  const on = selected === stretch.key;
  return (
    <button
      type="button"
      className="link-button"
      aria-pressed={on}
      title="Show on the map and charts"
      onClick={() => onSelect(on ? null : stretch)}
    >
      {children}
    </button>
  );
}

const stretchOf = (key: string, label: string, start?: number, end?: number): Stretch | null =>
  start != null && end != null && end > start ? { key, label, start, end } : null;

/** A run's fastest 400 m, 1 km, 5 km… within the activity; each can be shown on the map. */
export function BestEfforts({
  efforts,
  selected,
  onSelect,
}: {
  /** With the effort's place among the athlete's own best (1–3) when the server ranks it. */
  efforts: (BestEffort & { pr_rank?: number | null })[];
  selected?: string | null;
  onSelect?: (s: Stretch | null) => void;
}) {
  if (!efforts.length) return null;
  return (
    <Section id="efforts-title" title="Best efforts">
      <ul className="effort-list">
        {efforts.map((e) => {
          const key = `best:${e.name}`;
          const stretch = stretchOf(
            key,
            `Best ${e.name} · ${formatDuration(e.elapsed_time)}`,
            e.start_index,
            e.end_index,
          );
          return (
            <li key={e.name} className={selected === key ? 'selected' : undefined}>
              <StretchToggle stretch={stretch} selected={selected} onSelect={onSelect}>
                {e.name}
              </StretchToggle>
              <span className="badges">
                {e.pr_rank != null && <Medal rank={e.pr_rank} />}
                <strong>{formatDuration(e.elapsed_time)}</strong>
              </span>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

/** A ride's best average power and speed over 5 s, 1, 5, 20 and 60 minutes (a power curve). */
export function RideBests({
  power = [],
  speed = [],
  units,
  selected,
  onSelect,
}: {
  power?: WindowBest[];
  speed?: WindowBest[];
  units: Units;
  selected?: string | null;
  onSelect?: (s: Stretch | null) => void;
}) {
  const durations = [...new Set([...power, ...speed].map((b) => b.duration))].sort((a, b) => a - b);
  if (!durations.length) return null;
  const at = (list: WindowBest[], d: number) => list.find((b) => b.duration === d);
  const cell = (b: WindowBest | undefined, kind: 'power' | 'speed') => {
    if (!b) return '–';
    const text = kind === 'power' ? `${Math.round(b.value)} W` : formatSpeed(b.value, units);
    const stretch = stretchOf(
      `${kind}:${b.duration}`,
      `Best ${formatWindow(b.duration)} ${kind} · ${text}`,
      b.start_index,
      b.end_index,
    );
    return (
      <StretchToggle stretch={stretch} selected={selected} onSelect={onSelect}>
        {text}
      </StretchToggle>
    );
  };
  return (
    <Section id="ride-bests-title" title="Best efforts">
      <div className="table-scroll">
        <table className="ride-bests">
          <thead>
            <tr>
              <th scope="col">Time</th>
              {power.length > 0 && <th scope="col">Power</th>}
              {speed.length > 0 && <th scope="col">Speed</th>}
            </tr>
          </thead>
          <tbody>
            {durations.map((d) => (
              <tr key={d}>
                <th scope="row">{formatWindow(d)}</th>
                {power.length > 0 && <td>{cell(at(power, d), 'power')}</td>}
                {speed.length > 0 && <td>{cell(at(speed, d), 'speed')}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/**
 * Time in each heart-rate zone, as a bar of its share of the timed total. Without zones (no
 * maximum heart rate or age known), the owner of an activity with heart rate is told how to
 * get them.
 */
export function HeartRateZones({
  zones,
  hint = false,
}: {
  zones?: ZoneTime[] | null;
  hint?: boolean;
}) {
  const total = zones?.reduce((sum, z) => sum + z.time, 0) ?? 0;
  if (!zones?.length || total <= 0) {
    if (!hint) return null;
    return (
      <Section id="hr-zones-title" title="Heart rate zones">
        <p className="muted">
          Set your maximum heart rate (or birth year) in <Link href="/settings">Settings</Link> to
          see time in zones; your past activities are updated too.
        </p>
      </Section>
    );
  }
  return (
    <Section id="hr-zones-title" title="Heart rate zones">
      <ol className="hr-zones">
        {zones.map((z, i) => {
          const share = (100 * z.time) / total;
          return (
            <li key={z.min}>
              <span className="hr-zone-name">Z{i + 1}</span>
              <span className="hr-zone-range">
                {z.max < 0 ? `${z.min}+` : z.min <= 0 ? `< ${z.max}` : `${z.min}–${z.max - 1}`} bpm
              </span>
              <span className="hr-zone-bar" aria-hidden="true">
                <span className={`hr-zone-fill zone-${i + 1}`} style={{ width: `${share}%` }} />
              </span>
              <span className="hr-zone-time">
                {formatDuration(z.time)} <small>{Math.round(share)}%</small>
              </span>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
