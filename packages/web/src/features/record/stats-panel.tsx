import {
  formatDistance,
  formatDuration,
  formatElevation,
  formatSpeedFor,
  speedLabel,
  type Units,
} from '../../lib/format.js';
import type { RecorderState } from './recorder.js';

interface StatProps {
  testId: string;
  /** The unrounded number (metres, seconds, m/s), for anyone checking what is shown. */
  raw: number;
  label: string;
  value: string;
  unit?: string;
  main?: boolean;
}

function Stat({ testId, raw, label, value, unit, main }: StatProps) {
  return (
    <div
      className={main ? 'rec-stat rec-stat-main' : 'rec-stat'}
      data-testid={testId}
      data-value={raw}
    >
      <dt>{label}</dt>
      <dd>
        <span className="rec-value">{value}</span>
        {unit && <span className="rec-unit"> {unit}</span>}
      </dd>
    </div>
  );
}

/**
 * The live numbers: time running, distance, current pace or speed, moving time, elevation
 * gain, average pace or speed, elapsed. All come from core's LiveStats, so once the activity
 * is saved the server shows the same.
 */
export function StatsPanel({ state, units }: { state: RecorderState; units: Units }) {
  const t = state.totals;
  const label = speedLabel(state.sport);
  const speed = (mps: number) => split(formatSpeedFor(state.sport, mps, units));
  const stats: StatProps[] = [
    {
      testId: 'timer-time',
      raw: state.timerS,
      label: 'Time',
      ...split(formatDuration(state.timerS)),
      main: true,
    },
    {
      testId: 'distance',
      raw: t.distance,
      label: 'Distance',
      ...split(formatDistance(t.distance, units)),
    },
    { testId: label.toLowerCase(), raw: state.currentSpeed, label, ...speed(state.currentSpeed) },
    {
      testId: 'moving-time',
      raw: t.moving_time,
      label: 'Moving time',
      ...split(formatDuration(t.moving_time)),
    },
    {
      testId: 'elevation-gain',
      raw: t.total_elevation_gain,
      label: 'Elev gain',
      ...split(formatElevation(t.total_elevation_gain, units)),
    },
    {
      testId: 'average-speed',
      raw: t.average_speed,
      label: `Avg ${label.toLowerCase()}`,
      ...speed(t.average_speed),
    },
    {
      testId: 'elapsed-time',
      raw: state.elapsedS,
      label: 'Elapsed',
      ...split(formatDuration(state.elapsedS)),
    },
  ];
  return (
    <dl className="rec-stats" aria-label="Live statistics">
      {stats.map((s) => (
        <Stat key={s.testId} {...s} />
      ))}
    </dl>
  );
}

/** "4:54 /km" → big "4:54", small "/km": the shared formatters put the unit last. */
function split(text: string): { value: string; unit?: string } {
  const i = text.lastIndexOf(' ');
  return i < 0 ? { value: text } : { value: text.slice(0, i), unit: text.slice(i + 1) };
}
