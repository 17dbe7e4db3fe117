import type { Segment, Units } from '@stride/client';
import { Link } from 'wouter';
import { formatDistance, formatGrade } from '../../lib/format.js';

/** Segments as a list: name (to its page), distance, grade and how many have ridden or run it. */
export function SegmentList({
  segments,
  units,
  label,
}: {
  segments: readonly Segment[];
  units: Units;
  label: string;
}) {
  return (
    <ul className="segment-list card" aria-label={label}>
      {segments.map((s) => (
        <li key={s.id}>
          <Link href={`/segments/${s.id}`} className="segment-link">
            {s.starred && (
              <span className="star-mark" role="img" aria-label="Starred">
                ★
              </span>
            )}
            {s.name}
          </Link>
          <span className="muted small">
            {formatDistance(s.distance, units)} · {formatGrade(s.average_grade)} · {s.athlete_count}{' '}
            {s.athlete_count === 1 ? 'athlete' : 'athletes'}
          </span>
        </li>
      ))}
    </ul>
  );
}
