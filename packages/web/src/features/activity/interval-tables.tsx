import type { BestEffort, Lap, Split, Units } from '../../api/types.js';
import { Section } from '../../components/section.js';
import {
  distanceUnit,
  formatDistance,
  formatDuration,
  formatElevation,
  formatSpeedFor,
  speedLabel,
} from '../../lib/format.js';

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
                    <span>{formatSpeedFor(sport, s.average_speed, units)}</span>
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
                <td>{formatDistance(l.distance, units)}</td>
                <td>{formatDuration(l.moving_time)}</td>
                <td>{formatSpeedFor(sport, l.average_speed, units)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

export function BestEfforts({ efforts }: { efforts: BestEffort[] }) {
  if (!efforts.length) return null;
  return (
    <Section id="efforts-title" title="Best efforts">
      <ul className="effort-list">
        {efforts.map((e) => (
          <li key={e.name}>
            <span>{e.name}</span>
            <strong>{formatDuration(e.elapsed_time)}</strong>
          </li>
        ))}
      </ul>
    </Section>
  );
}
