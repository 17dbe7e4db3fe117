import {
  formatDistance,
  formatDuration,
  formatElevation,
  formatSpeed,
  type Units,
} from './format.js';
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
  const distance = formatDistance(t.distance, units);
  const current = formatSpeed(state.currentSpeed, state.sport, units);
  const average = formatSpeed(t.average_speed, state.sport, units);
  const gain = formatElevation(t.total_elevation_gain, units);
  const time = (s: number) => ({ value: formatDuration(s) });
  const stats: StatProps[] = [
    { testId: 'timer-time', raw: state.timerS, label: 'Time', ...time(state.timerS), main: true },
    { testId: 'distance', raw: t.distance, label: 'Distance', ...distance },
    {
      testId: current.label === 'Pace' ? 'pace' : 'speed',
      raw: state.currentSpeed,
      ...current,
    },
    { testId: 'moving-time', raw: t.moving_time, label: 'Moving time', ...time(t.moving_time) },
    { testId: 'elevation-gain', raw: t.total_elevation_gain, label: 'Elev gain', ...gain },
    {
      testId: 'average-speed',
      raw: t.average_speed,
      ...average,
      label: `Avg ${average.label.toLowerCase()}`,
    },
    { testId: 'elapsed-time', raw: state.elapsedS, label: 'Elapsed', ...time(state.elapsedS) },
  ];
  return (
    <dl className="rec-stats" aria-label="Live statistics">
      {stats.map((s) => (
        <Stat key={s.testId} {...s} />
      ))}
    </dl>
  );
}
