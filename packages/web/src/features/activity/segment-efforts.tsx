import type { SegmentEffort, Units } from '@stride/client';
import type { MouseEvent } from 'react';
import { Link } from 'wouter';
import { EffortBadges } from '../../components/effort-badges.js';
import { Section } from '../../components/section.js';
import {
  formatDistance,
  formatDuration,
  formatGrade,
  formatSpeedFor,
  speedLabel,
} from '../../lib/format.js';

/**
 * The activity's segment efforts, in the order it met them: the segment (a link to its page),
 * time and pace or speed, and the honours (PR medals, KOM crown, top-10 place). Choosing an
 * effort (its button, or a tap anywhere on its row) shows that stretch on the map and charts.
 */
export function SegmentEfforts({
  efforts,
  sport,
  units,
  selected,
  onSelect,
  queen,
}: {
  efforts: SegmentEffort[] | undefined;
  sport: string;
  units: Units;
  selected: string | null;
  onSelect: (effort: SegmentEffort | null) => void;
  /** The athlete is known to be a woman: the crown reads QOM. */
  queen: boolean;
}) {
  if (!efforts?.length) return null;
  const sorted = [...efforts].sort((a, b) => a.start_index - b.start_index);
  return (
    <Section id="segments-title" title="Segments">
      <table className="efforts-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Honours</span>
            </th>
            <th scope="col">Segment</th>
            <th scope="col">Time</th>
            <th scope="col">
              <span className="visually-hidden">Show on the map</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((e) => {
            const on = selected === e.id;
            const toggle = () => onSelect(on ? null : e);
            // A tap on the row chooses it too; links and the button do their own thing.
            const rowClick = (ev: MouseEvent) => {
              if (!(ev.target as HTMLElement).closest('a, button')) toggle();
            };
            return (
              <tr
                key={e.id}
                className={on ? 'selected' : undefined}
                onClick={rowClick}
                data-effort={e.id}
              >
                <td className="honours">
                  <EffortBadges prRank={e.pr_rank} komRank={e.kom_rank} queen={queen} />
                </td>
                <th scope="row">
                  <Link href={`/segments/${e.segment.id}`} className="segment-link">
                    {e.segment.name}
                  </Link>
                  <span className="muted small block">
                    {formatDistance(e.segment.distance, units)} ·{' '}
                    {formatGrade(e.segment.average_grade)}
                  </span>
                </th>
                <td>
                  <strong>{formatDuration(e.elapsed_time)}</strong>
                  <span className="muted small block nowrap" title={speedLabel(sport)}>
                    {formatSpeedFor(
                      sport,
                      e.elapsed_time > 0 ? e.distance / e.elapsed_time : null,
                      units,
                    )}
                  </span>
                </td>
                <td className="show-cell">
                  <button
                    type="button"
                    className="icon-button show-effort"
                    aria-pressed={on}
                    aria-label={`Show ${e.segment.name} on the map`}
                    title="Show on the map"
                    onClick={toggle}
                  >
                    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                      <path
                        d="M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z"
                        fill="currentColor"
                      />
                    </svg>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}
